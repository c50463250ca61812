/**
 * Tables of a module proxies are not asked ("proxies": "excluded"): the proxy interviews leave the
 * universe, which states it, and the note gives their weighted share. The fixture's individual
 * respondents of stratum SV are made proxy interviews (person result 22, no remittance answer).
 */
import { describe, expect, it } from 'vitest';
import { tablesJson } from '../../../analysis/export/tables-csv.ts';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { parseTablesFile } from '../../../analysis/tables/plan.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, labels, plans, rules, table } from './helpers.ts';

function withProxies() {
  const d = data();
  const p = d.persons;
  const w = p.w_person_final as Float64Array;
  const proxy = (p.stratum as string[]).map((s, i) => s === 'SV' && w[i] > 0);
  p.z05p_person_result = Float64Array.from(p.z05p_person_result as Float64Array, (x, i) =>
    proxy[i] ? 22 : x,
  );
  p.j01_remit = Float64Array.from(p.j01_remit as Float64Array, (x, i) => (proxy[i] ? Number.NaN : x));
  let all = 0;
  let proxies = 0;
  w.forEach((x, i) => {
    if (!(x > 0)) return;
    all += x;
    if (proxy[i]) proxies += x;
  });
  return { d, share: proxies / all };
}

const remit = (rest: Record<string, unknown> = {}) =>
  table('T13', { unit: 'individual', statistic: 'proportion', variable: 'j01_remit', ...rest });
const file = (tables: unknown[], proxy = true) =>
  parseTablesFile({
    ...plans(tables),
    ...(proxy ? { proxy: { variable: 'z05p_person_result', values: [22] } } : {}),
  });

describe('proxy interviews in tables of modules proxies are not asked', () => {
  const { d, share } = withProxies();
  it('excludes them from the universe, says so and gives their weighted share', () => {
    const run = computeTables(file([remit({ proxies: 'excluded' })]), d, labels(), rules);
    expect(run.issues).toEqual([]);
    const t = run.tables[0] as TableResult;
    expect(share).toBeGreaterThan(0.1);
    expect(t.proxyShare).toBeCloseTo(share, 12);
    expect(t.universe).toEqual([{ variable: 'z05p_person_result', op: 'notin', values: [22] }]);
    expect(t.proxyNote?.en).toContain(`${(share * 100).toFixed(1)}% of the weighted individual respondents`);
    expect(t.proxyNote?.pt).toMatch(/procuração excluídas/);
    // the same numbers as the universe written out by hand
    const byHand = computeTables(
      file([remit({ universe: [{ variable: 'z05p_person_result', op: '!=', value: 22 }] })]),
      d,
      labels(),
      rules,
    ).tables[0] as TableResult;
    expect(t.cells.map((c) => c.estimate)).toEqual(byHand.cells.map((c) => c.estimate));
    expect(t.respondents).toBe(byHand.respondents);
    const json = JSON.parse(tablesJson(run.tables, 'en', { legend: '' }));
    expect(json.tables[0].proxyNote).toBe(t.proxyNote?.en);
    expect(json.tables[0].proxyShare).toBeCloseTo(share, 12);
  });
  it('says nothing for a table that does not exclude them', () => {
    const t = computeTables(file([remit()]), d, labels(), rules).tables[0] as TableResult;
    expect(t.proxyNote).toBeNull();
    expect(t.universe).toEqual([]);
  });
  it("refuses 'excluded' without the file's proxy definition, naming the field", () => {
    const run = computeTables(file([remit({ proxies: 'excluded' })], false), d, labels(), rules);
    expect(run.tables).toEqual([]);
    expect(run.issues[0]).toMatchObject({ table: 'T13', field: 'proxies', reason: 'proxy_rule_missing' });
    expect(run.issues[0].message).toMatch(/'proxy'/);
  });
  it("refuses a proxy rule whose variable is not in the unit's data, naming the variable", () => {
    const bad = parseTablesFile({
      ...plans([remit({ proxies: 'excluded' })]),
      proxy: { variable: 'zz', values: [22] },
    });
    const run = computeTables(bad, d, labels(), rules);
    expect(run.tables).toEqual([]);
    expect(run.issues[0]).toMatchObject({
      table: 'T13',
      field: 'proxies',
      reason: 'proxy_variable_missing',
      variable: 'zz',
    });
  });
});
