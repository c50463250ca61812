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
