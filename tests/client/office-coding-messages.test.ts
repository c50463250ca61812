/**
 * The office coding screen's words (client/review/office-coding-messages.ts): every key in Portuguese,
 * English, French and Kriolu with the same placeholders, French and Kriolu translated rather than copied.
 */
import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../client/i18n.ts';
import { OFFICE_CODING_MESSAGES } from '../../client/review/office-coding-messages.ts';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
const en = OFFICE_CODING_MESSAGES.en as Record<string, string>;

describe('the office coding screen in four languages', () => {
  it('has every key in every language, with the same placeholders', () => {
    const keys = Object.keys(en).sort();
    for (const lang of APP_LANGUAGES) {
      const dict = OFFICE_CODING_MESSAGES[lang] as Record<string, string>;
      expect(Object.keys(dict).sort(), lang).toEqual(keys);
      for (const key of keys) {
        expect(dict[key].trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(dict[key]), `${lang} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('translates Portuguese, French and Kriolu rather than copying English', () => {
    // "Question" is the same word in French
    const same = (lang: 'pt' | 'fr' | 'kea') =>
      Object.keys(en).filter((k) => (OFFICE_CODING_MESSAGES[lang] as Record<string, string>)[k] === en[k]);
    expect(same('pt')).toEqual([]);
    expect(same('fr')).toEqual(['coding.pair']);
    expect(same('kea')).toEqual([]);
  });
});
