/**
 * Totals, means (and so proportions of every level of a categorical variable), ratios and
 * variances, with design effects as R survey computes them.
 */
import type { AnyDesign, Estimate, TotalsStat, VarSpec } from './core.ts';
import {
  assertDesign,
  countNonzero,
  degf,
  estimateStat,
  handleMissing,
  isReplicate,
  makeEstimate,
  modelColumns,
  subsetAny,
  weightedTotals,
} from './core.ts';
import type { FastResult } from './fast.ts';
import { blocksOf, fastEstimate, fastPathApplies, missingRows } from './fast.ts';

/** Options shared by svyTotal / svyMean. */
export interface BasicOptions {
  /** Drop rows with a missing value as a domain (R na.rm). Default false: the result is NA. */
  naRm?: boolean;
  /** Design effect vs SRS without replacement (true) or with replacement ('replace'). */
  deff?: boolean | 'replace';
}

function toList(x: VarSpec | readonly VarSpec[]): VarSpec[] {
  return Array.isArray(x) ? [...x] : [x as VarSpec];
}

export function meanStat(names: string[], cols: Float64Array[], n: number): TotalsStat {
  const ones = new Float64Array(n).fill(1);
  const p = cols.length;
  return {
    names,
    u: [...cols, ones],
    evaluate: (T) => {
      const out = new Float64Array(p);
      for (let j = 0; j < p; j++) out[j] = T[j] / T[p];
      return out;
    },
    influence: (T, w) =>
      cols.map((x, j) => {
        const m = T[j] / T[p];
        const z = new Float64Array(n);
        for (let i = 0; i < n; i++) if (w[i] !== 0) z[i] = (w[i] * (x[i] - m)) / T[p];
        return z;
      }),
  };
}

export function totalStat(names: string[], cols: Float64Array[], n: number): TotalsStat {
  return {
    names,
    u: cols,
    evaluate: (T) => Float64Array.from(T),
    influence: (_T, w) =>
      cols.map((x) => {
        const z = new Float64Array(n);
        for (let i = 0; i < n; i++) if (w[i] !== 0) z[i] = w[i] * x[i];
        return z;
      }),
  };
}

/** Weighted variance with the n/(n-1) factor (R svyvar), one per column; n = rows with weight != 0. */
export function varianceStat(names: string[], cols: Float64Array[], n: number, nobs: number): TotalsStat {
  const ones = new Float64Array(n).fill(1);
  const p = cols.length;
  const sq = cols.map((x) => x.map((v) => v * v));
  const c = nobs / (nobs - 1);
  return {
    names,
    u: [ones, ...cols, ...sq],
    evaluate: (T) => {
      const out = new Float64Array(p);
      for (let j = 0; j < p; j++) {
        const m = T[1 + j] / T[0];
        out[j] = (T[1 + p + j] / T[0] - m * m) * c;
      }
      return out;
    },
    influence: (T, w) =>
      cols.map((x, j) => {
        const m = T[1 + j] / T[0];
        // R: svymean of c (x - m)^2, influence w (y - ybar) / sum w
        const ys = new Float64Array(n);
        let ybar = 0;
        for (let i = 0; i < n; i++) {
          ys[i] = c * (x[i] - m) * (x[i] - m);
          if (w[i] !== 0) ybar += w[i] * ys[i];
        }
        ybar /= T[0];
        const z = new Float64Array(n);
        for (let i = 0; i < n; i++) if (w[i] !== 0) z[i] = (w[i] * (ys[i] - ybar)) / T[0];
        return z;
      }),
  };
}

/** Weighted variance of each column (R svyvar point estimate) within the design's non-zero weights. */
export function weightedVariances(design: AnyDesign, cols: Float64Array[]): Float64Array {
  const w = design.weights;
  const nobs = countNonzero(w);
  const T = weightedTotals(w, [
    new Float64Array(design.n).fill(1),
    ...cols,
    ...cols.map((x) => x.map((v) => v * v)),
  ]);
  const p = cols.length;
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const m = T[1 + j] / T[0];
    // two-pass for accuracy
    let s = 0;
    const x = cols[j];
    for (let i = 0; i < design.n; i++) if (w[i] !== 0) s += w[i] * (x[i] - m) * (x[i] - m);
    out[j] = (s / T[0]) * (nobs / (nobs - 1));
  }
  return out;
}

function deffFor(
  design: AnyDesign,
  cols: Float64Array[],
  vcov: Float64Array,
  kind: 'mean' | 'total',
  mode: true | 'replace',
): number[] {
  const p = cols.length;
  const s2 = weightedVariances(design, cols);
  const w = design.weights;
  let N = 0;
  for (let i = 0; i < design.n; i++) N += w[i];
  const nobs = isReplicate(design) ? countNonzero(w) : countNonzero(w);
  return Array.from(s2, (v, j) => {
    let vsrs = kind === 'mean' ? v / nobs : (v * N * N) / nobs;
    if (mode !== 'replace') vsrs *= (N - nobs) / N;
    return vcov[j * p + j] / vsrs;
  });
}

function rowsUsed(w: Float64Array, cols: Float64Array[]): number[] {
  return cols.map((c) => {
    let k = 0;
    for (let i = 0; i < w.length; i++) if (w[i] !== 0 && c[i] !== 0) k++;
    return k;
  });
}

function basic(
  kind: 'mean' | 'total',
  x: VarSpec | readonly VarSpec[],
  design: AnyDesign,
  options: BasicOptions,
): Estimate {
  assertDesign(design);
  if (fastPathApplies(design)) return basicFast(kind, x, design, options);
  const mc = modelColumns(design.data, toList(x));
  const warnings: string[] = [];
  const miss = handleMissing(design, mc.cols, options.naRm ?? false);
  const d = miss.design;
  const p = mc.names.length;
  const df = () => degf(d);
  if (miss.hasNA) {
    const nan = new Float64Array(p * p).fill(Number.NaN);
    return makeEstimate(kind, mc.names, new Float64Array(p).fill(Number.NaN), nan, df, new Array(p).fill(0), [
      'Missing values: the result is NA. Set naRm: true to estimate over the rows with data (as a domain).',
    ]);
  }
  const stat = kind === 'mean' ? meanStat(mc.names, miss.cols, d.n) : totalStat(mc.names, miss.cols, d.n);
  const r = estimateStat(d, stat, warnings);
  const nobs = countNonzero(d.weights);
  const isFactorCol = mc.terms.map((t) => t.levels !== undefined);
  const n = mc.terms.flatMap((t, k) =>
    isFactorCol[k]
      ? rowsUsed(d.weights, miss.cols.slice(t.start, t.end))
      : new Array(t.end - t.start).fill(nobs),
  );
  const est = makeEstimate(kind, mc.names, r.estimate, r.vcov, df, n, warnings);
  if (options.deff)
    est.deff = deffFor(d, miss.cols, r.vcov, kind, options.deff === 'replace' ? 'replace' : true);
  return est;
}

function basicFast(
  kind: 'mean' | 'total',
  x: VarSpec | readonly VarSpec[],
  design: AnyDesign,
  options: BasicOptions,
): Estimate {
  const { blocks, names } = blocksOf(design.data, toList(x));
  const p = names.length;
  const bad = missingRows(design, blocks);
  let d = design;
  if (bad) {
    if (!options.naRm) {
      const nan = new Float64Array(p * p).fill(Number.NaN);
      return makeEstimate(
        kind,
        names,
        new Float64Array(p).fill(Number.NaN),
        nan,
        () => degf(design),
        new Array(p).fill(0),
        [
          'Missing values: the result is NA. Set naRm: true to estimate over the rows with data (as a domain).',
        ],
      );
    }
    const keep = new Uint8Array(bad.length);
    for (let i = 0; i < bad.length; i++) keep[i] = 1 - bad[i];
    d = subsetAny(design, keep);
  }
  const warnings: string[] = [];
  const r = fastEstimate(d, blocks, kind, null, 1, false, warnings);
  const est = makeEstimate(kind, names, r.estimate[0], r.vcov[0], () => degf(d), r.n[0], warnings);
  if (options.deff) est.deff = fastDeff(r, 0, kind, options.deff === 'replace');
  return est;
}

/** Design effects from the fast path's sums (R: V / V_SRSWOR, or V / V_SRSWR with 'replace'). */
export function fastDeff(r: FastResult, d: number, kind: 'mean' | 'total', replace: boolean): number[] {
  const N = r.sumW[d];
  const nobs = r.nobs[d];
  const P = r.estimate[d].length;
  return Array.from(r.s2[d], (v, j) => {
    let vsrs = kind === 'mean' ? v / nobs : (v * N * N) / nobs;
    if (!replace) vsrs *= (N - nobs) / N;
    return r.vcov[d][j * P + j] / vsrs;
  });
}

/**
 * Estimated population totals (R `svytotal`); a categorical variable gives the total of every level.
 *
 * @example
 * svyTotal('enroll', dclus1); // 3404940, se 932235
 */
export function svyTotal(
  x: VarSpec | readonly VarSpec[],
  design: AnyDesign,
  options: BasicOptions = {},
): Estimate {
  return basic('total', x, design, options);
}

/**
 * Estimated population means (R `svymean`); a categorical variable gives the proportion of every
 * level, with their full covariance matrix.
 *
 * @example
 * svyMean(['api00', 'stype'], dclus1, { deff: true });
 */
export function svyMean(
  x: VarSpec | readonly VarSpec[],
  design: AnyDesign,
  options: BasicOptions = {},
): Estimate {
  return basic('mean', x, design, options);
}

/**
 * Ratio of two population totals (R `svyratio`) with linearised or replicate variance.
 *
 * @example
 * svyRatio('api00', 'api99', dclus1); // 1.0613, se 0.00623
 */
export function svyRatio(
  numerator: string,
  denominator: string,
  design: AnyDesign,
  options: { naRm?: boolean } = {},
): Estimate {
  assertDesign(design);
  const mc = modelColumns(design.data, [
    { name: numerator, factor: false },
    { name: denominator, factor: false },
  ]);
  const miss = handleMissing(design, mc.cols, options.naRm ?? false);
  const d = miss.design;
  const [y, x] = miss.cols;
  const warnings: string[] = [];
  const name = `${numerator}/${denominator}`;
  if (miss.hasNA)
    return makeEstimate(
      'ratio',
      [name],
      [Number.NaN],
      new Float64Array([Number.NaN]),
      degf(d),
      [0],
      ['Missing values: the result is NA. Set naRm: true.'],
    );
  const n = d.n;
  const stat: TotalsStat = {
    names: [name],
    u: [y, x],
    evaluate: (T) => new Float64Array([T[0] / T[1]]),
    influence: (T, w) => {
      const R = T[0] / T[1];
      const z = new Float64Array(n);
      for (let i = 0; i < n; i++) if (w[i] !== 0) z[i] = (w[i] * (y[i] - R * x[i])) / T[1];
      return [z];
    },
  };
  const r = estimateStat(d, stat, warnings);
  return makeEstimate('ratio', [name], r.estimate, r.vcov, degf(d), [countNonzero(d.weights)], warnings);
}

/**
 * Population variance of each numeric variable (R `svyvar`): sum w (y - ybar)^2 / sum w * n/(n-1).
 */
export function svyVar(
  x: string | readonly string[],
  design: AnyDesign,
  options: { naRm?: boolean } = {},
): Estimate {
  assertDesign(design);
  const vars = (typeof x === 'string' ? [x] : [...x]).map((name) => ({ name, factor: false }));
  const mc = modelColumns(design.data, vars);
  const miss = handleMissing(design, mc.cols, options.naRm ?? false);
  const d = miss.design;
  const warnings: string[] = [];
  const p = mc.names.length;
  if (miss.hasNA)
    return makeEstimate(
      'var',
      mc.names,
      new Float64Array(p).fill(Number.NaN),
      new Float64Array(p * p).fill(Number.NaN),
      degf(d),
      new Array(p).fill(0),
      ['Missing values: the result is NA. Set naRm: true.'],
    );
  const nobs = countNonzero(d.weights);
  const r = estimateStat(d, varianceStat(mc.names, miss.cols, d.n, nobs), warnings);
  return makeEstimate('var', mc.names, r.estimate, r.vcov, degf(d), new Array(p).fill(nobs), warnings);
}

/** Kish's design effect from weights: n sum w^2 / (sum w)^2 = 1 + CV^2, and the effective sample size. */
export function kishDeff(weights: ArrayLike<number>): { n: number; deff: number; nEff: number } {
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    n++;
    s += w;
    s2 += w * w;
  }
  return { n, deff: (n * s2) / (s * s), nEff: (s * s) / s2 };
}
