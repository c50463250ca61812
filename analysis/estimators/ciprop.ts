/**
 * Confidence intervals for a proportion (R `svyciprop`) and for any estimate (`confint`), with t
 * on the design degrees of freedom where R uses it.
 */

import { qbeta } from '../distributions/beta.ts';
import { qnorm, qt } from '../distributions/continuous.ts';
import { SurveyError } from '../errors.ts';
import type { ReplicateDesign } from '../replicate-design.ts';
import { replicateTotals, svrVar } from '../variance/replicate.ts';
import { meanStat, svyMean } from './basic.ts';
import { likelihoodInterval } from './ciprop-likelihood.ts';
import type { AnyDesign, Estimate } from './core.ts';
import { assertDesign, degf, estimateStat, handleMissing, isReplicate, weightedTotals } from './core.ts';

export type CipropMethod = 'logit' | 'likelihood' | 'asin' | 'beta' | 'mean' | 'xlogit' | 'wilson';

export interface CipropOptions {
  method?: CipropMethod;
  level?: number;
  /** Degrees of freedom; default the design df (R degf), Infinity for Normal. */
  df?: number;
  naRm?: boolean;
}

/**
 * The Estimate shape with the interval: `estimate[0]` is the proportion, `se[0]` / `vcov[0][0]`
 * its SE / variance (R attr "var"), `ci[0]` the interval of `method`.
 */
export type CipropResult = Estimate & { ci: [number, number][]; method: CipropMethod };

const expit = (x: number) => 1 - 1 / (1 + Math.exp(x));
const logit = (p: number) => Math.log(p / (1 - p));

function crit(level: number, df: number): number {
  const a = (1 - level) / 2;
  return Number.isFinite(df) ? qt(1 - a, df) : qnorm(1 - a);
}

/**
 * Interval for the proportion of rows where `indicator` is 1 (a 0/1 column, or a categorical
 * column with `level`).
 *
 * @example
 * svyCiprop('sch.wide', dclus1, { method: 'beta' }, 'Yes'); // 0.874 [0.824, 0.915]
 * @see Korn EL, Graubard BI (1998) Confidence intervals for proportions with small expected
 *   number of positive counts estimated from survey data. Survey Methodology 24:193-201.
 */
export function svyCiprop(
  variable: string,
  design: AnyDesign,
  options: CipropOptions = {},
  level?: string,
): CipropResult {
  assertDesign(design);
  const method = options.method ?? 'logit';
  const conf = options.level ?? 0.95;
  const df = options.df ?? degf(design);
  const warnings: string[] = [];
  // The 0/1 indicator column.
  const col = design.data[variable];
  if (col === undefined) svyMean(variable, design); // throws unknown-column error
  const ind = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) {
    const v = col[i];
    if (v === null || v === undefined || v === 'NA' || v === '' || (typeof v === 'number' && Number.isNaN(v)))
      ind[i] = Number.NaN;
    else if (level !== undefined) ind[i] = String(v) === level ? 1 : 0;
    else {
      const x = Number(v);
      if (x !== 0 && x !== 1)
        throw new SurveyError(
          `'${variable}' is not a 0/1 variable: give the level whose proportion is wanted.`,
          'level',
        );
      ind[i] = x;
    }
  }
  const miss = handleMissing(design, [ind], options.naRm ?? false);
  if (miss.hasNA) throw new SurveyError(`Missing values in '${variable}': set naRm: true.`, 'naRm');
  const d = miss.design;
  const r = estimateStat(d, meanStat([variable], miss.cols, d.n), warnings);
  return cipropInterval(
    { variable, level, method, conf, df, design, d, indicator: miss.cols[0] },
    r.estimate[0],
    r.vcov[0],
    r.replicates,
    warnings,
  );
}

/**
 * `svyCiprop` of each of `levels` of a categorical column on one replicate design, as many calls
 * would give, bit for bit: the rows, missing values and replicate totals are shared (one pass over
 * the replicate weights for every level: each total is summed alone, in the same order, whatever
 * else is summed with it), then each level's mean, variance and interval as svyCiprop makes them.
 * Other designs: one svyCiprop per level.
 */
export function svyCipropLevels(
  variable: string,
  design: AnyDesign,
  options: CipropOptions,
  levels: string[],
): CipropResult[] {
  assertDesign(design);
  if (!isReplicate(design) || levels.length < 2)
    return levels.map((level) => svyCiprop(variable, design, options, level));
  const method = options.method ?? 'logit';
  const conf = options.level ?? 0.95;
  const df = options.df ?? degf(design);
  const col = design.data[variable];
  if (col === undefined) svyMean(variable, design); // throws unknown-column error
  const n = design.n;
  const inds = levels.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (v === null || v === undefined || v === 'NA' || v === '' || (typeof v === 'number' && Number.isNaN(v)))
      for (const ind of inds) ind[i] = Number.NaN;
    else {
      const s = String(v);
      for (let k = 0; k < levels.length; k++) inds[k][i] = s === levels[k] ? 1 : 0;
    }
  }
  const miss = handleMissing(design, inds, options.naRm ?? false);
  if (miss.hasNA) throw new SurveyError(`Missing values in '${variable}': set naRm: true.`, 'naRm');
  const d = miss.design;
  // meanStat's totals (each level's, then the rows' weights) for every level at once
  const L = levels.length;
  const u = [...miss.cols, new Float64Array(d.n).fill(1)];
  const T = weightedTotals(d.weights, u);
  const repT = replicateTotals(d as ReplicateDesign, u);
  return levels.map((level, k) => {
    const warnings: string[] = [];
    const estimate = new Float64Array([T[k] / T[L]]);
    const reps = repT.map((Tr) => new Float64Array([Tr[k] / Tr[L]]));
    const vcov = svrVar(reps, d.scale, d.rscales, d.mse, estimate, warnings);
    return cipropInterval(
      { variable, level, method, conf, df, design, d, indicator: miss.cols[k] },
      estimate[0],
      vcov[0],
      reps,
      warnings,
    );
  });
}

/** What an interval of svyCiprop is made from besides the estimate: the call and its rows. */
interface CipropCall {
  variable: string;
  level: string | undefined;
  method: CipropMethod;
  conf: number;
  df: number;
  /** The design asked about, and the one without the rows missing the variable. */
  design: AnyDesign;
  d: AnyDesign;
  /** The 0/1 indicator on d's rows (0 where missing). */
  indicator: Float64Array;
}

/** svyCiprop's interval from the proportion p, its variance V and (replicate designs) its replicates. */
function cipropInterval(
  call: CipropCall,
  p: number,
  V: number,
  replicates: Float64Array[] | undefined,
  warnings: string[],
): CipropResult {
  const { variable, level, method, conf, df, design, d } = call;
  const se = Math.sqrt(V);
  const t = crit(conf, df);
  const alpha = 1 - conf;
  let ci: [number, number];
  if ((p === 0 || p === 1) && method !== 'mean') {
    // R returns NaN limits or errors here. Morabeza: the exact one-sided Clopper-Pearson bound
    // with the design's effective size n_eff = rows * (t_{n-1} / t_df)^2 (no information on the
    // design effect is left when every row is 0 or 1).
    let nRows = 0;
    for (let i = 0; i < d.n; i++) if (d.weights[i] !== 0) nRows++;
    const nEff = nRows * (qt(alpha / 2, nRows - 1) / qt(alpha / 2, Math.max(df, 1))) ** 2;
    ci = p === 0 ? [0, qbeta(1 - alpha / 2, 1, nEff)] : [qbeta(alpha / 2, nEff, 1), 1];
    warnings.push(
      `The estimated proportion is ${p}: the interval is the one-sided Clopper-Pearson bound with effective size ${nEff.toFixed(1)} (R gives NaN or an error here).`,
    );
    return cipropEstimate(variable, level, p, V, ci, method, df, nRows, warnings);
  }
  switch (method) {
    case 'mean':
      ci = [p - t * se, p + t * se];
      break;
    case 'asin': {
      const a = Math.asin(Math.sqrt(p));
      const h = (t * se) / (2 * Math.sqrt(p * (1 - p)));
      ci = [Math.sin(a - h) ** 2, Math.sin(a + h) ** 2];
      break;
    }
    case 'xlogit': {
      const h = (t * se) / (p * (1 - p));
      ci = [expit(logit(p) - h), expit(logit(p) + h)];
      break;
    }
    case 'logit': {
      // R fits svyglm(y ~ 1, quasibinomial): Taylor variance equals the delta method; replicate
      // designs re-fit per replicate, i.e. the replicate variance of logit(p_r).
      let vl = V / (p * (1 - p)) ** 2;
      if (isReplicate(d) && replicates) {
        const reps = replicates.map((th) => new Float64Array([logit(th[0])]));
        vl = svrVar(reps, d.scale, d.rscales, d.mse, [logit(p)], warnings)[0];
      }
      const h = t * Math.sqrt(vl);
      ci = [expit(logit(p) - h), expit(logit(p) + h)];
      break;
    }
    case 'beta': {
      let nEff = (p * (1 - p)) / V;
      // R: nrow(design) - 1. A replicate domain is R's subset, whose rows are the domain's (here the
      // rows of non-zero weight); a Taylor domain keeps every row in R, as here.
      let rows = design.n;
      if (isReplicate(design)) {
        rows = 0;
        for (let i = 0; i < design.n; i++) if (design.weights[i] !== 0) rows++;
      }
      nEff *= (qt(alpha / 2, rows - 1) / qt(alpha / 2, degf(design))) ** 2;
      ci = [
        qbeta(alpha / 2, nEff * p, nEff * (1 - p) + 1),
        qbeta(1 - alpha / 2, nEff * p + 1, nEff * (1 - p)),
      ];
      break;
    }
    case 'wilson': {
      // Wilson score interval with the design-based effective sample size p(1-p)/V.
      const nEff = (p * (1 - p)) / V;
      const z2 = t * t;
      const centre = (p + z2 / (2 * nEff)) / (1 + z2 / nEff);
      const half = (t / (1 + z2 / nEff)) * Math.sqrt((p * (1 - p)) / nEff + z2 / (4 * nEff * nEff));
      ci = [centre - half, centre + half];
      break;
    }
    case 'likelihood': {
      let vl = V / (p * (1 - p)) ** 2;
      if (isReplicate(d) && replicates) {
        const reps = replicates.map((th) => new Float64Array([logit(th[0])]));
        vl = svrVar(reps, d.scale, d.rscales, d.mse, [logit(p)], warnings)[0];
      }
      let nRows = 0;
      for (let i = 0; i < d.n; i++) if (d.weights[i] !== 0) nRows++;
      if (!(vl > 0 && Number.isFinite(vl) && df > 0 && nRows > 1)) {
        // A replicate share of 0 or 1 makes the logit's variance infinite or NaN: R's profiling
        // grid then has one point and R stops ("'from' must be a finite number" in spline).
        ci = [Number.NaN, Number.NaN];
        warnings.push(
          `The design variance of logit(p) is ${vl} (a replicate share of 0 or 1?): no likelihood interval (R stops with an error here).`,
        );
        break;
      }
      ci = likelihoodInterval(call.indicator, d.weights, Math.sqrt(vl), conf, df, nRows);
      break;
    }
    default:
      throw new SurveyError(`Unknown svyCiprop method '${method}'.`, 'method');
  }
  if (p === 0 || p === 1)
    warnings.push(`The estimated proportion is ${p}: interval limits may be NaN or degenerate.`);
  return cipropEstimate(variable, level, p, V, ci, method, df, countRows(d), warnings);
}

function countRows(d: AnyDesign): number {
  let k = 0;
  for (let i = 0; i < d.n; i++) if (d.weights[i] !== 0) k++;
  return k;
}

function cipropEstimate(
  variable: string,
  level: string | undefined,
  p: number,
  V: number,
  ci: [number, number],
  method: CipropMethod,
  df: number,
  n: number,
  warnings: string[],
): CipropResult {
  const se = Math.sqrt(V);
  return {
    statistic: 'ciprop',
    names: [level === undefined ? variable : `${variable}${level}`],
    estimate: [p],
    se: [se],
    vcov: [[V]],
    cv: [se / Math.abs(p)],
    n: [n],
    df,
    ci: [ci],
    method,
    warnings,
  };
}

/**
 * Confidence intervals for an Estimate: estimate +- q * se, with q from t(df) or the Normal
 * (R `confint(..., df = Inf)` default for svystat). `df: 'design'` uses the design df.
 */
export function confint(
  est: Estimate,
  options: { level?: number; df?: number | 'design' } = {},
): [number, number][] {
  const level = options.level ?? 0.95;
  const df = options.df === 'design' ? est.df : (options.df ?? Number.POSITIVE_INFINITY);
  const q = crit(level, df);
  return est.estimate.map((e, j) => [e - q * est.se[j], e + q * est.se[j]]);
}

/**
 * Linear contrast of estimates (R `svycontrast` with a coefficient vector).
 */
export function svyContrast(est: Estimate, coef: readonly number[], name = 'contrast'): Estimate {
  if (coef.length !== est.estimate.length)
    throw new SurveyError(
      `contrast has ${coef.length} coefficients for ${est.estimate.length} estimates.`,
      'coef',
    );
  const e = coef.reduce((s, c, j) => s + c * est.estimate[j], 0);
  let v = 0;
  for (let a = 0; a < coef.length; a++)
    for (let b = 0; b < coef.length; b++) if (coef[a] && coef[b]) v += coef[a] * coef[b] * est.vcov[a][b];
  const se = Math.sqrt(v);
  return {
    statistic: 'contrast',
    names: [name],
    estimate: [e],
    se: [se],
    vcov: [[v]],
    cv: [se / Math.abs(e)],
    n: [Math.max(...est.n)],
    df: est.df,
    warnings: [...est.warnings],
  };
}
