/**
 * Replicate-weight variance (R survey's svrVar) and replicate totals. When the replicates are PSU
 * multipliers, replicate totals come from PSU-level aggregates (C x K) times the multiplier matrix
 * (C x R) instead of an n x R weight matrix.
 */
import type { ReplicateDesign } from '../replicate-design.ts';

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
  for (let r = 0; r < R; r++) {
    const t = new Float64Array(K);
    const wr = reps[r];
    for (let i = 0; i < n; i++) {
      if (keep[i] === 0) continue;
      const wi = wr[i];
      if (wi === 0) continue;
      for (let k = 0; k < K; k++) t[k] += wi * u[k][i];
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

/**
 * Numerical rank of the replicate analysis-weight matrix (R qr(..., tol = 1e-5)$rank), from the
 * R x R Gram matrix: a column counts if its norm after projection on the earlier accepted columns
 * is at least tol times its own norm (LINPACK dqrdc2's criterion).
 */
export function replicateRank(design: ReplicateDesign, tol = 1e-5): number {
  // With replicate weight columns the rank depends only on the columns and on which rows are in the
  // (sub)design, and every estimate of a domain asks for it (its df): computed once per row set.
  if (design.multipliers || !design.repWeights) return computeReplicateRank(design, tol);
  const cache = rankCache.get(design.repWeights) ?? new Map<string, number>();
  rankCache.set(design.repWeights, cache);
  let key = `${tol}:`;
  for (let i = 0; i < design.n; i++) if (design.weights[i] !== 0) key += `${i},`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const rank = computeReplicateRank(design, tol);
  if (cache.size >= 2000) cache.clear();
  cache.set(key, rank);
  return rank;
}

const rankCache = new WeakMap<readonly Float64Array[], Map<string, number>>();

function computeReplicateRank(design: ReplicateDesign, tol: number): number {
  const R = design.nReplicates;
  const G = new Float64Array(R * R);
  if (design.multipliers) {
    const { psu, nPsu, values } = design.multipliers;
    const w2 = new Float64Array(nPsu);
    for (let i = 0; i < design.n; i++) w2[psu[i]] += design.weights[i] * design.weights[i];
    for (let c = 0; c < nPsu; c++) {
      if (w2[c] === 0) continue;
      for (let a = 0; a < R; a++) {
        const ma = values[c * R + a] * w2[c];
        if (ma === 0) continue;
        for (let b = a; b < R; b++) G[a * R + b] += ma * values[c * R + b];
      }
    }
  } else {
    // only the rows in the (sub)design: the others are 0 in every column
    const rows: number[] = [];
    for (let i = 0; i < design.n; i++) if (design.weights[i] !== 0) rows.push(i);
    const reps = design.repWeights as Float64Array[];
    const cols = Array.from({ length: R }, (_, r) => Float64Array.from(rows, (i) => reps[r][i]));
    const m = rows.length;
    for (let a = 0; a < R; a++)
      for (let b = a; b < R; b++) {
        let s = 0;
        const ca = cols[a];
        const cb = cols[b];
        for (let i = 0; i < m; i++) s += ca[i] * cb[i];
        G[a * R + b] = s;
      }
  }
  for (let a = 0; a < R; a++) for (let b = 0; b < a; b++) G[a * R + b] = G[b * R + a];
  // Gram-Schmidt in the Gram metric: L such that accepted columns are orthonormalised.
  const accepted: number[] = [];
  const L: Float64Array[] = []; // coefficients of orthonormal vectors in terms of original columns
  for (let j = 0; j < R; j++) {
    const norm2 = G[j * R + j];
    if (norm2 <= 0) continue;
    // projections of column j on accepted orthonormal q_k = sum_m L[k][m] col_m
    let resid2 = norm2;
    const proj: number[] = [];
    for (let k = 0; k < L.length; k++) {
      let dot = 0;
      for (let m = 0; m < accepted.length; m++) dot += L[k][m] * G[accepted[m] * R + j];
      proj.push(dot);
      resid2 -= dot * dot;
    }
    if (resid2 <= tol * tol * norm2) continue;
    const rn = Math.sqrt(resid2);
    const coeffs = new Float64Array(accepted.length + 1);
    for (let k = 0; k < L.length; k++)
      for (let m = 0; m < L[k].length; m++) coeffs[m] -= (proj[k] * L[k][m]) / rn;
    coeffs[accepted.length] = 1 / rn;
    accepted.push(j);
    // extend earlier L rows with a zero for the new column
    for (let k = 0; k < L.length; k++) {
      const ext = new Float64Array(accepted.length);
      ext.set(L[k]);
      L[k] = ext;
    }
    L.push(coeffs);
  }
  return accepted.length;
}
