/**
 * The frame most tablet e2e files share: before the file, the real server behind a fresh build of the
 * app (startE2E, harness.ts) and Debian's Chromium; after it, the browser contexts a test left in
 * `contexts` (a failed test's), the browser and the server closed. The returned object holds them once
 * the file's tests run (read `suite.e2e`, `suite.browser` inside a test, not at import).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { type E2E, startE2E } from './harness.ts';

export interface E2ESuite {
  e2e: E2E;
  browser: Browser;
  /** Contexts to close after the file, whether its tests closed them or not. */
  contexts: BrowserContext[];
}

export function e2eSuite(options: Parameters<typeof startE2E>[0] = {}, setupMs = 180_000): E2ESuite {
  const suite = { contexts: [] as BrowserContext[] } as E2ESuite;
  beforeAll(async () => {
    suite.e2e = await startE2E(options);
    suite.browser = await launchChromium();
  }, setupMs);
  afterAll(async () => {
    for (const c of suite.contexts) await c.close().catch(() => {});
    await suite.browser?.close();
    await suite.e2e?.close();
  });
  return suite;
}
