/**
 * One calibration step of the recipe: post-stratification, raking or linear calibration of a weight
 * column to its margins, with the recipe's trimming rule (weights above `factor` x the median of their
 * stratum are cut to it and the weights recalibrated, at most `maxRounds` times). In a replicate, a
 * bounded calibration that fails is redone without bounds, and a category a replicate lost is dropped
 * with its control spread over the others (both reported).
 */
import { postStratifyWeights, type RakeResult, raker } from './calibration.ts';
import type { Calibration } from './recipe.ts';
import { median } from './variables.ts';

export interface CalibrationMargin {
  name: string;
  values: readonly string[];
  control: Record<string, number>;
}

export interface RakeSummary {
  /** Trim-and-recalibrate rounds after the first calibration. */
  trimRounds: number;
  trimmed: number;
  /** Largest weight / (trim factor x stratum median) at the end (<= 1 + tolerance when converged). */
  maxCapRatio: number;
  converged: boolean;
  /** g-weights of the first calibration (before any trimming), as R calibrate's. */
  gMin: number;
  gMax: number;
  /**
   * Final weight / this step's input weight, after the trimming loop. Each recalibration bounds g
   * against the weights it is given (the cut ones), as R's trimWeights + calibrate loop does, so
   * the final ratios may leave the bounds; the report prints these and says so.
   */
  finalMin: number;
  finalMax: number;
  /** The final ratios are within the bounds (true when the step has no bounds). */
  withinBounds: boolean;
  dropped: string[];
  /** A replicate whose bounded calibration failed and was calibrated without bounds. */
  unbounded: boolean;
}

export const noCalibration = (): RakeSummary => ({
  trimRounds: 0,
  trimmed: 0,
  maxCapRatio: 0,
  converged: true,
  gMin: 1,
  gMax: 1,
  finalMin: 1,
  finalMax: 1,
  withinBounds: true,
  dropped: [],
  unbounded: false,
});

export function calibrateStep(
  w: Float64Array,
  margins: CalibrationMargin[],
  strata: readonly string[],
  c: Calibration,
  replicate: boolean,
): { weights: Float64Array; summary: RakeSummary } {
  let unbounded = false;
  const free: [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const options = {
    bounds: c.bounds ?? free,
    epsilon: c.epsilon,
    maxit: c.maxit,
    dropEmpty: replicate,
    calfun: c.method === 'postStratify' ? undefined : c.method,
  } as const;
  // one raking problem per bounds, shared by the trimming rounds (same rows, same margins); a
  // replicate's bounded failure is never shown (redone without bounds), so it is not explained
  const bounded = raker(margins, { ...options, explain: !(replicate && c.bounds) });
  let unboundedRaker: ReturnType<typeof raker> | null = null;
  const withoutBounds = (x: Float64Array, withG: boolean) => {
    unboundedRaker ??= raker(margins, { ...options, bounds: [0, Number.POSITIVE_INFINITY] });
    return unboundedRaker(x, withG);
  };
  // the g-weights are read from the first calibration only (gMin, gMax)
  const rk = (x: Float64Array, withG: boolean): RakeResult => {
    if (c.method === 'postStratify') {
      const weights = postStratifyWeights(x, margins[0].values, margins[0].control);
      const g = new Float64Array(weights.length);
      for (let i = 0; i < g.length; i++) g[i] = x[i] > 0 ? weights[i] / x[i] : 1;
      return { weights, g, dropped: [] };
    }
    try {
      return unbounded ? withoutBounds(x, withG) : bounded(x, withG);
    } catch (error) {
      // A replicate may lose the sample that made the bounded problem feasible: calibrate it unbounded (reported).
      if (!replicate || unbounded || !c.bounds) throw error;
      unbounded = true;
      return withoutBounds(x, withG);
    }
  };
  let r = rk(w, true);
  // the first calibration's g-weights of the rows with weight: their range (1 when none), NaN if any is
  let gMin = Number.POSITIVE_INFINITY;
  let gMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < w.length; i++)
    if (w[i] > 0) {
      const v = r.g[i];
      if (v < gMin || Number.isNaN(v)) gMin = Number.isNaN(gMin) ? gMin : v;
      if (v > gMax || Number.isNaN(v)) gMax = Number.isNaN(gMax) ? gMax : v;
    }
  if (gMin === Number.POSITIVE_INFINITY && gMax === Number.NEGATIVE_INFINITY) gMin = gMax = 1;
  let rounds = 0;
  let trimmed = 0;
  let ratio = 0;
  const trim = c.trimming;
  // each row's stratum as a number, once per step: the rounds then index arrays, not maps
  const names = new Map<string, number>();
  const code = new Int32Array(trim ? strata.length : 0);
  if (trim)
    for (let i = 0; i < strata.length; i++) {
      if (!names.has(strata[i])) names.set(strata[i], names.size);
      code[i] = names.get(strata[i]) as number;
    }
  const caps = new Float64Array(names.size);
  // the rows' positive weights gathered by stratum in one buffer (each stratum a segment), reused
  // by every round; a median's value does not depend on the order of its values
  const offset = new Int32Array(names.size + 1);
  for (let i = 0; i < code.length; i++) offset[code[i] + 1]++;
  for (let h = 0; h < names.size; h++) offset[h + 1] += offset[h];
  const end = new Int32Array(names.size);
  const byStratum = new Float64Array(code.length);
  for (; trim && rounds <= trim.maxRounds; rounds++) {
    const ws = r.weights;
    end.set(offset.subarray(0, names.size));
    for (let i = 0; i < ws.length; i++) if (ws[i] > 0) byStratum[end[code[i]]++] = ws[i];
    for (let h = 0; h < caps.length; h++)
      caps[h] = end[h] > offset[h] ? trim.factor * median(byStratum.subarray(offset[h], end[h])) : Number.NaN;
    ratio = 0;
    let over = 0;
    for (let i = 0; i < ws.length; i++) {
      const v = ws[i];
      if (v <= 0) continue;
      const q = v / caps[code[i]];
      ratio = Math.max(ratio, q);
      if (q > 1 + 1e-6) over++;
    }
    if (!over || rounds === trim.maxRounds) break;
    trimmed += over;
    const cut = new Float64Array(ws.length);
    for (let i = 0; i < ws.length; i++) cut[i] = ws[i] > 0 ? Math.min(ws[i], caps[code[i]]) : 0;
    r = rk(cut, false);
  }
  let finalMin = Number.POSITIVE_INFINITY;
  let finalMax = Number.NEGATIVE_INFINITY;
  w.forEach((v, i) => {
    if (!(v > 0)) return;
    const q = r.weights[i] / v;
    if (q < finalMin) finalMin = q;
    if (q > finalMax) finalMax = q;
  });
  if (finalMin > finalMax) finalMin = finalMax = 1;
  const slack = 1e-9; // the calibration's own tolerance
  const withinBounds = !c.bounds || (finalMin >= c.bounds[0] - slack && finalMax <= c.bounds[1] + slack);
  return {
    weights: r.weights,
    summary: {
      trimRounds: rounds,
      trimmed,
      maxCapRatio: ratio,
      converged: !trim || ratio <= 1 + 1e-6,
      gMin,
      gMax,
      finalMin,
      finalMax,
      withinBounds,
      dropped: r.dropped,
      unbounded,
    },
  };
}
