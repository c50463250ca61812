/** The weighting refuses to produce silently wrong weights: each error names the cell, margin or EA and the fix. */
export class WeightingError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'WeightingError';
  }
}

/**
 * The codes the weighting pipeline raises: the one list, which the error catalogue's weighting failures
 * extend with the run's own (server/problems.ts WEIGHTING_FAILURES, each with its catalogue sentence) and
 * whose sentences in the report's languages are report-messages.ts `failure`.
 */
export const WEIGHTING_ERROR_CODES = [
  'weighting.input',
  'weighting.recipe',
  'weighting.margin',
  'weighting.listing',
  'weighting.cell',
  'weighting.empty_cell',
  'weighting.no_convergence',
] as const;
export type WeightingErrorCode = (typeof WEIGHTING_ERROR_CODES)[number];

/** The error's code when it is one of the pipeline's, else null (an unexpected error). */
export const weightingErrorCode = (error: unknown): WeightingErrorCode | null =>
  error instanceof WeightingError && (WEIGHTING_ERROR_CODES as readonly string[]).includes(error.code)
    ? (error.code as WeightingErrorCode)
    : null;
