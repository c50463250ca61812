/**
 * Morabeza's design-based estimation engine: R survey's estimators, in TypeScript, on columns.
 *
 * Build a design with `svyDesign` (or `svrepDesign` / `asSvrepDesign`), optionally calibrate it
 * (`postStratify`, `rake`, `calibrate`, `trimWeights`), then estimate (`svyMean`, `svyTotal`,
 * `svyRatio`, `svyVar`, `svyQuantile`, `svyBy`, `svyCiprop`, `svyChisq`) or model (`svyGlm`,
 * `regTermTest`, `svyPredmeans`). Every estimator returns
 * one `Estimate` shape (tests return `TestResult`). Domains are zero-weighted subsets
 * (`subsetDesign`), never filtered rows.
 */

export type { CalFun, CalibrateOptions, PopulationTable, RakeMargin } from './calibration/index.ts';
export { calibrate, calibrationWeights, postStratify, rake, trimWeights } from './calibration/index.ts';
export type { Cell, Column, DataFrame, Factor } from './data.ts';
export { factorColumn, numericColumn, toFactor } from './data.ts';
export type { DesignSpec, LonelyPsu, Stage, SurveyDesign } from './design.ts';
export { degfTaylor, subsetDesign, svyDesign, withOptions } from './design.ts';
export * from './distributions/index.ts';
export { SurveyError } from './errors.ts';
export type { BasicOptions } from './estimators/basic.ts';
export { kishDeff, svyMean, svyRatio, svyTotal, svyVar } from './estimators/basic.ts';
export type { ByOptions, ByStatistic } from './estimators/by.ts';
export { svyBy } from './estimators/by.ts';
export type { ChisqStatistic, TestResult } from './estimators/chisq.ts';
export { svyChisq } from './estimators/chisq.ts';
export type { CipropMethod, CipropOptions, CipropResult } from './estimators/ciprop.ts';
export { confint, svyCiprop, svyContrast } from './estimators/ciprop.ts';
export type { AnyDesign, Estimate, VarSpec } from './estimators/core.ts';
export { degf, isReplicate, subsetAny } from './estimators/core.ts';
export type { SvyGlmOptions, SvyGlmResult } from './estimators/glm.ts';
export { confintGlm, svyGlm } from './estimators/glm.ts';
export { svyPredmeans } from './estimators/glm-predmeans.ts';
export type { RegTermTestResult } from './estimators/glm-terms.ts';
export { regTermTest } from './estimators/glm-terms.ts';
export type { QRule, QuantileOptions } from './estimators/quantile.ts';
export { quantileRule, svyQuantile } from './estimators/quantile.ts';
export type { AsSvrepOptions, ReplicateDesign, ReplicateType, SvrepSpec } from './replicate-design.ts';
export { asSvrepDesign, subsetReplicate, svrepDesign } from './replicate-design.ts';
export { svrVar } from './variance/replicate.ts';
export { svyRecVar } from './variance/taylor.ts';
