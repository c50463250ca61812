/**
 * A table's design and estimate warnings are codes worded in pt, en, fr and kea from one catalogue
 * (analysis/tables/warning-words.ts): every code in every language names its detail and is not
 * another language's sentence; the model's variance warnings are the same sentences (one home); the
 * cell counts of a multiple-response table's options add up into one warning; French and Kriolu are
 * drafts.
 */
import { describe, expect, it } from 'vitest';
import { TABLE_WARNING_CODES, tableWarnings } from '../../../analysis/tables/estimate-warnings.ts';
import { MODEL_WORDS } from '../../../analysis/tables/model-words.ts';
import { TABLE_LANGS } from '../../../analysis/tables/table-words.ts';
import { WARNING_WORDS, WARNING_WORDS_STATUS, warningText } from '../../../analysis/tables/warning-words.ts';
import { VARIANCE_WARNING_CODES } from '../../../analysis/variance/variance-warnings.ts';

describe.each(TABLE_WARNING_CODES)('table warning %s', (code) => {
  it.each(TABLE_LANGS)('is worded in %s with its detail, not in another language', (lang) => {
    const text = warningText({ code, detail: '7' }, lang);
    expect(text).toContain('7');
    expect(text.length).toBeGreaterThan(10);
    for (const other of TABLE_LANGS.filter((l) => l !== lang))
      expect(text, other).not.toBe(warningText({ code, detail: '7' }, other));
  });
});

describe('the catalogue', () => {
  it('has exactly the codes, in every language', () => {
    for (const lang of TABLE_LANGS)
      expect(Object.keys(WARNING_WORDS[lang]).sort()).toEqual([...TABLE_WARNING_CODES].sort());
  });

  it("gives the model's variance warnings the same sentences", () => {
    for (const lang of TABLE_LANGS)
      for (const code of VARIANCE_WARNING_CODES)
        expect(MODEL_WORDS[lang].warning[code]('Praia')).toBe(WARNING_WORDS[lang][code]('Praia'));
  });

  it('records French and Kriolu as drafts', () => {
    expect(WARNING_WORDS_STATUS).toEqual({ pt: 'source', en: 'source', fr: 'draft', kea: 'draft' });
  });
});

describe('tableWarnings', () => {
  it("codes the estimators' sentences and adds up the options' cell counts", () => {
    const ws = tableWarnings(
      [
        '3 replicates gave NA results and were discarded.',
        '3 replicates gave NA results and were discarded.',
      ],
      [
        { code: 'logit_unbounded', detail: '1' },
        { code: 'one_sided', detail: '2' },
        { code: 'logit_unbounded', detail: '4' },
      ],
    );
    expect(ws).toEqual([
      { code: 'replicates_discarded', detail: '3' },
      { code: 'logit_unbounded', detail: '5' },
      { code: 'one_sided', detail: '2' },
    ]);
  });

  it('keeps an unknown sentence as other, in English behind the lead-in', () => {
    const [w] = tableWarnings(['Brand new warning.'], []);
    expect(w).toEqual({ code: 'other', detail: 'Brand new warning.' });
    expect(warningText(w, 'pt')).toBe('Aviso do motor de cálculo (em inglês): Brand new warning.');
  });
});
