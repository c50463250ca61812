/**
 * Faults the enumerator must survive, in Chromium against the real server with 10-second sessions:
 * a 401 after the session expired (renewed silently, or by logging in again after a reload) and a
 * 409 conflict (kept on the tablet, visible, with a plain message).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { envelope, PASSWORD } from '../helpers/server.ts';
import { type E2E, E2E_QUESTIONNAIRE_ID, startE2E } from './harness.ts';
import {
  answerHousehold,
  draftInterviewId,
  finish,
  login,
  openTablet,
  waitForSessionExpiry,
} from './steps.ts';

const SESSION_MS = 10_000;
let e2e: E2E;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e2e = await startE2E({ settings: { sessionTtlMs: SESSION_MS } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await e2e?.close();
});

const open = async () => {
  const tablet = await openTablet(browser, e2e.baseUrl);
  contexts.push(tablet.context);
  return tablet;
};

describe('tablet: faults', () => {
  it('a session that expired mid-interview is renewed with the password held in memory, and the upload goes through', async () => {
    const { page } = await open();
    await login(page, 'enum_a1');
    await answerHousehold(page, ['Ana', 'Rui'], [30, 4]);
    await waitForSessionExpiry(page);
    await finish(page, 'Finalizar');
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 30_000 });
    const id = await draftInterviewId(page);
    expect(await e2e.revisionsOnServer(id)).toEqual([1]);
    expect(e2e.puts.filter((p) => p.interviewId === id).map((p) => p.status)).toEqual([401, 201]);
  }, 120_000);

  it('after a reload the password is gone: the tablet keeps the interview, says the session expired, and sends it after a new login', async () => {
    const { page } = await open();
    await login(page, 'enum_a2');
    await answerHousehold(page, ['Djon'], [52]);
    await page.reload();
    await page.getByText('Completa', { exact: true }).waitFor();
    await waitForSessionExpiry(page);
    await finish(page, 'Finalizar');

    await page.getByRole('alert').filter({ hasText: 'Sessão expirada' }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=outbox-item][data-state=auth_wait]').waitFor();
    const id = await draftInterviewId(page);
    expect(await e2e.revisionsOnServer(id)).toEqual([]);

    await page.getByRole('alert').getByRole('button', { name: 'Entrar' }).click();
    // Back on the login screen; after it the app returns to the outbox, which empties.
    await page.fill('input[name=username]', 'enum_a2');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 30_000 });
    expect(await e2e.revisionsOnServer(id)).toEqual([1]);
    expect(e2e.puts.filter((p) => p.interviewId === id).map((p) => p.status)).toEqual([401, 201]);
  }, 120_000);

  it('a 409 conflict keeps the interview on the tablet, visible, with a plain message', async () => {
    const { page } = await open();
    await login(page, 'enum_b1');
    await answerHousehold(page, ['Fatou'], [28]);
    const id = await draftInterviewId(page);
    // Someone else's copy of the same interview id and revision reaches the server first.
    const other = envelope(e2e.ctx, 'enum_b1', {
      interviewId: id,
      questionnaireId: E2E_QUESTIONNAIRE_ID,
      answers: { b01_consent: 2 },
    });
    expect(
      (await e2e.ctx.request('PUT', `/api/interviews/${id}`, { as: 'enum_b1', body: other })).status,
    ).toBe(201);

    await finish(page, 'Finalizar');
    const item = page.locator('[data-testid=outbox-item][data-state=conflict]');
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain('Conflito: contacte o supervisor');
    const log = await page.locator('[data-testid=sync-log] li').first().textContent();
    expect(log).toContain('Conflito');
    // "Sync now" does not resend a conflict: it stays for a person to decide.
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-now').filter({ hasText: 'Sincronizar agora' }).waitFor();
    expect(e2e.puts.filter((p) => p.interviewId === id).map((p) => p.status)).toEqual([409]);
    expect(await page.locator('[data-testid=outbox-item][data-state=conflict]').count()).toBe(1);
  }, 120_000);
});
