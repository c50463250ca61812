/**
 * Survey-weighted generalised linear models (R survey's svyglm). The coefficients solve the
 * weighted score equations by IRLS (glm.fit); the variance is the sandwich
 * A^-1 (design variance of the scores) A^-1 on Taylor designs (svy.varcoef: svyrecvar of the
 * influence values X r w A^-1, calibration residuals included) or, on replicate designs, the
 * spread of the coefficients refitted with each replicate's weights from the full-sample
 * coefficients (svrVar). Residual df = design df + 1 - number of coefficients, as R reports, and
 * t statistics, p values and intervals use it. Domains are subsets (R `subset =`).
 */
import { pt, qt } from '../distributions/continuous.ts';
import { SurveyError } from '../errors.ts';
import { parseFormula } from '../model/formula.ts';
import type { GlmFamily } from '../model/glm-fit.ts';
import { FAMILIES, GLM_FAMILIES, glmFit } from '../model/glm-fit.ts';
import { type GlmWarning, varianceWarning } from '../model/glm-warnings.ts';
import type { ModelFrame, ModelFrameOptions } from '../model/model-matrix.ts';
import { modelFrame } from '../model/model-matrix.ts';
import { chol2inv } from '../model/qr.ts';
import { replicateWeightColumn, svrVar } from '../variance/replicate.ts';
import { svyRecVar } from '../variance/taylor.ts';
import type { AnyDesign } from './core.ts';
import { assertDesign, degf, isReplicate, subsetAny } from './core.ts';
import { glmChecks } from './glm-checks.ts';

export interface SvyGlmOptions extends ModelFrameOptions {
  family?: GlmFamily;
  /** Domain (R `subset =`): rows where true; the design keeps its PSUs and strata. */
  subset?: ArrayLike<boolean | number> | null;
}

/** A fitted survey GLM, with R's summary table. */
export interface SvyGlmResult {
  statistic: 'glm';
  formula: string;
  family: GlmFamily;
  link: string;
  /** Coefficient names (R's), aliased ones included. */
  names: string[];
  /** Coefficients; NaN when aliased (not estimable). */
  estimate: number[];
  se: number[];
  /** t statistics estimate / se. */
  t: number[];
  /** Two-sided p values on the residual df. */
  p: number[];
  /** Covariance of the non-aliased coefficients, in `names` order without the aliased ones. */
  vcov: number[][];
  /** Names of `vcov`'s rows. */
  vcovNames: string[];
  /** Residual df (R df.residual = design df + 1 - rank). */
  df: number;
  /** Design df of the fitted design (R degf). */
  designDf: number;
  /** Term labels and, per coefficient, its term (0 = intercept; R assign). */
  termLabels: string[];
  assign: number[];
  /** Rows fitted (in the domain, no missing model variable, positive weight). */
  n: number;
  /** Rows fitted per coefficient's category (indicator columns), else all rows fitted. */
  nPerCoefficient: number[];
  sumWeights: number;
  deviance: number;
  iterations: number;
  converged: boolean;
  aliased: string[];
  /** Coefficients of categories whose outcome has no variation (separation). */
  separated: string[];
  /** Factor levels used (first = reference). */
  factors: Record<string, string[]>;
  warnings: string[];
  /** The same warnings as codes with their detail (model/glm-warnings.ts), for the screen's languages. */
  warningCodes: GlmWarning[];
  /** For predictive margins: the model frame and fitted design. */
  internal: { frame: ModelFrame; design: AnyDesign; coef: Float64Array; vcovFull: Float64Array };
}

/**
 * Fits a survey-weighted GLM (R `svyglm(formula, design, family = quasibinomial())`).
 *
 * @example
 * const fit = svyGlm('api00 ~ ell + meals + stype', dclus1);
 * fit.names; // ['(Intercept)', 'ell', 'meals', 'stypeH', 'stypeM']
 * @see Binder DA (1983) On the variances of asymptotically normal estimators from complex surveys.
 *   International Statistical Review 51:279-292.
 */
export function svyGlm(formula: string, design: AnyDesign, options: SvyGlmOptions = {}): SvyGlmResult {
  assertDesign(design);
  const family = options.family ?? 'gaussian';
  if (!GLM_FAMILIES.includes(family))
    throw new SurveyError(`family must be one of ${GLM_FAMILIES.join(', ')} (got '${family}').`, 'family');
  const f = parseFormula(formula);
  const warnings: string[] = [];
  const codes: GlmWarning[] = [];
  let d: AnyDesign = options.subset ? subsetAny(design, options.subset) : design;
  const n = d.n;
  // R's model frame: the design's rows (subsets of uncalibrated designs drop the others).
  const use = new Uint8Array(n);
  for (let i = 0; i < n; i++) use[i] = isReplicate(d) ? (d.weights[i] !== 0 ? 1 : 0) : d.inSubset[i];
  const frame = modelFrame(f, d.data, use, options);
  glmChecks(frame, family, d.weights);
  // Weights rescaled to mean 1 over the design's rows, as svyglm(rescale = TRUE).
  let sumW = 0;
  let nUse = 0;
  for (let i = 0; i < n; i++)
    if (use[i]) {
      sumW += d.weights[i];
      nUse++;
    }
  const meanW = sumW / nUse;
  const rowsAll: number[] = [];
  for (let i = 0; i < n; i++) if (frame.complete[i]) rowsAll.push(i);
  const rows = Int32Array.from(rowsAll);
  const m = rows.length;
  if (m === 0)
    throw new SurveyError('No rows to fit: every row in the universe misses a model variable.', 'formula');
  const pick = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]);
  const X = frame.columns.map(pick);
  const y = pick(frame.y);
  const offset = pick(frame.offset);
  const prior = Float64Array.from(rows, (i) => d.weights[i] / meanW);
  const replicateDf = isReplicate(d) ? degf(d) : 0; // R: degf before the NA rows are dropped
  const full = glmFit(X, y, prior, offset, family);
  if (!full.converged) {
    warnings.push(`The fit did not converge in ${full.iterations} iterations.`);
    codes.push({ code: 'not_converged', detail: String(full.iterations) });
  }
  const rank = full.qr.rank;
  const piv = Array.from(full.qr.pivot.subarray(0, rank));
  const aliased = Array.from(full.qr.pivot.subarray(rank)).map((j) => frame.names[j]);
  if (aliased.length) {
    warnings.push(
      `Not estimable (aliased with other columns, e.g. an empty combination of categories): ${aliased.join(', ')}.`,
    );
    codes.push({ code: 'aliased', detail: aliased.join(', ') });
  }
  // Rows missing a model variable leave the design as a domain.
  const anyDropped = rows.length < nUse;
  if (anyDropped) d = subsetAny(d, frame.complete);
  let V: Float64Array; // rank x rank, pivot order
  const before = warnings.length;
  if (isReplicate(d)) {
    const beta0 = Float64Array.from(piv, (j) => full.coefficients[j]);
    const Xr = piv.map((j) => X[j]);
    const thetas: Float64Array[] = [];
    for (let r = 0; r < d.nReplicates; r++) {
      const col = replicateWeightColumn(d, r);
      const wr = Float64Array.from(rows, (i) => col[i]);
      let s = 0;
      for (let k = 0; k < m; k++) s += wr[k];
      for (let k = 0; k < m; k++) wr[k] /= s;
      thetas.push(glmFit(Xr, y, wr, offset, family, beta0).coefficients);
    }
    V = svrVar(thetas, d.scale, d.rscales, d.mse, beta0, warnings);
  } else {
    const Ainv = chol2inv(full.qr.r, rank);
    const infl: Float64Array[] = [];
    for (let a = 0; a < rank; a++) infl.push(new Float64Array(n));
    for (let k = 0; k < m; k++) {
      const e = full.workingResiduals[k] * full.workingWeights[k];
      if (e === 0) continue;
      const i = rows[k];
      for (let b = 0; b < rank; b++) {
        const xb = X[piv[b]][k] * e;
        if (xb === 0) continue;
        for (let a = 0; a < rank; a++) infl[a][i] += xb * Ainv[b * rank + a];
      }
    }
    V = svyRecVar(d, infl, warnings);
  }
  for (const w of warnings.slice(before)) codes.push(varianceWarning(w));
  const designDf = isReplicate(d) ? replicateDf : degf(d);
  const df = designDf + 1 - rank;
  return summarise(frame, family, full, piv, V, df, designDf, aliased, { warnings, codes }, d, rows);
}

function summarise(
  frame: ModelFrame,
  family: GlmFamily,
  full: ReturnType<typeof glmFit>,
  piv: number[],
  V: Float64Array,
  df: number,
  designDf: number,
  aliased: string[],
  { warnings, codes }: { warnings: string[]; codes: GlmWarning[] },
  design: AnyDesign,
  rows: Int32Array,
): SvyGlmResult {
  const p = frame.names.length;
  const rank = piv.length;
  const posOf = new Int32Array(p).fill(-1);
  piv.forEach((j, a) => {
    posOf[j] = a;
  });
  const estimate = Array.from(full.coefficients);
  const se = estimate.map((_, j) => (posOf[j] < 0 ? Number.NaN : Math.sqrt(V[posOf[j] * rank + posOf[j]])));
  const t = estimate.map((e, j) => e / se[j]);
  const pv = t.map((x) => (df > 0 ? 2 * pt(-Math.abs(x), df) : Number.NaN));
  const kept = frame.names.map((_, j) => j).filter((j) => posOf[j] >= 0);
  const vcov = kept.map((a) => kept.map((b) => V[posOf[a] * rank + posOf[b]]));
  let sumWeights = 0;
  for (const i of rows) sumWeights += design.weights[i];
  const nFit = rows.reduce((s, i) => s + (design.weights[i] > 0 ? 1 : 0), 0);
  const nPerCoefficient = frame.columns.map((c, j) => {
    if (frame.assign[j] === 0) return nFit;
    let isIndicator = true;
    let count = 0;
    for (const i of rows) {
      if (design.weights[i] <= 0) continue;
      const v = c[i];
      if (v !== 0 && v !== 1) isIndicator = false;
      if (v !== 0) count++;
    }
    return isIndicator ? count : nFit;
  });
  const separated = separation(frame, family, design, rows);
  if (separated.length) {
    warnings.push(
      `Separation: the outcome does not vary within ${separated.join(', ')} (all 0 or all 1), so ${separated.length > 1 ? 'these coefficients are' : 'this coefficient is'} not finite; merge the category or drop the predictor.`,
    );
    codes.push({ code: 'separation', detail: separated.join(', ') });
  } else if (full.boundary) {
    warnings.push('Fitted values of exactly 0 or 1 occurred (quasi-separation).');
    codes.push({ code: 'quasi_separation', detail: '' });
  }
  const vcovFull = new Float64Array(p * p).fill(Number.NaN);
  for (const a of kept) for (const b of kept) vcovFull[a * p + b] = V[posOf[a] * rank + posOf[b]];
  return {
    statistic: 'glm',
    formula: frame.formula.text,
    family,
    link: FAMILIES[family].link,
    names: frame.names,
    estimate,
    se,
    t,
    p: pv,
    vcov,
    vcovNames: kept.map((j) => frame.names[j]),
    df,
    designDf,
    termLabels: frame.termLabels,
    assign: frame.assign,
    n: nFit,
    nPerCoefficient,
    sumWeights,
    deviance: full.deviance,
    iterations: full.iterations,
    converged: full.converged,
    aliased,
    separated,
    factors: frame.factors,
    warnings,
    warningCodes: codes,
    internal: { frame, design, coef: full.coefficients, vcovFull },
  };
}

/** Indicator columns within which a 0/1 outcome (or a count outcome) never varies / is all 0. */
function separation(frame: ModelFrame, family: GlmFamily, design: AnyDesign, rows: Int32Array): string[] {
  if (family === 'gaussian') return [];
  const out: string[] = [];
  frame.columns.forEach((c, j) => {
    if (frame.assign[j] === 0) return;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let indicator = true;
    let any = false;
    for (const i of rows) {
      if (design.weights[i] <= 0) continue;
      const v = c[i];
      if (v !== 0 && v !== 1) {
        indicator = false;
        break;
      }
      if (v === 1) {
        any = true;
        const yi = frame.y[i];
        if (yi < lo) lo = yi;
        if (yi > hi) hi = yi;
      }
    }
    if (!indicator || !any) return;
    const flat = family === 'quasibinomial' ? hi === 0 || lo === 1 : hi === 0;
    if (flat) out.push(frame.names[j]);
  });
  // The reference category of a factor (every column of its main-effect term 0): when the outcome
  // does not vary there, the intercept and the term's contrasts with it are infinite.
  if (frame.assign[0] !== 0) return out;
  frame.formula.terms.forEach((term, t) => {
    if (term.length !== 1 || !frame.factors[frame.formula.variables[term[0]].name]) return;
    const cols = frame.columns.filter((_, j) => frame.assign[j] === t + 1);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const i of rows) {
      if (design.weights[i] <= 0 || cols.some((c) => c[i] !== 0)) continue;
      lo = Math.min(lo, frame.y[i]);
      hi = Math.max(hi, frame.y[i]);
    }
    if (lo > hi || !(family === 'quasibinomial' ? hi === 0 || lo === 1 : hi === 0)) return;
    frame.names.forEach((name, j) => {
      if ((frame.assign[j] === 0 || frame.assign[j] === t + 1) && !out.includes(name)) out.push(name);
    });
  });
  return out;
}

/** Wald intervals of the coefficients with t on the residual df (R confint.svyglm). */
export function confintGlm(fit: SvyGlmResult, level = 0.95): [number, number][] {
  const q = fit.df > 0 ? qt(1 - (1 - level) / 2, fit.df) : Number.NaN;
  return fit.estimate.map((e, j) => [e - q * fit.se[j], e + q * fit.se[j]]);
}
