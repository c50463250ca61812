/**
 * Replicate-weight variance (R survey's svrVar) and replicate totals. When the replicates are PSU
 * multipliers, replicate totals come from PSU-level aggregates (C x K) times the multiplier matrix
 * (C x R) instead of an n x R weight matrix.
 */
import type { ReplicateDesign } from '../replicate-design.ts';
import { columnsKey, ROW_MAJOR_LIMIT, rowMajor } from './replicate-columns.ts';
import { kernelDoubles, sumTerms, totalsScratch } from './totals-kernel.ts';

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
  return replicateTotalsWith(design, u, true);
}

/**
 * `replicateTotals` with the sums over replicate columns in WebAssembly SIMD (`wasm`, where it runs:
 * totals-kernel.ts) or in the JS loop, the same bits (tests/analysis/variance/replicate-totals-identity.test.ts).
 */
export function replicateTotalsWith(
  design: ReplicateDesign,
  u: Float64Array[],
  wasm: boolean,
): Float64Array[] {
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
  let kept = 0;
  for (let i = 0; i < n; i++) if (keep[i] !== 0) kept++;
  const rows = new Int32Array(kept);
  for (let i = 0, j = 0; i < n; i++) if (keep[i] !== 0) rows[j++] = i;
  // a base variable equal to 1 on every row of the (sub)design (a mean's denominator) has the
  // replicates' sums of weights over those rows as totals: the same sums for every estimate on the
  // same rows, computed once (in the same order, w * 1 = w)
  const ones = u.map((uk) => {
    for (const i of rows) if (uk[i] !== 1) return false;
    return true;
  });
  const sums = ones.some(Boolean) ? weightSums(reps, n, rows, wasm) : null;
  const skip = ones.map((one) => one && sums !== null);
  const { byRow, finite, at } = rowMajor(reps, n);
  const T =
    (wasm && at >= 0 ? totalsInKernel(at, R, rows, u, skip, finite) : null) ??
    totalsInJs(byRow, R, rows, u, skip, finite);
  // T is estimate-major (k * R + r)
  for (let r = 0; r < R; r++) {
    const t = new Float64Array(K);
    for (let k = 0; k < K; k++) t[k] = skip[k] ? (sums as Float64Array)[r] : T[k * R + r];
    out.push(t);
  }
  return out;
}

/**
 * Every total's terms added in the same row order from the same +0 as one replicate and one
 * estimate at a time, the rows outside the (sub)design and zero weights skipped; a term with u = 0
 * adds +-0, which changes no sum (a sum from +0 is never -0), so it is skipped too when every
 * weight is finite (0 * Inf would be NaN). Estimate-major sums (k * R + r); `skip`'s left at 0.
 */
function totalsInJs(
  byRow: Float64Array,
  R: number,
  rows: Int32Array,
  u: Float64Array[],
  skip: boolean[],
  finite: boolean,
): Float64Array {
  const K = u.length;
  const T = new Float64Array(K * R);
  for (const i of rows) {
    const base = i * R;
    for (let k = 0; k < K; k++) {
      if (skip[k]) continue;
      const uk = u[k][i];
      if (uk === 0 && finite) continue;
      const tk = k * R;
      for (let r = 0; r < R; r++) {
        const wi = byRow[base + r];
        if (wi !== 0) T[tk + r] += wi * uk;
      }
    }
  }
  return T;
}

/**
 * The same sums by the wasm kernel (totals-kernel.ts) over the row-major matrix at byte address
 * `at` of its memory: the same terms in the same order, written as a stream; null when the kernel
 * has no room (the JS loop then).
 */
function totalsInKernel(
  at: number,
  R: number,
  rows: Int32Array,
  u: Float64Array[],
  skip: boolean[],
  finite: boolean,
): Float64Array | null {
  const K = u.length;
  const scratch = totalsScratch(K, R, rows.length * K);
  if (!scratch) return null;
  const { i32, f64, sums } = scratch;
  const rowBytes = R * 8;
  let e = scratch.stream;
  for (const i of rows) {
    for (let k = 0; k < K; k++) {
      if (skip[k]) continue;
      const uk = u[k][i];
      if (uk === 0 && finite) continue;
      i32[e >> 2] = at + i * rowBytes;
      i32[(e >> 2) + 1] = sums + k * rowBytes;
      f64[(e >> 3) + 1] = uk;
      e += 16;
    }
  }
  sumTerms(scratch.stream, e, R);
  return kernelDoubles(sums, K * R).slice();
}

const weightSumsCache = new Map<string, Array<{ rows: Int32Array; sums: Float64Array }>>();

/** Each replicate's sum of weights over these rows (row order, zeros skipped), once per row set. */
function weightSums(reps: Float64Array[], n: number, rows: Int32Array, wasm: boolean): Float64Array {
  // the rows' hash names the set with its columns; the rows themselves are compared on a hit
  let h = 0x811c9dc5;
  for (const i of rows) h = Math.imul(h ^ i, 0x01000193);
  const key = `${columnsKey(reps)}|${n}|${rows.length}|${h}`;
  const bucket = weightSumsCache.get(key) ?? [];
  const hit = bucket.find((b) => b.rows.every((i, j) => i === rows[j]));
  if (hit) return hit.sums;
  const R = reps.length;
  const { byRow, at } = rowMajor(reps, n);
  const ones = [new Float64Array(n).fill(1)];
  // w * 1 = w, so the totals of a column of ones are these sums, with the same operations
  const sums =
    (wasm && at >= 0 ? totalsInKernel(at, R, rows, ones, [false], false) : null) ??
    totalsInJs(byRow, R, rows, ones, [false], false);
  if (weightSumsCache.size >= 1000) weightSumsCache.clear();
  if (bucket.length === 0) weightSumsCache.set(key, bucket);
  bucket.push({ rows, sums });
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
