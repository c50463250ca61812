/**
 * Runs in a worker thread: one weighting run (the weighting with its JKn replicates, these spread over
 * worker threads started from here by replicate-pool.ts; the flattened answers; the files). It takes
 * seconds to tens of seconds of CPU; here it never blocks the thread that answers the tablets.
 */
import { parentPort } from 'node:worker_threads';
import type { WeightingInputs } from '../domain/weighting/inputs.ts';
import { type WeighSurveyOptions, weighSurvey } from '../domain/weighting/weigh-survey.ts';

export interface WeightingRequest {
  inputs: WeightingInputs;
  options: WeighSurveyOptions;
}

parentPort?.once('message', async (request: WeightingRequest) => {
  try {
    parentPort?.postMessage({ outcome: await weighSurvey(request.inputs, request.options) });
  } catch (error) {
    const e = error as Error & { code?: string; detail?: unknown };
    parentPort?.postMessage({
      error: e.message,
      code: e.code ?? 'weighting.failed',
      detail: e.detail ?? null,
      stack: e.stack,
    });
  }
});
