/**
 * The staff assignment screen's words (client/review/assignment-messages.ts): every key in Portuguese,
 * English, French and Kriolu with the same placeholders, French and Kriolu translated rather than
 * copied, and a label in every language for every assignment state (the tablet's `state.*` words, and
 * the screen's own for `cancelled`), so a state added to the vocabulary without words fails here.
 */
import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES, MESSAGES, type MessageKey } from '../../client/i18n.ts';
import { ASSIGNMENT_MESSAGES } from '../../client/review/assignment-messages.ts';
import { ASSIGNMENT_STATUSES } from '../../server/contract/vocabulary.ts';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('the assignment screen in four languages', () => {
  it('has every key in every language, with the same placeholders', () => {
    const keys = Object.keys(ASSIGNMENT_MESSAGES.en).sort();
    for (const lang of APP_LANGUAGES) {
      const dict = ASSIGNMENT_MESSAGES[lang] as Record<string, string>;
      expect(Object.keys(dict).sort(), lang).toEqual(keys);
      for (const key of keys) {
        expect(dict[key].trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(dict[key]), `${lang} ${key}`).toEqual(
          placeholders((ASSIGNMENT_MESSAGES.en as Record<string, string>)[key]),
        );
      }
    }
  });

  it('translates French and Kriolu rather than copying English', () => {
    const same = (lang: 'fr' | 'kea') =>
      Object.keys(ASSIGNMENT_MESSAGES.en).filter(
        (k) =>
          (ASSIGNMENT_MESSAGES[lang] as Record<string, string>)[k] ===
          (ASSIGNMENT_MESSAGES.en as Record<string, string>)[k],
      );
    expect(same('fr')).toEqual([]);
    expect(same('kea')).toEqual([]);
  });

  it('labels every assignment state in every language', () => {
    for (const lang of APP_LANGUAGES)
      for (const s of ASSIGNMENT_STATUSES) {
        const label =
          s === 'cancelled'
            ? ASSIGNMENT_MESSAGES[lang]['manage.state.cancelled']
            : MESSAGES[lang][`state.${s}` as MessageKey];
        expect(label, `${lang} ${s}`).toBeTruthy();
      }
  });
});
