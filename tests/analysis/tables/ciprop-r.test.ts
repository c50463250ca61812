/**
 * Proportion cells get R's svyciprop(method = "logit") interval (t on each domain's design df) on
 * the JKn fixture: golden numbers from scripts/r/tables-ciprop.R (tests/fixtures/tables/ciprop-golden.json);
 * means and totals keep Wald; the plan's "ci": "wald" gives back confint of svymean; the method is
 * named in every cell and in the table's interval text; small shares stay inside [0, 1].
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tablesJson } from '../../../analysis/export/tables-csv.ts';
import type { TableCell, TableResult } from '../../../analysis/tables/compute.ts';
import { ciNote, ciTextIn } from '../../../analysis/tables/intervals.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, FIXTURE, labels, plans, rules, table } from './helpers.ts';

interface GoldenCell {
  domain: Record<string, string | number> | [];
  level: number;
  estimate: number;
  lower: number;
  upper: number;
  svycipropLower: number;
  svycipropUpper: number;
  df: number;
  waldLower: number;
  waldUpper: number;
}
const golden = JSON.parse(readFileSync(`${FIXTURE}/ciprop-golden.json`, 'utf8')) as Record<
  string,
  GoldenCell[]
>;

const remitters = [{ variable: 'j01_remit', op: '=', value: 1 }];
const run = computeTables(
  plans([
    table('P1', { unit: 'individual', statistic: 'proportion', variable: 'j01_remit', domains: ['stratum'] }),
    table('P3', { unit: 'roster', statistic: 'proportion', variable: 'c03_sex', domains: ['age_group'] }),
    table('P7', {
      unit: 'individual',
      statistic: 'proportion',
      variable: 'e05_inps',
      domains: ['c03_sex'],
      universe: remitters,
    }),
    table('P9', {
      unit: 'individual',
      statistic: 'proportion',
      variable: 'c11_cv_ancestry',
      domains: ['stratum'],
    }),
    table('P10', { unit: 'individual', statistic: 'proportion', variable: 'g10_icse', domains: ['c03_sex'] }),
    table('W1', {
      unit: 'individual',
      statistic: 'proportion',
      variable: 'j01_remit',
      domains: ['stratum'],
      ci: 'wald',
    }),
    table('M', { unit: 'individual', statistic: 'mean', variable: 'j04_remit_amount', universe: remitters }),
    table('T', { unit: 'individual', statistic: 'total', variable: 'e05_inps' }),
  ]),
  data(),
  labels(),
  rules,
);
const byId = (id: string) => run.tables.find((t) => t.id === id) as TableResult;

/** The cell of a table matching a golden cell's domain and level. */
function cellOf(t: TableResult, g: GoldenCell): TableCell {
  const dom = Array.isArray(g.domain) ? [] : Object.entries(g.domain);
  const hit = t.cells.find(
    (c) =>
      String(c.level?.code) === String(g.level) &&
      c.domain.length === dom.length &&
      dom.every(([v, code], k) => c.domain[k].variable === v && String(c.domain[k].code) === String(code)),
  );
  if (!hit) throw new Error(`no cell ${JSON.stringify(g.domain)} level ${g.level} in ${t.id}`);
  return hit;
}

describe('logit intervals for proportions against R svyciprop', () => {
  it('makes every table', () => {
    expect(run.issues).toEqual([]);
  });
  for (const id of ['P1', 'P3', 'P7', 'P9', 'P10'])
    it(`${id}: every cell's interval equals R's svyciprop logit interval to 1e-9, with the domain's df`, () => {
      const t = byId(id);
      expect(golden[id].length).toBe(t.cells.length);
      for (const g of golden[id]) {
        const c = cellOf(t, g);
        expect(c.estimate).toBeCloseTo(g.estimate, 10);
        expect(c.ciLower).toBeCloseTo(g.lower, 9);
        expect(c.ciUpper).toBeCloseTo(g.upper, 9);
        expect(c.ciMethod).toBe('logit');
        expect(c.ciDf).toBe(g.df);
        // svyciprop's own limits carry glm's convergence tolerance (1e-8)
        expect(Math.abs(c.ciLower - g.svycipropLower)).toBeLessThan(1e-7);
      }
    });
  it('keeps the limits inside [0, 1] where the Wald interval of a small share goes below 0', () => {
    const below = ['P3', 'P9'].flatMap((id) =>
      golden[id].filter((g) => g.waldLower < 0).map((g) => cellOf(byId(id), g)),
    );
    expect(below.length).toBeGreaterThanOrEqual(3);
    for (const c of below) {
      expect(c.ciLower).toBeGreaterThanOrEqual(0);
      expect(c.ciUpper).toBeLessThanOrEqual(1);
    }
  });
  it('"ci": "wald" in the plan gives confint of svymean on t with the domain’s df, named as such', () => {
    const t = byId('W1');
    for (const g of golden.P1) {
      const c = cellOf(t, g);
      expect(c.ciLower).toBeCloseTo(g.waldLower, 9);
      expect(c.ciUpper).toBeCloseTo(g.waldUpper, 9);
      expect(c.ciMethod).toBe('wald');
      expect(c.ciDf).toBe(g.df);
    }
    expect(t.ci).toBe("Wald, t on each domain's design df (t(8) overall), 95%");
  });
  it('means and totals get Wald on t; the table and the note name the methods', () => {
    expect(byId('M').cells.every((c) => c.ciMethod === 'wald')).toBe(true);
    expect(byId('T').cells.every((c) => c.ciMethod === 'wald')).toBe(true);
    expect(byId('P1').ci).toBe("logit (svyciprop), t on each domain's design df (t(8) overall), 95%");
    // and in Portuguese outputs (JSON, CSV, workbook) the same line in Portuguese
    expect(ciTextIn(byId('P1').ci, 'pt')).toBe(
      'logit (svyciprop), t nos graus de liberdade do plano de cada domínio (t(8) no total), 95%',
    );
    const pt = JSON.parse(tablesJson([byId('P1')], 'pt', { legend: '' }));
    expect(pt.tables[0].ci).toBe(ciTextIn(byId('P1').ci, 'pt'));
    expect(ciNote(run.tables, 'en')).toBe(
      '95% CI: logit (svyciprop, t on the design degrees of freedom) for proportions; Wald (t on the design degrees of freedom) for proportions, means and totals.',
    );
    expect(ciNote([byId('P1'), byId('M'), byId('T')], 'pt')).toBe(
      'IC 95%: logit (svyciprop, t nos graus de liberdade do plano) para proporções; Wald (t nos graus de liberdade do plano) para médias e totais.',
    );
  });
});
