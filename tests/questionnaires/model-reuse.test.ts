/**
 * The server validates every interview with one reused survey-core model per questionnaire version.
 * What one interview left in the model must not change the verdict on the next: here two complete
 * households from the fieldwork simulator, then a refusal (no roster), which a model that kept the
 * previous roster panels flagged for "answers" to the hidden roster.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const household = read('../../questionnaires/ipei/household.v1.json');
const sequence = read('../fixtures/questionnaires/validation-sequence.json') as Array<{
  outcome: number;
  answers: Record<string, unknown>;
}>;

describe('a reused validation model', () => {
  it('gives every interview of a sequence the verdict a fresh model gives', () => {
    expect(sequence.map((s) => s.outcome)).toEqual([11, 11, 13]);
    const reused = createValidationModel(household);
    for (const { answers } of sequence) {
      const fresh = validateAnswers(createValidationModel(household), answers);
      const got = validateAnswers(reused, answers);
      expect(got.flagged).toEqual(fresh.flagged);
      expect(got.errors).toEqual(fresh.errors);
    }
    expect(validateAnswers(reused, sequence[2].answers).flagged).toEqual([]);
  });
});
