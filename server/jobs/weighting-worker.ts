/**
 * Runs in a worker thread: one weighting run (runWeighting with its JKn replicates, the flattened
 * answers, the files). It takes tens of seconds of CPU; here it never blocks the thread that answers
 * the tablets.
 */
import { parentPort } from 'node:worker_threads';
import type { WeightingInputs } from '../domain/weighting/inputs.ts';
import { type WeighSurveyOptions, weighSurvey } from '../domain/weighting/weigh-survey.ts';

export interface WeightingRequest {
  inputs: WeightingInputs;
  options: WeighSurveyOptions;
}

parentPort?.once('message', (request: WeightingRequest) => {
  try {
    parentPort?.postMessage({ outcome: weighSurvey(request.inputs, request.options) });
  } catch (error) {
    const e = error as Error & { code?: string };
    parentPort?.postMessage({ error: e.message, code: e.code ?? 'weighting.failed', stack: e.stack });
  }
});
