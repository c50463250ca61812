/**
 * The answers as the questionnaire computes them. An interview made elsewhere than on the tablet (an
 * import, the demo's simulator, an older app) may carry no computed values: expression questions and
 * calculated values that page and roster conditions depend on. A read-only SurveyJS model never runs
 * expressions, so the review would hide every page that depends on them. Here an editable headless model
 * runs the questionnaire's own expressions over the answers (as the tablet does while typing), and the
 * review shows the result read-only.
 */
import { Model, type QuestionPanelDynamicModel } from 'survey-core';

/** The answers with every expression question and calculated value of the questionnaire computed. */
export function withComputedValues(
  definition: Record<string, unknown>,
  answers: Record<string, unknown>,
): Record<string, unknown> {
  const model = new Model(definition);
  model.data = answers;
  // Roster panels are created on first access; their expressions run only once they exist. Nested
  // rosters appear after their parent's panels, hence a second pass.
  for (let pass = 0; pass < 2; pass++) {
    for (const q of model.getAllQuestions(false, false, true)) {
      if (q.getType() === 'paneldynamic') void (q as QuestionPanelDynamicModel).panels.length;
    }
    model.runExpressions();
  }
  return model.data as Record<string, unknown>;
}

/** The read-only model a reviewer reads: the questionnaire over the answers with its computed values. */
export function reviewModel(definition: Record<string, unknown>, answers: Record<string, unknown>): Model {
  const model = new Model(definition);
  model.mode = 'display';
  model.questionsOnPageMode = 'singlePage';
  model.showCompletedPage = false;
  model.data = withComputedValues(definition, answers);
  return model;
}
