/**
 * In Chromium, an interview shows survey-core's interface in the interview's language and no other: the
 * e2e survey (tests/e2e/fixtures/questionnaires/e2e, six languages) copied with IPEI's interface
 * catalogues (questionnaires/ipei/interface/kea.json, wo.json) and its household size given a range 1-30,
 * served by the real server. In each of pt, kea, fr, en, wo and zh-Hans the navigation buttons, the
 * required message and the range message are that language's, as survey-core (pt, fr, en, zh-cn) or the
 * catalogue (kea, wo) has them, and no other language's text of them appears in the interview.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interfaceStringsFor } from '../../client/interview/interface-locales.ts';
import { launchChromium } from '../helpers/browser.ts';
import { type E2E, E2E_QUESTIONNAIRES, REPO_QUESTIONNAIRES, startE2E } from './harness.ts';
import { login, openTablet, settled } from './steps.ts';

const LANGUAGES = ['pt', 'kea', 'fr', 'en', 'wo', 'zh-Hans'];
const MAX = 30;

const dir = mkdtempSync(join(tmpdir(), 'morabeza-interface-e2e-'));
let e2e: E2E;
let browser: Browser;

/** What each language must show: its buttons and messages, from survey-core or IPEI's catalogue. */
function expected(lang: string) {
  const catalogue = (() => {
    try {
      const raw = JSON.parse(
        readFileSync(join(REPO_QUESTIONNAIRES, 'ipei', 'interface', `${lang}.json`), 'utf8'),
      );
      return Object.fromEntries(
        Object.entries(raw as Record<string, { text: string }>).map(([k, e]) => [k, e.text]),
      );
    } catch {
      return undefined;
    }
  })();
  const s = interfaceStringsFor(lang, catalogue);
  if (!s) throw new Error(`no interface strings for ${lang}`);
  return {
    prev: s.pagePrevText,
    next: s.pageNextText,
    required: s.requiredError,
    range: s.maxError.replace('{0}', String(MAX)),
  };
}

beforeAll(async () => {
  cpSync(E2E_QUESTIONNAIRES, dir, { recursive: true });
  for (const lang of ['kea', 'wo'])
    cpSync(
      join(REPO_QUESTIONNAIRES, 'ipei', 'interface', `${lang}.json`),
      join(dir, 'e2e', 'interface', `${lang}.json`),
    );
  const file = join(dir, 'e2e', 'household.v1.json');
  const form = JSON.parse(readFileSync(file, 'utf8'));
  const size = form.pages[1].elements.find((e: { name: string }) => e.name === 'b03_size');
  size.validators = [];
  size.min = 1;
  size.max = MAX;
  writeFileSync(file, JSON.stringify(form, null, 2));
  e2e = await startE2E({ questionnairesDir: dir });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tablet: the interface of each interview language', () => {
  it('shows buttons, required and range messages of the chosen language only, in all six', async () => {
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a1');
    await page.locator('[data-testid^=assignment-] button').first().click();
    await page.getByText('Sim', { exact: true }).click();
    await page.getByRole('button', { name: expected('pt').next, exact: true }).click();
    const size = page.locator('[data-name=b03_size] input');
    await size.waitFor();
    const root = page.locator('.sd-root-modern');
    const errors = page.locator('.sd-root-modern .sd-question__erbox');
    const all = Object.fromEntries(LANGUAGES.map((l) => [l, expected(l)]));

    for (const lang of LANGUAGES) {
      const want = all[lang];
      await page.selectOption('[data-testid=interview-language]', lang);
      await page.getByRole('button', { name: want.prev, exact: true }).waitFor();

      await size.fill('99');
      await size.blur();
      await page.getByRole('button', { name: want.next, exact: true }).click();
      await expect.poll(() => errors.allInnerTexts()).toEqual([want.range]);
      const withRange = (await root.textContent()) ?? '';

      await size.fill('');
      await size.blur();
      await page.getByRole('button', { name: want.next, exact: true }).click();
      await expect.poll(() => errors.allInnerTexts()).toEqual([want.required]);
      const withRequired = (await root.textContent()) ?? '';
      const buttons = (await root.getByRole('button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      await page.screenshot({ path: join(tmpdir(), `morabeza-interface-${lang}.png`) });

      expect(buttons, lang).toContain(want.prev);
      expect(buttons, lang).toContain(want.next);
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        const theirs = all[other];
        for (const key of ['prev', 'next'] as const)
          if (theirs[key] !== want[key])
            expect(buttons, `${lang} shows ${other}'s ${key}`).not.toContain(theirs[key]);
        expect(withRequired, `${lang} shows ${other}'s required message`).not.toContain(theirs.required);
        expect(withRange, `${lang} shows ${other}'s range message`).not.toContain(theirs.range);
      }
    }
    await settled(page);
    await context.close();
  }, 180_000);
});
