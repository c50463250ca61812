/**
 * The cross-tab layout of a table: a proportion's categories as rows and a column group per
 * domain level (Total first, crossed domains joined); a mean by one domain as one column of rows;
 * a mean by two domains as rows of the first and columns of the second, with only the crossings the
 * table estimates filled. Every cell lands once, in its own row and column.
 */
import { describe, expect, it } from 'vitest';
import { crossTab } from '../../../analysis/export/crosstab.ts';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, labels, plans, rules, table } from '../tables/helpers.ts';

const run = computeTables(
  plans([
    table('P2', {
      unit: 'individual',
      statistic: 'proportion',
      variable: 'j01_remit',
      domains: ['stratum', 'c03_sex'],
    }),
    table('M1', {
      unit: 'individual',
      statistic: 'mean',
      variable: 'j04_remit_amount',
      domains: ['c03_sex'],
    }),
    table('M2', {
      unit: 'individual',
      statistic: 'mean',
      variable: 'j04_remit_amount',
      domains: ['stratum', 'c03_sex'],
    }),
    table('N0', { unit: 'household', statistic: 'mean', variable: 'b01_residents' }),
  ]),
  data(),
  labels(),
  rules,
);
const byId = (id: string) => run.tables.find((t) => t.id === id) as TableResult;

function placed(id: string) {
  const x = crossTab(byId(id), 'en');
  const all = x.rows.flatMap((r) => r.cells).filter((c) => c !== null);
  expect(all.length).toBe(byId(id).cells.length);
  expect(new Set(all).size).toBe(all.length);
  return x;
}

describe('cross-tab layout', () => {
  it('a proportion by two domains: categories as rows, Total then each crossing as column groups', () => {
    expect(run.issues).toEqual([]);
    const x = placed('P2');
    expect(x.rowHeader).toBe('Sends remittances');
    expect(x.columnHeader).toBe('stratum × Sex');
    expect(x.rows.map((r) => r.label)).toEqual(['Yes', 'No']);
    expect(x.columns[0].label).toBe('Total');
    expect(x.columns.slice(1).map((c) => c.label)).toContain('BV × Female');
    expect(x.columns.length).toBe(1 + 4 * 2);
    const k = x.columns.findIndex((c) => c.label === 'PR × Male');
    const cell = x.rows[1].cells[k];
    expect(cell?.level?.code).toBe(2);
    expect(cell?.domain.map((d) => d.code)).toEqual(['PR', 1]);
  });
  it('a mean by one domain: Total then the levels as rows, one column group', () => {
    const x = placed('M1');
    expect(x.rowHeader).toBe('Sex');
    expect(x.columnHeader).toBeNull();
    expect(x.columns.map((c) => c.label)).toEqual(['Mean']);
    expect(x.rows.map((r) => r.label)).toEqual(['Total', 'Male', 'Female']);
  });
  it('a mean by two domains: rows of the first, columns of the second; only estimated crossings filled', () => {
    const x = placed('M2');
    expect(x.rowHeader).toBe('stratum');
    expect(x.columns.map((c) => c.label)).toEqual(['Total', 'Male', 'Female']);
    expect(x.rows.map((r) => r.label)).toEqual(['Total', 'BV', 'PR', 'SL', 'SV']);
    expect(x.rows[0].cells.map((c) => c !== null)).toEqual([true, false, false]);
    for (const r of x.rows.slice(1)) expect(r.cells.map((c) => c !== null)).toEqual([false, true, true]);
    expect(x.rows[2].cells[2]?.domain.map((d) => d.code)).toEqual(['PR', 2]);
  });
  it('a mean without domains: one row, one column', () => {
    const x = placed('N0');
    expect(x.rows.map((r) => r.label)).toEqual(['Total']);
    expect(x.columns.length).toBe(1);
  });
});
