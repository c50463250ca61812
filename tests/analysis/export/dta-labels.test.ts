/**
 * The .dta keeps Stata's 80 characters of a variable label (and of the dataset label), not the
 * field's 320 bytes: a longer label is cut after its 80th Unicode character, composed to NFC first
 * (a decomposed accent counts with its letter), never inside a character's UTF-8 nor between a letter
 * and a combining mark that has no composed form; 80 four-byte characters fill the 320 bytes exactly;
 * a label of 80 characters or fewer is written as it is. The written file's label field holds the cut
 * label (valid UTF-8, NUL after it), and a .dta export's codebook.md names the variables whose label
 * was cut, in the page's language; a CSV export's does not.
 */
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { CODEBOOK_WORDS } from '../../../analysis/export/codebook-words.ts';
import { STATA_LABEL_CHARS, stataLabel, writeDta } from '../../../analysis/export/dta.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const chars = (s: string) => Array.from(s).length;
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('stataLabel', () => {
  it('keeps a label of 80 characters or fewer as it is', () => {
    const s = 'Ç'.repeat(80);
    expect(stataLabel(s)).toBe(s);
    const nfd = 'e\u0301'.repeat(40); // 80 code points, decomposed
    expect(stataLabel(nfd)).toBe(nfd);
  });

  it('cuts a longer one at 80 characters', () => {
    expect(stataLabel('a'.repeat(100))).toBe('a'.repeat(80));
    expect(STATA_LABEL_CHARS).toBe(80);
  });

  it('composes decomposed accents before counting, so none is lost', () => {
    const nfd = 'Na\u0303o '.repeat(20); // "Não " with a combining tilde: 100 code points, 80 composed
    const out = stataLabel(nfd);
    expect(out).toBe(nfd.normalize('NFC'));
    expect(chars(out)).toBe(80);
  });

  it('never cuts inside a character: 80 four-byte characters are the 320 bytes', () => {
    const out = stataLabel('𝔸'.repeat(90));
    expect(chars(out)).toBe(80);
    expect(utf8(out).length).toBe(320);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(utf8(out))).toBe(out);
  });

  it('never leaves a letter without its combining mark (q with a tilde has no composed form)', () => {
    const out = stataLabel(`${'a'.repeat(79)}q\u0303${'b'.repeat(10)}`);
    expect(out).toBe('a'.repeat(79));
  });
});

describe('the written .dta and the codebook', () => {
  const long = `Número de pessoas do agregado que ${'trabalharam '.repeat(8)}`;
  const file: ExportFile = {
    name: 'persons',
    rows: 2,
    variables: [
      {
        name: 'x',
        label: { pt: long, en: long },
        kind: 'numeric',
        values: [],
        missing: [],
        role: 'variable',
      },
    ],
    columns: { x: Float64Array.of(1, 2) },
  };

  it("stores the cut label in the variable's 321-byte field, NUL after it", () => {
    const bytes = writeDta(file, { lang: 'pt', label: 'Ç'.repeat(100), now: null });
    const start = Buffer.from(bytes).indexOf('<variable_labels>') + '<variable_labels>'.length;
    const field = bytes.subarray(start, start + 321);
    const end = field.indexOf(0);
    const label = new TextDecoder('utf-8', { fatal: true }).decode(field.subarray(0, end));
    expect(label).toBe(stataLabel(long));
    expect(chars(label)).toBe(80);
    // the dataset label too: 80 characters after its 2-byte length
    const at = Buffer.from(bytes).indexOf('<label>') + '<label>'.length;
    const n = bytes[at] | (bytes[at + 1] << 8);
    expect(new TextDecoder().decode(bytes.subarray(at + 2, at + 2 + n))).toBe('Ç'.repeat(80));
  });

  it("names the cut labels in a .dta export's codebook.md, in its language", async () => {
    const ctx = loadSurveyContext('ipei');
    const m = buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
    const v = m.persons.variables.find((x) => x.role === 'variable');
    if (!v) throw new Error('no person variable');
    v.label = { ...v.label, fr: long, kea: long };
    const md = async (format: 'dta' | 'csv', lang: 'fr' | 'kea') =>
      new TextDecoder().decode(
        (await exportMicrodata(m, format, { lang, survey: 'ipei' })).find((f) => f.name === 'codebook.md')
          ?.bytes,
      );
    const lineOf = (page: string, lang: 'fr' | 'kea') => {
      const [before, after] = CODEBOOK_WORDS[lang].microdata.dtaLabelsCut('\u0000').split('\u0000');
      return page.split('\n').find((l) => l.startsWith(before) && l.endsWith(after)) ?? '';
    };
    for (const lang of ['fr', 'kea'] as const) {
      const page = await md('dta', lang);
      const names = lineOf(page, lang).split(/[\s,]+/);
      expect(names).toContain(`persons.${v.name}`);
      // a label the questionnaire itself makes longer than 80 characters in French (K07)
      if (lang === 'fr') expect(names).toContain('persons.k07_sdg1031');
      expect(page).toContain(long.trim());
    }
    expect(lineOf(await md('csv', 'fr'), 'fr')).toBe('');
  });
});
