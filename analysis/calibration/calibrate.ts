/**
 * Calibration to population totals (R survey's calibrate and grake): linear (GREG), raking and
 * logit distances with g-weight bounds; Taylor variance from the calibration residuals, replicate
 * designs recalibrated per replicate.
 * @see Deville JC, Särndal CE (1992) Calibration estimators in survey sampling. JASA 87:376-382.
 */
import type { DataFrame } from '../data.ts';
import type { SurveyDesign } from '../design.ts';
import { SurveyError } from '../errors.ts';
import type { AnyDesign, VarSpec } from '../estimators/core.ts';
import { isReplicate, modelColumns } from '../estimators/core.ts';
import { solve, solveFlat } from '../linalg.ts';
import type { CalibrationStep } from '../variance/calibration-steps.ts';
import { orthonormalBasis } from '../variance/calibration-steps.ts';
import { materialise, withRepWeights } from './post-stratify.ts';

export type CalFun = 'linear' | 'raking' | 'logit';

/** Options of `calibrate`, named as R's. */
export interface CalibrateOptions {
  calfun?: CalFun;
  /** Bounds on the g-weights [lower, upper]. */
  bounds?: readonly [number, number];
  maxit?: number;
  epsilon?: number;
  /** Trim the g-weights to [lower, upper] after calibration, redistributing the excess. */
  trim?: readonly [number, number];
  /** Proceed with the last iterate when calibration does not converge (R force). */
  force?: boolean;
}

/**
 * A distance's g - 1 (Fm1) and derivative (dF) at u = x'eta. `pre` is the one transcendental both
 * need (exp(u) for raking, exp(A u) for logit), computed once per row and iteration and passed in.
 */
interface CalFunImpl {
  pre(u: number, L: number, U: number): number;
  Fm1(u: number, e: number, L: number, U: number): number;
  dF(u: number, e: number, L: number, U: number): number;
}

const logitA = (L: number, U: number) => (U - L) / ((U - 1) * (1 - L));

const CALFUNS: Record<CalFun, CalFunImpl> = {
  linear: {
    pre: () => 0,
    Fm1: (u, _e, L, U) => Math.min(Math.max(u + 1, L), U) - 1,
    dF: (u, _e, L, U) => (u < U - 1 && u > L - 1 ? 1 : 0),
  },
  raking: {
    pre: (u) => Math.exp(u),
    Fm1: (_u, e, L, U) => Math.min(Math.max(e, L), U) - 1,
    dF: (u, e, L, U) => (u < U - 1 && u > L - 1 ? e : 0),
  },
  logit: {
    pre: (u, L, U) => {
      if (!Number.isFinite(L) || !Number.isFinite(U))
        throw new SurveyError('Logit calibration requires finite bounds.', 'calibrate.bounds');
      return Math.exp(logitA(L, U) * u);
    },
    Fm1: (_u, e, L, U) => (L * (U - 1) + U * (1 - L) * e) / (U - 1 + (1 - L) * e) - 1,
    dF: (_u, e, L, U) => {
      const A = logitA(L, U);
      return (
        (U * (1 - L) * e * A) / (U - 1 + (1 - L) * e) -
        ((L * (U - 1) + U * (1 - L) * e) * ((1 - L) * e * A)) / (U - 1 + (1 - L) * e) ** 2
      );
    },
  },
};

/** Model matrix of calibration terms with an intercept and treatment contrasts (R model.matrix). */
export function calibrationMatrix(
  data: DataFrame,
  terms: readonly VarSpec[],
): { names: string[]; cols: Float64Array[] } {
  const n = Object.values(data)[0]?.length ?? 0;
  const names = ['(Intercept)'];
  const cols: Float64Array[] = [new Float64Array(n).fill(1)];
  for (const t of terms) {
    const mc = modelColumns(data, [t]);
    const term = mc.terms[0];
    const added = cols.length; // the columns before this term were checked with theirs
    if (term.levels) {
      for (let k = 1; k < term.levels.length; k++) {
        names.push(mc.names[term.start + k]);
        cols.push(mc.cols[term.start + k]);
      }
    } else {
      names.push(term.name);
      cols.push(mc.cols[term.start]);
    }
    for (let j = added; j < cols.length; j++)
      for (let i = 0; i < n; i++)
        if (Number.isNaN(cols[j][i]))
          throw new SurveyError(
            `Missing value in calibration variable '${typeof t === 'string' ? t : t.name}' at row ${i + 1}.`,
            'calibrate.totals',
          );
  }
  return { names, cols };
}

/**
 * The model matrix row by row, keeping only the non-zero entries (compressed sparse rows): a
 * calibration on factors has 1 + (number of factors) entries per row whatever the number of levels,
 * so each Newton step costs O(n) instead of O(n p^2).
 */
export interface SparseRows {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

function sparseRows(mm: readonly Float64Array[], n: number): SparseRows {
  const start = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    start[i] = col.length;
    for (let j = 0; j < mm.length; j++) {
      const v = mm[j][i];
      if (v !== 0) {
        col.push(j);
        val.push(v);
      }
    }
  }
  start[n] = col.length;
  return { start, col: Int32Array.from(col), val: Float64Array.from(val) };
}

/**
 * The distinct rows of a model matrix and each row's one (`of`, null when every row is distinct).
 * Rows with equal x share x'eta and g, so the raking runs on the distinct rows with their summed
 * weights: a calibration on factors has at most one row per crossing of its categories.
 */
function distinctRows(rows: SparseRows): { unique: SparseRows; of: Int32Array | null } {
  const n = rows.start.length - 1;
  const seen = new Map<string, number>();
  const of = new Int32Array(n);
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    let key = '';
    // a row of ones is known by its columns alone
    for (let k = rows.start[i]; k < rows.start[i + 1]; k++)
      key += rows.val[k] === 1 ? `${rows.col[k]},` : `${rows.col[k]}:${rows.val[k]},`;
    let id = seen.get(key);
    if (id === undefined) {
      id = first.length;
      seen.set(key, id);
      first.push(i);
    }
    of[i] = id;
  }
  if (first.length === n) return { unique: rows, of: null };
  const start = new Int32Array(first.length + 1);
  const col: number[] = [];
  const val: number[] = [];
  first.forEach((i, u) => {
    start[u] = col.length;
    for (let k = rows.start[i]; k < rows.start[i + 1]; k++) {
      col.push(rows.col[k]);
      val.push(rows.val[k]);
    }
  });
  start[first.length] = col.length;
  return { unique: { start, col: Int32Array.from(col), val: Float64Array.from(val) }, of };
}

/** Every entry of the rows is 1 (factors only): known once per model matrix. */
const onesOf = new WeakMap<SparseRows, boolean>();

function onesOnly(rows: SparseRows): boolean {
  let ones = onesOf.get(rows);
  if (ones === undefined) {
    ones = true;
    for (let k = 0; k < rows.val.length && ones; k++) ones = rows.val[k] === 1;
    onesOf.set(rows, ones);
  }
  return ones;
}

function grake(
  rows: SparseRows,
  ww: Float64Array,
  population: number[],
  fun: CalFunImpl,
  L: number,
  U: number,
  maxit: number,
  epsilon: number,
  warnings: string[],
): { g: Float64Array; failed: boolean } {
  const n = ww.length;
  const p = population.length;
  const { start, col, val } = rows;
  const sampleTotal = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++)
    for (let k = start[i]; k < start[i + 1]; k++) sampleTotal[col[k]] += val[k] * ww[i];
  let w = ww;
  let st = sampleTotal;
  let scale: number | null = null;
  const scales = population.map((v, j) => v / sampleTotal[j]);
  if (Math.min(...scales) > 20) {
    scale = scales.reduce((s, v) => s + v, 0) / scales.length;
    w = ww.map((v) => v * (scale as number));
    st = sampleTotal.map((v) => v * (scale as number));
  }
  // typed arrays reused by every iterate (the same values and operations as plain arrays)
  const eta = new Float64Array(p);
  const xeta = new Float64Array(n);
  const pre = new Float64Array(n); // fun.pre(xeta[i]), once per row and iterate
  // x'eta and the distance's transcendental per row; true when a row's g or g' is not finite (the
  // step-halving test, R's), evaluated in the same pass
  const compute = (): boolean => {
    let bad = false;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = start[i]; k < start[i + 1]; k++) s += val[k] * eta[col[k]];
      xeta[i] = s;
      const e = fun.pre(s, L, U);
      pre[i] = e;
      if (!bad && (!Number.isFinite(1 + fun.Fm1(s, e, L, U)) || !Number.isFinite(fun.dF(s, e, L, U))))
        bad = true;
    }
    return bad;
  };
  // Factors only (every entry 1): each term of T is wd itself, the same in T[a][b] and T[b][a],
  // so the upper triangle is summed (in the same row order) and mirrored, bit for bit the same.
  const ones = onesOnly(rows);
  const fitted = new Float64Array(p);
  const misfit = new Float64Array(p);
  const T = new Float64Array(p * p); // row-major; solveFlat overwrites it
  // one pass over the rows at the current eta: the misfit (the step's right side and the stopping
  // rule) and the Newton matrix T for the next step (each sum in row order, as separate passes)
  const misfitAndT = () => {
    fitted.fill(0);
    T.fill(0);
    for (let i = 0; i < n; i++) {
      const x = xeta[i];
      const e = pre[i];
      const f = w[i] * fun.Fm1(x, e, L, U);
      const end = start[i + 1];
      for (let k = start[i]; k < end; k++) fitted[col[k]] += val[k] * f;
      const wd = w[i] * fun.dF(x, e, L, U);
      if (wd === 0) continue;
      if (ones) {
        // columns ascend within a row (sparseRows), so b >= a is the upper triangle
        for (let a = start[i]; a < end; a++) {
          const row = col[a] * p;
          for (let b = a; b < end; b++) T[row + col[b]] += wd;
        }
        continue;
      }
      for (let a = start[i]; a < end; a++) {
        const va = val[a] * wd;
        const row = col[a] * p;
        for (let b = start[i]; b < end; b++) T[row + col[b]] += va * val[b];
      }
    }
    for (let j = 0; j < p; j++) misfit[j] = population[j] - st[j] - fitted[j];
    if (ones) for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) T[b * p + a] = T[a * p + b];
  };
  const converged = () => {
    for (let j = 0; j < p; j++)
      if (!(Math.abs(misfit[j]) / (1 + Math.abs(population[j])) < epsilon)) return false;
    return true;
  };
  compute();
  misfitAndT();
  let iter = 1;
  let failed = false;
  const deta = new Float64Array(p);
  const half = new Float64Array(p);
  for (;;) {
    deta.set(misfit);
    solveFlat(T, deta, p);
    for (let j = 0; j < p; j++) eta[j] += deta[j];
    let bad = compute();
    half.set(deta);
    while (iter < maxit && bad) {
      iter++;
      for (let j = 0; j < p; j++) {
        half[j] /= 2;
        eta[j] -= half[j];
      }
      bad = compute();
    }
    misfitAndT();
    if (converged()) break;
    iter++;
    if (iter > maxit) {
      let achieved = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < p; j++)
        achieved = Math.max(achieved, Math.abs(misfit[j]) / (1 + Math.abs(population[j])));
      warnings.push(`Failed to converge: eps=${achieved} in ${iter} iterations`);
      failed = true;
      break;
    }
  }
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = 1 + fun.Fm1(xeta[i], pre[i], L, U);
  if (scale !== null) for (let i = 0; i < n; i++) g[i] *= scale;
  return { g, failed };
}

/** grake on the distinct rows, each with the summed weight of its rows (or on every row). */
function rowsG(
  unique: SparseRows,
  of: Int32Array | null,
  n: number,
  w: Float64Array,
  pop: number[],
  fun: CalFunImpl,
  L: number,
  U: number,
  options: CalibrateOptions,
  warnings: string[],
): { g: Float64Array; failed: boolean } {
  const maxit = options.maxit ?? 50;
  const epsilon = options.epsilon ?? 1e-7;
  if (!of) return grake(unique, w, pop, fun, L, U, maxit, epsilon, warnings);
  const total = new Float64Array(unique.start.length - 1);
  for (let i = 0; i < n; i++) total[of[i]] += w[i];
  return grake(unique, total, pop, fun, L, U, maxit, epsilon, warnings);
}

/**
 * `calibratedWeightsSolver` for a caller that already knows the model matrix's distinct rows (each
 * row's one in `of`, null when all are distinct, as distinctRows gives them) and the totals in its
 * columns' order: a weighting pipeline numbering its categories once for every replicate. Raking,
 * logit or bounded linear calibration without trim; the same arithmetic, the same weights.
 */
export function distinctRowsSolver(
  rows: { unique: SparseRows; of: Int32Array | null },
  n: number,
  pop: number[],
  options: CalibrateOptions,
): (weights: Float64Array) => Float64Array {
  const calfun = options.calfun ?? 'linear';
  const [L, U] = options.bounds ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  if (!CALFUNS[calfun] || options.trim || (calfun === 'linear' && !Number.isFinite(L) && !Number.isFinite(U)))
    throw new SurveyError(
      'distinctRowsSolver: raking, logit or bounded linear without trim only.',
      'calibrate',
    );
  const warnings: string[] = [];
  const { unique, of } = rows;
  return (w) => {
    warnings.length = 0;
    const r = rowsG(unique, of, n, w, pop, CALFUNS[calfun], L, U, options, warnings);
    if (r.failed && !options.force)
      throw new SurveyError(
        `Calibration failed to converge (${warnings.at(-1)}): widen the bounds, raise maxit, or set force: true.`,
        'calibrate',
      );
    const out = new Float64Array(n);
    const { g } = r;
    if (of) for (let i = 0; i < n; i++) out[i] = w[i] * g[of[i]];
    else for (let i = 0; i < n; i++) out[i] = w[i] * g[i];
    return out;
  };
}

function calibrationProblem(
  data: DataFrame,
  terms: readonly VarSpec[],
  population: Record<string, number>,
  options: CalibrateOptions,
  warnings: string[],
) {
  const calfun = options.calfun ?? 'linear';
  if (!CALFUNS[calfun])
    throw new SurveyError(`Unknown calfun '${calfun}': use linear, raking or logit.`, 'calibrate.method');
  const [L, U] = options.bounds ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const { names, cols } = calibrationMatrix(data, terms);
  const pop = names.map((nm) => {
    const v = population[nm];
    if (v === undefined)
      throw new SurveyError(
        `Population total for '${nm}' is missing: give totals for ${names.join(', ')}.`,
        'calibrate.totals',
      );
    return v;
  });
  const n = Object.values(data)[0]?.length ?? 0;
  const linearNoBounds = calfun === 'linear' && !Number.isFinite(L) && !Number.isFinite(U);
  let rows: ReturnType<typeof distinctRows> | undefined; // the model matrix's non-zero entries, built on first use
  // the g-weights of the distinct rows (with each row's one) or of every row
  const gRows = (w: Float64Array): { g: Float64Array; of: Int32Array | null; failed: boolean } => {
    rows ??= distinctRows(sparseRows(cols, n));
    const { unique, of } = rows;
    return { ...rowsG(unique, of, n, w, pop, CALFUNS[calfun], L, U, options, warnings), of };
  };
  const gFor = (w: Float64Array): { g: Float64Array; failed: boolean } => {
    if (linearNoBounds) {
      const p = cols.length;
      const st = cols.map((c) => c.reduce((s, v, i) => s + v * w[i], 0));
      const T = Array.from({ length: p }, (_, a) =>
        Array.from({ length: p }, (_, b) => cols[a].reduce((s, v, i) => s + v * w[i] * cols[b][i], 0)),
      );
      const tT = solve(
        T,
        pop.map((v, j) => [v - st[j]]),
      ).map((r) => r[0]);
      const g = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 1;
        for (let j = 0; j < p; j++) s += cols[j][i] * tT[j];
        g[i] = s;
      }
      return { g, failed: false };
    }
    const r = gRows(w);
    if (!r.of) return r;
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = r.g[r.of[i]];
    return { g, failed: r.failed };
  };
  const applyTrim = (g: Float64Array, w: Float64Array) => {
    if (!options.trim) return g;
    const [lo, hi] = options.trim;
    const out = Float64Array.from(g, (v) => Math.max(lo, Math.min(v, hi)));
    let trimmed = 0;
    let wIn = 0;
    let any = false;
    for (let i = 0; i < n; i++) {
      if (g[i] < lo || g[i] > hi) {
        any = true;
        trimmed += (g[i] - out[i]) * w[i];
      } else wIn += w[i];
    }
    if (!any) return g;
    for (let i = 0; i < n; i++) if (!(g[i] < lo || g[i] > hi)) out[i] += trimmed / wIn;
    return out;
  };
  /** w x g without the per-row g (no trim; raking, logit or bounded linear): the same products. */
  const weightsFor = (w: Float64Array): { weights: Float64Array; failed: boolean } => {
    if (linearNoBounds || options.trim) {
      const r = gFor(w);
      const g = applyTrim(r.g, w);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = w[i] * g[i];
      return { weights: out, failed: r.failed };
    }
    const r = gRows(w);
    const out = new Float64Array(n);
    const { g, of } = r;
    if (of) for (let i = 0; i < n; i++) out[i] = w[i] * g[of[i]];
    else for (let i = 0; i < n; i++) out[i] = w[i] * g[i];
    return { weights: out, failed: r.failed };
  };
  return { cols, gFor, applyTrim, weightsFor };
}

/**
 * The calibrated weights alone, without a design or its variance step: what a weighting pipeline
 * needs (R: weights(calibrate(svydesign(ids = ~1, weights = ~w, data), ...))).
 *
 * @example
 * calibrationWeights({ sex: ['m', 'f', 'f'] }, Float64Array.of(10, 10, 10), ['sex'], { '(Intercept)': 40, sexm: 20 }, { calfun: 'raking' });
 */
export function calibrationWeights(
  data: DataFrame,
  weights: Float64Array,
  terms: readonly VarSpec[],
  population: Record<string, number>,
  options: CalibrateOptions = {},
): { weights: Float64Array; g: Float64Array; warnings: string[] } {
  return calibrationSolver(data, terms, population, options)(weights);
}

/**
 * `calibrationWeights` for many weight vectors of the same rows, terms and totals (a trimming loop
 * recalibrating its cut weights): the model matrix is built once.
 */
export function calibrationSolver(
  data: DataFrame,
  terms: readonly VarSpec[],
  population: Record<string, number>,
  options: CalibrateOptions = {},
): (weights: Float64Array) => { weights: Float64Array; g: Float64Array; warnings: string[] } {
  const warnings: string[] = [];
  const { gFor, applyTrim } = calibrationProblem(data, terms, population, options, warnings);
  return (weights) => {
    warnings.length = 0;
    const res = gFor(weights);
    if (res.failed && !options.force)
      throw new SurveyError(
        `Calibration failed to converge (${warnings.at(-1)}): widen the bounds, raise maxit, or set force: true.`,
        'calibrate',
      );
    const g = applyTrim(res.g, weights);
    const out = new Float64Array(weights.length);
    for (let i = 0; i < out.length; i++) out[i] = weights[i] * g[i];
    return { weights: out, g, warnings: [...warnings] };
  };
}

/**
 * `calibrationSolver` giving only the calibrated weights (a weighting pipeline's trimming loop, which
 * needs no g-weights): the same weights, the same error when the calibration fails.
 */
export function calibratedWeightsSolver(
  data: DataFrame,
  terms: readonly VarSpec[],
  population: Record<string, number>,
  options: CalibrateOptions = {},
): (weights: Float64Array) => Float64Array {
  const warnings: string[] = [];
  const { weightsFor } = calibrationProblem(data, terms, population, options, warnings);
  return (weights) => {
    warnings.length = 0;
    const res = weightsFor(weights);
    if (res.failed && !options.force)
      throw new SurveyError(
        `Calibration failed to converge (${warnings.at(-1)}): widen the bounds, raise maxit, or set force: true.`,
        'calibrate',
      );
    return res.weights;
  };
}

/**
 * Calibration to population totals of `terms` (R `calibrate`): linear (GREG), raking or logit
 * distance, with optional g-weight bounds. `population` is keyed by model-matrix column name:
 * '(Intercept)', 'stypeH', 'stypeM', 'api99', ...
 *
 * @example
 * calibrate(dclus1, ['stype', 'api99'], { '(Intercept)': 6194, stypeH: 755, stypeM: 1018, api99: 3914069 });
 */
export function calibrate<D extends AnyDesign>(
  design: D,
  terms: readonly VarSpec[],
  population: Record<string, number>,
  options: CalibrateOptions = {},
): D {
  const warnings = [...design.warnings];
  const ww = design.weights;
  const { cols, gFor, applyTrim } = calibrationProblem(design.data, terms, population, options, warnings);
  const res = gFor(ww);
  if (res.failed && !options.force)
    throw new SurveyError(
      'Calibration failed to converge: widen the bounds, raise maxit, or set force: true.',
      'calibrate',
    );
  const g = applyTrim(res.g, ww);
  const neww = Float64Array.from(ww, (w, i) => w * g[i]);
  if (isReplicate(design)) {
    const reps = materialise(design).map((wr) => {
      const r = gFor(wr);
      const gr = applyTrim(r.g, wr);
      return Float64Array.from(wr, (w, i) => w * gr[i]);
    });
    return { ...withRepWeights(design, neww, reps), warnings } as D;
  }
  const whalf = Float64Array.from(ww, Math.sqrt);
  const X = cols.map((c) => Float64Array.from(c, (v, i) => v * whalf[i]));
  const step: CalibrationStep = {
    kind: 'greg',
    q: orthonormalBasis(X),
    w: Float64Array.from(g, (v, i) => v * whalf[i]),
  };
  const d = design as SurveyDesign;
  return { ...d, weights: neww, calibration: [...d.calibration, step], warnings } as D;
}
