/**
 * The analysts' models API on the WeightedData fixture: a logistic model of discrimination equals
 * R's svyglm on the same JKn replicate weights (scripts/r/svyglm.R, case ipei_discrimination) for
 * every published coefficient, with odds ratios, Wald tests and margins; a model on the member unit
 * equals svyglm on the household weights (tests/fixtures/tables/member-model-golden.R, issue 18), and
 * an unknown unit is a 422 listing the units; categories with fewer than
 * min_n respondents publish no numbers; CSV and Excel downloads; bad requests are 422 naming the
 * field (unknown variable, text outcome of a linear model, outcome level missing, one-level
 * factor); enumerators are refused; no weighted data is a 409.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ModelResponse, modelResponseSchema } from '../../server/contract/analysis-models.ts';
import { analysisSuite } from '../helpers/analysis-app.ts';
import { DISCRIMINATION_MODEL as discrimination } from '../helpers/discrimination-model.ts';
import type { Person } from '../helpers/server.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const golden: any[] = JSON.parse(readFileSync('tests/fixtures/oracle/extra/svyglm.json', 'utf8')).cases;
const suite = analysisSuite();

async function call(path: string, as: Person, body: unknown, on = suite.app) {
  const headers = { ...(await suite.auth(as)), 'content-type': 'application/json' };
  return on.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('analysis models API', () => {
  it("a logistic model equals R's svyglm on the replicate weights", async () => {
    const res = await call('/api/analysis/ipei/models?lang=en', 'analyst', discrimination);
    expect(res.status).toBe(200);
    const body = modelResponseSchema.parse(await res.json()) as ModelResponse;
    const R = golden.find((c) => c.id === 'ipei_discrimination');
    // R's formula names the text column without factor(); the coefficients are the same.
    expect(
      body.coefficients.map((c) => c.name.replace('factor(c07_nationality1)', 'c07_nationality1')),
    ).toEqual(R.names);
    expect(body.df).toBe(Number(R.df));
    expect(body.ratioName).toBe('odds ratio');
    let published = 0;
    body.coefficients.forEach((c, j) => {
      if (c.reliability === 'suppress') {
        expect(c.estimate).toBeNull();
        expect(c.n).toBeLessThan(30);
        return;
      }
      published++;
      expect(Math.abs((c.estimate as number) / Number(R.estimate[j]) - 1)).toBeLessThan(1e-8);
      expect(Math.abs((c.se as number) / Number(R.se[j]) - 1)).toBeLessThan(1e-8);
      expect(Math.abs(Math.log(c.pValue as number) - Math.log(Number(R.p[j])))).toBeLessThan(1e-8);
      if (c.term !== '(Intercept)') expect(c.ratio).toBeCloseTo(Math.exp(Number(R.estimate[j])), 10);
    });
    expect(published).toBeGreaterThanOrEqual(3);
    expect(body.coefficients.some((c) => c.reliability === 'suppress')).toBe(true);
    const sex = body.coefficients.find((c) => c.term === 'factor(c03_sex)');
    expect(sex?.reference).toBeTruthy();
    expect(body.tests.map((t) => t.variable)).toEqual(['c07_nationality1', 'c03_sex', 'c05_age']);
    expect(body.margins?.rows.length).toBe(2);
  });
  it("a model on the member unit equals R's svyglm on the household weights (member-model-golden.R)", async () => {
    const golden = JSON.parse(readFileSync('tests/fixtures/tables/member-model-golden.json', 'utf8'));
    const model = async (req: object) => {
      const res = await call('/api/analysis/ipei/models?lang=en', 'analyst', { unit: 'member', ...req });
      expect(res.status).toBe(200);
      return modelResponseSchema.parse(await res.json());
    };
    const cases = [
      [golden.age, { family: 'gaussian', outcome: 'c05_age', predictors: ['c03_sex', 'stratum'] }],
      [
        golden.female,
        { family: 'quasibinomial', outcome: 'c03_sex', outcomeLevel: 2, predictors: ['c05_age', 'stratum'] },
      ],
    ] as const;
    for (const [R, req] of cases) {
      const body = await model(req);
      expect(body.unit).toBe('member');
      expect(body.n).toBe(R.n);
      expect(body.df).toBe(R.df);
      expect(body.coefficients.map((c) => c.name.replace('factor(stratum)', 'stratum'))).toEqual(R.names);
      body.coefficients.forEach((c, j) => {
        expect(c.reliability).not.toBe('suppress');
        expect(Math.abs((c.estimate as number) / R.estimate[j] - 1)).toBeLessThan(1e-8);
        expect(Math.abs((c.se as number) / R.se[j] - 1)).toBeLessThan(1e-8);
        expect(Math.abs(Math.log(c.pValue as number) - Math.log(R.p[j]))).toBeLessThan(1e-8);
      });
    }
  });
  it('a request for a unit that does not exist is a 422 naming the unit and the units there are', async () => {
    const res = await call('/api/analysis/ipei/models', 'analyst', { ...discrimination, unit: 'members' });
    expect(res.status).toBe(422);
    const p = await res.json();
    expect(p.code).toBe('request.invalid');
    expect(p.details).toEqual([{ field: 'unit', message: expect.stringContaining('"member"') }]);
  });
  it('CSV and Excel downloads', async () => {
    const csv = await call('/api/analysis/ipei/models?lang=pt&format=csv', 'analyst', discrimination);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('ipei-model.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('section,name,Coeficiente')).toBe(true);
    expect(text.split('\n').filter((l) => l.startsWith('coefficient,')).length).toBe(7);
    const xlsx = await call('/api/analysis/ipei/models?lang=en&format=xlsx', 'coord', discrimination);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.getWorksheet('Model');
    const cells: unknown[] = [];
    ws?.eachRow((r) => {
      cells.push(r.getCell(1).value);
    });
    expect(cells).toContain('Coefficient');
    expect(cells).toContain('Intercept');
  });
  for (const [what, patch, field] of [
    ['an unknown variable', { predictors: ['nosuch'] }, 'predictors.0'],
    [
      'a text outcome of a linear model',
      { family: 'gaussian', outcomeLevel: null, outcome: 'c07_nationality1', predictors: ['c05_age'] },
      'family',
    ],
    ['a logistic model without the category', { outcomeLevel: null }, 'outcomeLevel'],
    [
      'a one-level factor',
      { predictors: ['c03_sex'], universe: [{ variable: 'c03_sex', op: '=', value: 1 }] },
      'predictors',
    ],
  ] as const)
    it(`422 model.invalid naming the field for ${what}`, async () => {
      const res = await call('/api/analysis/ipei/models', 'analyst', {
        ...discrimination,
        margins: null,
        ...patch,
      });
      expect(res.status).toBe(422);
      const p = await res.json();
      expect(p.code).toBe('model.invalid');
      expect(p.details.field).toBe(field);
    });
  it('refuses enumerators and answers 409 without weighted data', async () => {
    expect((await call('/api/analysis/ipei/models', 'enum_a1', discrimination)).status).toBe(403);
    expect((await call('/api/analysis/ipei/models', 'analyst', discrimination, suite.bare)).status).toBe(409);
  });
});
