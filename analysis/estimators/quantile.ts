/**
 * Quantiles (R survey >= 4.1 `svyquantile`): the inverse weighted ECDF (qrule 'math' by default,
 * also 'school' and 'hf7'), with Woodruff intervals (interval.type 'mean': the CI of F(q) inverted)
 * or, for replicate designs, the replicate variance of the quantile itself ('quantile').
 */
import { qt } from '../distributions/continuous.ts';
import { SurveyError } from '../errors.ts';
import { replicateWeightColumn, svrVar } from '../variance/replicate.ts';
import { svyMean } from './basic.ts';
import type { AnyDesign, Estimate } from './core.ts';
import { assertDesign, degf, handleMissing, isReplicate, modelColumns } from './core.ts';

export type QRule = 'math' | 'school' | 'hf7';

export interface QuantileOptions {
  qrule?: QRule;
  /** 'mean' (Woodruff, default) or 'quantile' (replicate designs only). */
  intervalType?: 'mean' | 'quantile';
  alpha?: number;
  naRm?: boolean;
  /** Degrees of freedom for the t quantile; default the design df. */
  df?: number;
}

/** Neumaier-compensated running sum (R accumulates in long double). */
function cumsum(xs: number[]): number[] {
  const out = new Array<number>(xs.length);
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const t = s + xs[i];
    if (Math.abs(s) >= Math.abs(xs[i])) c += s - t + xs[i];
    else c += xs[i] - t + s;
    s = t;
    out[i] = s + c;
  }
  return out;
}

/** Quantile of x with weights w by a rule (zero weights ignored). */
export function quantileRule(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  p: number,
  rule: QRule = 'math',
): number {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (w[i] !== 0) idx.push(i);
  idx.sort((a, b) => x[a] - x[b] || a - b);
  const xs = idx.map((i) => x[i]);
  const ws = idx.map((i) => w[i]);
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const cw = cumsum(ws);
  const total = cw[n - 1];
  if (rule === 'hf7') {
    if (n === 1) return xs[0];
    const denom = cw[n - 2];
    const pk = [0, ...cw.slice(0, n - 1)].map((v) => v / denom);
    if (p <= pk[0]) return xs[0];
    if (p >= pk[n - 1]) return xs[n - 1];
    let k = 0;
    while (k < n - 1 && pk[k + 1] < p) k++;
    if (pk[k + 1] === p) return xs[k + 1];
    return xs[k] + ((xs[k + 1] - xs[k]) * (p - pk[k])) / (pk[k + 1] - pk[k]);
  }
  const target = p * total;
  let pos = -1;
  for (let k = 0; k < n; k++) if (cw[k] <= target) pos = k;
  if (pos < 0) pos = 0; // R's survey:::last() returns 1 when no cumulative weight is <= p W
  const next = pos === n - 1 ? pos : pos + 1;
  const wlow = p - cw[pos] / total;
  if (wlow === 0) return rule === 'school' ? (xs[pos] + xs[next]) / 2 : xs[pos];
  return xs[next];
}

/**
 * Quantiles with confidence intervals (R `svyquantile`, ci = TRUE). The SE is the CI width / (2 t).
 *
 * @example
 * svyQuantile('api00', dclus1, [0.25, 0.5, 0.75]); // 552 [492, 627], ...
 */
export function svyQuantile(
  variable: string,
  design: AnyDesign,
  quantiles: readonly number[],
  options: QuantileOptions = {},
): Estimate & { ci: [number, number][] } {
  assertDesign(design);
  const alpha = options.alpha ?? 0.05;
  const rule = options.qrule ?? 'math';
  const mc = modelColumns(design.data, [{ name: variable, factor: false }]);
  const miss = handleMissing(design, mc.cols, options.naRm ?? false);
  if (miss.hasNA) throw new SurveyError(`Missing values in '${variable}': set naRm: true.`, 'naRm');
  const d = miss.design;
  const x = miss.cols[0];
  const df = options.df ?? degf(d);
  const tcrit = Number.isFinite(df) ? qt(1 - alpha / 2, df) : qt(1 - alpha / 2, Number.POSITIVE_INFINITY);
  const warnings: string[] = [];
  const intervalType = options.intervalType ?? 'mean';
  const est: number[] = [];
  const ci: [number, number][] = [];
  const se: number[] = [];
  for (const p of quantiles) {
    const q = quantileRule(x, d.weights, p, rule);
    est.push(q);
    let lo: number;
    let hi: number;
    if (intervalType === 'quantile') {
      if (!isReplicate(d))
        throw new SurveyError("intervalType 'quantile' needs a replicate design.", 'intervalType');
      if (d.type === 'JK1' || d.type === 'JKn')
        warnings.push('Jackknife replicate weights may not give valid standard errors for quantiles');
      const reps: Float64Array[] = [];
      for (let r = 0; r < d.nReplicates; r++)
        reps.push(new Float64Array([quantileRule(x, replicateWeightColumn(d, r), p, rule)]));
      const v = svrVar(reps, d.scale, d.rscales, d.mse, [q], warnings)[0];
      lo = q - Math.sqrt(v) * tcrit;
      hi = q + Math.sqrt(v) * tcrit;
    } else {
      // Woodruff: CI of F(q) = mean of I(x <= q), inverted through the same rule.
      const ind = new Float64Array(d.n);
      for (let i = 0; i < d.n; i++) ind[i] = x[i] <= q ? 1 : 0;
      const data = { __ind: ind };
      const dd = { ...d, data } as AnyDesign;
      const m = svyMean('__ind', dd);
      const pl = m.estimate[0] - tcrit * m.se[0];
      const pu = m.estimate[0] + tcrit * m.se[0];
      lo = Number.isNaN(pl) || pl < 0 ? Number.NaN : quantileRule(x, d.weights, pl, rule);
      hi = Number.isNaN(pu) || pu > 1 ? Number.NaN : quantileRule(x, d.weights, pu, rule);
    }
    ci.push([lo, hi]);
    se.push((hi - lo) / (2 * tcrit));
  }
  const k = quantiles.length;
  return {
    statistic: 'quantile',
    names: quantiles.map((p) => `${variable} q${p}`),
    estimate: est,
    se,
    vcov: Array.from({ length: k }, (_, a) =>
      Array.from({ length: k }, (_, b) => (a === b ? se[a] * se[a] : Number.NaN)),
    ),
    cv: est.map((e, j) => se[j] / Math.abs(e)),
    n: new Array(k).fill(d.weights.reduce((s, w) => s + (w !== 0 ? 1 : 0), 0)),
    df,
    ci,
    warnings: [...new Set(warnings)],
  };
}
