/**
 * Runs in a worker thread of the rank pool (rank-pool.ts): given replicate weight columns once per
 * unit, it computes R's rank of the row sets it is asked for, one message each, with the same code
 * as the tables (analysis/variance/replicate-rank.ts) on the same numbers, so the same ranks.
 */
import { parentPort } from 'node:worker_threads';
import { rankOfRows } from '../../analysis/variance/replicate-rank.ts';

const units: Float64Array[][] = [];

parentPort?.on(
  'message',
  (m: { unit: number; reps: Float64Array[] } | { job: number; unit: number; rows: Uint8Array }) => {
    try {
      if ('reps' in m) {
        units[m.unit] = m.reps;
        return;
      }
      parentPort?.postMessage({ job: m.job, rank: rankOfRows(units[m.unit], m.rows) });
    } catch (error) {
      parentPort?.postMessage({ failed: (error as Error).message });
    }
  },
);
