/**
 * Replicate-weight variance (R survey's svrVar) and replicate totals. When the replicates are PSU
 * multipliers, replicate totals come from PSU-level aggregates (C x K) times the multiplier matrix
 * (C x R) instead of an n x R weight matrix.
 */
import type { ReplicateDesign } from '../replicate-design.ts';
import { columnId, ROW_MAJOR_LIMIT, rowMajor } from './replicate-columns.ts';

/**
 * v = scale * sum_r rscales_r (theta_r - centre)(theta_r - centre)', centre = mean of the replicates
 * with rscales > 0 (mse = false) or the full-sample estimate (mse = true). Replicates with a NaN are
 * dropped with a warning, as R's na.omit.
 */
export function svrVar(
  thetas: Float64Array[],
  scale: number,
  rscales: ArrayLike<number>,
  mse: boolean,
  coef: ArrayLike<number>,
  warnings: string[] = [],
): Float64Array {
  const p = coef.length;
  const keep: number[] = [];
  thetas.forEach((t, r) => {
    if (!t.some((v) => Number.isNaN(v))) keep.push(r);
  });
  if (keep.length < thetas.length) {
    if (keep.length === 0) return new Float64Array(p * p).fill(Number.NaN);
    warnings.push(`${thetas.length - keep.length} replicates gave NA results and were discarded.`);
  }
  const centre = new Float64Array(p);
  if (mse) for (let j = 0; j < p; j++) centre[j] = coef[j];
  else {
    let m = 0;
    for (const r of keep)
      if (rscales[r] > 0) {
        m++;
        for (let j = 0; j < p; j++) centre[j] += thetas[r][j];
      }
    for (let j = 0; j < p; j++) centre[j] /= m;
  }
  const v = new Float64Array(p * p);
  const d = new Float64Array(p);
  for (const r of keep) {
    for (let j = 0; j < p; j++) d[j] = thetas[r][j] - centre[j];
    const s = rscales[r];
    for (let a = 0; a < p; a++) for (let b = a; b < p; b++) v[a * p + b] += s * d[a] * d[b];
  }
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) {
      v[a * p + b] *= scale;
      v[b * p + a] = v[a * p + b];
    }
  return v;
}

/** Replicate totals T[r][k] = sum_i wrep_ir u_ik, for all replicates. */
export function replicateTotals(design: ReplicateDesign, u: Float64Array[]): Float64Array[] {
  const K = u.length;
  const R = design.nReplicates;
  const n = design.n;
  const out: Float64Array[] = [];
  if (design.multipliers) {
    const { psu, nPsu, values } = design.multipliers;
    const agg = new Float64Array(nPsu * K);
    const w = design.weights;
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const base = psu[i] * K;
      for (let k = 0; k < K; k++) agg[base + k] += wi * u[k][i];
    }
    for (let r = 0; r < R; r++) {
      const t = new Float64Array(K);
      for (let c = 0; c < nPsu; c++) {
        const m = values[c * R + r];
        if (m === 0) continue;
        const base = c * K;
        for (let k = 0; k < K; k++) t[k] += m * agg[base + k];
      }
      out.push(t);
    }
    return out;
  }
  const reps = design.repWeights as Float64Array[];
  const keep = design.weights;
  if (n * R > ROW_MAJOR_LIMIT) return totalsByColumn(reps, keep, u, R);
  const { byRow, finite } = rowMajor(reps, n);
  // a base variable equal to 1 on every row of the (sub)design (a mean's denominator) has the
  // replicates' sums of weights over those rows as totals: the same sums for every estimate on the
  // same rows, computed once (in the same order, w * 1 = w)
  const ones = u.map((uk) => {
    for (let i = 0; i < n; i++) if (keep[i] !== 0 && uk[i] !== 1) return false;
    return true;
  });
  const sums = ones.some(Boolean) ? weightSums(reps, byRow, keep, R) : null;
  // every total's terms added in the same row order from the same +0 as one replicate and one
  // estimate at a time, the rows outside the (sub)design and zero weights skipped; a term with
  // u = 0 adds +-0, which changes no sum (a sum from +0 is never -0), so it is skipped too when
  // every weight is finite (0 * Inf would be NaN)
  const T = new Float64Array(R * K);
  for (let i = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    const base = i * R;
    for (let k = 0; k < K; k++) {
      if (sums && ones[k]) continue;
      const uk = u[k][i];
      if (uk === 0 && finite) continue;
      for (let r = 0; r < R; r++) {
        const wi = byRow[base + r];
        if (wi !== 0) T[r * K + k] += wi * uk;
      }
    }
  }
  if (sums) for (let k = 0; k < K; k++) if (ones[k]) for (let r = 0; r < R; r++) T[r * K + k] = sums[r];
  for (let r = 0; r < R; r++) out.push(T.slice(r * K, r * K + K));
  return out;
}

const weightSumsCache = new Map<string, Float64Array>();

/** Each replicate's sum of weights over the rows kept (row order, zeros skipped), once per row set. */
function weightSums(reps: Float64Array[], byRow: Float64Array, keep: Float64Array, R: number): Float64Array {
  let key = `${reps.map(columnId).join(',')}|`;
  for (let i = 0; i < keep.length; i++) if (keep[i] !== 0) key += `${i},`;
  const hit = weightSumsCache.get(key);
  if (hit) return hit;
  const sums = new Float64Array(R);
  for (let i = 0; i < keep.length; i++) {
    if (keep[i] === 0) continue;
    const base = i * R;
    for (let r = 0; r < R; r++) {
      const wi = byRow[base + r];
      if (wi !== 0) sums[r] += wi;
    }
  }
  if (weightSumsCache.size >= 1000) weightSumsCache.clear();
  weightSumsCache.set(key, sums);
  return sums;
}

/** The same totals one replicate and one estimate at a time, over the columns as they are. */
function totalsByColumn(
  reps: Float64Array[],
  keep: Float64Array,
  u: Float64Array[],
  R: number,
): Float64Array[] {
  const K = u.length;
  const rows: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i] !== 0) rows.push(i);
  const out: Float64Array[] = [];
  for (let r = 0; r < R; r++) {
    const t = new Float64Array(K);
    const wr = reps[r];
    for (let k = 0; k < K; k++) {
      const uk = u[k];
      let s = 0;
      for (const i of rows) {
        const wi = wr[i];
        if (wi !== 0) s += wi * uk[i];
      }
      t[k] = s;
    }
    out.push(t);
  }
  return out;
}

/** Replicate analysis weights of one replicate as a full column (0 outside the subset). */
export function replicateWeightColumn(design: ReplicateDesign, r: number): Float64Array {
  const n = design.n;
  const out = new Float64Array(n);
  if (design.multipliers) {
    const { psu, values } = design.multipliers;
    const R = design.nReplicates;
    for (let i = 0; i < n; i++) out[i] = design.weights[i] * values[psu[i] * R + r];
  } else {
    const wr = (design.repWeights as Float64Array[])[r];
    for (let i = 0; i < n; i++) out[i] = design.weights[i] === 0 ? 0 : wr[i];
  }
  return out;
}

export { replicateRank } from './replicate-rank.ts';
