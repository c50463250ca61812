/**
 * A model in French and in Kriolu (issue 17): the engine's words (title, intercept, family and ratio
 * names, the CSV and Excel headings, the Wald tests' and margins' headings, the note of a suppressed
 * coefficient) come from analysis/tables/model-words.ts in every language, with nothing missing or
 * left in English; the survey's labels (term labels, reference and outcome categories, margins) from
 * the questionnaire's own French and Kriolu (c03_sex: Sexe/Féminin, Séxu/Mudjer); the French and
 * Kriolu are recorded as drafts; an unknown language is a 422 naming `lang`. A model's warnings follow
 * `lang` too: a real separation (nobody who speaks no Portuguese felt discriminated in the fixture)
 * comes back with its machine-readable code and a sentence from model-words.ts, the separated
 * category by its label, no English left in French or Kriolu (JSON and the Excel sheet).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { GLM_WARNING_CODES } from '../../analysis/model/glm-warnings.ts';
import { MODEL_WORDS, MODEL_WORDS_STATUS } from '../../analysis/tables/model-words.ts';
import { TABLE_LANGS } from '../../analysis/tables/table-words.ts';
import { modelResponseSchema } from '../../server/contract/analysis-models.ts';
import { analysisSuite } from '../helpers/analysis-app.ts';
import { catalogueStrings } from '../helpers/catalogue-strings.ts';
import { DISCRIMINATION_MODEL as discrimination } from '../helpers/discrimination-model.ts';

const suite = analysisSuite();

async function post(query: string, body: unknown) {
  const headers = { ...(await suite.auth('analyst')), 'content-type': 'application/json' };
  return suite.app.request(`/api/analysis/ipei/models?${query}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}

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

const separated = {
  unit: 'individual',
  family: 'quasibinomial',
  outcome: 'k02_felt_discriminated',
  outcomeLevel: 1,
  predictors: ['f08_pt_speak', 'c03_sex'],
};
const ENGLISH = /\b(Separation|outcome|does not vary|the coefficient|merge|drop the predictor|not finite)\b/;

describe('model warnings in pt, en, fr and kea', () => {
  it('every warning code has a sentence in every language, the detail in it', () => {
    for (const lang of TABLE_LANGS)
      for (const code of GLM_WARNING_CODES) {
        const s = MODEL_WORDS[lang].warning[code]('X_DETAIL');
        expect(s.trim(), `${lang} ${code}`).not.toBe('');
        if (code !== 'quasi_separation') expect(s, `${lang} ${code}`).toContain('X_DETAIL');
        if (lang === 'fr' || lang === 'kea')
          expect(s, `${lang} ${code}`).not.toBe(MODEL_WORDS.en.warning[code]('X_DETAIL'));
      }
  });

  for (const lang of ['fr', 'kea'] as const)
    it(`a separation in ${lang}: its code, its sentence, the category's label, no English`, async () => {
      const res = await post(`lang=${lang}`, separated);
      expect(res.status).toBe(200);
      const m = modelResponseSchema.parse(await res.json());
      const w = m.warnings.find((x) => x.code === 'separation');
      expect(w, JSON.stringify(m.warnings)).toBeDefined();
      const coef = m.coefficients.find((c) => c.note && c.name.startsWith('factor(f08_pt_speak)'));
      expect(coef?.reliability).toBe('suppress');
      expect(w?.message).toBe(MODEL_WORDS[lang].warning.separation(coef?.label ?? ''));
      expect(w?.message).not.toContain('factor(');
      for (const x of m.warnings) expect(x.message, x.code).not.toMatch(ENGLISH);
    });

  it('the same model in English and Portuguese says it in their words, with the same code', async () => {
    const en = modelResponseSchema.parse(await (await post('lang=en', separated)).json());
    const pt = modelResponseSchema.parse(await (await post('lang=pt', separated)).json());
    expect(en.warnings.map((w) => w.code)).toEqual(pt.warnings.map((w) => w.code));
    expect(en.warnings.find((w) => w.code === 'separation')?.message).toMatch(/^Separation: the outcome/);
    expect(pt.warnings.find((w) => w.code === 'separation')?.message).toMatch(/^Separação: a variável/);
  });

  it('the Kriolu Excel sheet carries the Kriolu warning, not the English one', async () => {
    const json = modelResponseSchema.parse(await (await post('lang=kea', separated)).json());
    const xlsx = await post('lang=kea&format=xlsx', separated);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const cells: string[] = [];
    wb.getWorksheet('Modelu')?.eachRow((r) => {
      cells.push(String(r.getCell(1).value ?? ''));
    });
    const message = json.warnings.find((w) => w.code === 'separation')?.message;
    expect(message).toMatch(/^Separason:/);
    expect(cells).toContain(message);
    expect(cells.some((c) => ENGLISH.test(c))).toBe(false);
  });
});

describe("a model's own title in pt, en, fr and kea", () => {
  const title = { pt: 'Discriminação sentida', en: 'Felt discrimination' };

  it('takes the French and Kriolu titles it is given, in the language asked for', async () => {
    const full = { ...title, fr: 'Discrimination ressentie', kea: 'Diskriminason sentidu' };
    for (const [lang, expected] of [
      ['pt', full.pt],
      ['en', full.en],
      ['fr', full.fr],
      ['kea', full.kea],
    ] as const) {
      const res = await post(`lang=${lang}`, { ...discrimination, title: full });
      expect(res.status, lang).toBe(200);
      expect(modelResponseSchema.parse(await res.json()).title, lang).toBe(expected);
    }
    const xlsx = await post('lang=kea&format=xlsx', { ...discrimination, title: full });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.getWorksheet('Modelu')?.getRow(1).getCell(1).value).toBe(full.kea);
  });

  it("a title without fr or kea shows the survey's source language (Portuguese), never English", async () => {
    for (const lang of ['fr', 'kea'] as const) {
      const m = modelResponseSchema.parse(
        await (await post(`lang=${lang}`, { ...discrimination, title })).json(),
      );
      expect(m.title, lang).toBe(title.pt);
    }
    const onlyFr = { ...title, fr: 'Discrimination ressentie' };
    const kea = modelResponseSchema.parse(
      await (await post('lang=kea', { ...discrimination, title: onlyFr })).json(),
    );
    expect(kea.title).toBe(title.pt);
  });

  it('a title missing pt or en, or with a number for fr, is a 422 naming the field', async () => {
    for (const bad of [{ pt: 'Só pt' }, { ...title, fr: 3 }]) {
      const res = await post('lang=fr', { ...discrimination, title: bad });
      expect(res.status).toBe(422);
      expect((await res.json()).details[0].field).toMatch(/^title\./);
    }
  });
});
