/**
 * Review end to end in Debian's Chromium: a supervisor returns an interview with a comment on a
 * question, the enumerator's tablet shows it, the revision comes back, the supervisor approves it, the
 * coordinator gives the final approval, and the dashboard's counts move at each step.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { envelope, PASSWORD } from '../helpers/server.ts';
import { type E2E, E2E_QUESTIONNAIRE_ID, startE2E } from './harness.ts';
import { answerHousehold, finish, login, openTablet, settled } from './steps.ts';

let e2e: E2E;
let browser: Browser;
const contexts: BrowserContext[] = [];
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(tmpdir(), `morabeza-${name}.png`), fullPage: true });

beforeAll(async () => {
  e2e = await startE2E();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await e2e?.close();
});

/** A supervisor's or coordinator's browser (a laptop), logged in. */
async function openStaff(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pt-PT' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(e2e.baseUrl);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.locator('[data-testid=review-queue], [data-testid=dashboard]').first().waitFor();
  return page;
}

async function tiles(page: Page) {
  const read = async (k: string) =>
    Number(await page.getByTestId(`tile-${k}`).locator('strong').textContent());
  return {
    completed: await read('completed'),
    supApproved: await read('supApproved'),
    approved: await read('approved'),
  };
}

describe('review in the browser', () => {
  it('return with a comment, the tablet shows it, revision 2 comes back, approve, final approval; the dashboard follows', async () => {
    // the enumerator's tablet: one complete interview, uploaded
    const tablet = await openTablet(browser, e2e.baseUrl);
    contexts.push(tablet.context);
    const t = tablet.page;
    await login(t, 'enum_a1');
    await answerHousehold(t, ['Ana', 'Bruno'], [41, 39]);
    await finish(t, 'Finalizar');
    await t.waitForSelector('[data-testid=outbox-empty]', { timeout: 60_000 });
    const [interview] = await e2e.interviewsOnServer();
    await e2e.ctx.jobs.drain();

    // the coordinator's dashboard before any review
    const coord = await openStaff('coord');
    await coord.getByTestId('dashboard').waitFor();
    // the server runs the test survey and the e2e survey: the dashboard is one survey's
    await coord.getByTestId('dash-survey').selectOption('e2e');
    await coord.getByTestId('island-map').waitFor();
    expect(await tiles(coord)).toEqual({ completed: 1, supApproved: 0, approved: 0 });

    // the supervisor opens it from the queue, comments on one question and returns it
    const sup = await openStaff('sup_a');
    const row = sup.getByTestId(`queue-row-${interview.id}`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Abrir' }).click();
    await sup.locator('[data-testid=review-interview] .sd-root-modern').waitFor();
    await sup.getByText('Número de membros').first().waitFor();
    await sup.getByRole('button', { name: 'Comentar b03_size' }).click();
    expect(await sup.getByTestId('comment-target').textContent()).toBe('b03_size');
    await sup.fill('#review-comment-text', 'Confirme o número de membros');
    await sup.getByRole('button', { name: 'Juntar comentário' }).click();
    await sup.getByRole('button', { name: 'Devolver ao inquiridor' }).click();
    // after the decision the screen goes on: here the queue, with what was done
    await sup.getByTestId('queue-message').filter({ hasText: 'devolvida' }).waitFor();
    await sup.getByTestId('queue-status').selectOption('returned');
    await sup.getByTestId(`queue-row-${interview.id}`).getByRole('button', { name: 'Abrir' }).click();
    await sup.getByTestId('review-status').filter({ hasText: 'devolvida' }).waitFor();
    await sup
      .locator('.review-aside .supervisor-comment', { hasText: 'Confirme o número de membros' })
      .waitFor();
    await shot(sup, 'review-returned');
    expect((await e2e.interviewsOnServer())[0].status).toBe('returned');

    // the tablet brings it back and shows the comment at the question; the fix goes up as revision 2
    await t.getByRole('button', { name: 'Tarefas' }).click();
    await t.getByRole('button', { name: 'Descarregar atualizações' }).click();
    const card = t.locator('[data-testid^=assignment-][data-status="state.returned"]');
    await card.waitFor();
    await card.getByRole('button', { name: 'Corrigir (devolvida)' }).click();
    await t.getByRole('button', { name: 'Próximo' }).click();
    await t.locator('.supervisor-comment', { hasText: 'Confirme o número de membros' }).waitFor();
    await t.getByRole('button', { name: 'Próximo' }).click();
    await t.locator('textarea').first().fill('Confirmado: 2 membros');
    await settled(t);
    await finish(t, 'Finalizar');
    await t.waitForSelector('[data-testid=outbox-empty]', { timeout: 60_000 });
    expect(await e2e.revisionsOnServer(interview.id)).toEqual([1, 2]);
    await e2e.ctx.jobs.drain();

    // the supervisor approves revision 2
    await sup.getByRole('button', { name: 'Voltar à fila' }).click();
    const again = sup.locator(`[data-testid=queue-row-${interview.id}][data-status=validated]`);
    await again.waitFor();
    await again.getByRole('button', { name: 'Abrir' }).click();
    await sup.getByRole('heading', { name: /Revisão 2/ }).waitFor();
    expect(await sup.getByTestId('review-history').textContent()).toContain(
      'devolveu · b03_size: Confirme o número de membros',
    );
    await sup.getByRole('button', { name: 'Aprovar', exact: true }).click();
    await sup.getByTestId('queue-message').filter({ hasText: 'aprovada pelo supervisor' }).waitFor();

    // the dashboard moved: one approved by the supervisor
    await coord.reload();
    await coord.getByTestId('dashboard').waitFor();
    expect(await tiles(coord)).toEqual({ completed: 1, supApproved: 1, approved: 0 });

    // the coordinator gives the final approval; the dashboard counts it
    await coord.getByTestId('tab-queue').click();
    await coord.getByTestId('queue-status').selectOption('approved_by_supervisor');
    await coord.getByTestId(`queue-row-${interview.id}`).getByRole('button', { name: 'Abrir' }).click();
    await coord.getByRole('button', { name: 'Aprovação final' }).click();
    await coord
      .getByTestId('queue-message')
      .filter({ hasText: /aprovada\.$/ })
      .waitFor();
    await coord.getByTestId('tab-dashboard').click();
    await coord.getByTestId('dashboard').waitFor();
    expect(await tiles(coord)).toEqual({ completed: 1, supApproved: 1, approved: 1 });
    expect(await coord.getByTestId('island-santiago').getAttribute('data-completed')).toBe('1');
    await shot(coord, 'dashboard');
    expect((await e2e.interviewsOnServer())[0].status).toBe('approved');
  }, 300_000);

  it('puts each flag beside the roster question it concerns, and reads the interview in English', async () => {
    const env = envelope(e2e.ctx, 'enum_a2', {
      questionnaireId: E2E_QUESTIONNAIRE_ID,
      answers: {
        a02_island: '7',
        a04_ea: 'CV-PR-0001',
        b01_consent: 1,
        b03_size: 2,
        members: [
          { p_name: 'Ana', p_age: 41 },
          { p_name: 'Rui', p_age: 150 },
        ],
        outcome: 11,
      },
    });
    const res = await e2e.ctx.request('PUT', `/api/interviews/${env.interviewId}`, {
      as: 'enum_a2',
      body: env,
    });
    expect(res.status).toBe(201);
    await e2e.ctx.jobs.drain();
    const sup = await openStaff('sup_a');
    await sup.getByLabel('Idioma', { exact: true }).selectOption('en');
    await sup.getByTestId('queue-status').selectOption('validated');
    const row = sup.getByTestId(`queue-row-${env.interviewId}`);
    await row.waitFor();
    expect(Number(await row.locator('td.flagged').textContent())).toBeGreaterThanOrEqual(1);
    await shot(sup, 'review-queue');
    await row.getByRole('button', { name: 'Open' }).click();
    await sup.getByTestId('review-language').selectOption('en');
    await sup.getByText('Household members').waitFor();
    const second = sup.locator('.review-aside[data-path="members[1].p_age"] .review-flag');
    await second.waitFor();
    expect(await second.getAttribute('data-code')).toMatch(/^validation\./);
    // a plain sentence for the reviewer, the code kept for who needs it
    expect(await second.textContent()).toMatch(/^⚑ Error: /);
    expect(await sup.locator('.review-aside[data-path="members[0].p_age"] .review-flag').count()).toBe(0);
    expect(await sup.getByRole('button', { name: 'Approve', exact: true }).isVisible()).toBe(true);
    await second.scrollIntoViewIfNeeded();
    await sup.screenshot({ path: join(tmpdir(), 'morabeza-review-flag.png') });
  }, 120_000);
});
