/**
 * Multiple-response tables ("statistic": "multiple") against R survey on the JKn fixture
 * (tests/fixtures/tables/multiple-golden.R): one row per option of a checkbox question, the share of
 * the units that answered it citing the option (svymean of the 0/1 indicator, na.rm, on the universe
 * as a subset of the design), by domain, with logit (svyciprop) or Wald intervals on t with each
 * domain's design df, deff, n (citing) and base (answered). Also: the units without an answer leave the
 * base, the rows do not sum to 1, and the plan's errors (a checkbox question as a domain or with
 * another statistic, 'multiple' on a single-choice question).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data, FIXTURE, table } from './helpers.ts';

interface GoldenCell {
  domain: string | null;
  option: number;
  estimate: number;
  se: number;
  lower: number | null;
  upper: number | null;
  deff: number;
  df: number;
  n: number;
  base: number;
}
const golden = JSON.parse(readFileSync(`${FIXTURE}/multiple-golden.json`, 'utf8')) as Record<
  string,
  GoldenCell[]
>;

const ctx = loadSurveyContext('ipei');
const barriers = {
  unit: 'individual',
  statistic: 'multiple',
  variable: 'i04_care_barriers',
  domains: ['c03_sex'],
  universe: [{ variable: 'i03_care_obtained', op: 'in', values: [2, 3] }],
  proxies: 'excluded',
};
const compute = (tables: unknown[]) => computeTables({ ...ctx.file, tables }, data(), ctx.labels, ctx.rules);
const run = compute([
  table('M1', { unit: 'household', statistic: 'multiple', variable: 'h08_assets', domains: ['stratum'] }),
  table('M2', { ...barriers, ci: 'wald' }),
  table('M3', barriers),
]);
const byId = (id: string) => run.tables.find((t) => t.id === id) as TableResult;
const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));

function expectGolden(t: TableResult, g: GoldenCell[]) {
  expect(t.cells.length).toBe(g.length);
  t.cells.forEach((c, j) => {
    const r = g[j];
    const where = `${t.id} option ${r.option} domain ${r.domain}`;
    expect(c.level?.code, where).toBe(r.option);
    expect(
      c.domain.map((d) => String(d.code)),
      where,
    ).toEqual(r.domain === null ? [] : [r.domain]);
    expect(close(c.estimate, r.estimate), `${where} estimate ${c.estimate} vs ${r.estimate}`).toBe(true);
    expect(close(c.se, r.se), `${where} se ${c.se} vs ${r.se}`).toBe(true);
    expect(c.ciDf, where).toBe(r.df);
    expect([c.n, c.base], where).toEqual([r.n, r.base]);
    if (r.estimate > 0 && r.estimate < 1) {
      expect(close(c.deff as number, r.deff), `${where} deff`).toBe(true);
      expect(close(c.cv, r.se / r.estimate), `${where} cv`).toBe(true);
    }
    if (r.lower === null || r.upper === null) expect(c.ciMethod, where).toBe('clopper-pearson');
    else {
      expect(close(c.ciLower, r.lower), `${where} lower ${c.ciLower} vs ${r.lower}`).toBe(true);
      expect(close(c.ciUpper, r.upper), `${where} upper ${c.ciUpper} vs ${r.upper}`).toBe(true);
    }
  });
}

describe('multiple-response tables against R survey on the JKn fixture', () => {
  it('makes every table of the plan', () => {
    expect(run.issues).toEqual([]);
    expect(run.tables.map((t) => [t.id, t.statistic])).toEqual([
      ['M1', 'multiple'],
      ['M2', 'multiple'],
      ['M3', 'multiple'],
    ]);
  });
  it('household assets by stratum, logit intervals (svymean of each indicator, svyciprop)', () => {
    expectGolden(byId('M1'), golden.M1);
    expect(byId('M1').cells.map((c) => c.ciMethod)).toContain('logit');
    expect(byId('M1').cells[0].level).toMatchObject({ code: 1, en: 'Fridge' });
  });
  it('barriers to care by sex within a universe, Wald intervals on the domain df', () => {
    expectGolden(byId('M2'), golden.M2);
    expect(byId('M2').cells.every((c) => c.ciMethod === 'wald')).toBe(true);
  });
  it('barriers to care by sex, logit intervals (0 shares get the one-sided bound)', () => {
    expectGolden(byId('M3'), golden.M3);
    expect(byId('M3').proxyShare).not.toBeNull();
  });
  it('the base is who answered the question; the options do not sum to 1', () => {
    const t = byId('M1');
    const overall = t.cells.filter((c) => c.domain.length === 0);
    const answered = (data().households.h08_assets as Array<string | number | null>).filter(
      (x) => x !== null && !Number.isNaN(x),
    ).length;
    expect(answered).toBeLessThan(72);
    expect(t.respondents).toBe(answered);
    expect(overall.every((c) => c.base === answered)).toBe(true);
    expect(overall.reduce((a, c) => a + c.estimate, 0)).toBeGreaterThan(1.5);
  });
  it('refuses a checkbox question as a domain or with another statistic, and multiple on a single choice', () => {
    const bad = compute([
      table('B1', { unit: 'household', statistic: 'proportion', variable: 'h08_assets' }),
      table('B2', {
        unit: 'household',
        statistic: 'proportion',
        variable: 'h05_water',
        domains: ['h08_assets'],
      }),
      table('B3', { unit: 'household', statistic: 'multiple', variable: 'h05_water' }),
    ]);
    expect(bad.tables).toEqual([]);
    expect(bad.issues.map((i) => [i.table, i.field])).toEqual([
      ['B1', 'variable'],
      ['B2', 'domains.0'],
      ['B3', 'statistic'],
    ]);
    expect(bad.issues[0].message).toMatch(/"statistic": "multiple"/);
    expect(bad.issues[2].message).toMatch(/multiple-choice/);
  });
});
