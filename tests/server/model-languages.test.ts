/**
 * A model in French and in Kriolu (issue 17): the engine's words (title, intercept, family and ratio
 * names, the CSV and Excel headings, the Wald tests' and margins' headings, the note of a suppressed
 * coefficient) come from analysis/tables/model-words.ts in every language, with nothing missing or
 * left in English; the survey's labels (term labels, reference and outcome categories, margins) from
 * the questionnaire's own French and Kriolu (c03_sex: Sexe/Féminin, Séxu/Mudjer); the French and
 * Kriolu are recorded as drafts; an unknown language is a 422 naming `lang`.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_WORDS, MODEL_WORDS_STATUS } from '../../analysis/tables/model-words.ts';
import { TABLE_LANGS } from '../../analysis/tables/table-words.ts';
import { modelResponseSchema } from '../../server/contract/analysis-models.ts';
import { type AnalysisApp, analysisApp } from '../helpers/analysis-app.ts';
import { catalogueStrings } from '../helpers/catalogue-strings.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
let app: AnalysisApp;

beforeAll(async () => {
  ctx = await createTestContext();
  app = analysisApp(ctx.database);
});
afterAll(async () => ctx.close());

async function post(query: string, body: unknown) {
  const headers = {
    authorization: `Bearer ${await ctx.token('analyst')}`,
    'content-type': 'application/json',
  };
  return app.request(`/api/analysis/ipei/models?${query}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}

const discrimination = {
  unit: 'individual',
  family: 'quasibinomial',
  outcome: 'k02_felt_discriminated',
  outcomeLevel: 1,
  predictors: ['c07_nationality1', 'c03_sex', 'c05_age'],
  margins: 'c03_sex',
};

describe('model words in pt, en, fr and kea', () => {
  it('every language has every word, none empty, the French and Kriolu translated and marked draft', () => {
    const en = catalogueStrings(MODEL_WORDS.en, 30);
    expect(Object.keys(en).length).toBeGreaterThan(25);
    for (const lang of TABLE_LANGS) {
      const w = catalogueStrings(MODEL_WORDS[lang], 30);
      expect(Object.keys(w).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(w)) expect(v.trim(), `${lang} ${k}`).not.toBe('');
      expect(w['note.fewer'], lang).toContain('30');
      expect(w.title.replace('30', ''), lang).not.toBe(w.title);
    }
    // only symbols and international words are shared with English (t, p, n, Coefficient, Constante)
    for (const lang of ['fr', 'kea'] as const) {
      const w = catalogueStrings(MODEL_WORDS[lang], 30);
      const same = Object.keys(en).filter((k) => w[k] === en[k]);
      expect(
        same.every((k) => ['heads.6', 'heads.7', 'heads.11', 'heads.0'].includes(k)),
        `${lang}: ${same}`,
      ).toBe(true);
      expect(MODEL_WORDS_STATUS[lang]).toBe('draft');
    }
  });

  it('a model in French: its words and the questionnaire’s French labels', async () => {
    const res = await post('lang=fr', discrimination);
    expect(res.status).toBe(200);
    const m = modelResponseSchema.parse(await res.json());
    expect(m.title).toMatch(/^Modèle de /);
    expect(m.familyLabel).toBe(MODEL_WORDS.fr.family.quasibinomial);
    expect(m.ratioName).toBe('rapport de cotes');
    expect(m.outcome.level).toBe('Oui');
    expect(m.coefficients[0].label).toBe('Constante');
    const sex = m.coefficients.find((c) => c.term === 'factor(c03_sex)');
    expect(sex?.label).toBe('Sexe: Féminin');
    expect(sex?.reference).toBe('Masculin');
    expect(m.margins?.label).toBe('Sexe');
    expect(m.margins?.rows.map((r) => r.label)).toEqual(['Masculin', 'Féminin']);
    const suppressed = m.coefficients.find((c) => c.reliability === 'suppress');
    expect(suppressed?.note).toBe('moins de 30 répondants');
    expect(m.legend).toMatch(/^\* CV supérieur/);
  });

  it('a model in Kriolu: CSV and Excel headings, labels and notes, no English heading left', async () => {
    const json = modelResponseSchema.parse(await (await post('lang=kea', discrimination)).json());
    expect(json.coefficients.find((c) => c.term === 'factor(c03_sex)')?.label).toBe('Séxu: Mudjer');
    expect(json.ratioName).toBe('razon di txansis');
    expect(json.coefficients.find((c) => c.reliability === 'suppress')?.note).toBe('ménus di 30 ki responde');
    const csv = await (await post('lang=kea&format=csv', discrimination)).text();
    expect(csv.split('\n')[0]).toBe(`section,name,${MODEL_WORDS.kea.heads.join(',')}`);
    expect(csv).toContain('Séxu: Mudjer');
    const xlsx = await post('lang=kea&format=xlsx', {
      ...discrimination,
      universe: [{ variable: 'c05_age', op: '>=', value: 15 }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.getWorksheet('Modelu');
    expect(ws).toBeDefined();
    const first: string[] = [];
    ws?.eachRow((r) => {
      first.push(String(r.getCell(1).value ?? ''));
    });
    expect(first).toContain('Kuefisienti');
    expect(first).toContain('Konstanti');
    expect(first).toContain(MODEL_WORDS.kea.tests);
    expect(first.some((x) => x.startsWith(`${MODEL_WORDS.kea.margins}: Séxu`))).toBe(true);
    expect(first.some((x) => x.startsWith('Univérsu: c05_age'))).toBe(true);
    expect(first.some((x) => x.startsWith(`Modelu ${MODEL_WORDS.kea.family.quasibinomial}`))).toBe(true);
    for (const english of ['Coefficient', 'Intercept', 'Wald tests by variable', 'Universe', 'Model'])
      expect(
        first.some((x) => x === english || x.startsWith(`${english} `) || x.startsWith(`${english}:`)),
        english,
      ).toBe(false);
  });

  it('an unknown language is a 422 naming lang', async () => {
    const res = await post('lang=de', discrimination);
    expect(res.status).toBe(422);
    expect((await res.json()).details[0].field).toBe('lang');
  });
});
