/**
 * Coding suggestions as a pure rule: the words compared (accents, case, function words, crude endings),
 * when two words match, the share of words in common with a coded text, title words in the chosen
 * language, the ranking (share, an earlier code before a title, the group's field codes) and the cap
 * of three; codes not in the list and empty texts suggest nothing.
 */
import { describe, expect, it } from 'vitest';
import type { OfficeCode } from '../../server/contract/office-coding.ts';
import {
  MAX_SUGGESTIONS,
  suggester,
  suggestionWords,
  wordsMatch,
} from '../../server/domain/office-coding-suggestions.ts';

const CODES: OfficeCode[] = [
  { code: '52', label: { pt: 'Vendedores', en: 'Sales workers' }, field: 5 },
  {
    code: '61',
    label: {
      pt: 'Agricultores e trabalhadores qualificados da agricultura',
      en: 'Market-oriented skilled agricultural workers',
    },
    field: 6,
  },
  {
    code: '71',
    label: { pt: 'Trabalhadores qualificados da construção', en: 'Building and related trades workers' },
    field: 7,
  },
  {
    code: '92',
    label: {
      pt: 'Trabalhadores não qualificados da agricultura',
      en: 'Agricultural, forestry and fishery labourers',
    },
    field: 9,
  },
  { code: '93', label: 'Labourers in mining, construction, manufacturing and transport', field: 9 },
];

describe('the words compared', () => {
  it('folds accents and case, drops short and function words, and cuts plural and gender endings', () => {
    expect(suggestionWords('  Vendedora  de PEIXE na praça ')).toEqual(['vendedor', 'peix', 'prac']);
    expect(suggestionWords('Vendedores')).toEqual(['vendedor']);
    expect(suggestionWords('trabalha com os outros')).toEqual(['trabalh']);
    expect(suggestionWords('de a o')).toEqual([]);
  });
  it('matches a word beginning another, or sharing all but two letters of the shorter (at least 4)', () => {
    expect(wordsMatch('vend', 'vendedor')).toBe(true);
    expect(wordsMatch('construca', 'construtor')).toBe(true);
    expect(wordsMatch('agricultor', 'agricultur')).toBe(true);
    expect(wordsMatch('pes', 'pescador')).toBe(false);
    expect(wordsMatch('mercad', 'merceari')).toBe(false);
  });
});

describe('suggester', () => {
  it('ranks a coded alike text above a weaker title match, and says why', () => {
    const suggest = suggester(CODES, [{ key: 'ajudante de pedreiro', code: '93' }], 'pt');
    // 93 is also in a title ("construction", a plain string) at 1/3: its better reason is kept
    expect(suggest('ajudante de pedreiro na construção', ['7'])).toEqual([
      {
        code: '93',
        reason: 'similar',
        text: 'ajudante de pedreiro',
        words: ['ajudante', 'pedreiro'],
        overlap: 2 / 3,
      },
      { code: '71', reason: 'title', text: null, words: ['construção'], overlap: 1 / 3 },
    ]);
  });

  it('prefers an earlier code to a title at the same share, then the group’s field codes, and keeps 3', () => {
    const suggest = suggester(
      CODES,
      [
        { key: 'agricultura', code: '92' },
        { key: 'vendedor', code: '52' },
      ],
      'pt',
    );
    // 92 from the coded text (share 1) and from its title; 61's title too: the coded text first, then
    // the field code the answers have (6) before the other title
    expect(suggest('agricultura', ['6']).map((s) => [s.code, s.reason])).toEqual([
      ['92', 'similar'],
      ['61', 'title'],
    ]);
    // two titles alike: the one under the answers' field code first
    const titles = suggester(CODES, [], 'pt');
    expect(titles('agricultura', ['9']).map((s) => s.code)).toEqual(['92', '61']);
    expect(titles('agricultura', ['6']).map((s) => s.code)).toEqual(['61', '92']);
    const many = suggester(
      CODES,
      ['a', 'b', 'c', 'd'].map((x, i) => ({ key: `pedreiro ${x}${x}${x}`, code: CODES[i].code })),
      'pt',
    )('pedreiro', []);
    expect(many).toHaveLength(MAX_SUGGESTIONS);
  });

  it('finds the best coded text however many weaker ones come before it', () => {
    const coded = [
      ...Array.from({ length: 200 }, (_, i) => ({
        key: `pedreiro ${'abcdefghij'[i % 10]}zz${i}`,
        code: '93',
      })),
      { key: 'pedreiro de obras', code: '71' },
      { key: 'obras publicas', code: '92' },
    ];
    expect(
      suggester(CODES, coded, 'en')('Pedreiro de obra', []).map((s) => [s.code, s.text, s.overlap]),
    ).toEqual([
      ['71', 'pedreiro de obras', 1],
      ['92', 'obras publicas', 1 / 3],
      ['93', 'pedreiro azz0', 1 / 3],
    ]);
  });

  it('reads titles in the coder’s language (French falls back to English, Kriolu to Portuguese)', () => {
    const codes = (lang: 'pt' | 'en' | 'fr' | 'kea', text: string) =>
      suggester(CODES, [], lang)(text, []).map((s) => s.code);
    expect(codes('pt', 'vendedora')).toEqual(['52']);
    expect(codes('en', 'vendedora')).toEqual([]);
    expect(codes('en', 'sales')).toEqual(['52']);
    expect(codes('fr', 'sales')).toEqual(['52']);
    expect(codes('kea', 'vendedora')).toEqual(['52']);
    // a plain-string title is the same in every language
    expect(codes('pt', 'mining')).toEqual(['93']);
  });

  it('suggests nothing for an empty text, nor a coded code the list lacks', () => {
    const suggest = suggester(CODES, [{ key: 'pescador', code: '62' }], 'pt');
    expect(suggest('pescador', [])).toEqual([]);
    expect(suggest('de', [])).toEqual([]);
  });
});
