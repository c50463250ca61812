/**
 * The main thread's side of a background tables computation (tables-worker.ts): one worker thread
 * per weighting run's tables, given a copy of the run's data and the survey's plans, ended once it
 * answered. It never keeps the process alive, and a thread that ends without an answer is an error.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TablesAnswer, TablesRequest } from './tables-worker.ts';

export function tablesInWorker(
  req: Omit<TablesRequest, 'threads'>,
  threads = availableParallelism(),
): Promise<TablesAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./tables-worker-entry.mjs', import.meta.url));
    worker.unref();
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
