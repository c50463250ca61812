/**
 * One validator per questionnaire version, as the validation worker keeps them: the compiled fast
 * path (validation-plan.ts, compiled-validation.ts) when the version's features are all covered and the
 * answers have a shape it reproduces, survey-core itself (answers-validation.ts, the reference)
 * otherwise. Both give the same errors, flags and warnings
 * (tests/questionnaires/compiled-validation.test.ts); only the speed differs.
 */
import { type AnswersValidation, createValidationModel, validateAnswers } from './answers-validation.ts';
import { type FastVerdict, validateCompiled } from './compiled-validation.ts';
import { compileValidationPlan } from './validation-plan.ts';

export type Verdict = Pick<AnswersValidation, 'errors' | 'flagged' | 'warnings'>;

export interface VersionValidator {
  validate(answers: Record<string, unknown>): Verdict;
  /** true when the version has a compiled plan */
  compiled: boolean;
}

export function createVersionValidator(json: object): VersionValidator {
  const model = createValidationModel(json);
  const plan = compileValidationPlan(json, model);
  const reference = (answers: Record<string, unknown>): Verdict => {
    const { errors, flagged, warnings } = validateAnswers(model, answers);
    return { errors, flagged, warnings };
  };
  return {
    compiled: plan !== null,
    validate: (answers) => {
      const fast: FastVerdict | null = plan ? validateCompiled(plan, answers) : null;
      return fast ?? reference(answers);
    },
  };
}
