/**
 * The replicate df of every table's domains computed on the other cores while the tables are
 * computed: the row sets the tables will ask for (analysis/tables/rank-sets.ts) are given, in the
 * tables' order, to threads - 1 worker threads (rank-worker.ts: the same rank code on copies of the
 * same columns, so the same ranks), each taking the next set nobody has claimed; the calling thread,
 * running computeTables, takes a rank from shared memory when a worker has made it, waits when one
 * is making it, and makes it itself when nobody has started it (analysis/variance/replicate-rank.ts
 * `setRankSource`). The tables' output is the same with or without it, whoever made which rank;
 * only the time differs. A thread that knows it will compute tables starts its workers beforehand
 * (`prepareRankWorkers`), so that their code is loaded by then.
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
import { rankKnown, rowsRankKey, setRankSource } from '../../analysis/variance/replicate-rank.ts';
import { CLAIMED_BY_CALLER, CLAIMED_BY_WORKER, DONE, FREE } from './rank-states.ts';
import type { SharedRanks } from './rank-worker.ts';

/** How many of the tables' ranks the calling thread and the workers made (for the bench). */
export interface RankPoolStats {
  caller: number;
  workers: number;
}

/** Rank workers started ahead of need (`prepareRankWorkers`), their code loaded, waiting for sets. */
const spares: Worker[] = [];

function startRankWorker(): Worker {
  const w = new Worker(new URL('./rank-worker-entry.mjs', import.meta.url));
  w.once('exit', () => {
    const i = spares.indexOf(w);
    if (i >= 0) spares.splice(i, 1);
  });
  return w;
}

/**
 * Starts rank workers now, up to `count` waiting, for the next `shareTableRanks` (a thread that will
 * compute tables: their code loads meanwhile). Waiting workers never keep the process alive.
 */
export function prepareRankWorkers(count: number): void {
  while (spares.length < count) {
    const w = startRankWorker();
    w.unref();
    spares.push(w);
  }
}

/** A longest wait for a worker's rank; then the calling thread makes it (the same number). */
const WAIT_MS = 10_000;

/**
 * Before `computeTables(file, data, labels, rules, ..., specialCodes)`: starts the workers on its
 * ranks; `close()` after it stops them and says who made which.
 */
export function shareTableRanks(
  file: TablesFile,
  data: WeightedData,
  labels: Labels,
  rules: ReliabilityRules,
  specialCodes?: SpecialCodes,
  threads = availableParallelism(),
): { close: () => Promise<RankPoolStats>; settled: Promise<void> } {
  const stats: RankPoolStats = { caller: 0, workers: 0 };
  const none = { close: async () => stats, settled: Promise.resolve() };
  if (threads < 2) return none;
  const sets = tableRankSets(file, data, labels, tableOptions(file, rules, specialCodes)).filter(
    (s) => !rankKnown(s.reps, s.rows),
  );
  if (sets.length < 2) return none;
  const units: Float64Array[][] = [];
  const jobs = sets.map((s) => {
    let unit = units.indexOf(s.reps);
    if (unit < 0) unit = units.push(s.reps) - 1;
    return { unit, rows: s.rows };
  });
  const index = new Map(sets.map((s, j) => [rowsRankKey(s.reps, s.rows), j]));
  const state = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
  const ranks = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
  const shared: SharedRanks = { units, jobs, state, ranks };
  const ends: Array<Promise<void>> = [];
  const workers = Array.from({ length: threads - 1 }, () => {
    const w = spares.pop() ?? startRankWorker();
    w.ref();
    ends.push(
      new Promise((resolve) => {
        w.on('message', () => resolve()); // it went through every set
        w.on('error', () => resolve()); // its unfinished ranks are made by the calling thread
        w.on('exit', () => resolve());
      }),
    );
    w.postMessage({ shared });
    return w;
  });
  const before = setRankSource((key, compute) => {
    const j = index.get(key);
    if (j === undefined) return undefined;
    if (Atomics.compareExchange(state, j, FREE, CLAIMED_BY_CALLER) === FREE) {
      const rank = compute();
      ranks[j] = rank;
      Atomics.store(state, j, DONE);
      stats.caller++;
      return rank;
    }
    while (Atomics.load(state, j) === CLAIMED_BY_WORKER)
      if (Atomics.wait(state, j, CLAIMED_BY_WORKER, WAIT_MS) === 'timed-out') return undefined;
    if (Atomics.load(state, j) !== DONE) return undefined; // FAILED: made here
    stats.workers++;
    return ranks[j];
  });
  return {
    /** Resolved once every worker went through every set (or stopped). */
    settled: Promise.all(ends).then(() => {}),
    close: async () => {
      setRankSource(before);
      await Promise.all(workers.map((w) => w.terminate()));
      return stats;
    },
  };
}
