/**
 * The fast path: for single-stage (or ultimate-cluster) uncalibrated Taylor designs and for
 * replicate designs given as PSU multipliers, everything an estimator needs is a PSU x domain x
 * variable table of weighted sums, built in one pass over the rows. Influence totals per PSU are
 * then linear combinations of those sums, and replicate totals are multiplier-weighted sums of
 * them, so no n x p influence matrix or n x R weight matrix is ever built. Results are the same
 * as the general path (the oracle tests run through both).
 */
import type { DataFrame } from '../data.ts';
import { factorColumn, isMissing, numericColumn } from '../data.ts';
import type { SurveyDesign } from '../design.ts';
import { positiveWeights, zeroWeights } from '../design.ts';
import type { ReplicateDesign } from '../replicate-design.ts';
import { svrVar } from '../variance/replicate.ts';
import { strataVariance } from '../variance/taylor.ts';
import type { AnyDesign, VarSpec } from './core.ts';
import { isReplicate } from './core.ts';

/** One block of estimate columns: a factor (one indicator per level) or numeric columns. */
export type Block =
  | { kind: 'factor'; codes: Int32Array; nLevels: number; nMissing?: number; counts?: Float64Array }
  | { kind: 'numeric'; cols: Float64Array[] };

let enabled = true;
/** Switches the fast path off (tests compare it with the general path). */
export function setFastPath(on: boolean): void {
  enabled = on;
}

export function fastPathApplies(design: AnyDesign): boolean {
  if (!enabled) return false;
  if (isReplicate(design)) return design.multipliers !== undefined;
  const oneStage = design.stages.length === 1 || design.ultimateCluster || design.stages[0].popsize === null;
  const cal = design.calibration;
  return oneStage && (cal.length === 0 || (cal.length === 1 && cal[0].kind === 'poststratify'));
}

/** Design constants of one post-stratification step, restricted to the rows of the design. */
interface PsConstants {
  index: Int32Array;
  H: number;
  /** oldw / psw per row (R: x * oldw / psw). */
  rho: Float64Array;
  /** Sum of old weights per post-stratum. */
  O: Float64Array;
  /** Sum of psw per PSU x post-stratum. */
  Q: Float64Array;
}
const psCache = new WeakMap<object, PsConstants>();
function psConstants(design: SurveyDesign, info: PsuInfo): PsConstants {
  const step = design.calibration[0] as Extract<
    SurveyDesign['calibration'][number],
    { kind: 'poststratify' }
  >;
  const hit = psCache.get(step);
  if (hit) return hit;
  const H = step.nLevels;
  const n = design.n;
  const rho = new Float64Array(n);
  const O = new Float64Array(H);
  const Q = new Float64Array(info.nPsu * H);
  for (let i = 0; i < n; i++) {
    if (!design.inSubset[i]) continue;
    const oldw = step.oldWeights[i];
    const psw = step.weights[i] === 0 && oldw === 0 ? 1 : step.weights[i];
    const h = step.index[i];
    rho[i] = oldw / psw;
    O[h] += oldw;
    Q[info.psu[i] * H + h] += psw;
  }
  const out = { index: step.index, H, rho, O, Q };
  psCache.set(step, out);
  return out;
}

interface PsuInfo {
  psu: Int32Array;
  nPsu: number;
}
function psuInfo(design: AnyDesign): PsuInfo {
  if (isReplicate(design)) {
    const m = design.multipliers as NonNullable<ReplicateDesign['multipliers']>;
    return { psu: m.psu, nPsu: m.nPsu };
  }
  return { psu: design.stages[0].cluster, nPsu: design.stages[0].nClusters };
}

/**
 * PSU sums of one factor's level indicators (columns 0..P-1) and of the weights (column K-1), with
 * counts per level (count[P] = rows used) and the PSUs present: one pass, rows in order (the same
 * additions in the same order as the general loop). Rows outside the subset (or, without one, with
 * weight 0) and rows with a missing level are skipped. `dense`: no row has weight 0 (so every row
 * is in the subset) and none a missing level, and the factor's own counts per level are given, so
 * the pass only adds (every PSU of a Taylor design has rows, so each is present).
 */
function sumFactor(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  inSubset: Uint8Array | null,
  K: number,
  P: number,
  A: Float64Array,
  count: Float64Array,
  present: Uint8Array,
  dense: Float64Array | null,
): void {
  if (dense) {
    denseFactorRows(codes, psu, w, K, A);
    count.set(dense);
    present.fill(1);
  } else if (inSubset === null) factorRows(codes, psu, w, K, A, count, present);
  else factorSubsetRows(codes, psu, w, inSubset, K, A, count, present);
  let used = 0;
  for (let l = 0; l < P; l++) used += count[l];
  count[P] = used;
}

/** sumFactor's rows when every row counts: the sums only (small, so V8 compiles it quickly). */
function denseFactorRows(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  K: number,
  A: Float64Array,
): void {
  const n = codes.length;
  const last = K - 1;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const base = psu[i] * K;
    A[base + codes[i]] += wi;
    A[base + last] += wi;
  }
}

/** sumFactor's rows without a subset: rows with weight 0 are outside. */
function factorRows(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  K: number,
  A: Float64Array,
  count: Float64Array,
  present: Uint8Array,
): void {
  const n = codes.length;
  const last = K - 1;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const l = codes[i];
    if (wi === 0 || l < 0) continue;
    const c = psu[i];
    present[c] = 1;
    const base = c * K;
    A[base + l] += wi;
    A[base + last] += wi;
    count[l]++;
  }
}

/** sumFactor's rows of a subset: its rows with weight 0 make their PSU present. */
function factorSubsetRows(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  inSubset: Uint8Array,
  K: number,
  A: Float64Array,
  count: Float64Array,
  present: Uint8Array,
): void {
  const n = codes.length;
  const last = K - 1;
  for (let i = 0; i < n; i++) {
    const l = codes[i];
    if (inSubset[i] === 0 || l < 0) continue;
    const c = psu[i];
    present[c] = 1;
    const wi = w[i];
    if (wi === 0) continue;
    const base = c * K;
    A[base + l] += wi;
    A[base + last] += wi;
    count[l]++;
  }
}

/**
 * As sumFactor, per domain (domain code per row, -1 = outside every domain). `noZero`: no row has
 * weight 0, so every row is in the subset and neither needs a test.
 */
function sumFactorByDomain(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  inSubset: Uint8Array | null,
  noZero: boolean,
  positive: boolean,
  domain: Int32Array,
  D: number,
  K: number,
  P: number,
  A: Float64Array,
  count: Float64Array,
  present: Uint8Array,
): void {
  const P1 = P + 1;
  // Every weight > 0: the PSUs present are read from the sums (psuInfluence with take null).
  if (noZero && positive) domainSums(codes, psu, w, domain, D, K, P1, A, count);
  else if (noZero) domainRows(codes, psu, w, domain, D, K, P1, A, count, present);
  else if (inSubset === null) domainWeightRows(codes, psu, w, domain, D, K, P1, A, count, present);
  else domainSubsetRows(codes, psu, w, inSubset, domain, D, K, P1, A, count, present);
  for (let d = 0; d < D; d++) {
    let used = 0;
    for (let l = 0; l < P; l++) used += count[d * P1 + l];
    count[d * P1 + P] = used;
  }
}

/**
 * sumFactorByDomain's rows when every weight is > 0: the sums and counts only (the PSUs present
 * are read from the sums, by psuInfluence with take null), fewer operations per row while V8 has not yet
 * compiled the loop.
 */
function domainSums(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  domain: Int32Array,
  D: number,
  K: number,
  P1: number,
  A: Float64Array,
  count: Float64Array,
): void {
  const n = codes.length;
  const last = K - 1;
  for (let i = 0; i < n; i++) {
    const d = domain[i];
    const l = codes[i];
    if (d < 0 || l < 0) continue;
    const wi = w[i];
    const base = (psu[i] * D + d) * K;
    A[base + l] += wi;
    A[base + last] += wi;
    count[d * P1 + l]++;
  }
}

/** sumFactorByDomain's rows when no row has weight 0. */
function domainRows(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  domain: Int32Array,
  D: number,
  K: number,
  P1: number,
  A: Float64Array,
  count: Float64Array,
  present: Uint8Array,
): void {
  const n = codes.length;
  const last = K - 1;
  for (let i = 0; i < n; i++) {
    const d = domain[i];
    const l = codes[i];
    if (d < 0 || l < 0) continue;
    const cd = psu[i] * D + d;
    present[cd] = 1;
    const wi = w[i];
    const base = cd * K;
    A[base + l] += wi;
    A[base + last] += wi;
    count[d * P1 + l]++;
  }
}

/** sumFactorByDomain's rows without a subset: rows with weight 0 are outside. */
function domainWeightRows(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  domain: Int32Array,
  D: number,
  K: number,
  P1: number,
  A: Float64Array,
  count: Float64Array,
  present: Uint8Array,
): void {
  const n = codes.length;
  const last = K - 1;
  for (let i = 0; i < n; i++) {
    const d = domain[i];
    const l = codes[i];
    const wi = w[i];
    if (d < 0 || l < 0 || wi === 0) continue;
    const cd = psu[i] * D + d;
    present[cd] = 1;
    const base = cd * K;
    A[base + l] += wi;
    A[base + last] += wi;
    count[d * P1 + l]++;
  }
}

/** sumFactorByDomain's rows of a subset: its rows with weight 0 make their PSU present. */
function domainSubsetRows(
  codes: Int32Array,
  psu: Int32Array,
  w: Float64Array,
  inSubset: Uint8Array,
  domain: Int32Array,
  D: number,
  K: number,
  P1: number,
  A: Float64Array,
  count: Float64Array,
  present: Uint8Array,
): void {
  const n = codes.length;
  const last = K - 1;
  for (let i = 0; i < n; i++) {
    const d = domain[i];
    const l = codes[i];
    if (d < 0 || l < 0 || inSubset[i] === 0) continue;
    const cd = psu[i] * D + d;
    present[cd] = 1;
    const wi = w[i];
    if (wi === 0) continue;
    const base = cd * K;
    A[base + l] += wi;
    A[base + last] += wi;
    count[d * P1 + l]++;
  }
}

/**
 * Replicate totals of every domain: acc[(r * D + d) * (P + 1) + k] = the sum over PSUs, in PSU
 * order, of multiplier(c, r) * A[c, d, k] (k = P: the weights' column K - 1), PSUs with multiplier
 * 0 skipped. PSU-major, so each PSU's sums are read once for all replicates; every total gets the
 * same terms in the same order as one replicate and one domain at a time.
 */
function replicateSums(
  A: Float64Array,
  values: Float64Array,
  R: number,
  C: number,
  D: number,
  K: number,
  P: number,
  acc: Float64Array,
): void {
  const P1 = P + 1;
  const last = K - 1;
  for (let c = 0; c < C; c++) {
    const row = c * D * K;
    for (let r = 0; r < R; r++) {
      const mult = values[c * R + r];
      if (mult === 0) continue;
      let out = r * D * P1;
      for (let d = 0; d < D; d++) {
        const base = row + d * K;
        for (let k = 0; k < P; k++) acc[out + k] += mult * A[base + k];
        acc[out + P] += mult * A[base + last];
        out += P1;
      }
    }
  }
}

/** t[k] += the PSU sums of domain d, PSU by PSU in order (the layout of A: (c * D + d) * K + k). */
function addPsuSums(t: Float64Array, A: Float64Array, C: number, D: number, d: number, K: number): void {
  for (let c = 0; c < C; c++) {
    const base = (c * D + d) * K;
    for (let k = 0; k < K; k++) t[k] += A[base + k];
  }
}

/**
 * PSU totals of the influence values of domain d into z (C x P): for a mean (x - est * 1) / W,
 * for a total the sums themselves; only the PSUs that take part, which it returns: those with
 * take[c * stride + offset], or with take null (domain sums from rows whose weights are all > 0)
 * those whose weight sum in domain d is > 0, as a PSU has rows in d exactly then.
 */
function psuInfluence(
  z: Float64Array,
  A: Float64Array,
  est: Float64Array,
  W: number,
  mean: boolean,
  C: number,
  D: number,
  d: number,
  K: number,
  P: number,
  take: Uint8Array | null,
  stride: number,
  offset: number,
): number[] {
  const clusters: number[] = [];
  const last = K - 1;
  for (let c = 0; c < C; c++) {
    const base = (c * D + d) * K;
    if (take === null ? !(A[base + last] > 0) : !take[c * stride + offset]) continue;
    clusters.push(c);
    if (mean) for (let j = 0; j < P; j++) z[c * P + j] = (A[base + j] - est[j] * A[base + last]) / W;
    else for (let j = 0; j < P; j++) z[c * P + j] = A[base + j];
  }
  return clusters;
}

/** Result per domain: estimates, covariance (P x P), deff inputs and counts. */
export interface FastResult {
  /** [domain][P] */
  estimate: Float64Array[];
  /** [domain] P x P covariance (Taylor with diagonalOnly: the variances, other entries 0) */
  vcov: Float64Array[];
  /** Joint covariance over (statistic-major, domain) when requested. */
  joint?: Float64Array;
  /** [domain][P] rows with a non-zero value (factor levels) or rows in the domain (numeric). */
  n: number[][];
  /** [domain][P] weighted variance with n/(n-1) (R svyvar), for design effects. */
  s2: Float64Array[];
  /** [domain] sum of weights and rows with non-zero weight. */
  sumW: number[];
  nobs: number[];
}

/**
 * Means or totals of the blocks' columns in each domain (domain codes -1 = outside every domain,
 * null = one domain of the whole design). Rows with a missing value in any block are outside
 * (callers decide NA semantics before).
 */
export function fastEstimate(
  design: AnyDesign,
  blocks: Block[],
  kind: 'mean' | 'total',
  domain: Int32Array | null,
  nDomains: number,
  joint: boolean,
  warnings: string[],
  diagonalOnly = false,
): FastResult {
  const info = psuInfo(design);
  const P = blocks.reduce((s, b) => s + (b.kind === 'factor' ? b.nLevels : b.cols.length), 0);
  const numericCols: { col: Float64Array; j: number }[] = [];
  {
    let j = 0;
    for (const b of blocks) {
      if (b.kind === 'factor') j += b.nLevels;
      else
        for (const c of b.cols) {
          numericCols.push({ col: c, j });
          j++;
        }
    }
  }
  const Q = numericCols.length;
  const K = P + Q + 1; // columns, squares of numeric columns, ones
  const D = nDomains;
  const C = info.nPsu;
  const A = new Float64Array(C * D * K);
  const count = new Float64Array(D * (P + 1)); // non-zero counts per column, and rows with w != 0
  const present = new Uint8Array(C * D);
  const ps = !isReplicate(design) && design.calibration.length === 1 ? psConstants(design, info) : null;
  const B = ps ? new Float64Array(ps.H * D * K) : null;
  const psIndex = ps ? ps.index : null;
  const rho = ps ? ps.rho : null;
  const w = design.weights;
  const inSubset = isReplicate(design) ? null : (design as SurveyDesign).inSubset;
  const n = design.n;
  const psu = info.psu;
  const single =
    blocks.length === 1 && blocks[0].kind === 'factor' ? (blocks[0] as { codes: Int32Array }).codes : null;
  let positive = false;
  // the PSUs present in each domain are read from the sums, not marked per row
  let presentFromSums = false;
  if (single && !B) {
    // One categorical variable: the common case, in small kernels the JIT compiles quickly.
    const noZero = zeroWeights(w) === 0;
    const b = blocks[0] as Extract<Block, { kind: 'factor' }>;
    // Every row counts: a Taylor design (each of its PSUs has rows) with no weight 0 nor missing level.
    const dense = noZero && !isReplicate(design) && b.nMissing === 0 && b.counts ? b.counts : null;
    positive = noZero && positiveWeights(w);
    presentFromSums = domain !== null && positive;
    if (domain)
      sumFactorByDomain(single, psu, w, inSubset, noZero, positive, domain, D, K, P, A, count, present);
    else sumFactor(single, psu, w, inSubset, K, P, A, count, present, dense);
  } else if (single) {
    for (let i = 0; i < n; i++) {
      const d = domain ? domain[i] : 0;
      if (d < 0) continue;
      if (inSubset ? inSubset[i] === 0 : w[i] === 0) continue;
      const l = single[i];
      if (l < 0) continue;
      const c = psu[i];
      present[c * D + d] = 1;
      const wi = w[i];
      if (wi === 0) continue;
      const base = (c * D + d) * K;
      A[base + l] += wi;
      A[base + K - 1] += wi;
      if (B) {
        const bb = ((psIndex as Int32Array)[i] * D + d) * K;
        const wr = wi * (rho as Float64Array)[i];
        B[bb + l] += wr;
        B[bb + K - 1] += wr;
      }
      const cb = d * (P + 1);
      count[cb + l]++;
      count[cb + P]++;
    }
  } else
    for (let i = 0; i < n; i++) {
      const d = domain ? domain[i] : 0;
      if (d < 0) continue;
      if (inSubset ? inSubset[i] === 0 : w[i] === 0) continue;
      // missing in any block: outside
      let ok = true;
      for (const b of blocks) {
        if (b.kind === 'factor') {
          if (b.codes[i] < 0) ok = false;
        } else for (const c of b.cols) if (Number.isNaN(c[i])) ok = false;
      }
      if (!ok) continue;
      const c = psu[i];
      present[c * D + d] = 1;
      const wi = w[i];
      if (wi === 0) continue;
      const base = (c * D + d) * K;
      const cb = d * (P + 1);
      count[cb + P]++;
      let j = 0;
      for (const b of blocks) {
        if (b.kind === 'factor') {
          const l = b.codes[i];
          A[base + j + l] += wi;
          count[cb + j + l]++;
          j += b.nLevels;
        } else
          for (const col of b.cols) {
            A[base + j] += wi * col[i];
            j++;
          }
      }
      for (let q = 0; q < Q; q++) {
        const x = numericCols[q].col[i];
        A[base + P + q] += wi * x * x;
      }
      A[base + K - 1] += wi;
      if (B) {
        const bb = ((psIndex as Int32Array)[i] * D + d) * K;
        const wr = wi * (rho as Float64Array)[i];
        let jj = 0;
        for (const b of blocks) {
          if (b.kind === 'factor') {
            B[bb + jj + b.codes[i]] += wr;
            jj += b.nLevels;
          } else
            for (const col of b.cols) {
              B[bb + jj] += wr * col[i];
              jj++;
            }
        }
        B[bb + K - 1] += wr;
      }
    }

  const estimate: Float64Array[] = [];
  const T: Float64Array[] = [];
  for (let d = 0; d < D; d++) {
    const t = new Float64Array(K);
    addPsuSums(t, A, C, D, d, K);
    T.push(t);
    const e = new Float64Array(P);
    for (let j = 0; j < P; j++) e[j] = kind === 'mean' ? t[j] / t[K - 1] : t[j];
    estimate.push(e);
  }
  const isNumericCol = new Uint8Array(P);
  for (const q of numericCols) isNumericCol[q.j] = 1;
  const nOut: number[][] = [];
  const s2: Float64Array[] = [];
  const sumW: number[] = [];
  const nobs: number[] = [];
  for (let d = 0; d < D; d++) {
    const cb = d * (P + 1);
    const no = count[cb + P];
    nobs.push(no);
    sumW.push(T[d][K - 1]);
    nOut.push(Array.from({ length: P }, (_, j) => (isNumericCol[j] ? no : count[cb + j])));
    const v = new Float64Array(P);
    const W = T[d][K - 1];
    for (let j = 0; j < P; j++) {
      const m = T[d][j] / W;
      const q = numericCols.findIndex((x) => x.j === j);
      const sq = q >= 0 ? T[d][P + q] : T[d][j];
      v[j] = (sq / W - m * m) * (no / (no - 1));
    }
    s2.push(v);
  }

  const vcov: Float64Array[] = [];
  let jointV: Float64Array | undefined;
  if (isReplicate(design)) {
    const m = design.multipliers as NonNullable<ReplicateDesign['multipliers']>;
    const R = design.nReplicates;
    const thetas: Float64Array[][] = Array.from({ length: D }, () => []);
    const acc = new Float64Array(R * D * (P + 1));
    replicateSums(A, m.values, R, C, D, K, P, acc);
    for (let r = 0; r < R; r++)
      for (let d = 0; d < D; d++) {
        const o = (r * D + d) * (P + 1);
        const th = new Float64Array(P);
        for (let j = 0; j < P; j++) th[j] = kind === 'mean' ? acc[o + j] / acc[o + P] : acc[o + j];
        thetas[d].push(th);
      }
    for (let d = 0; d < D; d++)
      vcov.push(svrVar(thetas[d], design.scale, design.rscales, design.mse, estimate[d], warnings));
    if (joint) {
      const stacked = Array.from({ length: R }, (_, r) => {
        const out = new Float64Array(P * D);
        for (let d = 0; d < D; d++) for (let j = 0; j < P; j++) out[j * D + d] = thetas[d][r][j];
        return out;
      });
      const coef = new Float64Array(P * D);
      for (let d = 0; d < D; d++) for (let j = 0; j < P; j++) coef[j * D + d] = estimate[d][j];
      jointV = svrVar(stacked, design.scale, design.rscales, design.mse, coef, warnings);
    }
  } else {
    const dz = design as SurveyDesign;
    const inDesignPsu = new Uint8Array(C);
    if (ps) for (let i = 0; i < n; i++) if (dz.inSubset[i]) inDesignPsu[psu[i]] = 1;
    // PSU totals of influence values for each domain.
    const zt: Float64Array[] = [];
    const clustersOf: number[][] = [];
    for (let d = 0; d < D; d++) {
      const z = new Float64Array(C * P);
      const W = T[d][K - 1];
      // Calibrated designs keep every row (R), so every PSU of the design takes part.
      const clusters = ps
        ? psuInfluence(z, A, estimate[d], W, kind === 'mean', C, D, d, K, P, inDesignPsu, 1, 0)
        : psuInfluence(
            z,
            A,
            estimate[d],
            W,
            kind === 'mean',
            C,
            D,
            d,
            K,
            P,
            presentFromSums ? null : present,
            D,
            d,
          );
      if (ps && B) {
        // Post-stratum residuals (R svyrecvar): x - psw * sum_h(x oldw / psw) / sum_h(oldw).
        const H = ps.H;
        const m = new Float64Array(H * P);
        for (let h = 0; h < H; h++) {
          const bb = (h * D + d) * K;
          for (let j = 0; j < P; j++) {
            const sh = kind === 'mean' ? (B[bb + j] - estimate[d][j] * B[bb + K - 1]) / W : B[bb + j];
            m[h * P + j] = ps.O[h] === 0 ? 0 : sh / ps.O[h];
          }
        }
        for (const c of clusters)
          for (let h = 0; h < H; h++) {
            const q = ps.Q[c * H + h];
            if (q === 0) continue;
            for (let j = 0; j < P; j++) z[c * P + j] -= m[h * P + j] * q;
          }
      }
      zt.push(z);
      clustersOf.push(clusters);
      vcov.push(strataVariance(dz, 0, clusters, z, P, dz.stages[0].firstRow, warnings, diagonalOnly));
    }
    if (joint) {
      const PD = P * D;
      const z = new Float64Array(C * PD);
      const any = new Uint8Array(C);
      for (let d = 0; d < D; d++)
        for (const c of clustersOf[d]) {
          any[c] = 1;
          for (let j = 0; j < P; j++) z[c * PD + j * D + d] = zt[d][c * P + j];
        }
      const clusters: number[] = [];
      for (let c = 0; c < C; c++) if (any[c]) clusters.push(c);
      jointV = strataVariance(dz, 0, clusters, z, PD, dz.stages[0].firstRow, warnings);
    }
  }
  return { estimate, vcov, joint: jointV, n: nOut, s2, sumW, nobs };
}

/** Blocks, names and term layout of variables, without building indicator columns. */
export function blocksOf(
  data: DataFrame,
  vars: readonly VarSpec[],
): { blocks: Block[]; names: string[]; factorCols: boolean[] } {
  const blocks: Block[] = [];
  const names: string[] = [];
  const factorCols: boolean[] = [];
  for (const v of vars) {
    const spec = typeof v === 'string' ? { name: v } : v;
    const col = data[spec.name];
    if (col === undefined) numericColumn(data, spec.name);
    const isNumeric =
      col instanceof Float64Array || Array.from(col).every((x) => isMissing(x) || typeof x === 'number');
    const asFactor = spec.factor ?? (spec.levels !== undefined || !isNumeric);
    if (asFactor) {
      const f = factorColumn(data, spec.name, spec.levels);
      blocks.push({
        kind: 'factor',
        codes: f.codes,
        nLevels: f.levels.length,
        nMissing: f.nMissing,
        counts: f.counts,
      });
      for (const l of f.levels) {
        names.push(`${spec.name}${l}`);
        factorCols.push(true);
      }
    } else {
      blocks.push({ kind: 'numeric', cols: [numericColumn(data, spec.name)] });
      names.push(spec.name);
      factorCols.push(false);
    }
  }
  return { blocks, names, factorCols };
}

/** Rows of the design (non-zero weight) with a missing value in some block. */
export function missingRows(design: AnyDesign, blocks: Block[]): Uint8Array | null {
  if (blocks.length === 1 && blocks[0].kind === 'factor') {
    if (blocks[0].nMissing === 0) return null; // counted when the factor was built: no row to find
    const codes = blocks[0].codes;
    const w = design.weights;
    let bad: Uint8Array | null = null;
    for (let i = 0; i < design.n; i++)
      if (codes[i] < 0 && w[i] !== 0) {
        if (!bad) bad = new Uint8Array(design.n);
        bad[i] = 1;
      }
    return bad;
  }
  let bad: Uint8Array | null = null;
  for (let i = 0; i < design.n; i++) {
    if (design.weights[i] === 0) continue;
    let miss = false;
    for (const b of blocks) {
      if (b.kind === 'factor') {
        if (b.codes[i] < 0) miss = true;
      } else for (const c of b.cols) if (Number.isNaN(c[i])) miss = true;
    }
    if (miss) {
      if (!bad) bad = new Uint8Array(design.n);
      bad[i] = 1;
    }
  }
  return bad;
}
