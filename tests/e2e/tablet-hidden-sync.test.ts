/**
 * The tablet's uploads paced to the app being on screen, in Chromium against the real server (every
 * upload answered 500, so the interview keeps retrying): while visible the finished interview is sent
 * and retried after its backoff; while hidden (document.visibilityState 'hidden' and its
 * `visibilitychange`, as a tablet switched to another app) no upload at all for over a minute, though
 * its backoff retries and the periodic upload (CONFIG.outboxFlush, every minute) fall due meanwhile;
 * back on screen, a retry that fell due while hidden goes at once, not at the periodic upload's next
 * minute (hidden a few seconds, the minute not yet due).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONFIG } from '../../client/config.ts';
import { finishedWhileUploadsFail } from './steps.ts';
import { e2eSuite } from './suite.ts';

const suite = e2eSuite();

/** The page as the browser shows a hidden or visible tab: the state and its event. */
function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  return page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('tablet: no upload while the app is hidden', () => {
  it('a retry due while hidden goes when the app is back; hidden over a minute, no request at all', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await finishedWhileUploadsFail(browser, e2e, 'enum_a1', ['Ana'], [30]);
    const puts = () => e2e.puts.length;

    // visible: sent at once, then retried after its backoff (CONFIG.backoff: 3 s, doubled, jittered)
    await expect.poll(puts, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(2);

    // hidden just after a failure: the next retry (in 3 to 6 s) falls due while hidden and waits
    await setVisibility(page, 'hidden');
    await sleep(500); // a request already on its way when the app went away
    let hidden = puts();
    await sleep(8_000);
    expect(puts()).toBe(hidden);
    // back on screen: the due retry goes at once, not at the periodic upload's next minute
    let back = Date.now();
    await setVisibility(page, 'visible');
    await expect.poll(puts, { timeout: 5_000, interval: 100 }).toBe(hidden + 1);
    expect(Date.now() - back).toBeLessThan(5_000);

    // hidden over a minute: neither the retries nor the periodic upload (every minute) send anything
    await setVisibility(page, 'hidden');
    await sleep(500);
    hidden = puts();
    await sleep(CONFIG.outboxFlush.intervalMs + 5_000);
    expect(puts()).toBe(hidden);
    expect(await page.locator('[data-testid=outbox-item][data-state=retry_wait]').count()).toBe(1);
    back = Date.now();
    await setVisibility(page, 'visible');
    await expect.poll(puts, { timeout: 5_000, interval: 100 }).toBe(hidden + 1);
    expect(Date.now() - back).toBeLessThan(5_000);
    e2e.faults.failPuts = 0;
    await context.close();
  }, 240_000);
});
