/**
 * The tables' replicate df computed beforehand on two threads (server/jobs/rank-pool.ts): the
 * worker thread gets its share of the row sets, and computeTables run afterwards gives the same
 * tables, to the bit, as computeTables alone on a copy of the data (nothing known in advance).
 */
import { describe, expect, it } from 'vitest';
import { computeTables } from '../../../analysis/tables/run.ts';
import { prefetchTableRanks } from '../../../server/jobs/rank-pool.ts';
import { data, labels, plans, rules } from '../../analysis/tables/helpers.ts';

const T = (s: string) => ({ pt: s, en: s });
const file = plans([
  {
    id: 'P1',
    title: T('P1'),
    unit: 'individual',
    statistic: 'proportion',
    variable: 'j01_remit',
    domains: ['stratum'],
  },
  {
    id: 'P3',
    title: T('P3'),
    unit: 'roster',
    statistic: 'proportion',
    variable: 'c03_sex',
    domains: ['age_group'],
  },
  {
    id: 'M',
    title: T('M'),
    unit: 'individual',
    statistic: 'mean',
    variable: 'j04_remit_amount',
    domains: ['c03_sex'],
  },
]);

describe('ranks computed beforehand on a worker thread', () => {
  it('leave the tables as computeTables alone makes them', async () => {
    const alone = computeTables(file, data(), labels(), rules);
    expect(alone.issues).toEqual([]);
    const d = data(); // new columns: no rank of theirs is known yet
    const stats = await prefetchTableRanks(file, d, labels(), rules, undefined, 2);
    expect(stats.failed).toBeUndefined();
    expect(stats.workers).toBeGreaterThan(0); // two sets are given to the worker before the caller starts
    expect(stats.caller + stats.workers).toBeGreaterThan(2);
    const pooled = computeTables(file, d, labels(), rules);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(alone));
  });
});
