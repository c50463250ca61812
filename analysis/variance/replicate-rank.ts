/**
 * The degrees of freedom of a replicate (sub)design, as R survey's degf.svyrep.design:
 * `qr(weights(design, "analysis"), tol = 1e-5)$rank - 1` on the rows of the (sub)design. R's qr is
 * LINPACK dqrdc2 (Householder with limited pivoting: a column whose remaining norm falls below tol
 * times its original norm is moved to the end; the rank is at most the number of rows), run here
 * by the loop of `qrLeastSquares` (svyGlm's QR) reduced to the rank. To make it fast the n x R matrix is first
 * shortened without changing X'X, hence without changing dqrdc2's column norms and decisions:
 * rows that are multiples of one another (a PSU's rows under PSU multipliers; persons of one PSU
 * and calibration cell under recalibrated replicates) become one row of norm sqrt(sum of their
 * squared norms), and zero rows leave.
 */
import type { ReplicateDesign } from '../replicate-design.ts';
import { columnId, ROW_MAJOR_LIMIT, rowMajor } from './replicate-columns.ts';

/** R's rank of the (sub)design's replicate analysis weights (rows with weight 0 are outside). */
export function replicateRank(design: ReplicateDesign, tol = 1e-5): number {
  // With replicate weight columns the rank depends only on the columns and on which rows are in the
  // (sub)design, and every estimate of a domain asks for it (its df): computed once per row set of
  // the same column objects, also across designs built anew on the same data (each table of a run).
  if (design.multipliers || !design.repWeights)
    return dqrdc2Rank(multiplierRows(design), design.nReplicates, tol);
  const key = rankKey(design.repWeights, design.weights, tol);
  const hit = rankCache.get(key);
  if (hit !== undefined) return hit;
  const shared = rankSource?.(key, () => dqrdc2Rank(weightRows(design), design.nReplicates, tol));
  const rank = shared ?? dqrdc2Rank(weightRows(design), design.nReplicates, tol);
  if (rankCache.size >= 500) rankCache.clear();
  rankCache.set(key, rank);
  return rank;
}

/**
 * Where ranks not yet cached may come from before being computed here: another thread computing the
 * same row sets with this same code (server/jobs/rank-pool.ts). Given the key and the computation,
 * it returns the rank (its own, or this computation's) or undefined to compute here.
 */
export type RankSource = (key: string, compute: () => number) => number | undefined;
let rankSource: RankSource | null = null;

/** Sets (or, with null, removes) the source of ranks; returns the one it replaces. */
export function setRankSource(source: RankSource | null): RankSource | null {
  const before = rankSource;
  rankSource = source;
  return before;
}

/** The rank cache's key of these rows (nonzero in `weights`) of these columns. */
export function rowsRankKey(reps: readonly Float64Array[], weights: ArrayLike<number>, tol = 1e-5): string {
  return rankKey(reps, weights, tol);
}

const rankCache = new Map<string, number>();

/** The rank cache's key: the columns and the rows with a nonzero weight. */
function rankKey(reps: readonly Float64Array[], weights: ArrayLike<number>, tol: number): string {
  let key = `${tol}|${reps.map(columnId).join(',')}|`;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) key += `${i},`;
  return key;
}

/** The rows (nonzero in `weights`) of replicate weight columns as a minimal design for the rank. */
function rowsDesign(reps: Float64Array[], weights: ArrayLike<number>): ReplicateDesign {
  return {
    n: weights.length,
    nReplicates: reps.length,
    repWeights: reps,
    weights: Float64Array.from(weights),
  } as unknown as ReplicateDesign;
}

/** R's rank of these rows' replicate weights (the same as a (sub)design on them gets), cached. */
export function rankOfRows(reps: Float64Array[], weights: ArrayLike<number>, tol = 1e-5): number {
  return replicateRank(rowsDesign(reps, weights), tol);
}

/** Whether the rank of these rows is already known (then asking for it costs nothing). */
export function rankKnown(reps: Float64Array[], weights: ArrayLike<number>, tol = 1e-5): boolean {
  return rankCache.has(rankKey(reps, weights, tol));
}

/**
 * Records the rank of these rows, computed elsewhere by `rankOfRows` on equal columns (another
 * thread: the same code on the same numbers gives the same rank), for the designs on them here.
 */
export function seedRank(reps: Float64Array[], weights: ArrayLike<number>, rank: number, tol = 1e-5): void {
  if (rankCache.size >= 500) rankCache.clear();
  rankCache.set(rankKey(reps, weights, tol), rank);
}
/** Rows of the compressed matrix, each of length R. */
type Rows = Float64Array[];

/** PSU multipliers: the rows of PSU c are w_i m_c, one row sqrt(sum w_i^2) m_c per PSU. */
function multiplierRows(design: ReplicateDesign): Rows {
  const { psu, nPsu, values } = design.multipliers as NonNullable<ReplicateDesign['multipliers']>;
  const R = design.nReplicates;
  const w2 = new Float64Array(nPsu);
  for (let i = 0; i < design.n; i++) w2[psu[i]] += design.weights[i] * design.weights[i];
  const rows: Rows = [];
  for (let c = 0; c < nPsu; c++) {
    if (w2[c] === 0) continue;
    const s = Math.sqrt(w2[c]);
    const row = new Float64Array(R);
    let any = false;
    for (let r = 0; r < R; r++) {
      row[r] = s * values[c * R + r];
      if (row[r] !== 0) any = true;
    }
    if (any) rows.push(row);
  }
  return rows;
}

/**
 * Each row of a set of replicate weight columns, once for all the (sub)designs on them: its largest
 * absolute entry `a` (0: a zero row; NaN: a row with NaN/Inf) and its class, shared by the rows
 * equal after normalising by `a` and quantising to 2^-40 (rows equal to ~1e-12 are one class; rows
 * split by rounding stay apart, which changes nothing but the speed).
 */
interface RowClasses {
  a: Float64Array;
  cls: Int32Array;
}

const rowClassCache = new Map<string, RowClasses>();

function rowClasses(reps: Float64Array[], n: number): RowClasses {
  const key = `${n}|${reps.map(columnId).join(',')}`;
  const hit = rowClassCache.get(key);
  if (hit) return hit;
  const R = reps.length;
  const a = new Float64Array(n);
  const cls = new Int32Array(n).fill(-1);
  const buckets = new Map<number, Array<{ q: Float64Array; id: number }>>();
  const x = new Float64Array(R);
  let classes = 0;
  const byRow = n * R <= ROW_MAJOR_LIMIT ? rowMajor(reps, n).byRow : null;
  for (let i = 0; i < n; i++) {
    let ai = 0;
    for (let r = 0; r < R; r++) {
      x[r] = byRow ? byRow[i * R + r] : reps[r][i];
      if (Math.abs(x[r]) > ai) ai = Math.abs(x[r]);
    }
    if (ai === 0 || !Number.isFinite(ai)) {
      a[i] = ai === 0 ? 0 : Number.NaN;
      continue;
    }
    a[i] = ai;
    const q = new Float64Array(R);
    let h = 0x811c9dc5;
    for (let r = 0; r < R; r++) {
      q[r] = Math.round((x[r] / ai) * 2 ** 40);
      h = Math.imul(h ^ ((q[r] % 2 ** 31) | 0), 0x01000193) ^ ((q[r] / 2 ** 31) | 0);
    }
    const bucket = buckets.get(h) ?? [];
    if (bucket.length === 0) buckets.set(h, bucket);
    const same = bucket.find((g) => g.q.every((value, r) => value === q[r]));
    if (same) cls[i] = same.id;
    else {
      bucket.push({ q, id: classes });
      cls[i] = classes++;
    }
  }
  const out = { a, cls };
  if (rowClassCache.size >= 20) rowClassCache.clear();
  rowClassCache.set(key, out);
  return out;
}

/**
 * Replicate weight columns: the (sub)design's rows, merged when proportional (same class in
 * `rowClasses`): a class's row is its first row divided by its `a`, times sqrt(sum of a^2) over the
 * (sub)design's rows of the class; zero rows leave, rows with NaN/Inf stay as they are.
 */
function weightRows(design: ReplicateDesign): Rows {
  const R = design.nReplicates;
  const reps = design.repWeights as Float64Array[];
  const { a, cls } = rowClasses(reps, design.n);
  const groupOf = new Map<number, { v: Float64Array; ss: number }>();
  const groups: Array<{ v: Float64Array; ss: number }> = [];
  // a row's R weights side by side when the matrix is small enough to copy (the same values)
  const byRow = design.n * R <= ROW_MAJOR_LIMIT ? rowMajor(reps, design.n).byRow : null;
  const row = (i: number, scale: number) => {
    const out = new Float64Array(R);
    if (byRow) for (let r = 0, b = i * R; r < R; r++) out[r] = byRow[b + r] / scale;
    else for (let r = 0; r < R; r++) out[r] = reps[r][i] / scale;
    return out;
  };
  for (let i = 0; i < design.n; i++) {
    if (design.weights[i] === 0 || a[i] === 0) continue;
    if (Number.isNaN(a[i])) {
      groups.push({ v: row(i, 1), ss: 1 }); // NaN/Inf: as is, R would fail
      continue;
    }
    const same = groupOf.get(cls[i]);
    if (same) same.ss += a[i] * a[i];
    else {
      const g = { v: row(i, a[i]), ss: a[i] * a[i] };
      groupOf.set(cls[i], g);
      groups.push(g);
    }
  }
  for (const g of groups) {
    const s = Math.sqrt(g.ss);
    for (let r = 0; r < R; r++) g.v[r] *= s;
  }
  return groups.map((g) => g.v);
}

/**
 * dqrdc2's rank (R qr(x, tol)$rank) of the matrix with these rows and R columns: the loop of
 * `qrLeastSquares` (model/qr.ts) without Q'y and R, on one column-major buffer. A column whose
 * remaining norm (downdated, recomputed when it lost 6 digits) falls below tol times its original
 * norm moves to the end; the rank is the columns never moved, at most the number of rows. Unlike
 * LINPACK, moved columns are not transformed further and the loop stops once only moved columns
 * remain: they decide nothing, so the rank is the same (the kept columns' sums are unchanged).
 */
export function dqrdc2Rank(rows: Rows, R: number, tol: number): number {
  const m = rows.length;
  if (m === 0) return 0;
  const x = new Float64Array(m * R);
  for (let i = 0; i < m; i++) {
    const row = rows[i];
    for (let r = 0; r < R; r++) x[r * m + i] = row[r];
  }
  const offset = Int32Array.from({ length: R }, (_, j) => j * m); // column j starts at offset[j]
  const norm = (o: number, from: number) => {
    let s = 0;
    for (let i = o + from; i < o + m; i++) s += x[i] * x[i];
    return Math.sqrt(s);
  };
  const qraux = new Float64Array(R);
  const original = new Float64Array(R);
  /** Column j's remaining norm after step l (LINPACK's downdate, recomputed when it lost 6 digits). */
  const downdate = (j: number, oj: number, l: number) => {
    if (qraux[j] === 0) return;
    const tt = Math.max(1 - (Math.abs(x[oj + l]) / qraux[j]) ** 2, 0);
    if (tt < 1e-6) qraux[j] = norm(oj, l + 1);
    else qraux[j] *= Math.sqrt(tt);
  };
  for (let j = 0; j < R; j++) {
    qraux[j] = norm(offset[j], 0);
    original[j] = qraux[j] === 0 ? 1 : qraux[j];
  }
  const lup = Math.min(m, R);
  let k = R + 1; // 1-based as LINPACK
  for (let l = 0; l < lup; l++) {
    while (l + 1 < k && qraux[l] < original[l] * tol) {
      const o = offset[l];
      const q = qraux[l];
      const w = original[l];
      offset.copyWithin(l, l + 1);
      qraux.copyWithin(l, l + 1);
      original.copyWithin(l, l + 1);
      offset[R - 1] = o;
      qraux[R - 1] = q;
      original[R - 1] = w;
      k--;
    }
    // columns k-1.. were moved: none can return before a pivot (k is final once l reaches k-1) and
    // no kept column's arithmetic reads them, so they are neither swept nor used as pivots
    if (l + 1 >= k || l === m - 1) break;
    const live = k - 1;
    const ol = offset[l];
    let nrmxl = norm(ol, l);
    if (nrmxl === 0) continue;
    if (x[ol + l] < 0) nrmxl = -nrmxl;
    for (let i = ol + l; i < ol + m; i++) x[i] /= nrmxl;
    x[ol + l] += 1;
    const pivot = x[ol + l];
    // eight, then four columns per sweep over column l (each column's sums in the same order as one at a time)
    let j = l + 1;
    for (; j + 7 < live; j += 8) j8(x, offset, j, ol, l, m, pivot, downdate);
    for (; j + 3 < live; j += 4) {
      const o0 = offset[j];
      const o1 = offset[j + 1];
      const o2 = offset[j + 2];
      const o3 = offset[j + 3];
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let i = l; i < m; i++) {
        const v = x[ol + i];
        d0 += v * x[o0 + i];
        d1 += v * x[o1 + i];
        d2 += v * x[o2 + i];
        d3 += v * x[o3 + i];
      }
      const t0 = -d0 / pivot;
      const t1 = -d1 / pivot;
      const t2 = -d2 / pivot;
      const t3 = -d3 / pivot;
      for (let i = l; i < m; i++) {
        const v = x[ol + i];
        x[o0 + i] += t0 * v;
        x[o1 + i] += t1 * v;
        x[o2 + i] += t2 * v;
        x[o3 + i] += t3 * v;
      }
      downdate(j, o0, l);
      downdate(j + 1, o1, l);
      downdate(j + 2, o2, l);
      downdate(j + 3, o3, l);
    }
    for (; j < live; j++) {
      const oj = offset[j];
      let dot = 0;
      for (let i = l; i < m; i++) dot += x[ol + i] * x[oj + i];
      const t = -dot / pivot;
      for (let i = l; i < m; i++) x[oj + i] += t * x[ol + i];
      downdate(j, oj, l);
    }
  }
  return Math.min(k - 1, m);
}

/**
 * One Householder step of `dqrdc2Rank` on eight columns j..j+7 in one sweep over column l (each
 * column's dot product and update in the same order as one column at a time: the same numbers).
 */
function j8(
  x: Float64Array,
  offset: Int32Array,
  j: number,
  ol: number,
  l: number,
  m: number,
  pivot: number,
  downdate: (j: number, oj: number, l: number) => void,
): void {
  const o0 = offset[j];
  const o1 = offset[j + 1];
  const o2 = offset[j + 2];
  const o3 = offset[j + 3];
  const o4 = offset[j + 4];
  const o5 = offset[j + 5];
  const o6 = offset[j + 6];
  const o7 = offset[j + 7];
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let d4 = 0;
  let d5 = 0;
  let d6 = 0;
  let d7 = 0;
  for (let i = l; i < m; i++) {
    const v = x[ol + i];
    d0 += v * x[o0 + i];
    d1 += v * x[o1 + i];
    d2 += v * x[o2 + i];
    d3 += v * x[o3 + i];
    d4 += v * x[o4 + i];
    d5 += v * x[o5 + i];
    d6 += v * x[o6 + i];
    d7 += v * x[o7 + i];
  }
  const t0 = -d0 / pivot;
  const t1 = -d1 / pivot;
  const t2 = -d2 / pivot;
  const t3 = -d3 / pivot;
  const t4 = -d4 / pivot;
  const t5 = -d5 / pivot;
  const t6 = -d6 / pivot;
  const t7 = -d7 / pivot;
  for (let i = l; i < m; i++) {
    const v = x[ol + i];
    x[o0 + i] += t0 * v;
    x[o1 + i] += t1 * v;
    x[o2 + i] += t2 * v;
    x[o3 + i] += t3 * v;
    x[o4 + i] += t4 * v;
    x[o5 + i] += t5 * v;
    x[o6 + i] += t6 * v;
    x[o7 + i] += t7 * v;
  }
  downdate(j, o0, l);
  downdate(j + 1, o1, l);
  downdate(j + 2, o2, l);
  downdate(j + 3, o3, l);
  downdate(j + 4, o4, l);
  downdate(j + 5, o5, l);
  downdate(j + 6, o6, l);
  downdate(j + 7, o7, l);
}
