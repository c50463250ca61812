/**
 * The office code in the microdata: `<field>_office` right after the field code, the office's code of
 * each person's free text (same code for every spelling that normalises alike), labelled with the office
 * code list in each language (a title per language, or one for all), numeric when the codes are digits; documented in the export's codebook; the text itself
 * stays out of the files.
 */
import { describe, expect, it } from 'vitest';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { codebookRows } from '../../../analysis/export/microdata-files.ts';
import { normaliseText, withOfficeCodes } from '../../../analysis/export/office-codes.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');
const fixture = loadWeightedData(FIXTURE);
const texts = fixture.persons.g08_occupation as ArrayLike<string | null>;
// a field code beside the text, as the v3 questionnaire has it: 5 for every trader, 7 for masons
const field = Float64Array.from(texts, (t) => (t === 'comerciante' ? 5 : t === 'pedreiro' ? 7 : Number.NaN));
// one trader wrote it differently: the same group once normalised
const firstTrader = Array.from(texts).indexOf('comerciante');
const respelled = Array.from(texts, (t, i) => (i === firstTrader ? '  Comerciante ' : t));
const persons = { ...fixture.persons, g08a_isco: field, g08_occupation: respelled };
const data = { ...fixture, persons };
const pair = {
  text: 'g08_occupation',
  field: 'g08a_isco',
  classification: 'ISCO-08',
  level: 'sub-major groups (2 digits)',
  codes: [
    { code: '52', label: 'Sales workers' },
    {
      code: '71',
      label: {
        pt: 'Trabalhadores qualificados da construção e similares, exceto eletricistas',
        en: 'Building and related trades workers, excluding electricians',
        fr: 'Métiers qualifiés du bâtiment et assimilés, sauf électriciens',
      },
    },
  ],
  assigned: new Map([
    ['comerciante', '52'],
    ['pedreiro', '71'],
  ]),
};

describe('office codes in the microdata', () => {
  const coded = withOfficeCodes(data, ctx.labels, [pair]);
  const m = buildMicrodata(coded.data, coded.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
  const names = m.persons.variables.map((v) => v.name);

  it('puts g08a_isco_office right after g08a_isco, with each text’s code', () => {
    expect(names.indexOf('g08a_isco_office')).toBe(names.indexOf('g08a_isco') + 1);
    const office = m.persons.columns.g08a_isco_office as Float64Array;
    const counts = { 52: 0, 71: 0, missing: 0 };
    for (const v of office) {
      if (Number.isNaN(v)) counts.missing++;
      else counts[v as 52 | 71]++;
    }
    // 35 traders (one spelled "  Comerciante "), 34 masons, the rest (cooks, blanks) uncoded
    expect(counts).toEqual({ 52: 35, 71: 34, missing: texts.length - 69 });
    expect(office[firstTrader]).toBe(52);
  });

  it('labels the variable and its codes, and the codebook lists it', () => {
    const v = m.persons.variables.find((x) => x.name === 'g08a_isco_office');
    expect(v?.kind).toBe('numeric');
    expect(v?.label.en).toMatch(/office code \(ISCO-08, sub-major groups \(2 digits\)\)/);
    expect(v?.values).toContainEqual({
      code: 52,
      pt: '52 Sales workers',
      en: '52 Sales workers',
      fr: '52 Sales workers',
      kea: '52 Sales workers',
    });
    // titled per language: each its own, Kriolu falling back to Portuguese
    expect(v?.values).toContainEqual({
      code: 71,
      pt: '71 Trabalhadores qualificados da construção e similares, exceto eletricistas',
      en: '71 Building and related trades workers, excluding electricians',
      fr: '71 Métiers qualifiés du bâtiment et assimilés, sauf électriciens',
      kea: '71 Trabalhadores qualificados da construção e similares, exceto eletricistas',
    });
    const row = codebookRows(m).find((r) => r.variable === 'g08a_isco_office');
    expect(row).toMatchObject({ file: 'persons', type: 'numeric' });
    expect(row?.values).toHaveLength(2);
  });

  it('leaves the free text out of the files', () => {
    expect(names).not.toContain('g08_occupation');
  });

  it('normalises case, width and white space, nothing else', () => {
    expect(normaliseText('  Vende\u00a0ROUPA   no\tmercado ')).toBe('vende roupa no mercado');
    expect(normaliseText('Pedreiro')).not.toBe(normaliseText('Pedreira'));
  });
});
