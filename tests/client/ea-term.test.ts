/**
 * One abbreviation for the enumeration area per app language across every catalogue (the tablet's, the
 * staff screens', the assignment tab's, the flag sentences, the analyst screen's, a failed weighting
 * run's, the weighting report's): any of the usual
 * abbreviations (EA, AE, DR, ZR, ZD, ZE; not SE, the standard error) found in a language's strings must be that language's
 * EA_TERM, and EA_TERM is the questionnaires' own term (the demo survey's cover question says "distrito de
 * recenseamento (DR)" in Portuguese, "district de recensement (DR)" in French, "DR" in Kriolu, "EA" in
 * English). Fails if one catalogue writes ZR where another writes DR.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_MESSAGES } from '../../analysis/weighting/report-messages.ts';
import { ANALYST_MESSAGES } from '../../client/analyst/messages.ts';
import { WEIGHTING_FAILURE_TEXT } from '../../client/analyst/weighting-failure-text.ts';
import { EA_TERM } from '../../client/ea-term.ts';
import { APP_LANGUAGES, MESSAGES, type TabletLanguage } from '../../client/i18n.ts';
import { ASSIGNMENT_MESSAGES } from '../../client/review/assignment-messages.ts';
import { FLAG_SENTENCES } from '../../client/review/flag-text.ts';
import { STAFF_MESSAGES } from '../../client/review/messages.ts';

const ABBREVIATION = /(?<![\p{L}\d_])(EA|AE|DR|ZR|ZD|ZE)(?![\p{L}\d_])/gu;

/** Every string of one language, with the catalogue it comes from. */
function stringsOf(lang: TabletLanguage): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (where: string, table: Record<string, string> | undefined) => {
    for (const [k, v] of Object.entries(table ?? {})) out.push([`${where}:${k}`, v]);
  };
  add('tablet', MESSAGES[lang]);
  add('staff', STAFF_MESSAGES[lang]);
  add('assignments', ASSIGNMENT_MESSAGES[lang]);
  add('analyst', ANALYST_MESSAGES[lang]);
  add('weighting failure', WEIGHTING_FAILURE_TEXT[lang]);
  add('weighting report', REPORT_MESSAGES[lang].failure);
  for (const [code, s] of Object.entries(FLAG_SENTENCES)) {
    out.push([`flag:${code}`, s[lang]], [`flag:${code}.plain`, s.plain[lang]]);
  }
  return out;
}

describe('the enumeration area abbreviation', () => {
  it.each(APP_LANGUAGES)('is one and the same in every %s catalogue', (lang) => {
    const found = new Map<string, string[]>();
    for (const [where, text] of stringsOf(lang)) {
      for (const m of text.matchAll(ABBREVIATION)) found.set(m[1], [...(found.get(m[1]) ?? []), where]);
    }
    const others = [...found].filter(([abbr]) => abbr !== EA_TERM[lang]);
    expect(others, `${lang} uses ${EA_TERM[lang]} and also`).toEqual([]);
    // every catalogue that names the EA at all uses it: the tablet's list and the staff queue do
    expect(found.get(EA_TERM[lang])).toEqual(
      expect.arrayContaining([
        'tablet:assignments.ea',
        'staff:queue.ea',
        'weighting report:weighting.listing',
      ]),
    );
  });

  it("is the demo questionnaire's own term in each language", () => {
    const q = JSON.parse(readFileSync('questionnaires/ipei/household.v3.json', 'utf8')) as {
      pages: Array<{ elements?: Array<{ name?: string; title?: Record<string, string> }> }>;
    };
    const cover = q.pages.flatMap((p) => p.elements ?? []).find((e) => e.name === 'a04_ea');
    const title = cover?.title ?? {};
    const byLang: Record<TabletLanguage, string | undefined> = {
      pt: title.default,
      en: title.en,
      fr: title.fr,
      kea: title.kea,
    };
    for (const lang of APP_LANGUAGES) {
      expect(byLang[lang], lang).toMatch(new RegExp(`\\b${EA_TERM[lang]}\\b`));
    }
  });
});
