/**
 * The weighting with its JKn replicates spread over worker threads (one per core by default): the
 * main thread does the full-sample start, each worker redoes it once from the same inputs, then
 * takes replicates from a shared queue (two in flight each, so a worker never waits for the next);
 * the outcomes are put back in the replicates' order and finished as runWeighting does. Each
 * replicate runs the same analysis code on the same inputs as the sequential path, and its weights
 * come back as transferred Float64Array buffers, so the result equals runWeighting's bit for bit
 * (tests/server/jobs/replicate-pool.test.ts). With one thread, or fewer replicates than two per
 * thread, it is runWeighting itself.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  finishWeighting,
  type PersonInput,
  type ReplicateOutcome,
  type RunOptions,
  runWeighting,
  startWeighting,
  type UnitInput,
  WeightingError,
  type WeightingRecipe,
  type WeightingResult,
} from '../../analysis/weighting/index.ts';
import type { ReplicateSetup } from './replicate-worker.ts';

export interface PoolOptions extends RunOptions {
  /** Worker threads (default: the machine's available parallelism). */
  threads?: number;
}

type WorkerMessage =
  | { ready: number }
  | { index: number; outcome: ReplicateOutcome }
  | { failed: string; code?: string };

export async function runWeightingInThreads(
  households: readonly UnitInput[],
  persons: readonly PersonInput[],
  recipe: WeightingRecipe,
  design: unknown,
  options: PoolOptions = {},
): Promise<WeightingResult> {
  const start = startWeighting(households, persons, recipe, design, options);
  const count = start.reps.replicates.length;
  const threads = Math.min(options.threads ?? availableParallelism(), Math.floor(count / 2));
  if (threads <= 1) return runWeighting(households, persons, recipe, design, options);
  const outcomes: ReplicateOutcome[] = new Array(count);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const setup: ReplicateSetup = {
        households: [...households],
        persons: [...persons],
        recipe,
        design,
      };
      const give = (w: Worker) => {
        if (next < count) w.postMessage({ index: next++ });
      };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(new URL('./replicate-worker-entry.mjs', import.meta.url));
        workers.push(w);
        w.on('message', (m: WorkerMessage) => {
          if ('failed' in m) {
            reject(new WeightingError(m.failed, m.code ?? 'weighting.failed'));
          } else if ('ready' in m) {
            if (m.ready !== count)
              reject(new Error(`replicate worker found ${m.ready} replicates, the main thread ${count}`));
            give(w);
            give(w);
          } else {
            outcomes[m.index] = m.outcome;
            if (++done === count) resolve();
            else give(w);
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < count) reject(new Error(`replicate worker exited with code ${code}`));
        });
        w.postMessage({ setup });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return finishWeighting(start, outcomes);
}
