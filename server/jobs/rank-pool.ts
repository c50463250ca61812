/**
 * The replicate df of every table's domains computed beforehand on several threads: the row sets
 * the tables will ask for (analysis/tables/rank-sets.ts), largest first, from one queue taken by
 * the calling thread and threads - 1 worker threads (rank-worker.ts: the same rank code on copies
 * of the same columns, so the same ranks), then seeded in the rank cache, so that computeTables,
 * run next, finds them all. The tables' output is the same with or without it (or with a worker
 * that fails: the tables then compute the ranks it did not send); only the time differs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SpecialCodes } from '../../analysis/export/special-codes.ts';
import type { Labels } from '../../analysis/tables/labels.ts';
import type { TablesFile } from '../../analysis/tables/plan.ts';
import { tableRankSets } from '../../analysis/tables/rank-sets.ts';
import type { ReliabilityRules } from '../../analysis/tables/reliability.ts';
import { tableOptions } from '../../analysis/tables/run.ts';
import type { WeightedData } from '../../analysis/tables/weighted-data.ts';
import { rankKnown, rankOfRows, seedRank } from '../../analysis/variance/replicate-rank.ts';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** How many ranks were computed by the calling thread and by the workers (for the bench). */
export interface RankPoolStats {
  caller: number;
  workers: number;
  /** A worker failed: the ranks it had not sent back are computed by the tables. */
  failed?: boolean;
}

/** Before `computeTables(file, data, labels, rules, ..., specialCodes)`: its ranks, on `threads` threads. */
export async function prefetchTableRanks(
  file: TablesFile,
  data: WeightedData,
  labels: Labels,
  rules: ReliabilityRules,
  specialCodes?: SpecialCodes,
  threads = availableParallelism(),
): Promise<RankPoolStats> {
  const stats: RankPoolStats = { caller: 0, workers: 0 };
  if (threads < 2) return stats;
  const sets = tableRankSets(file, data, labels, tableOptions(file, rules, specialCodes)).filter(
    (s) => !rankKnown(s.reps, s.rows),
  );
  if (sets.length < 2) return stats; // the tables compute their own
  const size = (rows: Uint8Array) => rows.reduce((a, b) => a + b, 0);
  const jobs = sets.map((s) => ({ ...s, size: size(s.rows) })).sort((a, b) => b.size - a.size);
  const units: Float64Array[][] = [];
  const unitOf = jobs.map((j) => {
    const k = units.indexOf(j.reps);
    if (k >= 0) return k;
    units.push(j.reps);
    return units.length - 1;
  });
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  let settle = () => {};
  let fail = (_: Error) => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  finished.catch(() => {}); // awaited below
  const finish = () => {
    if (++done === jobs.length) settle();
  };
  const give = (w: Worker) => {
    if (next >= jobs.length) return;
    const job = next++;
    w.postMessage({ job, unit: unitOf[job], rows: jobs[job].rows });
  };
  try {
    for (let t = 0; t < threads - 1; t++) {
      const w = new Worker(new URL('./rank-worker-entry.mjs', import.meta.url));
      workers.push(w);
      w.on('message', (m: { job: number; rank: number } | { failed: string }) => {
        if ('failed' in m) return fail(new Error(`rank worker: ${m.failed}`));
        seedRank(jobs[m.job].reps, jobs[m.job].rows, m.rank);
        stats.workers++;
        finish();
        give(w);
      });
      w.on('error', (error) => fail(error));
      w.on('exit', (code) => {
        if (done < jobs.length) fail(new Error(`rank worker exited with code ${code}`));
      });
      units.forEach((reps, unit) => {
        w.postMessage({ unit, reps });
      });
      give(w);
      give(w);
    }
    while (next < jobs.length) {
      const j = next++;
      rankOfRows(jobs[j].reps, jobs[j].rows);
      stats.caller++;
      finish();
      await turn(); // take in the workers' results
    }
    await finished;
  } catch {
    // a worker that failed leaves its ranks to the tables themselves: the same numbers, later
    stats.failed = true;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return stats;
}
