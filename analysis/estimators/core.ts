/**
 * The one influence-value path every estimator goes through. An estimator is a smooth function of
 * weighted totals T_k = sum_i w_i u_ik: Taylor designs get its influence values and the
 * svyrecvar variance; replicate designs re-evaluate it on replicate totals (svrVar).
 */
import type { DataFrame } from '../data.ts';
import { factorColumn, isMissing, numericColumn } from '../data.ts';
import type { SurveyDesign } from '../design.ts';
import { degfTaylor, subsetDesign } from '../design.ts';
import { SurveyError } from '../errors.ts';
import { lazyDegf as lazyDegfOf } from '../lazy-df.ts';
import type { ReplicateDesign } from '../replicate-design.ts';
import { subsetReplicate } from '../replicate-design.ts';
import { replicateRank, replicateTotals, svrVar } from '../variance/replicate.ts';
import { svyRecVar } from '../variance/taylor.ts';

export { lazyDegf } from '../lazy-df.ts';

export type AnyDesign = SurveyDesign | ReplicateDesign;

/** A variable: a column name, or a column with factor treatment / explicit level order. */
export type VarSpec = string | { name: string; factor?: boolean; levels?: readonly string[] };

/** The one result shape of every estimator. */
export interface Estimate {
  statistic: string;
  /** One name per estimate (R's names: `api00`, `stypeE`, domain labels ...). */
  names: string[];
  estimate: number[];
  se: number[];
  /** Covariance matrix of the estimates. */
  vcov: number[][];
  /** Design effects (vs SRS without replacement) when requested. */
  deff?: number[];
  /** Coefficient of variation se / |estimate|. */
  cv: number[];
  /** Unweighted number of rows contributing to each estimate. */
  n: number[];
  /** Design degrees of freedom (for t-based intervals). */
  df: number;
  /** svyBy: domain labels (one per domain, values of the by variables). */
  domains?: { by: string[]; labels: string[][]; statisticNames: string[] };
  warnings: string[];
}

export function isReplicate(d: AnyDesign): d is ReplicateDesign {
  return d.kind === 'replicate';
}

/** Zero-weighted domain of either kind of design. */
export function subsetAny<D extends AnyDesign>(design: D, keep: ArrayLike<boolean | number>): D {
  return (
    isReplicate(design) ? subsetReplicate(design, keep) : subsetDesign(design as SurveyDesign, keep)
  ) as D;
}

/** Design degrees of freedom (R degf): Taylor = PSUs - strata; replicate = rank - 1. */
export function degf(design: AnyDesign): number {
  if (isReplicate(design)) {
    let all = true;
    for (let i = 0; i < design.n; i++) if (design.weights[i] === 0) all = false;
    return all ? design.degf : replicateRank(design) - 1;
  }
  return degfTaylor(design);
}

/** Model-matrix columns of variables: numeric as is, categorical as one indicator per level. */
export interface ModelColumns {
  names: string[];
  cols: Float64Array[];
  /** For each variable: its columns' range and, for factors, the levels. */
  terms: { name: string; start: number; end: number; levels?: string[] }[];
}

export function modelColumns(data: DataFrame, vars: readonly VarSpec[]): ModelColumns {
  const names: string[] = [];
  const cols: Float64Array[] = [];
  const terms: ModelColumns['terms'] = [];
  for (const v of vars) {
    const spec = typeof v === 'string' ? { name: v } : v;
    const col = data[spec.name];
    if (col === undefined) numericColumn(data, spec.name); // throws the unknown-column error
    const isNumeric =
      col instanceof Float64Array || Array.from(col).every((x) => isMissing(x) || typeof x === 'number');
    const asFactor = spec.factor ?? (spec.levels !== undefined || !isNumeric);
    const start = cols.length;
    if (asFactor) {
      const f = factorColumn(data, spec.name, spec.levels);
      const n = f.codes.length;
      for (let l = 0; l < f.levels.length; l++) {
        const c = new Float64Array(n);
        for (let i = 0; i < n; i++) c[i] = f.codes[i] < 0 ? Number.NaN : f.codes[i] === l ? 1 : 0;
        cols.push(c);
        names.push(`${spec.name}${f.levels[l]}`);
      }
      terms.push({ name: spec.name, start, end: cols.length, levels: f.levels });
    } else {
      cols.push(numericColumn(data, spec.name));
      names.push(spec.name);
      terms.push({ name: spec.name, start, end: cols.length });
    }
  }
  return { names, cols, terms };
}

/**
 * R's na.rm: with naRm the rows with a missing value in any column leave the design (as a domain)
 * and their values become 0; without it, `hasNA` says the result is NA.
 */
export function handleMissing<D extends AnyDesign>(
  design: D,
  cols: Float64Array[],
  naRm: boolean,
): { design: D; cols: Float64Array[]; hasNA: boolean } {
  const n = design.n;
  const bad = new Uint8Array(n);
  let any = false;
  for (const c of cols)
    for (let i = 0; i < n; i++)
      if (Number.isNaN(c[i]) && design.weights[i] !== 0) {
        bad[i] = 1;
        any = true;
      }
  const clean = cols.map((c) => {
    let has = false;
    for (let i = 0; i < n; i++) if (Number.isNaN(c[i])) has = true;
    if (!has) return c;
    const out = Float64Array.from(c);
    for (let i = 0; i < n; i++) if (Number.isNaN(out[i])) out[i] = 0;
    return out;
  });
  if (!any) return { design, cols: clean, hasNA: false };
  if (!naRm) return { design, cols: clean, hasNA: true };
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) keep[i] = bad[i] ? 0 : 1;
  return { design: subsetAny(design, keep), cols: clean, hasNA: false };
}

/** An estimator as a function of weighted totals of base variables. */
export interface TotalsStat {
  names: string[];
  /** Base variables u_k (no NaN). */
  u: Float64Array[];
  /** Estimates from totals. */
  evaluate(T: Float64Array): Float64Array;
  /** Influence columns z_j (Taylor), given the totals and the weights. */
  influence(T: Float64Array, w: Float64Array): Float64Array[];
}

export function weightedTotals(w: Float64Array, u: Float64Array[]): Float64Array {
  const T = new Float64Array(u.length);
  const n = w.length;
  for (let k = 0; k < u.length; k++) {
    const uk = u[k];
    let s = 0;
    for (let i = 0; i < n; i++) if (w[i] !== 0) s += w[i] * uk[i];
    T[k] = s;
  }
  return T;
}

/** Estimate and covariance of a totals-based statistic under either kind of design. */
export function estimateStat(
  design: AnyDesign,
  stat: TotalsStat,
  warnings: string[],
): { estimate: Float64Array; vcov: Float64Array; replicates?: Float64Array[] } {
  const T = weightedTotals(design.weights, stat.u);
  const estimate = stat.evaluate(T);
  if (isReplicate(design)) {
    const reps = replicateTotals(design, stat.u).map((Tr) => stat.evaluate(Tr));
    const vcov = svrVar(reps, design.scale, design.rscales, design.mse, estimate, warnings);
    return { estimate, vcov, replicates: reps };
  }
  const z = stat.influence(T, design.weights);
  const vcov = svyRecVar(design, z, warnings);
  return { estimate, vcov };
}

export function countNonzero(w: Float64Array): number {
  let k = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) k++;
  return k;
}

/** Builds the Estimate record from an estimate vector and its covariance. */
export function makeEstimate(
  statistic: string,
  names: string[],
  estimate: ArrayLike<number>,
  vcov: Float64Array,
  df: number | (() => number),
  n: number[],
  warnings: string[],
): Estimate {
  const p = names.length;
  const est = Array.from(estimate);
  const V: number[][] = [];
  for (let a = 0; a < p; a++) V.push(Array.from(vcov.subarray(a * p, a * p + p)));
  const se = est.map((_, j) => Math.sqrt(V[j][j]));
  const out = {
    statistic,
    names,
    estimate: est,
    se,
    vcov: V,
    cv: est.map((e, j) => se[j] / Math.abs(e)),
    n,
    df: 0,
    warnings,
  };
  if (typeof df === 'number') out.df = df;
  else lazyDegfOf(out, 'df', df);
  return out;
}

export function assertDesign(design: unknown): asserts design is AnyDesign {
  const d = design as AnyDesign | undefined;
  if (!d || (d.kind !== 'taylor' && d.kind !== 'replicate'))
    throw new SurveyError('Expected a design from svyDesign or svrepDesign.', 'design');
}
