/**
 * Runs in a worker thread: validates answers against a questionnaire version with survey-core, keeping
 * one model per version. Validating a large household can take a second; here it never blocks the
 * thread that answers the tablets.
 */
import { parentPort } from 'node:worker_threads';
import type { Model } from 'survey-core';
import { createValidationModel, validateAnswers } from '../domain/answers-validation.ts';

export interface ValidationRequest {
  id: number;
  key: string;
  /** The questionnaire JSON text; sent only when the worker has not seen this key. */
  definition?: string;
  answers: Record<string, unknown>;
}

const models = new Map<string, Model>();

parentPort?.on('message', (request: ValidationRequest) => {
  try {
    let model = models.get(request.key);
    if (!model) {
      if (!request.definition) throw new Error(`no definition for ${request.key}`);
      model = createValidationModel(JSON.parse(request.definition));
      models.set(request.key, model);
    }
    const { errors, flagged, warnings } = validateAnswers(model, request.answers);
    parentPort?.postMessage({ id: request.id, result: { errors, flagged, warnings } });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
