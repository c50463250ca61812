import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES, MESSAGES, staffLanguage, translator } from '../../client/i18n.ts';
import { GROUP } from '../../server/contract/table-layout.ts';

describe("the tablet's own screens in four languages", () => {
  it('has every message in Portuguese, English, French and Kriolu, with the same placeholders', () => {
    expect([...APP_LANGUAGES]).toEqual(['pt', 'en', 'fr', 'kea']);
    const keys = Object.keys(MESSAGES.en).sort();
    for (const lang of APP_LANGUAGES) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
      for (const key of keys) {
        const text = MESSAGES[lang][key as keyof typeof MESSAGES.en];
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(text.match(/\{\w+\}/g) ?? [], `${lang} ${key}`).toEqual(
          MESSAGES.en[key as keyof typeof MESSAGES.en].match(/\{\w+\}/g) ?? [],
        );
      }
    }
  });

  it('translates rather than copies: French and Kriolu differ from English and Portuguese', () => {
    const keys = Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[];
    const same = (a: 'fr' | 'kea', b: 'en' | 'pt') => keys.filter((k) => MESSAGES[a][k] === MESSAGES[b][k]);
    // only names and loanwords are shared (Morabeza, Supervizor/Superviseur aside)
    expect(same('fr', 'en').length).toBeLessThan(6);
    expect(same('kea', 'pt').length).toBeLessThan(15);
    expect(translator('fr')('outbox.title')).toBe("Boîte d'envoi");
    expect(translator('kea')('assignments.title')).toBe('Nhas tarefa');
  });

  it("lays the analyst's tables out in all four languages (the server's table words and labels)", () => {
    expect(Object.keys(GROUP).sort()).toEqual([...APP_LANGUAGES].sort());
    for (const lang of APP_LANGUAGES) expect(GROUP[lang]).toHaveLength(5);
  });

  // the review screens' survey labels; the analyst's tables, models and microdata files are asked for
  // in the app language itself (pt, en, fr, kea: tests/server/model-languages.test.ts,
  // tests/server/microdata-languages.test.ts)
  it("reads the survey's labels of the staff screens in the codebook's closest language, pt or en", () => {
    expect(APP_LANGUAGES.map(staffLanguage)).toEqual(['pt', 'en', 'en', 'pt']);
  });

  it('asks for the microdata files in the app language, not the closest of pt and en', () => {
    const screen = readFileSync(new URL('../../client/screens/analyst-screen.tsx', import.meta.url), 'utf8');
    const link = screen.match(/\/microdata\/\$\{f\}\/\$\{file\}\?lang=\$\{(\w+)\}/);
    expect(link?.[1]).toBe('uiLang');
  });
});
