/**
 * The calibration steps of the pipeline, on the analysis engine (R survey's postStratify and
 * calibrate(calfun = 'raking', bounds)), with the checks R leaves to the user: every category of the
 * data has a control and every positive control has sample weight.
 */
import { calibratedWeightsSolver } from '../calibration/calibrate.ts';
import { calibrationWeights, postStratify, svyDesign } from '../index.ts';
import { WeightingError } from './errors.ts';

function design(w: Float64Array, columns: Record<string, readonly string[]>) {
  return svyDesign({ ids: null, weights: '.w' }, { '.w': w, ...columns });
}

/** Checks that the categories of `values` (where w > 0) and the control's categories match. */
export function checkMargin(
  name: string,
  values: readonly string[],
  w: Float64Array,
  control: Record<string, number>,
  options: { dropEmpty?: boolean } = {},
): Record<string, number> {
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    seen.set(v, (seen.get(v) ?? 0) + w[i]);
  });
  for (const [v, total] of seen)
    if (total > 0 && control[v] === undefined)
      throw new WeightingError(
        `Calibration margin '${name}': category '${v}' is in the data but not in the controls (${Object.keys(control).join(', ')}): recode the data or add its total.`,
        'weighting.margin',
      );
  const used: Record<string, number> = {};
  for (const [k, t] of Object.entries(control)) {
    if (t > 0 && !((seen.get(k) ?? 0) > 0)) {
      if (options.dropEmpty) continue;
      throw new WeightingError(
        `Calibration margin '${name}': control category '${k}' (total ${t}) has no sample: collapse it with a neighbouring category in the controls and the data.`,
        'weighting.margin',
      );
    }
    if (seen.has(k)) used[k] = t;
  }
  return used;
}

/** Post-stratification: w * N_h / sum_h(w). */
export function postStratifyWeights(
  w: Float64Array,
  strata: readonly string[],
  control: Record<string, number>,
): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] > 0) idx.push(i);
  const ws = Float64Array.from(idx, (i) => w[i]);
  const s = idx.map((i) => strata[i]);
  const used = checkMargin('post-strata', s, ws, control);
  const d = postStratify(design(ws, { s }), 's', used);
  const out = new Float64Array(w.length);
  idx.forEach((i, k) => {
    out[i] = d.weights[k];
  });
  return out;
}

export interface RakeResult {
  weights: Float64Array;
  g: Float64Array;
  /** Margins dropped because they had no sample (replicates only). */
  dropped: string[];
}

type RakeMargins = Array<{ name: string; values: readonly string[]; control: Record<string, number> }>;

interface RakeOptions {
  bounds: readonly [number, number];
  epsilon: number;
  maxit?: number;
  dropEmpty?: boolean;
  calfun?: 'raking' | 'linear';
  /**
   * Name the categories furthest from their controls when the calibration fails (default true; it
   * costs a forced calibration): false where the caller drops the error (a replicate's bounded
   * raking, redone without bounds).
   */
  explain?: boolean;
}

/**
 * Bounded raking (R calibrate(..., calfun = 'raking', bounds = c(lower, upper))) to several
 * one-variable margins; calfun 'linear' is the GREG (linear) calibration to the same margins.
 */
export function rakeWeights(w: Float64Array, margins: RakeMargins, options: RakeOptions): RakeResult {
  return raker(margins, options)(w);
}

/**
 * `rakeWeights` for several weight vectors of the same margins (a trimming loop): the problem (rows
 * with weight, categories, totals, model matrix) depends only on which rows have a positive weight,
 * so it is built once per such row set.
 */
export function raker(margins: RakeMargins, options: RakeOptions): (w: Float64Array) => RakeResult {
  let last: { idx: Int32Array; solve: (ws: Float64Array) => Float64Array; dropped: string[] } | null = null;
  return (w) => {
    // one pass: how many rows have weight, and whether they are the last call's rows
    let count = 0;
    let same = last !== null;
    const lastIdx = last?.idx;
    for (let i = 0; i < w.length; i++)
      if (w[i] > 0) {
        if (same && lastIdx && (count >= lastIdx.length || lastIdx[count] !== i)) same = false;
        count++;
      }
    if (same && lastIdx && count !== lastIdx.length) same = false;
    if (!same || !last) {
      const idx = new Int32Array(count);
      for (let i = 0, k = 0; i < w.length; i++) if (w[i] > 0) idx[k++] = i;
      const ws = new Float64Array(count);
      for (let k = 0; k < count; k++) ws[k] = w[idx[k]];
      last = { idx, ...rakeProblem(idx, ws, margins, options) };
    }
    const { idx, solve, dropped } = last;
    // plain loops: Float64Array.from with a map function was most of this function's time
    const ws = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) ws[k] = w[idx[k]];
    const d = solve(ws);
    const weights = new Float64Array(w.length);
    for (let k = 0; k < idx.length; k++) weights[idx[k]] = d[k];
    const g = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) g[i] = w[i] > 0 ? weights[i] / w[i] : 1;
    return {
      weights,
      g,
      dropped: [...dropped],
    };
  };
}

function rakeProblem(
  idx: Int32Array,
  ws: Float64Array,
  margins: RakeMargins,
  options: RakeOptions,
): { solve: (ws: Float64Array) => Float64Array; dropped: string[] } {
  const calfun = options.calfun ?? 'raking';
  const dropped: string[] = [];
  const columns: Record<string, string[]> = {};
  const population: Record<string, number> = {};
  const total = Object.values(margins[0].control).reduce((s, v) => s + v, 0);
  for (const m of margins) {
    const values = Array.from(idx, (i) => m.values[i]);
    const used = checkMargin(m.name, values, ws, m.control, { dropEmpty: options.dropEmpty });
    const lost = Object.keys(m.control).filter((k) => m.control[k] > 0 && used[k] === undefined);
    let sum = Object.values(used).reduce((s, v) => s + v, 0);
    if (lost.length) {
      // A replicate lost every unit of a category: spread its control over the others (reported).
      dropped.push(...lost.map((k) => `${m.name}=${k}`));
      for (const k of Object.keys(used)) used[k] *= total / sum;
      sum = total;
    }
    if (Math.abs(sum - total) > 1e-6 * Math.max(1, total))
      throw new WeightingError(
        `Calibration margin '${m.name}' sums to ${sum} but '${margins[0].name}' to ${total}: the margins must describe the same population.`,
        'weighting.margin',
      );
    columns[m.name] = values;
    for (const [k, v] of Object.entries(used)) population[`${m.name}${k}`] = v;
  }
  population['(Intercept)'] = total;
  const calibrationOptions = {
    calfun,
    bounds: options.bounds,
    epsilon: options.epsilon,
    maxit: options.maxit ?? 100,
  };
  const fail = (error: unknown, x: Float64Array) =>
    new WeightingError(
      `${calfun === 'raking' ? 'Raking' : 'Linear calibration'} to ${margins.map((m) => m.name).join(', ')} did not converge within bounds [${options.bounds.join(', ')}] (${(error as Error).message}). ${options.explain === false ? 'Categories not examined' : worstCategories(columns, x, margins, population, options)}: widen the bounds or collapse these categories with neighbours in the controls and the data.`,
      'weighting.no_convergence',
    );
  let solver: ReturnType<typeof calibratedWeightsSolver>;
  try {
    solver = calibratedWeightsSolver(columns, Object.keys(columns), population, calibrationOptions);
  } catch (error) {
    throw fail(error, ws);
  }
  return {
    dropped,
    solve: (x) => {
      try {
        return solver(x);
      } catch (error) {
        throw fail(error, x);
      }
    },
  };
}

/**
 * The categories furthest from their controls after the last iterate of a raking that failed, with
 * the factor their sample weights would need on average: what the analyst has to collapse.
 */
function worstCategories(
  columns: Record<string, string[]>,
  ws: Float64Array,
  margins: Array<{ name: string; control: Record<string, number> }>,
  population: Record<string, number>,
  options: {
    bounds: readonly [number, number];
    epsilon: number;
    maxit?: number;
    calfun?: 'raking' | 'linear';
  },
): string {
  let last: Float64Array;
  try {
    last = calibrationWeights(columns, ws, Object.keys(columns), population, {
      calfun: options.calfun ?? 'raking',
      bounds: options.bounds,
      epsilon: options.epsilon,
      maxit: options.maxit ?? 100,
      force: true,
    }).weights;
  } catch {
    last = ws; // the Newton step itself failed (every g-weight of a category at a bound): the input weights
  }
  const rows: Array<{ text: string; gap: number }> = [];
  for (const m of margins) {
    const values = columns[m.name];
    if (!values) continue;
    const got = new Map<string, number>();
    const start = new Map<string, number>();
    values.forEach((v, i) => {
      got.set(v, (got.get(v) ?? 0) + last[i]);
      start.set(v, (start.get(v) ?? 0) + ws[i]);
    });
    for (const [k, control] of Object.entries(m.control)) {
      if (!(control > 0) || !got.has(k)) continue;
      const w = got.get(k) as number;
      const gap = Math.abs(w - control) / control;
      rows.push({
        gap,
        text: `${m.name}=${k} (weighted ${w.toFixed(1)} against a control of ${control}; its sample weights would need x${(control / (start.get(k) as number)).toFixed(2)} on average)`,
      });
    }
  }
  rows.sort((a, b) => b.gap - a.gap);
  return `Furthest from their totals: ${rows
    .slice(0, 3)
    .map((r) => r.text)
    .join('; ')}`;
}
