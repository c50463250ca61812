/**
 * The main thread's side of a weighting run: one worker thread per run (runs are rare and long),
 * ended when the run is over. A thread that ends without an answer and a run stopped at shutdown are
 * errors with their structured detail, said in the staff's languages (analysis/weighting/failure-text.ts).
 */
import { Worker } from 'node:worker_threads';
import { type WeightingDetail, WeightingError } from '../../analysis/weighting/errors.ts';
import { weightingError } from '../../analysis/weighting/failure-text.ts';
import type { WeightingInputs } from '../domain/weighting/inputs.ts';
import type { WeighOutcome, WeighSurveyOptions } from '../domain/weighting/weigh-survey.ts';
import type { WeightingRequest } from './weighting-worker.ts';

export function weighInWorker(
  inputs: WeightingInputs,
  options: WeighSurveyOptions,
  signal?: AbortSignal,
): Promise<WeighOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./weighting-worker-entry.mjs', import.meta.url));
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.once(
      'message',
      (m: { outcome?: WeighOutcome; error?: string; code?: string; detail?: WeightingDetail }) =>
        settle(() =>
          m.outcome
            ? resolve(m.outcome)
            : reject(new WeightingError(m.error ?? 'weighting failed', m.code ?? '', m.detail ?? null)),
        ),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(weightingError('run.worker_exit', { exit: code }))));
    signal?.addEventListener('abort', () => settle(() => reject(weightingError('run.stopped', {}))));
    const request: WeightingRequest = { inputs, options };
    worker.postMessage(request);
  });
}
