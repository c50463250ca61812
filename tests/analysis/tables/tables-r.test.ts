/**
 * Table cells of the engine against R survey (svrepdesign JKn) on the fixture:
 * tests/fixtures/tables/golden.R. Means, totals and the proportions here ("ci": "wald") get confint
 * of svymean / svytotal on t with each domain's design df (R `confint(est, df = degf(d))`); the
 * default logit interval of proportions is checked in ciprop-r.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, FIXTURE, labels, plans, rules, table } from './helpers.ts';

interface Golden {
  estimate: number[];
  se: number[];
  lower: number[];
  upper: number[];
  deff: number[];
}
const golden = JSON.parse(readFileSync(`${FIXTURE}/golden.json`, 'utf8')) as Record<string, Golden>;

const run = computeTables(
  plans([
    table('T1', {
      unit: 'individual',
      statistic: 'proportion',
      variable: 'j01_remit',
      domains: ['stratum'],
      ci: 'wald',
    }),
    table('T2', {
      unit: 'individual',
      statistic: 'mean',
      variable: 'j04_remit_amount',
      domains: ['c03_sex'],
      universe: [{ variable: 'j01_remit', op: '=', value: 1 }],
    }),
    table('T3', {
      unit: 'roster',
      statistic: 'proportion',
      variable: 'c03_sex',
      domains: ['age_group'],
      ci: 'wald',
    }),
    table('T4', { unit: 'household', statistic: 'mean', variable: 'b01_residents' }),
    table('T5', {
      unit: 'individual',
      statistic: 'median',
      variable: 'j04_remit_amount',
      universe: [{ variable: 'j01_remit', op: '=', value: 1 }],
    }),
    table('T6', { unit: 'individual', statistic: 'total', variable: 'e05_inps' }),
  ]),
  data(),
  labels(),
  rules,
);
const byId = (id: string) => run.tables.find((t) => t.id === id) as TableResult;

function expectCells(cells: TableResult['cells'], g: Golden, deff = true) {
  expect(cells.length).toBe(g.estimate.length);
  cells.forEach((c, j) => {
    expect(c.estimate).toBeCloseTo(g.estimate[j], 10);
    expect(c.se).toBeCloseTo(g.se[j], 10);
    expect(c.ciLower).toBeCloseTo(g.lower[j], 9);
    expect(c.ciUpper).toBeCloseTo(g.upper[j], 9);
    if (deff) expect(c.deff as number).toBeCloseTo(g.deff[j], 9);
    expect(c.cv).toBeCloseTo(g.se[j] / g.estimate[j], 10);
  });
}

describe('tables against R survey on the JKn fixture', () => {
  it('makes every table of the plan', () => {
    expect(run.issues).toEqual([]);
    expect(run.tables.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
  });
  it('proportion remitting, overall and by stratum (svymean / svyby of a factor)', () => {
    const t = byId('T1');
    expectCells(
      t.cells.filter((c) => c.domain.length === 0),
      golden.T1_all,
    );
    expectCells(
      t.cells.filter((c) => c.domain.length === 1),
      golden.T1_by,
    );
    expect(t.cells[0].level).toEqual({ code: 1, pt: 'Sim', en: 'Yes' });
  });
  it('mean amount among remitters by sex: the universe is a domain of the design', () => {
    const t = byId('T2');
    expectCells(
      t.cells.filter((c) => c.domain.length === 0),
      golden.T2_all,
    );
    expectCells(
      t.cells.filter((c) => c.domain.length === 1),
      golden.T2_by,
    );
    expect(t.cells[1].domain[0]).toMatchObject({ variable: 'c03_sex', code: 1, en: 'Male' });
  });
  it('roster sex by a derived age group', () => {
    expectCells(
      byId('T3').cells.filter((c) => c.domain.length === 1),
      golden.T3_by,
    );
  });
  it('household file: mean household size', () => {
    expectCells(byId('T4').cells, golden.T4_all);
    expect(byId('T4').cells[0].n).toBe(72);
  });
  it('median amount among remitters: Woodruff interval with t on the design df (svyquantile)', () => {
    const t = byId('T5');
    expectCells(t.cells, golden.T5_all, false);
    expect(t.ci).toBe(`Woodruff, t(${(golden.T5_all as unknown as { df: number }).df}), 95%`);
  });
  it('total persons per answer of a categorical variable (svytotal of a factor)', () => {
    expectCells(byId('T6').cells, golden.T6_all);
    expect(byId('T6').cells.map((c) => c.level?.code)).toEqual([1, 2, 98]);
  });
});
