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

/** A weighted ECDF: values with non-zero weight in increasing order and cumulative weights. */
export interface Ecdf {
  xs: Float64Array;
  cw: Float64Array;
}

/** Row order by value (stable: ties keep row order, as R's order()). */
export function orderOf(x: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(x.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  const xs = Float64Array.from(x);
  idx.sort((a, b) => xs[a] - xs[b] || a - b);
  return idx;
}

/** Builds the ECDF of x under weights w (zero weights dropped), given the value order. */
export function buildEcdf(x: ArrayLike<number>, w: ArrayLike<number>, order: Uint32Array = orderOf(x)): Ecdf {
  let n = 0;
  for (let k = 0; k < order.length; k++) if (w[order[k]] !== 0) n++;
  const xs = new Float64Array(n);
  const cw = new Float64Array(n);
  // Neumaier-compensated running sum (R accumulates in long double).
  let s = 0;
  let c = 0;
  let j = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const wi = w[i];
    if (wi === 0) continue;
    const t = s + wi;
    if (Math.abs(s) >= Math.abs(wi)) c += s - t + wi;
    else c += wi - t + s;
    s = t;
    xs[j] = x[i];
    cw[j] = s + c;
    j++;
  }
  return { xs, cw };
}

/** Quantile p of an ECDF by R's rule (svyquantile qrule math, school or hf7). */
export function ecdfQuantile(e: Ecdf, p: number, rule: QRule = 'math'): number {
  const { xs, cw } = e;
  const n = xs.length;
  if (n === 0) return Number.NaN;
  if (rule === 'hf7') {
    if (n === 1) return xs[0];
    const denom = cw[n - 2];
    const pk = (k: number) => (k === 0 ? 0 : cw[k - 1] / denom);
    if (p <= 0) return xs[0];
    if (p >= pk(n - 1)) return xs[n - 1];
    // largest k with pk(k) < p
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (pk(mid) < p) lo = mid;
      else hi = mid;
    }
    if (pk(lo + 1) === p) return xs[lo + 1];
    return xs[lo] + ((xs[lo + 1] - xs[lo]) * (p - pk(lo))) / (pk(lo + 1) - pk(lo));
  }
  const total = cw[n - 1];
  const target = p * total;
  // last k with cw[k] <= target (cw is non-decreasing)
  let lo = -1;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cw[mid] <= target) lo = mid;
    else hi = mid;
  }
  const pos = Math.max(lo, 0); // R's survey:::last() returns 1 when no cumulative weight is <= p W
  const next = pos === n - 1 ? pos : pos + 1;
  const wlow = p - cw[pos] / total;
  if (wlow === 0) return rule === 'school' ? (xs[pos] + xs[next]) / 2 : xs[pos];
  return xs[next];
}

/** Quantile of x with weights w by a rule (zero weights ignored). */
export function quantileRule(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  p: number,
  rule: QRule = 'math',
): number {
  return ecdfQuantile(buildEcdf(x, w), p, rule);
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
  const order = orderOf(x);
  const ecdf = buildEcdf(x, d.weights, order);
  for (const p of quantiles) {
    const q = ecdfQuantile(ecdf, p, rule);
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
        reps.push(
          new Float64Array([ecdfQuantile(buildEcdf(x, replicateWeightColumn(d, r), order), p, rule)]),
        );
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
      lo = Number.isNaN(pl) || pl < 0 ? Number.NaN : ecdfQuantile(ecdf, pl, rule);
      hi = Number.isNaN(pu) || pu > 1 ? Number.NaN : ecdfQuantile(ecdf, pu, rule);
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
