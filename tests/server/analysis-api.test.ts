/**
 * The analysts' API on the WeightedData fixture: analysts (and coordinators) get the catalogue,
 * standard and custom tables with every cell's statistics, downloads in CSV/Excel, and
 * de-identified microdata; enumerators and supervisors are refused; bad plans are a 422 naming the
 * table field; no weighted data is a 409 that says what to run.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  type AnalysisCatalogue,
  analysisCatalogueSchema,
  analysisRefusalSchema,
  type TableResponse,
  tableResponseSchema,
} from '../../server/contract/analysis.ts';
import { analysisSuite } from '../helpers/analysis-app.ts';
import type { Person } from '../helpers/server.ts';

const suite = analysisSuite();

async function call(method: string, path: string, as: Person, body?: unknown, on = suite.app) {
  const headers: Record<string, string> = await suite.auth(as);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return on.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe('analysis API', () => {
  it('the catalogue lists the standard tables, the builder variables and the reliability rules', async () => {
    const res = await call('GET', '/api/analysis/ipei', 'analyst');
    expect(res.status).toBe(200);
    const cat = (await res.json()) as AnalysisCatalogue;
    expect(cat.dataReady).toBe(true);
    expect(cat.reliability).toEqual({ cvFlag: 0.3, minN: 30 });
    expect(cat.tables.length).toBe(57); // T45-T49, T51-T54: by region of birth; T55-T58: the member unit (issue 18)
    expect(cat.tables.filter((t) => t.unit === 'member').map((t) => t.id)).toEqual([
      'T55',
      'T56',
      'T57',
      'T58',
    ]);
    const names = cat.variables.map((v) => v.name);
    expect(names).toContain('nat_group');
    expect(names).not.toContain('c01_name');
    // a questionnaire variable the weighted data lack is not offered (the fixture has no c02_relationship)
    expect(names).not.toContain('c02_relationship');
    expect(names).toContain('c03_sex');
    expect(cat.variables.find((v) => v.name === 'b01_residents')?.units).toEqual(['household']);
  });
  it('the builder is offered the member unit where the weighted data hold it, with its variables', async () => {
    const cat = analysisCatalogueSchema.parse(
      await (await call('GET', '/api/analysis/ipei', 'analyst')).json(),
    );
    expect(cat.units).toEqual(['household', 'roster', 'individual', 'member']);
    const unitsOf = (name: string) => cat.variables.find((v) => v.name === name)?.units;
    // a person's variables (and the derived ones) on every person unit; the stratum on all four
    expect(unitsOf('c03_sex')).toEqual(['roster', 'individual', 'member']);
    expect(unitsOf('cv_first')).toEqual(['roster', 'individual', 'member']);
    expect(unitsOf('stratum')).toEqual(['household', 'roster', 'individual', 'member']);
    expect(unitsOf('b01_residents')).toEqual(['household']);
    // before any weighting the data cannot say: no member unit
    const bareCat = analysisCatalogueSchema.parse(
      await (await call('GET', '/api/analysis/ipei', 'analyst', undefined, suite.bare)).json(),
    );
    expect(bareCat.units).toEqual(['household', 'roster', 'individual']);
    expect(bareCat.variables.every((v) => !v.units.includes('member'))).toBe(true);
  });
  it('a table built on the member unit: R survey on the household weights (member-golden.R)', async () => {
    const golden = JSON.parse(readFileSync('tests/fixtures/tables/member-golden.json', 'utf8'));
    const post = async (req: object) =>
      tableResponseSchema.parse(
        await (await call('POST', '/api/analysis/ipei/tables?lang=en', 'analyst', req)).json(),
      ).tables[0];
    const sex = await post({ unit: 'member', statistic: 'proportion', variable: 'c03_sex' });
    expect(sex.unit).toBe('member');
    expect(sex.cells.map((c) => c.level?.label)).toEqual(['Male', 'Female']);
    sex.cells.forEach((c, i) => {
      expect(c.base).toBe(golden.n);
      expect(c.estimate).toBeCloseTo(golden.sex.estimate[i], 10);
      expect(c.se).toBeCloseTo(golden.sex.se[i], 10);
    });
    const age = await post({ unit: 'member', statistic: 'mean', variable: 'c05_age' });
    expect(age.cells[0].estimate).toBeCloseTo(golden.age.estimate, 9);
    expect(age.cells[0].se).toBeCloseTo(golden.age.se, 9);
  });
  it("the builder's variables and categories in fr and kea, the source language where the survey lacks one", async () => {
    const cat = analysisCatalogueSchema.parse(
      await (await call('GET', '/api/analysis/ipei', 'analyst')).json(),
    );
    const sex = cat.variables.find((v) => v.name === 'c03_sex');
    // the questionnaire's own French and Kriolu, not the Portuguese
    expect(sex?.label).toEqual({ pt: 'Sexo', en: 'Sex', fr: 'Sexe', kea: 'Séxu' });
    expect(sex?.values[0]).toEqual({ code: 1, pt: 'Masculino', en: 'Male', fr: 'Masculin', kea: 'Ómi' });
    // a derived variable's from tables.json
    const nat = cat.variables.find((v) => v.name === 'nat_group');
    expect(nat?.label.fr).toBe('Groupe de nationalité (première)');
    expect(nat?.values.find((x) => x.code === 2)?.fr).toBe('Sénégal');
    // a computed variable without French or Kriolu (offered before weighting): the source language, pt
    const bareCat = analysisCatalogueSchema.parse(
      await (await call('GET', '/api/analysis/ipei', 'analyst', undefined, suite.bare)).json(),
    );
    const size = bareCat.variables.find((v) => v.name === 'hh_n_members');
    expect(size?.label.fr).toBe(size?.label.pt);
    expect(size?.label.kea).toBe(size?.label.pt);
  });
  it('a standard table with estimate, SE, CI, CV, deff, n and reliability per cell', async () => {
    const res = await call('GET', '/api/analysis/ipei/tables/T05?lang=en', 'analyst');
    expect(res.status).toBe(200);
    const body = (await res.json()) as TableResponse;
    const t = body.tables[0];
    expect(t.title).toBe('Mean household size by stratum');
    expect(t.cells[0]).toMatchObject({ domain: [], n: 72, reliability: 'ok' });
    expect(t.cells[0].estimate).toBeCloseTo(2.3677626, 6);
    expect(t.cells.slice(1).map((c) => c.domain[0].label)).toEqual([
      'Boa Vista',
      'Praia',
      'Sal',
      'São Vicente',
    ]);
    expect(t.cells.slice(1).every((c) => c.reliability === 'suppress' && c.estimate === null)).toBe(true);
    expect(body.legend).toMatch(/fewer than 30 respondents/);
  });
  it('a custom table; CSV and Excel downloads', async () => {
    const req = { unit: 'roster', statistic: 'proportion', variable: 'c03_sex', domains: ['age_group'] };
    const json = (await (
      await call('POST', '/api/analysis/ipei/tables', 'analyst', req)
    ).json()) as TableResponse;
    expect(json.tables[0].title).toBe('Sexo');
    expect(json.tables[0].cells[0]).toMatchObject({
      level: { code: 1, label: 'Masculino' },
      n: 109,
      base: 168,
      ciMethod: 'logit',
      ciDf: 8,
    });
    expect(tableResponseSchema.parse(json)).toBeTruthy();
    expect(json.ciNote).toBe('IC 95%: logit (svyciprop, t nos graus de liberdade do plano) para proporções.');
    // The plan's "ci": "wald" gives confint of svymean instead: a different, symmetric interval.
    const wald = (await (
      await call('POST', '/api/analysis/ipei/tables', 'analyst', { ...req, ci: 'wald' })
    ).json()) as TableResponse;
    const [l, w] = [json.tables[0].cells[0], wald.tables[0].cells[0]];
    expect(w).toMatchObject({ ciMethod: 'wald', ciDf: l.ciDf, estimate: l.estimate });
    expect(w.ciLower).not.toBeCloseTo(l.ciLower as number, 4);
    expect((w.ciUpper as number) - (w.estimate as number)).toBeCloseTo(
      (w.estimate as number) - (w.ciLower as number),
      12,
    );
    const csv = await call('POST', '/api/analysis/ipei/tables?format=csv&lang=en', 'coord', req);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ipei-custom.csv"');
    expect((await csv.text()).split('\n')[1]).toMatch(
      /^custom,Sex,roster,proportion,c03_sex,,,Total,1,Male,/,
    );
    const xlsx = await call('POST', '/api/analysis/ipei/tables?format=xlsx', 'analyst', req);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Índice', 'custom', 'Dados']);
  });
  it('a custom multiple-response table: one row per option, validated by the response schema', async () => {
    const req = { unit: 'household', statistic: 'multiple', variable: 'h08_assets', domains: ['stratum'] };
    const res = await call('POST', '/api/analysis/ipei/tables?lang=en', 'analyst', req);
    expect(res.status).toBe(200);
    const body = tableResponseSchema.parse(await res.json());
    const t = body.tables[0];
    expect(t.statistic).toBe('multiple');
    const overall = t.cells.filter((c) => c.domain.length === 0);
    expect(overall.map((c) => c.level?.code)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(overall[0].level?.label).toBe('Fridge');
    expect(new Set(overall.map((c) => c.base))).toEqual(new Set([71]));
  });
  it('a bad plan is a 422 naming the table field', async () => {
    const res = await call('POST', '/api/analysis/ipei/tables', 'analyst', {
      unit: 'individual',
      statistic: 'mean',
      variable: 'j01_remit',
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('table.invalid');
    // with the reason's code and the names it concerns, as the contract says, for the screen's sentence
    expect(analysisRefusalSchema.parse(body.details)).toMatchObject({
      table: 'custom',
      field: 'statistic',
      reason: 'needs_numeric',
      variable: 'j01_remit',
      statistic: 'mean',
    });
    const nobody = await call('POST', '/api/analysis/ipei/tables', 'analyst', {
      unit: 'individual',
      statistic: 'proportion',
      variable: 'j01_remit',
      universe: [{ variable: 'c05_age', op: '>', value: 150 }],
    });
    expect((await nobody.json()).details).toMatchObject({ field: 'universe' });
  });
  it('microdata files for analysts, without identifiers', async () => {
    const list = await (await call('GET', '/api/analysis/ipei/microdata/dta', 'analyst')).json();
    expect(list.files).toEqual([
      'households.dta',
      'persons.dta',
      'codebook.json',
      'codebook.csv',
      'codebook.md',
      'setup.R',
      'setup.do',
    ]);
    const setup = await call('GET', '/api/analysis/ipei/microdata/dta/setup.R', 'analyst');
    expect(setup.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await setup.text()).toContain('individual_design <- unit_design("persons", "w_person_final",');
    const dta = await call('GET', '/api/analysis/ipei/microdata/dta/persons.dta', 'analyst');
    expect(dta.status).toBe(200);
    const bytes = new Uint8Array(await dta.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 40))).toBe('<stata_dta><header><release>118</release');
    const csv = await (await call('GET', '/api/analysis/ipei/microdata/csv/persons.csv', 'analyst')).text();
    expect(csv.split('\n')[0]).not.toMatch(/c01_name|g08_occupation/);
    expect(csv).not.toMatch(/Fatou|Amadou|pedreiro/);
  });
  it('refuses enumerators and supervisors; 404 for an unknown survey; 409 without weighted data', async () => {
    for (const who of ['enum_a1', 'sup_a'] as Person[]) {
      const res = await call('GET', '/api/analysis/ipei/microdata/csv/persons.csv', who);
      expect(res.status, who).toBe(403);
    }
    expect((await call('GET', '/api/analysis/nope', 'analyst')).status).toBe(404);
    const res = await call('GET', '/api/analysis/ipei/tables/T01', 'analyst', undefined, suite.bare);
    expect(res.status).toBe(409);
    expect((await res.json()).message).toMatch(/POST \/api\/weighting/);
    const cat = (await (
      await call('GET', '/api/analysis/ipei', 'analyst', undefined, suite.bare)
    ).json()) as AnalysisCatalogue;
    expect(cat.dataReady).toBe(false);
  });
});
