/**
 * The tables' replicate df made on a worker thread (server/jobs/rank-pool.ts): whether the worker
 * made every rank before the tables started or the calling thread made those nobody had started,
 * computeTables gives the same tables, to the bit, as alone on another copy of the data (with new
 * columns nothing is known in advance).
 */
import { describe, expect, it } from 'vitest';
import { computeTables } from '../../../analysis/tables/run.ts';
import { shareTableRanks } from '../../../server/jobs/rank-pool.ts';
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

describe('ranks made on a worker thread', () => {
  it('leave the tables as computeTables alone makes them, whoever made which rank', async () => {
    const alone = computeTables(file, data(), labels(), rules);
    expect(alone.issues).toEqual([]);
    // the worker makes every rank before the tables start: the tables take them all from it
    const d1 = data(); // new columns: no rank of theirs is known yet
    const first = shareTableRanks(file, d1, labels(), rules, undefined, 2);
    await first.settled;
    const fromWorker = computeTables(file, d1, labels(), rules);
    const s1 = await first.close();
    expect(s1.caller).toBe(0);
    expect(s1.workers).toBeGreaterThan(2);
    expect(JSON.stringify(fromWorker)).toBe(JSON.stringify(alone));
    // the tables start at once: the calling thread makes those nobody has started
    const d2 = data();
    const second = shareTableRanks(file, d2, labels(), rules, undefined, 2);
    const shared = computeTables(file, d2, labels(), rules);
    const s2 = await second.close();
    expect(s2.caller + s2.workers).toBe(s1.workers);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
  });
});
