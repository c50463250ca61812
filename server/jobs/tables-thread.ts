/**
 * The main thread's side of a background tables computation (tables-worker.ts): one worker thread
 * per weighting run's tables, given a copy of the run's data and the survey's plans, ended once it
 * answered. A thread can be started ahead of need (`prepareTablesThread`, when a weighting begins) so
 * that its code is loaded while the weighting runs; at most one waits so. Threads never keep the
 * process alive, and a thread that ends without an answer is an error.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TablesAnswer, TablesRequest } from './tables-worker.ts';

let spare: Worker | null = null;

function startThread(): Worker {
  const worker = new Worker(new URL('./tables-worker-entry.mjs', import.meta.url));
  worker.unref();
  worker.once('exit', () => {
    if (spare === worker) spare = null;
  });
  return worker;
}

/** Starts a tables thread now, for the next `tablesInWorker` (none if one is already waiting). */
export function prepareTablesThread(): void {
  spare ??= startThread();
}

export function tablesInWorker(
  req: Omit<TablesRequest, 'threads'>,
  threads = availableParallelism(),
): Promise<TablesAnswer> {
  const worker = spare ?? startThread();
  spare = null;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.once('message', (m: { answer?: TablesAnswer; error?: string }) =>
      settle(() => (m.answer ? resolve(m.answer) : reject(new Error(m.error ?? 'tables failed')))),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the tables thread ended (exit ${code})`))));
    const request: TablesRequest = { ...req, threads };
    worker.postMessage(request);
  });
}
