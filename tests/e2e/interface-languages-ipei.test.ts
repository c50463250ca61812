/**
 * In Chromium, the real IPEI household questionnaire (questionnaires/ipei, as published) opened in each of its
 * six interview languages: the cover page's button and the required messages left by an empty page are the
 * language's own (survey-core's pt, fr, en, zh-cn; Kriolu and Wolof from questionnaires/ipei/interface/),
 * and no other language's button or required message is on the page.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interfaceStringsFor } from '../../client/interview/interface-locales.ts';
import { launchChromium } from '../helpers/browser.ts';
import { type E2E, REPO_QUESTIONNAIRES, startE2E } from './harness.ts';
import { login, openTablet } from './steps.ts';

let e2e: E2E;
let browser: Browser;

const profile = JSON.parse(readFileSync(join(REPO_QUESTIONNAIRES, 'ipei', 'profile.json'), 'utf8')) as {
  languages: { code: string }[];
};
const LANGUAGES = profile.languages.map((l) => l.code);

function expected(lang: string) {
  let catalogue: Record<string, string> | undefined;
  try {
    const raw = JSON.parse(
      readFileSync(join(REPO_QUESTIONNAIRES, 'ipei', 'interface', `${lang}.json`), 'utf8'),
    ) as Record<string, { text: string }>;
    catalogue = Object.fromEntries(Object.entries(raw).map(([k, e]) => [k, e.text]));
  } catch {
    catalogue = undefined;
  }
  const s = interfaceStringsFor(lang, catalogue);
  if (!s) throw new Error(`no interface strings for ${lang}`);
  return { next: s.pageNextText, required: s.requiredError };
}

beforeAll(async () => {
  e2e = await startE2E({ questionnaireId: 'ipei-household', questionnairesDir: REPO_QUESTIONNAIRES });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

describe('tablet: the IPEI questionnaire in its six languages', () => {
  it("shows the cover page's button and required messages in the chosen language only", async () => {
    expect(LANGUAGES).toEqual(['pt', 'kea', 'fr', 'en', 'wo', 'zh-Hans']);
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a1');
    await page.locator('[data-testid^=assignment-] button').first().click();
    await page.waitForSelector('.sd-root-modern');
    const root = page.locator('.sd-root-modern');
    const errors = page.locator('.sd-root-modern .sd-question__erbox');
    const all = Object.fromEntries(LANGUAGES.map((l) => [l, expected(l)]));

    for (const lang of LANGUAGES) {
      const want = all[lang];
      await page.selectOption('[data-testid=interview-language]', lang);
      await page.getByRole('button', { name: want.next, exact: true }).click();
      await expect.poll(async () => (await errors.allInnerTexts()).length).toBeGreaterThanOrEqual(3);
      expect(new Set(await errors.allInnerTexts()), lang).toEqual(new Set([want.required]));
      const buttons = (await root.getByRole('button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      const text = (await root.textContent()) ?? '';
      await page.screenshot({ path: join(tmpdir(), `morabeza-interface-ipei-${lang}.png`) });
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        if (all[other].next !== want.next)
          expect(buttons, `${lang} shows ${other}'s button`).not.toContain(all[other].next);
        expect(text, `${lang} shows ${other}'s required message`).not.toContain(all[other].required);
      }
    }
    await context.close();
  }, 180_000);
});
