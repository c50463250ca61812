/**
 * In Chromium, the real IPEI household questionnaire (questionnaires/ipei, as published) opened in each of its
 * six interview languages: the cover page's button and the required messages left by an empty page are the
 * language's own (survey-core's pt, fr, en, zh-cn; Kriolu and Wolof from questionnaires/ipei/interface/),
 * the cover page's own texts (survey and page titles, the questions shown without a condition, the
 * contact item's answers) are the language's text from the questionnaire, and no other language's button,
 * required message or cover text is on the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interfaceStringsFor } from '../../client/interview/interface-locales.ts';
import { assignments } from '../../server/db/schema.ts';
import { launchChromium } from '../helpers/browser.ts';
import { type E2E, REPO_QUESTIONNAIRES, startE2E } from './harness.ts';
import { login, openTablet } from './steps.ts';

let e2e: E2E;
let browser: Browser;

const profile = JSON.parse(readFileSync(join(REPO_QUESTIONNAIRES, 'ipei', 'profile.json'), 'utf8')) as {
  languages: { code: string }[];
};
const LANGUAGES = profile.languages.map((l) => l.code);

type Localized = string | Record<string, string> | undefined;
type Element = {
  name: string;
  type: string;
  title?: Localized;
  visibleIf?: string;
  choices?: { text?: Localized }[];
  templateElements?: Element[];
};

/** The latest published household version (the one new assignments get). */
const latest = readdirSync(join(REPO_QUESTIONNAIRES, 'ipei'))
  .map((f) => /^household\.v(\d+)\.json$/.exec(f))
  .filter((m) => m !== null)
  .sort((a, b) => Number(b[1]) - Number(a[1]))[0];
const household = (() => {
  const dir = join(REPO_QUESTIONNAIRES, 'ipei');
  return JSON.parse(readFileSync(join(dir, latest[0]), 'utf8')) as {
    title: Localized;
    pages: { title: Localized; elements: Element[] }[];
  };
})();

/** A string as survey-core shows it in `lang`: its own text, else the default (Portuguese). */
function inLanguage(text: Localized, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'pt' ? undefined : text[lang]) ?? text.default ?? '';
}

/**
 * The cover page's texts always on screen: survey and page titles, the unconditional questions (and those of
 * the visit log's first line), the contact answers. An expression shows nothing until its inputs are set.
 */
function coverTexts(lang: string): string[] {
  const cover = household.pages[0];
  const shown = cover.elements
    .flatMap((e) => [e, ...(e.templateElements ?? [])])
    .filter((e) => !e.visibleIf && e.type !== 'expression');
  const texts = [household.title, cover.title, ...shown.map((e) => e.title)];
  const contact = cover.elements.find((e) => e.name === 'a07f_contact');
  for (const c of contact?.choices ?? []) texts.push(c.text);
  return texts.map((t) => inLanguage(t, lang)).filter(Boolean);
}

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
  return { next: s.pageNextText, required: s.requiredError, cover: coverTexts(lang) };
}

beforeAll(async () => {
  e2e = await startE2E({ questionnaireId: 'ipei-household', questionnairesDir: REPO_QUESTIONNAIRES });
  await e2e.ctx.database.db.update(assignments).set({ questionnaireVersion: Number(latest[1]) });
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
      for (const own of want.cover) expect(text, `${lang} lacks its cover text`).toContain(own);
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        // another language's cover text, unless this language has the same words (Ilha, GPS, ...)
        for (const theirs of all[other].cover)
          if (theirs.length >= 4 && !want.cover.some((own) => own.includes(theirs)))
            expect(text, `${lang} shows ${other}'s "${theirs}"`).not.toContain(theirs);
        if (all[other].next !== want.next)
          expect(buttons, `${lang} shows ${other}'s button`).not.toContain(all[other].next);
        expect(text, `${lang} shows ${other}'s required message`).not.toContain(all[other].required);
      }
    }
    await context.close();
  }, 180_000);
});
