/** The weighting pipeline: a survey's recipe (data) applied to its sample: base to calibrated final and JKn replicate weights, with a report. */
export type { RakeSummary } from './calibrate-step.ts';
export { checkMargin, postStratifyWeights, rakeWeights } from './calibration.ts';
export { collapseCells, nonresponseAdjust } from './cells.ts';
export { resolveControls } from './controls.ts';
export type { WeightingDetail, WeightingDetailKey, WeightingDetailParams } from './errors.ts';
export { WeightingError } from './errors.ts';
export type { FailureLang } from './failure-text.ts';
export { detailText, FAILURE_LANGS, isWeightingDetail, weightingError } from './failure-text.ts';
export { documentMarkdown, reportMarkdown } from './markdown.ts';
export { prepare } from './pipeline.ts';
export type { Calibration, ControlsRef, Derived, Margin, Nonresponse, WeightingRecipe } from './recipe.ts';
export { parseRecipe, weightingRecipeSchema } from './recipe.ts';
export { jknReplicates, varianceUnits } from './replicates.ts';
export type { WeightSummary } from './report.ts';
export { summarise } from './report.ts';
export type { ReportBlock } from './report-document.ts';
export { reportDocument } from './report-document.ts';
export type { ReportLang } from './report-messages.ts';
export { REPORT_LANGS, REPORT_MESSAGES, reportLangsOf } from './report-messages.ts';
export type {
  ReplicateContext,
  ReplicateOutcome,
  RunOptions,
  WeightingReport,
  WeightingResult,
  WeightingStart,
} from './run.ts';
export {
  finishWeighting,
  replicateContext,
  replicateOutcome,
  runWeighting,
  startWeighting,
  weightingCells,
} from './run.ts';
export type { CellFactor, PersonInput, UnitInput, UnitStatus, Value } from './types.ts';
export { ageGroup, compileVariable, deriveAll, median, recipeValues } from './variables.ts';
