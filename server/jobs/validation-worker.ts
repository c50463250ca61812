/**
 * Runs in a worker thread: validates answers against a questionnaire version, keeping one validator per
 * version (the compiled fast path where it applies, survey-core itself otherwise; same verdicts). Here
 * validation never blocks the thread that answers the tablets.
 */
import { parentPort } from 'node:worker_threads';
import { createVersionValidator, type VersionValidator } from '../domain/version-validator.ts';

export interface ValidationRequest {
  id: number;
  key: string;
  /** The questionnaire JSON text; sent only when the worker has not seen this key. */
  definition?: string;
  answers: Record<string, unknown>;
}

const validators = new Map<string, VersionValidator>();

parentPort?.on('message', (request: ValidationRequest) => {
  try {
    let validator = validators.get(request.key);
    if (!validator) {
      if (!request.definition) throw new Error(`no definition for ${request.key}`);
      validator = createVersionValidator(JSON.parse(request.definition));
      validators.set(request.key, validator);
    }
    const { errors, flagged, warnings } = validator.validate(request.answers);
    parentPort?.postMessage({ id: request.id, result: { errors, flagged, warnings } });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
