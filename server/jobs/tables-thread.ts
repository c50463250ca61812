/**
 * The main thread's side of a background tables computation (tables-worker.ts): one worker thread
 * per weighting run's tables, given a copy of the run's data and the survey's plans, ended once it
 * answered. A thread can be started ahead of need (`prepareTablesThread`, when a weighting begins) so
 * that its code is loaded while the weighting runs; at most one waits so. Threads never keep the
 * process alive, and a thread that ends without an answer is an error; a request that cannot be
 * posted ends the thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TablesAnswer, TablesRequest } from './tables-worker.ts';

let spare: { worker: Worker; ready: Promise<void> } | null = null;

function startThread(): { worker: Worker; ready: Promise<void> } {
  const worker = new Worker(new URL('./tables-worker-entry.mjs', import.meta.url));
  worker.unref();
  const ready = new Promise<void>((resolve) => {
    worker.on('message', (m: { ready?: boolean }) => m.ready && resolve());
    worker.once('exit', () => resolve());
  });
  const thread = { worker, ready };
  worker.once('exit', () => {
    if (spare === thread) spare = null;
  });
  return thread;
}

/**
 * Starts a tables thread now, for the next `tablesInWorker` (none if one is already waiting);
 * resolves once its code is loaded (or it ended).
 */
export function prepareTablesThread(): Promise<void> {
  spare ??= startThread();
  return spare.ready;
}

export function tablesInWorker(
  req: Omit<TablesRequest, 'threads'>,
  threads = availableParallelism(),
): Promise<TablesAnswer> {
  const { worker } = spare ?? startThread();
  spare = null;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: { ready?: boolean; answer?: TablesAnswer; error?: string }) => {
      if (m.ready) return; // its code is loaded: the answer comes next
      settle(() => (m.answer ? resolve(m.answer) : reject(new Error(m.error ?? 'tables failed'))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the tables thread ended (exit ${code})`))));
    const request: TablesRequest = { ...req, threads };
    try {
      worker.postMessage(request);
    } catch (error) {
      // a request that cannot be copied to the thread (DataCloneError): end the thread, which waits
      // for it (its rank workers are its own threads, started only once it has a request)
      settle(() => reject(error));
    }
  });
}
