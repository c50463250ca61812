/**
 * Calibration (R survey's postStratify, rake, calibrate, trimWeights). Each returns a new design
 * whose linearisation variance uses the residuals of the calibration model; replicate designs are
 * recalibrated replicate by replicate.
 * @see Deville JC, Särndal CE (1992) Calibration estimators in survey sampling. JASA 87:376-382.
 */
import type { DataFrame } from '../data.ts';
import { factorColumn, interactionCodes } from '../data.ts';
import type { SurveyDesign } from '../design.ts';
import { SurveyError } from '../errors.ts';
import type { AnyDesign } from '../estimators/core.ts';
import { isReplicate, modelColumns } from '../estimators/core.ts';
import { solve } from '../linalg.ts';
import type { ReplicateDesign } from '../replicate-design.ts';
import type { CalibrationStep } from '../variance/calibration-steps.ts';
import { orthonormalBasis } from '../variance/calibration-steps.ts';
import { replicateRank, replicateWeightColumn } from '../variance/replicate.ts';

/** Population counts per level (one variable) or per combination label 'a.b' (several). */
export type PopulationTable = Record<string, number>;

function strataCodes(data: DataFrame, vars: readonly string[]) {
  const factors = vars.map((v) => factorColumn(data, v, undefined, 'calibrate.totals'));
  for (const f of factors)
    for (let i = 0; i < f.codes.length; i++)
      if (f.codes[i] < 0)
        throw new SurveyError(
          `Missing value in post-stratification variable at row ${i + 1}: impute it or drop the row before calibrating.`,
          'calibrate.totals',
        );
  const inter = interactionCodes(factors);
  return { codes: inter.codes, labels: inter.labels.map((l) => l.join('.')) };
}

function reweightFactors(
  codes: Int32Array,
  labels: string[],
  w: Float64Array,
  population: PopulationTable,
  partial: boolean,
  warnings: string[],
): Float64Array {
  const sample = new Float64Array(labels.length);
  for (let i = 0; i < codes.length; i++) sample[codes[i]] += w[i];
  const rw = new Float64Array(labels.length);
  labels.forEach((lab, k) => {
    const pop = population[lab];
    if (pop === undefined || pop === 0) {
      if (sample[k] !== 0)
        throw new SurveyError(
          `Stratum '${lab}' is in the sample but absent from the population totals: add its total.`,
          'calibrate.totals',
        );
    }
    rw[k] = (pop as number) / sample[k];
  });
  for (const lab of Object.keys(population))
    if (!labels.includes(lab) && population[lab] !== 0) {
      if (!partial)
        throw new SurveyError(
          `Population stratum '${lab}' has no sample rows: remove it from the totals or use partial: true.`,
          'calibrate.totals',
        );
      warnings.push('Some strata absent from sample: ignored');
    }
  return rw;
}

function materialise(design: ReplicateDesign): Float64Array[] {
  return Array.from({ length: design.nReplicates }, (_, r) => replicateWeightColumn(design, r));
}

function withRepWeights(
  design: ReplicateDesign,
  weights: Float64Array,
  reps: Float64Array[],
): ReplicateDesign {
  const d: ReplicateDesign = { ...design, weights, repWeights: reps, multipliers: undefined, degf: 0 };
  return { ...d, degf: replicateRank(d) - 1 };
}

/**
 * Post-stratification (R `postStratify`) on one or more categorical variables.
 *
 * @example
 * postStratify(dclus1, 'stype', { E: 4421, H: 755, M: 1018 });
 */
export function postStratify<D extends AnyDesign>(
  design: D,
  strata: string | readonly string[],
  population: PopulationTable,
  options: { partial?: boolean } = {},
): D {
  const vars = typeof strata === 'string' ? [strata] : [...strata];
  const { codes, labels } = strataCodes(design.data, vars);
  const warnings = [...design.warnings];
  const rw = reweightFactors(codes, labels, design.weights, population, options.partial ?? false, warnings);
  const n = design.n;
  const neww = new Float64Array(n);
  for (let i = 0; i < n; i++) neww[i] = design.weights[i] * rw[codes[i]];
  if (isReplicate(design)) {
    const reps = materialise(design).map((wr) => {
      const tot = new Float64Array(labels.length);
      for (let i = 0; i < n; i++) if (design.weights[i] !== 0) tot[codes[i]] += wr[i];
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++)
        out[i] = wr[i] === 0 ? 0 : (wr[i] * (population[labels[codes[i]]] ?? 0)) / tot[codes[i]];
      return out;
    });
    return { ...withRepWeights(design, neww, reps), warnings } as D;
  }
  const d = design as SurveyDesign;
  const step: CalibrationStep = {
    kind: 'poststratify',
    index: codes,
    nLevels: labels.length,
    weights: neww,
    oldWeights: Float64Array.from(design.weights),
  };
  return { ...d, weights: neww, calibration: [...d.calibration, step], warnings } as D;
}

/** A raking margin: a categorical variable (or several, crossed) and its population counts. */
export interface RakeMargin {
  variables: string | readonly string[];
  population: PopulationTable;
}

/**
 * Raking by iterative proportional fitting (R `rake`, default control maxit = 10, epsilon = 1 on
 * the joint weighted table).
 */
export function rake<D extends AnyDesign>(
  design: D,
  margins: readonly RakeMargin[],
  control: { maxit?: number; epsilon?: number } = {},
): D {
  const maxit = control.maxit ?? 10;
  let epsilon = control.epsilon ?? 1;
  if (epsilon < 1) epsilon *= design.weights.reduce((s, w) => s + w, 0);
  const allVars = margins.flatMap((m) =>
    typeof m.variables === 'string' ? [m.variables] : [...m.variables],
  );
  const joint = strataCodes(design.data, allVars);
  const table = (w: Float64Array) => {
    const t = new Float64Array(joint.labels.length);
    for (let i = 0; i < w.length; i++) t[joint.codes[i]] += w[i];
    return t;
  };
  const base = design;
  let cur: D = design;
  let old = table(design.weights);
  let iter = 0;
  let converged = false;
  let steps: CalibrationStep[] = [];
  while (iter < maxit) {
    // Each sweep starts from the current weights but only the last sweep's steps are kept.
    let d: D = isReplicate(cur) ? cur : ({ ...(cur as SurveyDesign), calibration: [] } as unknown as D);
    for (const m of margins) d = postStratify(d, m.variables, m.population);
    if (!isReplicate(d)) steps = (d as SurveyDesign).calibration;
    cur = d;
    const now = table(cur.weights);
    let delta = 0;
    for (let k = 0; k < now.length; k++) delta = Math.max(delta, Math.abs(old[k] - now[k]));
    if (delta < epsilon) {
      converged = true;
      break;
    }
    old = now;
    iter++;
  }
  const warnings = [...cur.warnings];
  if (!converged) warnings.push(`Raking did not converge after ${iter} iterations.`);
  if (isReplicate(cur)) return { ...cur, warnings } as D;
  const raking: CalibrationStep = {
    kind: 'raking',
    margins: steps.map((s) => {
      if (s.kind !== 'poststratify') throw new Error('unreachable');
      return { index: s.index, nLevels: s.nLevels, weights: s.weights };
    }),
  };
  const b = base as SurveyDesign;
  return { ...(cur as SurveyDesign), calibration: [...b.calibration, raking], warnings } as unknown as D;
}

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

interface CalFunImpl {
  Fm1(u: number, L: number, U: number): number;
  dF(u: number, L: number, U: number): number;
}

const CALFUNS: Record<CalFun, CalFunImpl> = {
  linear: {
    Fm1: (u, L, U) => Math.min(Math.max(u + 1, L), U) - 1,
    dF: (u, L, U) => (u < U - 1 && u > L - 1 ? 1 : 0),
  },
  raking: {
    Fm1: (u, L, U) => Math.min(Math.max(Math.exp(u), L), U) - 1,
    dF: (u, L, U) => (u < U - 1 && u > L - 1 ? Math.exp(u) : 0),
  },
  logit: {
    Fm1: (u, L, U) => {
      if (!Number.isFinite(L) || !Number.isFinite(U))
        throw new SurveyError('Logit calibration requires finite bounds.', 'calibrate.bounds');
      const A = (U - L) / ((U - 1) * (1 - L));
      const e = Math.exp(A * u);
      return (L * (U - 1) + U * (1 - L) * e) / (U - 1 + (1 - L) * e) - 1;
    },
    dF: (u, L, U) => {
      const A = (U - L) / ((U - 1) * (1 - L));
      const e = Math.exp(A * u);
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
  terms: readonly string[],
): { names: string[]; cols: Float64Array[] } {
  const n = Object.values(data)[0]?.length ?? 0;
  const names = ['(Intercept)'];
  const cols: Float64Array[] = [new Float64Array(n).fill(1)];
  for (const t of terms) {
    const mc = modelColumns(data, [t]);
    const term = mc.terms[0];
    if (term.levels) {
      for (let k = 1; k < term.levels.length; k++) {
        names.push(mc.names[term.start + k]);
        cols.push(mc.cols[term.start + k]);
      }
    } else {
      names.push(t);
      cols.push(mc.cols[term.start]);
    }
    for (const c of cols)
      for (let i = 0; i < n; i++)
        if (Number.isNaN(c[i]))
          throw new SurveyError(
            `Missing value in calibration variable '${t}' at row ${i + 1}.`,
            'calibrate.totals',
          );
  }
  return { names, cols };
}

function grake(
  mm: Float64Array[],
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
  const p = mm.length;
  const sampleTotal = mm.map((c) => c.reduce((s, v, i) => s + v * ww[i], 0));
  let w = ww;
  let st = sampleTotal;
  let scale: number | null = null;
  const scales = population.map((v, j) => v / sampleTotal[j]);
  if (Math.min(...scales) > 20) {
    scale = scales.reduce((s, v) => s + v, 0) / scales.length;
    w = ww.map((v) => v * (scale as number));
    st = sampleTotal.map((v) => v * (scale as number));
  }
  let eta = new Array(p).fill(0);
  const xeta = new Float64Array(n);
  const compute = () => {
    xeta.fill(0);
    for (let j = 0; j < p; j++) if (eta[j] !== 0) for (let i = 0; i < n; i++) xeta[i] += mm[j][i] * eta[j];
  };
  const misfitOf = () =>
    population.map((pop, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += mm[j][i] * w[i] * fun.Fm1(xeta[i], L, U);
      return pop - st[j] - s;
    });
  compute();
  let iter = 1;
  let failed = false;
  for (;;) {
    const deriv = Array.from(xeta, (u) => fun.dF(u, L, U));
    const T: number[][] = Array.from({ length: p }, () => new Array(p).fill(0));
    for (let a = 0; a < p; a++)
      for (let b = a; b < p; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += mm[a][i] * w[i] * deriv[i] * mm[b][i];
        T[a][b] = s;
        T[b][a] = s;
      }
    let misfit = misfitOf();
    const deta = solve(
      T,
      misfit.map((m) => [m]),
    ).map((r) => r[0]);
    eta = eta.map((e, j) => e + deta[j]);
    compute();
    const bad = () => {
      for (let i = 0; i < n; i++) {
        const g = 1 + fun.Fm1(xeta[i], L, U);
        const d = fun.dF(xeta[i], L, U);
        if (!Number.isFinite(g) || !Number.isFinite(d)) return true;
      }
      return false;
    };
    let half = deta;
    while (iter < maxit && bad()) {
      iter++;
      half = half.map((v) => v / 2);
      eta = eta.map((e, j) => e - half[j]);
      compute();
    }
    misfit = misfitOf();
    if (misfit.every((m, j) => Math.abs(m) / (1 + Math.abs(population[j])) < epsilon)) break;
    iter++;
    if (iter > maxit) {
      const achieved = Math.max(...misfit.map((m, j) => Math.abs(m) / (1 + Math.abs(population[j]))));
      warnings.push(`Failed to converge: eps=${achieved} in ${iter} iterations`);
      failed = true;
      break;
    }
  }
  const g = Float64Array.from(xeta, (u) => 1 + fun.Fm1(u, L, U));
  if (scale !== null) for (let i = 0; i < n; i++) g[i] *= scale;
  return { g, failed };
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
  terms: readonly string[],
  population: Record<string, number>,
  options: CalibrateOptions = {},
): D {
  const calfun = options.calfun ?? 'linear';
  if (!CALFUNS[calfun])
    throw new SurveyError(`Unknown calfun '${calfun}': use linear, raking or logit.`, 'calibrate.method');
  const [L, U] = options.bounds ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const { names, cols } = calibrationMatrix(design.data, terms);
  const pop = names.map((nm) => {
    const v = population[nm];
    if (v === undefined)
      throw new SurveyError(
        `Population total for '${nm}' is missing: give totals for ${names.join(', ')}.`,
        'calibrate.totals',
      );
    return v;
  });
  const warnings = [...design.warnings];
  const ww = design.weights;
  const n = design.n;
  const linearNoBounds = calfun === 'linear' && !Number.isFinite(L) && !Number.isFinite(U);
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
    return grake(cols, w, pop, CALFUNS[calfun], L, U, options.maxit ?? 50, options.epsilon ?? 1e-7, warnings);
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

/**
 * Trims weights to [lower, upper] and spreads the trimmed amount equally over the untrimmed rows
 * (R `trimWeights`; strict = true repeats until no weight is outside).
 */
export function trimWeights<D extends AnyDesign>(
  design: D,
  options: { lower?: number; upper?: number; strict?: boolean },
): D {
  const lower = options.lower ?? Number.NEGATIVE_INFINITY;
  const upper = options.upper ?? Number.POSITIVE_INFINITY;
  const pw = design.weights;
  const n = design.n;
  const outside = Array.from(pw, (w) => w < lower || w > upper);
  if (!outside.some(Boolean)) return design;
  const neww = Float64Array.from(pw, (w) => Math.max(lower, Math.min(w, upper)));
  let trimmings = 0;
  let nIn = 0;
  for (let i = 0; i < n; i++) {
    trimmings += pw[i] - neww[i];
    if (!outside[i]) nIn++;
  }
  for (let i = 0; i < n; i++) if (!outside[i]) neww[i] += trimmings / nIn;
  const out = { ...design, weights: neww } as D;
  return options.strict ? trimWeights(out, options) : out;
}
