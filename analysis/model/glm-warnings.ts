/**
 * The warnings of a survey GLM as codes a client can act on, each with its one detail (the terms,
 * the iterations, the count): svyGlm (estimators/glm.ts) gives them beside its English sentences,
 * and the model screen words them in pt, en, fr or kea from tables/model-words.ts. A variance
 * warning the engine does not know (`other`) keeps the engine's English sentence as its detail.
 */

export const GLM_WARNING_CODES = [
  'not_converged',
  'aliased',
  'separation',
  'quasi_separation',
  'replicates_discarded',
  'lonely_psu',
  'other',
] as const;
export type GlmWarningCode = (typeof GLM_WARNING_CODES)[number];

export interface GlmWarning {
  code: GlmWarningCode;
  /** Terms (comma-separated), iterations, a count or a stratum; '' when the code says it all. */
  detail: string;
}

/** Codes the variance functions' English sentences (svrVar, svyRecVar) that a GLM can meet. */
export function varianceWarning(sentence: string): GlmWarning {
  const replicates = /^(\d+) replicates gave NA results/.exec(sentence);
  if (replicates) return { code: 'replicates_discarded', detail: replicates[1] };
  const lonely = /^Stratum \((.*)\) has only one PSU/.exec(sentence);
  if (lonely) return { code: 'lonely_psu', detail: lonely[1] };
  return { code: 'other', detail: sentence };
}
