/** Sampling: a survey's first stage from its frame and design.json (design.ts), allocation, systematic PPS with certainty units, household selection. */
export type { AllocationOptions, StratumSize } from './allocation.ts';
export { allocate, checkAllocation } from './allocation.ts';
export type { FrameRow, SamplingDesign, SamplingRule } from './design.ts';
export {
  allocationOf,
  frameUnits,
  parseFrameCsv,
  ruleAllocation,
  samplingRule,
  selectSample,
} from './design.ts';
export { SamplingError } from './errors.ts';
export type { HouseholdSelection } from './households.ts';
export { checkSelection, selectHouseholds } from './households.ts';
export type { PpsResult, PpsUnit } from './pps.ts';
export { checkMos, ppsProbabilities, systematicPps } from './pps.ts';
export type { Uniform } from './rng.ts';
export { seededUniform, seedFrom } from './rng.ts';
export type { FirstStage, FrameUnit, SampledUnit, SampleOptions } from './sample.ts';
export { selectFirstStage } from './sample.ts';
