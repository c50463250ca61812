/**
 * Every catalogue of the staff and analyst tabs speaks the app's four languages: the review queue and
 * screen, dashboard and tablets (client/review/messages*.ts), assignments, office coding, the flag
 * sentences, the analyst's tables, models and weights (client/analyst/messages*.ts) and a failed
 * weighting run's banner each have the same keys in Portuguese, English, French and Kriolu, no empty
 * string, the same placeholders, and no French or Kriolu string equal to the English one except those
 * listed below as the same on purpose (symbols, abbreviations, loanwords). A catalogue added to the
 * staff tabs in two languages, or a French or Kriolu string copied from English, fails here. The staff
 * screens' accessible names come from these catalogues too: no `aria-label="..."` written in one language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYST_MESSAGES } from '../../client/analyst/messages.ts';
import { WEIGHTING_FAILURE_TEXT } from '../../client/analyst/weighting-failure-text.ts';
import { APP_LANGUAGES, type TabletLanguage } from '../../client/i18n.ts';
import { ASSIGNMENT_MESSAGES } from '../../client/review/assignment-messages.ts';
import { FLAG_SENTENCES } from '../../client/review/flag-text.ts';
import { STAFF_MESSAGES } from '../../client/review/messages.ts';
import { OFFICE_CODING_MESSAGES } from '../../client/review/office-coding-messages.ts';

type Catalogue = Record<TabletLanguage, Record<string, string>>;

/** The flag sentences as one catalogue: `code` (with its numbers) and `code.plain` (without). */
function flagCatalogue(): Catalogue {
  const out = { pt: {}, en: {}, fr: {}, kea: {} } as Catalogue;
  for (const [code, s] of Object.entries(FLAG_SENTENCES))
    for (const lang of APP_LANGUAGES) {
      out[lang][code] = s[lang];
      out[lang][`${code}.plain`] = s.plain[lang];
    }
  return out;
}

const CATALOGUES: Record<string, Catalogue> = {
  staff: STAFF_MESSAGES,
  assignments: ASSIGNMENT_MESSAGES,
  officeCoding: OFFICE_CODING_MESSAGES,
  flags: flagCatalogue(),
  analyst: ANALYST_MESSAGES,
  weightingFailure: WEIGHTING_FAILURE_TEXT,
};

/** Strings the same as the English on purpose, by catalogue and language. */
const SAME_AS_ENGLISH: Record<string, { fr: string[]; kea: string[] }> = {
  // "Minutes" and "Question" are French words too; "Tablet(s)" is the Kriolu loanword
  staff: { fr: ['queue.duration'], kea: ['staff.devices', 'devices.device'] },
  assignments: { fr: [], kea: [] },
  officeCoding: { fr: ['coding.pair'], kea: [] },
  flags: { fr: [], kea: [] },
  // statistical symbols and abbreviations (CV, n, p, vs), and French words spelt as the English
  analyst: {
    fr: [
      'an.stat.proportion',
      'an.stat.total',
      'an.variable',
      'an.w.date',
      'an.cv',
      'an.n',
      'an.base',
      'an.all',
      'an.m.coefficient',
      'an.m.reference',
      'an.m.p',
    ],
    kea: ['an.stat.total', 'an.cv', 'an.n', 'an.all', 'an.m.reference', 'an.m.p'],
  },
  weightingFailure: { fr: [], kea: [] },
};

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe.each(Object.keys(CATALOGUES))('the %s catalogue', (name) => {
  const c = CATALOGUES[name];
  const keys = Object.keys(c.en).sort();

  it('has every key in Portuguese, English, French and Kriolu, with the same placeholders', () => {
    expect(keys.length).toBeGreaterThan(0);
    for (const lang of APP_LANGUAGES) {
      expect(Object.keys(c[lang]).sort(), `${name} ${lang}`).toEqual(keys);
      for (const key of keys) {
        expect(c[lang][key].trim(), `${name} ${lang} ${key}`).not.toBe('');
        expect(placeholders(c[lang][key]), `${name} ${lang} ${key}`).toEqual(placeholders(c.en[key]));
      }
    }
  });

  it('translates French and Kriolu rather than copying English, but for the listed words', () => {
    for (const lang of ['fr', 'kea'] as const) {
      const same = keys.filter((k) => c[lang][k] === c.en[k]);
      expect(same, `${name} ${lang}`).toEqual([...SAME_AS_ENGLISH[name][lang]].sort());
    }
  });
});

describe("the staff screens' accessible names", () => {
  it('come from a catalogue, never a word written in the markup (aria-label="staff")', () => {
    const dir = new URL('../../client/review/', import.meta.url);
    const literal = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .filter((f) => /aria-label="[^"]*"/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(literal).toEqual([]);
    for (const lang of APP_LANGUAGES) expect(STAFF_MESSAGES[lang]['staff.tabs']).toBeTruthy();
  });
});
