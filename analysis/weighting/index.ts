/** The weighting pipeline (ipei.md 5.9): base weights to calibrated final and JKn replicate weights, with a report. */
export { checkMargin, postStratifyWeights, rakeWeights } from './calibration.ts';
export { collapseCells, nonresponseAdjust } from './cells.ts';
export { WeightingError } from './errors.ts';
export { ageGroup, median } from './groups.ts';
export { hhClassOf, ipeiControls, ipeiOptions, natGroupOf } from './ipei.ts';
export { reportMarkdown } from './markdown.ts';
export { prepare } from './pipeline.ts';
export { jknReplicates, varianceUnits } from './replicates.ts';
export type { WeightSummary } from './report.ts';
export { summarise } from './report.ts';
export type { WeightingReport, WeightingResult } from './run.ts';
export { runWeighting, weightingCells } from './run.ts';
export type {
  CellFactor,
  HouseholdInput,
  HouseholdStatus,
  PersonInput,
  WeightingControls,
  WeightingOptions,
} from './types.ts';
