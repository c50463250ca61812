/**
 * The main thread's side of the validation worker: sends answers, gets the verdict. The worker is
 * started on first use and restarted if it dies; a job whose worker died fails and is retried.
 */
import { Worker } from 'node:worker_threads';
import type { AnswersValidation } from '../domain/answers-validation.ts';
import type { ValidationRequest } from './validation-worker.ts';

export type Verdict = Pick<AnswersValidation, 'errors' | 'flagged' | 'warnings'>;

export interface ValidationThread {
  validate(
    key: string,
    definition: () => Promise<string>,
    answers: Record<string, unknown>,
  ): Promise<Verdict>;
  close(): Promise<void>;
}

export function createValidationThread(): ValidationThread {
  let worker: Worker | null = null;
  let known = new Set<string>();
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: Verdict) => void; reject: (e: Error) => void }>();

  function start(): Worker {
    const w = new Worker(new URL('./validation-worker-entry.mjs', import.meta.url));
    w.on('message', (m: { id: number; result?: Verdict; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(m.error ?? 'validation failed'));
    });
    const fail = (error: Error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      worker = null;
      known = new Set();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`validation worker exited with code ${code}`)));
    w.unref();
    return w;
  }

  return {
    async validate(key, definition, answers) {
      worker ??= start();
      const request: ValidationRequest = { id: nextId++, key, answers };
      if (!known.has(key)) {
        request.definition = await definition();
        known.add(key);
      }
      const target = worker;
      return new Promise<Verdict>((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        target.ref(); // keep the process alive while a verdict is awaited
        target.postMessage(request);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

/**
 * `size` validation workers for `size` job loops: each validation goes to the worker with the fewest
 * waiting, so a large questionnaire's validations spread over the machine's cores.
 */
export function createValidationPool(size: number): ValidationThread {
  if (size <= 1) return createValidationThread();
  const threads = Array.from({ length: size }, () => ({ thread: createValidationThread(), waiting: 0 }));
  return {
    async validate(key, definition, answers) {
      const slot = threads.reduce((a, b) => (b.waiting < a.waiting ? b : a));
      slot.waiting++;
      try {
        return await slot.thread.validate(key, definition, answers);
      } finally {
        slot.waiting--;
      }
    },
    async close() {
      await Promise.all(threads.map((t) => t.thread.close()));
    },
  };
}
