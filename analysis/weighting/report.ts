/** Weight summaries for the weighting report: sum, CV, Kish design effect 1 + CV^2, min, max. */
export interface WeightSummary {
  variable: string;
  n: number;
  sum: number;
  min: number;
  max: number;
  mean: number;
  cv: number;
  kishDeff: number;
}

/** Summary over the positive weights (population CV, as Kish's 1 + CV^2 uses). */
export function summarise(variable: string, w: ArrayLike<number>): WeightSummary {
  const v = Array.from(w).filter((x) => x > 0);
  const n = v.length;
  const sum = v.reduce((s, x) => s + x, 0);
  const mean = n ? sum / n : Number.NaN;
  const variance = n ? v.reduce((s, x) => s + (x - mean) ** 2, 0) / n : Number.NaN;
  const cv = Math.sqrt(variance) / mean;
  return { variable, n, sum, min: Math.min(...v), max: Math.max(...v), mean, cv, kishDeff: 1 + cv * cv };
}
