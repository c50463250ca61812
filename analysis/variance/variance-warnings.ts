/**
 * The variance functions' warnings as codes: svrVar (variance/replicate.ts) and svyRecVar
 * (variance/taylor.ts) speak R survey's English, and a model or a table that meets one of their
 * sentences gives its code and its one detail (a count, a stratum) so the screen can word it in its
 * language (tables/warning-words.ts). Those two functions write only the two sentences coded here
 * (tests/analysis/variance/variance-warnings.test.ts makes each and checks it is not `other`); a
 * sentence none of these match, from a future producer, is `other` and keeps its English as detail.
 */

export const VARIANCE_WARNING_CODES = ['replicates_discarded', 'lonely_psu', 'other'] as const;
export type VarianceWarningCode = (typeof VARIANCE_WARNING_CODES)[number];

export interface VarianceWarning {
  code: VarianceWarningCode;
  /** The count of replicates, the stratum, or the English sentence. */
  detail: string;
}

/** Codes a sentence of svrVar or svyRecVar; anything else is `other`, its sentence the detail. */
export function varianceWarning(sentence: string): VarianceWarning {
  const replicates = /^(\d+) replicates gave NA results/.exec(sentence);
  if (replicates) return { code: 'replicates_discarded', detail: replicates[1] };
  const lonely = /^Stratum \((.*)\) has only one PSU/.exec(sentence);
  if (lonely) return { code: 'lonely_psu', detail: lonely[1] };
  return { code: 'other', detail: sentence };
}
