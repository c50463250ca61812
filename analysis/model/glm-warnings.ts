/**
 * The warnings of a survey GLM as codes a client can act on, each with its one detail (the terms,
 * the iterations, the count): svyGlm (estimators/glm.ts) gives them beside its English sentences,
 * and the model screen words them in pt, en, fr or kea from tables/model-words.ts (the variance
 * functions' codes, shared with the tables, from tables/warning-words.ts). The variance functions'
 * sentences are coded in variance/variance-warnings.ts; one it does not know (`other`) keeps the
 * engine's English sentence as its detail.
 */
import { VARIANCE_WARNING_CODES, type VarianceWarningCode } from '../variance/variance-warnings.ts';

export { varianceWarning } from '../variance/variance-warnings.ts';

/** The fit's own codes; the variance functions' come after them. */
export const GLM_FIT_WARNING_CODES = ['not_converged', 'aliased', 'separation', 'quasi_separation'] as const;
export type GlmFitWarningCode = (typeof GLM_FIT_WARNING_CODES)[number];

export const GLM_WARNING_CODES = [...GLM_FIT_WARNING_CODES, ...VARIANCE_WARNING_CODES] as const;
export type GlmWarningCode = GlmFitWarningCode | VarianceWarningCode;

export interface GlmWarning {
  code: GlmWarningCode;
  /** Terms (comma-separated), iterations, a count or a stratum; '' when the code says it all. */
  detail: string;
}
