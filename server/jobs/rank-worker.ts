/**
 * Runs in a worker thread of the rank pool (rank-pool.ts): given replicate weight columns per unit
 * and the row sets the tables will ask for, it computes R's rank of each set nobody has claimed yet,
 * in order, with the same code as the tables (analysis/variance/replicate-rank.ts) on the same
 * numbers, so the same ranks, writing each into shared memory where the calling thread reads it.
 */
import { parentPort } from 'node:worker_threads';
import { rankOfRows } from '../../analysis/variance/replicate-rank.ts';
import { CLAIMED_BY_WORKER, DONE, FAILED, FREE } from './rank-states.ts';

export interface SharedRanks {
  units: Float64Array[][];
  jobs: Array<{ unit: number; rows: Uint8Array }>;
  /** Per job: FREE, CLAIMED_BY_*, DONE or FAILED (Int32Array on a SharedArrayBuffer). */
  state: Int32Array;
  ranks: Int32Array;
}

parentPort?.on('message', (m: { shared: SharedRanks }) => {
  const { units, jobs, state, ranks } = m.shared;
  let made = 0;
  for (let j = 0; j < jobs.length; j++) {
    if (Atomics.compareExchange(state, j, FREE, CLAIMED_BY_WORKER) !== FREE) continue;
    try {
      ranks[j] = rankOfRows(units[jobs[j].unit], jobs[j].rows);
      Atomics.store(state, j, DONE);
      made++;
    } catch {
      Atomics.store(state, j, FAILED);
    }
    Atomics.notify(state, j);
  }
  parentPort?.postMessage({ made });
});
