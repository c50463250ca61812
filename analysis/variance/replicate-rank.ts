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
import { type RankWorkspace, rankWorkspace } from './householder-kernel.ts';
import { columnsKey, ROW_MAJOR_LIMIT, rowMajor } from './replicate-columns.ts';

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
  const ofRows = () => {
    const { ws, m } = weightColumns(design);
    return dqrdc2RankOfColumns(ws, m, design.nReplicates, tol);
  };
  const rank = rankSource?.(key, ofRows) ?? ofRows();
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
  let key = `${tol}|${columnsKey(reps)}|`;
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
  /** Number of classes (cls runs from 0 to count - 1, -1 for zero and NaN rows). */
  count: number;
}

const rowClassCache = new Map<string, RowClasses>();

function rowClasses(reps: Float64Array[], n: number): RowClasses {
  const key = `${n}|${columnsKey(reps)}`;
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
  const out = { a, cls, count: classes };
  if (rowClassCache.size >= 20) rowClassCache.clear();
  rowClassCache.set(key, out);
  return out;
}

/**
 * Replicate weight columns: the (sub)design's rows, merged when proportional (same class in
 * `rowClasses`): a class's row is its first row divided by its `a`, times sqrt(sum of a^2) over the
 * (sub)design's rows of the class; zero rows leave, rows with NaN/Inf stay as they are. Written
 * straight into dqrdc2's column-major buffer (m rows, one column per replicate).
 */
function weightColumns(design: ReplicateDesign): { ws: RankWorkspace; m: number } {
  const R = design.nReplicates;
  const reps = design.repWeights as Float64Array[];
  const { a, cls, count } = rowClasses(reps, design.n);
  const groupOf = new Int32Array(count).fill(-1);
  const first: number[] = []; // each merged row's first row of the (sub)design
  const scale: number[] = []; // what that row is divided by
  const ss: number[] = []; // sum of a^2 over the merged rows
  for (let i = 0; i < design.n; i++) {
    if (design.weights[i] === 0 || a[i] === 0) continue;
    if (Number.isNaN(a[i])) {
      first.push(i); // NaN/Inf: as is, R would fail
      scale.push(1);
      ss.push(1);
      continue;
    }
    const g = groupOf[cls[i]];
    if (g >= 0) ss[g] += a[i] * a[i];
    else {
      groupOf[cls[i]] = first.length;
      first.push(i);
      scale.push(a[i]);
      ss.push(a[i] * a[i]);
    }
  }
  const m = first.length;
  const ws = rankWorkspace(m, R);
  const x = ws.x;
  // a row's R weights side by side when the matrix is small enough to copy (the same values)
  const byRow = design.n * R <= ROW_MAJOR_LIMIT ? rowMajor(reps, design.n).byRow : null;
  for (let g = 0; g < m; g++) {
    const i = first[g];
    const d = scale[g];
    const s = Math.sqrt(ss[g]);
    if (byRow) for (let r = 0, b = i * R; r < R; r++) x[r * m + g] = (byRow[b + r] / d) * s;
    else for (let r = 0; r < R; r++) x[r * m + g] = (reps[r][i] / d) * s;
  }
  return { ws, m };
}

/**
 * dqrdc2's rank (R qr(x, tol)$rank) of the matrix with these rows and R columns: the loop of
 * `qrLeastSquares` (model/qr.ts) without Q'y and R, on one column-major buffer. A column whose
 * remaining norm (downdated, recomputed when it lost 6 digits) falls below tol times its original
 * norm moves to the end; the rank is the columns never moved, at most the number of rows. Unlike
 * LINPACK, moved columns are not transformed further and the loop stops once only moved columns
 * remain, or after the last step's moves: they decide nothing, so the rank is the same.
 * To read the matrix once per step instead of twice, step l's update of a column and step l+1's dot
 * product of that column with step l+1's pivot are one sweep: step l+1's candidates (updated first,
 * then moved or taken as its pivot, which is then made a Householder vector) come before the other
 * columns. Every number is computed by the same operations in the same order as one step at a time.
 * That sweep runs in WebAssembly SIMD where the runtime has it (householder-kernel.ts: two columns
 * per f64x2, each with the JS loop's operations in its order, the same bits), else in the JS loop.
 */
export function dqrdc2Rank(rows: Float64Array[], R: number, tol: number): number {
  return dqrdc2RankWith(rows, R, tol, true).rank;
}

/**
 * `dqrdc2Rank` with the fused sweep in WebAssembly SIMD (`wasm`, where it runs) or in JS, and the
 * matrix as the loop leaves it (a copy), for the test that both give the same bits.
 */
export function dqrdc2RankWith(
  rows: Float64Array[],
  R: number,
  tol: number,
  wasm: boolean,
): { rank: number; x: Float64Array } {
  const m = rows.length;
  const ws = rankWorkspace(m, R, wasm);
  const x = ws.x;
  for (let i = 0; i < m; i++) {
    const row = rows[i];
    for (let r = 0; r < R; r++) x[r * m + i] = row[r];
  }
  const rank = dqrdc2RankOfColumns(ws, m, R, tol);
  return { rank, x: x.slice() };
}

/** `dqrdc2Rank` of the m x R matrix given column by column in `ws.x` (which it overwrites). */
function dqrdc2RankOfColumns(ws: RankWorkspace, m: number, R: number, tol: number): number {
  if (m === 0) return 0;
  const { x, offset, dots, sweep } = ws;
  for (let j = 0; j < R; j++) offset[j] = j * m; // column j starts at offset[j]
  const norm = (o: number, from: number) => {
    let s = 0;
    for (let i = o + from; i < o + m; i++) s += x[i] * x[i];
    return Math.sqrt(s);
  };
  const qraux = new Float64Array(R);
  const original = new Float64Array(R);
  // dots: a column's dot product with its step's pivot column, by offset / m
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
  /** Moves the column at l to the end if too small for step l (one of LINPACK's moves); whether moved. */
  const moveOne = (l: number): boolean => {
    if (!(l + 1 < k && qraux[l] < original[l] * tol)) return false;
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
    return true;
  };
  /** Step l's pivot column made a Householder vector (rows l..): its diagonal, 0 if the column is zero. */
  const householder = (l: number): number => {
    const ol = offset[l];
    let nrmxl = norm(ol, l);
    if (nrmxl === 0) return 0;
    if (x[ol + l] < 0) nrmxl = -nrmxl;
    for (let i = ol + l; i < ol + m; i++) x[i] /= nrmxl;
    x[ol + l] += 1;
    return x[ol + l];
  };
  /** Each column's dot product with step l's pivot column (rows l..), four columns per sweep. */
  const stepDots = (l: number) => {
    const ol = offset[l];
    let j = l + 1;
    for (; j + 3 < k - 1; j += 4) {
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
      dots[o0 / m] = d0;
      dots[o1 / m] = d1;
      dots[o2 / m] = d2;
      dots[o3 / m] = d3;
    }
    for (; j < k - 1; j++) {
      const oj = offset[j];
      let d = 0;
      for (let i = l; i < m; i++) d += x[ol + i] * x[oj + i];
      dots[oj / m] = d;
    }
  };
  let pivot = 0; // step l's pivot diagonal when step l-1 prepared it (moves done, dots known), else 0
  for (let l = 0; l < lup; l++) {
    if (pivot === 0) {
      while (moveOne(l));
      if (l + 1 >= k || l === m - 1) break;
      pivot = householder(l);
      if (pivot === 0) continue;
      stepDots(l);
    }
    // no step l+1: the rank is known (the updates of step l would change nothing that decides it)
    if (l + 1 >= lup) break;
    const ol = offset[l];
    let left = k - 1 - (l + 1); // columns still to update at step l, from position j
    let j = l + 1;
    let next = 0;
    // step l+1's candidates in turn: updated, then moved to the end or kept as its pivot
    while (left > 0) {
      const oj = offset[j];
      const t = -dots[oj / m] / pivot;
      for (let i = l; i < m; i++) x[oj + i] += t * x[ol + i];
      downdate(j, oj, l);
      left--;
      if (moveOne(l + 1)) continue; // the next column is now at l+1
      if (l + 2 >= k || l + 1 === m - 1) return Math.min(k - 1, m); // step l+1 stops there
      next = householder(l + 1);
      j++;
      break;
    }
    if (next === 0) {
      // no pivot (a zero column) for step l+1: the remaining columns of step l alone
      for (; left > 0; left--, j++) {
        const oj = offset[j];
        const t = -dots[oj / m] / pivot;
        for (let i = l; i < m; i++) x[oj + i] += t * x[ol + i];
        downdate(j, oj, l);
      }
      pivot = 0;
      continue;
    }
    // the remaining columns: step l's update and step l+1's dot product in one sweep
    const op = offset[l + 1];
    if (sweep) {
      // in wasm, two columns per f64x2; each column's downdate reads only that column
      sweep(j, left, ol, op, l, m, pivot);
      for (; left > 0; left--, j++) downdate(j, offset[j], l);
    }
    for (; left >= 4; left -= 4, j += 4) {
      const o0 = offset[j];
      const o1 = offset[j + 1];
      const o2 = offset[j + 2];
      const o3 = offset[j + 3];
      const t0 = -dots[o0 / m] / pivot;
      const t1 = -dots[o1 / m] / pivot;
      const t2 = -dots[o2 / m] / pivot;
      const t3 = -dots[o3 / m] / pivot;
      const v = x[ol + l];
      x[o0 + l] += t0 * v;
      x[o1 + l] += t1 * v;
      x[o2 + l] += t2 * v;
      x[o3 + l] += t3 * v;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let i = l + 1; i < m; i++) {
        const v = x[ol + i];
        const w = x[op + i];
        const y0 = x[o0 + i] + t0 * v;
        const y1 = x[o1 + i] + t1 * v;
        const y2 = x[o2 + i] + t2 * v;
        const y3 = x[o3 + i] + t3 * v;
        x[o0 + i] = y0;
        x[o1 + i] = y1;
        x[o2 + i] = y2;
        x[o3 + i] = y3;
        d0 += w * y0;
        d1 += w * y1;
        d2 += w * y2;
        d3 += w * y3;
      }
      dots[o0 / m] = d0;
      dots[o1 / m] = d1;
      dots[o2 / m] = d2;
      dots[o3 / m] = d3;
      downdate(j, o0, l);
      downdate(j + 1, o1, l);
      downdate(j + 2, o2, l);
      downdate(j + 3, o3, l);
    }
    for (; left > 0; left--, j++) {
      const oj = offset[j];
      const t = -dots[oj / m] / pivot;
      x[oj + l] += t * x[ol + l];
      let d = 0;
      for (let i = l + 1; i < m; i++) {
        const y = x[oj + i] + t * x[ol + i];
        x[oj + i] = y;
        d += x[op + i] * y;
      }
      dots[oj / m] = d;
      downdate(j, oj, l);
    }
    pivot = next;
  }
  return Math.min(k - 1, m);
}
