/**
 * Content-Security-Policy: the server sends a policy without 'unsafe-inline' or 'unsafe-eval' for
 * scripts, and the built tablet app runs under it in Chromium (login, the assignments, an interview
 * with SurveyJS, the outbox) without a single policy violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { type E2E, startE2E } from './harness.ts';
import { answerHousehold, login, openTablet } from './steps.ts';

let e2e: E2E;
let browser: Browser;
beforeAll(async () => {
  e2e = await startE2E({ secureHeaders: true });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

describe('Content-Security-Policy', () => {
  it('is sent with the app and nothing the tablet does violates it', async () => {
    const res = await fetch(`${e2e.baseUrl}/`);
    const policy = res.headers.get('content-security-policy') ?? '';
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scripts).toBe("'self'");
    expect(policy).toContain("frame-ancestors 'none'");

    const { context, page } = await openTablet(browser, e2e.baseUrl);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.reload();
    await login(page, 'enum_a1');
    await answerHousehold(page, ['Ana'], [30]);
    await page.getByTestId('nav-outbox').click();
    await page.locator('[data-testid=sync-log]').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});
