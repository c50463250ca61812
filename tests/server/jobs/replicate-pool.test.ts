/**
 * The replicate pool (server/jobs/replicate-pool.ts) against the sequential path: on the
 * 3-stratum JKn fixture of replicates-r.test.ts (27 replicates, bounded raking with trimming),
 * weighing the replicates in two worker threads (or in the calling thread and one worker) gives
 * the same replicates in the same order, with
 * every weight equal bit for bit to runWeighting's, and the same report.
 */
import { describe, expect, it } from 'vitest';
import { runWeighting } from '../../../analysis/weighting/index.ts';
import { type PoolOptions, runWeightingInThreads } from '../../../server/jobs/replicate-pool.ts';
import { households, persons, recipe } from '../../analysis/weighting/replicates-example.ts';

/** Positions where two weight vectors differ in their bits (NaN and -0 included). */
const differing = (a: Float64Array, b: Float64Array) =>
  a.length !== b.length ? [-1] : [...a.keys()].filter((i) => !Object.is(a[i], b[i]));

describe('replicate weighting in worker threads', () => {
  const sequential = runWeighting(households, persons, recipe, null);

  it.each<[string, PoolOptions]>([
    ['two workers', { threads: 2, callerWeighs: false }],
    ['the calling thread and one worker', { threads: 2 }],
  ])('equals the sequential path bit for bit (%s)', async (_, options) => {
    const stats = { caller: 0, workers: 0 };
    const threaded = await runWeightingInThreads(households, persons, recipe, null, { ...options, stats });
    expect(stats.caller + stats.workers).toBe(27);
    if (options.callerWeighs === false) expect(stats.workers).toBe(27);
    const s = sequential.replicates;
    const t = threaded.replicates;
    expect(s.hh.length).toBe(27);
    expect(t.psus).toEqual(s.psus);
    expect(t.rscales).toEqual(s.rscales);
    for (const key of ['hh', 'roster', 'person'] as const)
      s[key].forEach((w, j) => {
        expect(differing(t[key][j], w), `${key} ${s.psus[j]}`).toEqual([]);
      });
    expect(threaded.report).toEqual(sequential.report);
    expect(threaded.households).toEqual(sequential.households);
    expect(threaded.persons).toEqual(sequential.persons);
  });

  it('keeps the sequential path when asked for one thread or no replicates', async () => {
    const none = await runWeightingInThreads(households, persons, recipe, null, { replicates: false });
    expect(none.replicates.hh).toEqual([]);
    const one = await runWeightingInThreads(households, persons, recipe, null, { threads: 1 });
    expect(one.replicates.hh.length).toBe(27);
  });
});
