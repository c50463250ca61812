/**
 * The weighting with its JKn replicates spread over threads (one per core by default): the calling
 * thread does the full-sample start (while the workers load and prepare), then weighs replicates
 * itself from a shared queue while threads - 1 worker threads, each having prepared the same
 * replicates from the same inputs, take theirs from the same queue (two in flight each, so a worker never waits for the next). The
 * calling thread yields between its replicates so the workers' results are taken in. The outcomes
 * are put back in the replicates' order and finished as runWeighting does. Each replicate runs the
 * same analysis code on the same inputs as the one-thread path, and its weights come back as
 * transferred Float64Array buffers, so the result equals runWeighting's bit for bit
 * (tests/server/jobs/replicate-pool.test.ts). With one thread it is runWeighting itself. A worker that
 * fails, ends early or finds another replicate count fails the run with a `thread.*` detail.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  finishWeighting,
  type PersonInput,
  type ReplicateOutcome,
  type RunOptions,
  replicateOutcome,
  runWeighting,
  startWeighting,
  type UnitInput,
  type WeightingDetail,
  WeightingError,
  type WeightingRecipe,
  type WeightingResult,
  weightingError,
} from '../../analysis/weighting/index.ts';
import type { ReplicateSetup } from './replicate-worker.ts';

export interface PoolOptions extends RunOptions {
  /** Threads weighing replicates, the calling one included (default: the available parallelism). */
  threads?: number;
  /** The calling thread weighs replicates too (default true; false leaves them all to the workers). */
  callerWeighs?: boolean;
  /** Filled with how many replicates the calling thread and the workers weighed (for the bench). */
  stats?: { caller: number; workers: number };
}

type WorkerMessage =
  | { ready: number }
  | { index: number; outcome: ReplicateOutcome }
  | { failed: string; code?: string; detail?: WeightingDetail | null };

const turn = () => new Promise((resolve) => setImmediate(resolve));

export async function runWeightingInThreads(
  households: readonly UnitInput[],
  persons: readonly PersonInput[],
  recipe: WeightingRecipe,
  design: unknown,
  options: PoolOptions = {},
): Promise<WeightingResult> {
  const threads = options.threads ?? availableParallelism();
  const callerWeighs = options.callerWeighs !== false;
  const workerCount = callerWeighs ? threads - 1 : threads;
  if (workerCount < 1 || options.replicates === false || !recipe.replicates)
    return runWeighting(households, persons, recipe, design, options);
  // the workers start (load the code, prepare the same replicates) while this thread weighs the
  // full sample; nothing they say is read before the handlers below are on (no await in between)
  const setup: ReplicateSetup = { households: [...households], persons: [...persons], recipe, design };
  const workers: Worker[] = [];
  for (let t = 0; t < workerCount; t++) {
    const w = new Worker(new URL('./replicate-worker-entry.mjs', import.meta.url));
    w.on('error', () => {}); // reported by the handlers below; none needed without replicates
    w.postMessage({ setup });
    workers.push(w);
  }
  let start: ReturnType<typeof startWeighting>;
  try {
    start = startWeighting(households, persons, recipe, design, options);
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  const count = start.reps.replicates.length;
  const outcomes: ReplicateOutcome[] = new Array(count);
  let next = 0;
  let done = 0;
  let failure: Error | null = null;
  let settle = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = resolve;
    const fail = (error: Error) => {
      failure ??= error;
      reject(error);
    };
    const give = (w: Worker) => {
      if (next < count) w.postMessage({ index: next++ });
    };
    for (const w of count > 0 ? workers : []) {
      w.on('message', (m: WorkerMessage) => {
        if ('failed' in m) fail(new WeightingError(m.failed, m.code ?? 'weighting.failed', m.detail ?? null));
        else if ('ready' in m) {
          if (m.ready !== count) fail(weightingError('thread.count', { found: m.ready, expected: count }));
          give(w);
          give(w);
        } else {
          outcomes[m.index] = m.outcome;
          if (options.stats) options.stats.workers++;
          if (++done === count) resolve();
          else give(w);
        }
      });
      w.on('error', (error) => fail(weightingError('thread.error', { error: error.message })));
      w.on('exit', (code) => {
        if (done < count) fail(weightingError('thread.exit', { exit: code }));
      });
    }
  });
  finished.catch(() => {}); // awaited below; a failure also stops the calling thread's loop
  try {
    if (count === 0) settle();
    while (callerWeighs && next < count && !failure) {
      const j = next++;
      outcomes[j] = replicateOutcome(start, j);
      if (options.stats) options.stats.caller++;
      if (++done === count) settle();
      await turn(); // take in the workers' messages
    }
    await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return finishWeighting(start, outcomes);
}
