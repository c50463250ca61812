/**
 * The tablet's sync timers stop with the session and start again with the next sign-in
 * (client/sync/sync-timers.ts, wired in client/app.tsx and client/services.ts), in Chromium against the
 * real server, the uploads counted where the server receives them (tests/e2e/harness.ts `puts`).
 * Sign-out: a finished interview whose upload the server keeps answering 500 waits for its backoff retry;
 * the enumerator signs out while the retry is waiting, and the server's answer to the sign-out is slow
 * (held past the moment the retry falls due, as on a poor network): no upload of that interview reaches
 * the server during or after the sign-out; signing back in sends it at once. Wipe: a coordinator revokes
 * the tablet while an upload is retrying; at the next contact the tablet sends it, deletes its data and
 * locks: no upload in the 15 s after (a 12 s backoff); signing back in on the wiped tablet (a new device
 * to the server), a new interview is uploaded again. The sign-out case fails when the sign-out's
 * stopSync (client/app.tsx) or the switch's uploader.stop() is removed; the wipe case does not catch a
 * missing stopSync in retireIfRevoked, as the wipe drops the data key first and a locked uploader sends
 * nothing (client/sync/uploader.ts), so it proves the outcome, not that call.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONFIG } from '../../client/config.ts';
import { MESSAGES } from '../../client/i18n.ts';
import { backoffDelay } from '../../client/sync/outbox-machine.ts';
import { PASSWORD } from '../helpers/server.ts';
import {
  answerHousehold,
  draftInterviewId,
  finish,
  finishedWhileUploadsFail,
  revokeTablet,
} from './steps.ts';
import { e2eSuite } from './suite.ts';

// two households each: the wiped tablet's second sign-in starts a new interview
const suite = e2eSuite({ assignmentsPerEnumerator: 2 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs in again: the app opens where it was left (the outbox), not on the assignments. */
async function signInAgain(page: Page, username: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('nav-sign-out').waitFor({ timeout: 30_000 });
}

describe('tablet: no upload after sign-out or wipe, uploads again after a sign-in', () => {
  it('signed out with a retry waiting: nothing is sent, even while the sign-out is slow; a sign-in sends it', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await finishedWhileUploadsFail(browser, e2e, 'enum_a1', ['Ana'], [30]);
    const interviewId = await draftInterviewId(page);
    const puts = () => e2e.puts.filter((p) => p.interviewId === interviewId).length;

    // three failures (sent, then retried twice): the next retry is 6 to 12 s away (CONFIG.backoff)
    await expect.poll(puts, { timeout: 30_000, interval: 50 }).toBe(3);
    await page.locator('[data-testid=outbox-item][data-state=retry_wait]').waitFor();
    const retryWithin = backoffDelay(3, CONFIG.backoff, () => 1);
    expect(retryWithin).toBe(12_000);

    // the server answers the sign-out only after the waiting retry has fallen due
    const signedOutAt = Date.now();
    await page.route('**/api/auth/logout', async (route) => {
      await sleep(retryWithin + 3_000 - (Date.now() - signedOutAt));
      await route.continue();
    });
    const before = puts();
    await page.getByTestId('nav-sign-out').click();
    await page.locator('input[name=password]').waitFor({ timeout: 30_000 });
    expect(Date.now() - signedOutAt).toBeGreaterThanOrEqual(retryWithin);
    await sleep(3_000);
    expect(puts()).toBe(before);

    // signed in again: the waiting upload goes at once and reaches the server
    e2e.faults.failPuts = 0;
    await signInAgain(page, 'enum_a1');
    await expect.poll(puts, { timeout: 30_000, interval: 100 }).toBe(before + 1);
    expect(e2e.puts.filter((p) => p.interviewId === interviewId).at(-1)?.status).toBe(201);
    expect(await e2e.revisionsOnServer(interviewId)).toEqual([1]);
    await context.close();
  }, 180_000);

  it('wiped with an upload retrying: it is sent, then nothing more; a sign-in on the wiped tablet uploads again', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await finishedWhileUploadsFail(browser, e2e, 'enum_b1', ['Bia'], [44]);
    const first = await draftInterviewId(page);
    const puts = () => e2e.puts.length;
    await expect.poll(puts, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    await page.locator('[data-testid=outbox-item][data-state=retry_wait]').waitFor();

    // revoked; at the next contact (the `online` event's sync) the tablet sends its interview and wipes
    const staff = await revokeTablet(browser, e2e.baseUrl, 'enum_b1');
    await staff.context.close();
    e2e.faults.failPuts = 0;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByTestId('retired').waitFor({ timeout: 60_000 });
    expect(await e2e.revisionsOnServer(first)).toEqual([1]);

    // wiped: no upload for longer than the longest backoff of a third failure
    const wiped = puts();
    const onServer = (await e2e.interviewsOnServer()).length;
    await sleep(backoffDelay(3, CONFIG.backoff, () => 1) + 3_000);
    expect(puts()).toBe(wiped);

    // signed in again (a new device to the server): a new interview is uploaded
    await signInAgain(page, 'enum_b1');
    await page.getByRole('button', { name: MESSAGES.pt['nav.assignments'] }).click();
    await page.waitForSelector('[data-testid^=assignment-]');
    await answerHousehold(page, ['Rui'], [61]);
    await finish(page, 'Finalizar');
    await expect.poll(puts, { timeout: 30_000, interval: 100 }).toBe(wiped + 1);
    expect(e2e.puts.at(-1)?.status).toBe(201);
    expect((await e2e.interviewsOnServer()).length).toBe(onServer + 1);
    await context.close();
  }, 240_000);
});
