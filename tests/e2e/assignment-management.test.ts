/**
 * Assignment management in Debian's Chromium: a supervisor, on the "Tarefas" tab at 1280x800 (and 800x1280), cancels
 * one assignment, hands another to a different enumerator and assigns the cancelled household anew,
 * each with a reason (required before anything is sent); the audit log keeps the reasons, and the enumerators' tablets drop or gain the assignment at their next sync.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema.ts';
import { launchChromium } from '../helpers/browser.ts';
import { PASSWORD } from '../helpers/server.ts';
import { type E2E, startE2E } from './harness.ts';
import { login, openTablet } from './steps.ts';

let e2e: E2E;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await e2e?.close();
});

async function openStaff(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-PT' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(e2e.baseUrl);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.locator('[data-testid=review-queue], [data-testid=dashboard]').first().waitFor();
  return page;
}

const reasonOf = async (action: string, id: string) =>
  (
    await e2e.ctx.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, id)))
  ).map((r) => (r.details as { reason: string }).reason);

describe('assignment management in the browser', () => {
  it('cancels and reassigns from the staff screen; the tablets follow at their next sync', async () => {
    const tablet = await openTablet(browser, e2e.baseUrl);
    contexts.push(tablet.context);
    const t = tablet.page;
    await login(t, 'enum_a1');
    await t.getByTestId('assignment-A-enum_a1').waitFor();

    const sup = await openStaff('sup_a');
    await sup.getByTestId('tab-assignments').click();
    const screen = sup.getByTestId('assignment-manage');
    await screen.waitFor();
    // the supervisor sees their team's two assignments, not team B's
    await sup.getByTestId('manage-row-A-enum_a1').waitFor();
    expect(await sup.getByTestId('manage-row-A-enum_b1').count()).toBe(0);
    expect(await sup.getByTestId('manage-range').textContent()).toBe('1–2 de 2');

    // cancel: the reason is required before the request goes
    await sup.getByTestId('cancel-A-enum_a1').click();
    await sup.getByTestId('change-submit').click();
    expect(await reasonOf('assignment.cancel', 'A-enum_a1')).toEqual([]);
    await sup.getByTestId('change-reason').fill('Agregado mudou-se antes da visita');
    await sup.getByTestId('change-submit').click();
    await sup.locator('[data-testid=manage-row-A-enum_a1][data-status=cancelled]').waitFor();
    expect(await sup.getByTestId('manage-message').textContent()).toContain('A-enum_a1');
    expect(await sup.getByTestId('manage-row-A-enum_a1').textContent()).toContain('Cancelada');
    expect(await sup.getByTestId('cancel-A-enum_a1').count()).toBe(0);

    // reassign enum_a2's assignment to enum_a1
    await sup.getByTestId('reassign-A-enum_a2').click();
    await sup.getByTestId('change-enumerator').selectOption(e2e.ctx.userIds.enum_a1);
    await sup.getByTestId('change-reason').fill('enum_a2 de baixa esta semana');
    await sup.getByTestId('change-submit').click();
    await sup.getByTestId('manage-row-A-enum_a2').getByText('enum_a1').waitFor();

    // the reassigned assignment's history shows who, what and why
    await sup.getByTestId('history-A-enum_a2').click();
    const history = sup.getByTestId('history-panel');
    await history.getByText('enum_a2 de baixa esta semana').waitFor();
    expect(await history.textContent()).toContain('passada de enum_a2 para enum_a1');
    await history.getByRole('button', { name: 'Fechar' }).click();

    // the cancelled household assigned anew, to enum_a2
    await sup.getByTestId('create-open').click();
    await sup.getByTestId('create-ea').fill('CV-PR-0001');
    await sup.getByTestId('create-dwelling').fill('1');
    await sup.getByTestId('change-enumerator').selectOption(e2e.ctx.userIds.enum_a2);
    await sup.getByTestId('change-reason').fill('Agregado voltou; nova visita');
    await sup.getByTestId('change-submit').click();
    await sup.getByTestId('manage-range').getByText('1–3 de 3').waitFor();
    const created = await e2e.ctx.database.db
      .select({ id: auditLog.entityId, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'assignment.create'));
    expect(created.map((c) => (c.details as { reason: string }).reason)).toEqual([
      'Agregado voltou; nova visita',
    ]);
    await sup.locator(`[data-testid="manage-row-${created[0].id}"][data-status=assigned]`).waitFor();
    await sup.screenshot({ path: join(tmpdir(), 'morabeza-assignment-management.png'), fullPage: true });

    // the screen fits 1280 px, and a tablet held upright (800 px)
    const fits = () =>
      sup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(await fits()).toBe(true);
    await sup.setViewportSize({ width: 800, height: 1280 });
    await sup.getByTestId('history-A-enum_a2').click();
    await sup.getByTestId('history-panel').waitFor();
    await sup.screenshot({ path: join(tmpdir(), 'morabeza-assignment-management-800.png'), fullPage: true });
    expect(await fits()).toBe(true);

    expect(await reasonOf('assignment.cancel', 'A-enum_a1')).toEqual(['Agregado mudou-se antes da visita']);
    expect(await reasonOf('assignment.reassign', 'A-enum_a2')).toEqual(['enum_a2 de baixa esta semana']);

    // enum_a1's tablet at its next sync: the cancelled one gone, the reassigned one there
    await t.getByRole('button', { name: 'Descarregar atualizações' }).click();
    await t.getByTestId('assignment-A-enum_a2').waitFor();
    expect(await t.getByTestId('assignment-A-enum_a1').count()).toBe(0);
  });
});
