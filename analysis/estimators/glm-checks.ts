/**
 * Checks of a model's outcome against its family before fitting (R's family initialize errors,
 * reworded to say what to do): quasibinomial needs an outcome in [0, 1], quasipoisson a
 * non-negative outcome, and every family at least one row with positive weight.
 */
import { SurveyError } from '../errors.ts';
import type { GlmFamily } from '../model/glm-fit.ts';
import type { ModelFrame } from '../model/model-matrix.ts';

export function glmChecks(frame: ModelFrame, family: GlmFamily, weights: Float64Array): void {
  const { y, complete } = frame;
  const name = frame.formula.response.name;
  let fitted = 0;
  for (let i = 0; i < y.length; i++) {
    if (!complete[i]) continue;
    if (weights[i] > 0) fitted++;
    const v = y[i];
    if (family === 'quasibinomial' && (v < 0 || v > 1))
      throw new SurveyError(
        `The outcome '${name}' is ${v} at row ${i + 1}: a quasibinomial (logistic) model needs an outcome between 0 and 1. Use I(${name} == value) for the category to model.`,
        'formula',
      );
    if (family === 'quasipoisson' && v < 0)
      throw new SurveyError(
        `The outcome '${name}' is ${v} at row ${i + 1}: a quasipoisson model needs counts or rates >= 0.`,
        'formula',
      );
  }
  if (fitted === 0)
    throw new SurveyError(
      `No row of the universe has the outcome '${name}' and every predictor: nothing to fit.`,
      'formula',
    );
}
