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
import { PANEL, type RankWorkspace, rankWorkspace } from './householder-kernel.ts';
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
    const { ws, m, fill } = weightColumns(design);
    return dqrdc2RankOfColumns(ws, m, design.nReplicates, tol, fill);
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
 * straight into dqrdc2's panels as it reaches them (m rows, one column per replicate), never as a
 * whole matrix.
 */
function weightColumns(design: ReplicateDesign): { ws: RankWorkspace; m: number; fill: PanelFill } {
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
  const root = Float64Array.from(ss, Math.sqrt);
  // a row's R weights side by side when the matrix is small enough to copy (the same values)
  const byRow = design.n * R <= ROW_MAJOR_LIMIT ? rowMajor(reps, design.n).byRow : null;
  const fill: PanelFill = (P, j0, cols) => {
    const B = PANEL;
    for (let g = 0; g < m; g++) {
      const i = first[g];
      const d = scale[g];
      const s = root[g];
      if (byRow) for (let c = 0, b = i * R + j0; c < cols; c++) P[g * B + c] = (byRow[b + c] / d) * s;
      else for (let c = 0; c < cols; c++) P[g * B + c] = (reps[j0 + c][i] / d) * s;
    }
  };
  return { ws, m, fill };
}

/**
 * dqrdc2's rank (R qr(x, tol)$rank) of the matrix with these rows and R columns: the loop of
 * `qrLeastSquares` (model/qr.ts) without Q'y and R, on one column-major buffer. A column whose
 * remaining norm (downdated, recomputed when it lost 6 digits) falls below tol times its original
 * norm moves to the end; the rank is the columns never moved, at most the number of rows. Unlike
 * LINPACK, moved columns are not transformed further and the loop stops once only moved columns
 * remain, or when step l's pivot is the last (l = m - 1 or the bound min(m, R)): they decide
 * nothing, so the rank is the same.
 * Each column gets exactly LINPACK's operations in their order (each step: its dot product with
 * the step's Householder vector, the update, the norm's downdate), but the columns are taken
 * left to right in panels of eight (householder-kernel.ts): a panel first gets every step made so
 * far, one step at a time over its eight columns (each step's vector read once per panel, not
 * once per column), then its columns are decided in turn (moved, or the next step's pivot, whose
 * step the panel's other columns then get). A column's numbers depend only on its own values and
 * on the steps' vectors, in this order either way, so every number is the one LINPACK's order
 * gives. The steps run in WebAssembly SIMD where the runtime has it (two columns per f64x2, each
 * with the JS loop's operations in its order, the same bits), else in the JS loop.
 */
export function dqrdc2Rank(rows: Float64Array[], R: number, tol: number): number {
  return dqrdc2RankWith(rows, R, tol, true).rank;
}

/**
 * `dqrdc2Rank` with the panel steps in WebAssembly SIMD (`wasm`, where it runs) or in JS, and the
 * matrix as the loop leaves it (a copy: the pivot columns' Householder vectors, the other columns
 * as given), for the test that both give the same bits.
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
  const rank = dqrdc2RankOfColumns(ws, m, R, tol, (P, j0, cols) => {
    for (let c = 0; c < cols; c++) for (let i = 0, o = (j0 + c) * m; i < m; i++) P[i * PANEL + c] = x[o + i];
  });
  return { rank, x: x.slice() };
}

/** Householder step s (vector at element v of x) on the panel's columns, the JS loop. */
function panelApplyJs(ws: RankWorkspace, v: number, w: number, s: number, m: number, pivot: number): void {
  const { x, panel: P, dots } = ws;
  const B = PANEL;
  for (let c = 0; c < B; c++) {
    const t = -dots[c] / pivot;
    P[s * B + c] += t * x[v + s];
    if (w < 0) {
      for (let i = s + 1; i < m; i++) P[i * B + c] += t * x[v + i];
      continue;
    }
    let d = 0;
    for (let i = s + 1; i < m; i++) {
      const y = P[i * B + c] + t * x[v + i];
      P[i * B + c] = y;
      d += x[w + i] * y;
    }
    dots[c] = d;
  }
}

/** Each panel column's dot product with the vector at element v of x (rows s..), the JS loop. */
function panelDotJs(ws: RankWorkspace, v: number, s: number, m: number): void {
  const { x, panel: P, dots } = ws;
  for (let c = 0; c < PANEL; c++) {
    let d = 0;
    for (let i = s; i < m; i++) d += x[v + i] * P[i * PANEL + c];
    dots[c] = d;
  }
}

/** Writes columns j0 .. j0 + cols - 1 of the m x R matrix into the panel (row i of column c at i * PANEL + c). */
type PanelFill = (P: Float64Array, j0: number, cols: number) => void;

/**
 * `dqrdc2Rank` of the m x R matrix whose columns `fill` gives a panel at a time; `ws.x` receives
 * each pivot's column (its Householder vector).
 */
function dqrdc2RankOfColumns(ws: RankWorkspace, m: number, R: number, tol: number, fill: PanelFill): number {
  if (m === 0) return 0;
  const { x, panel: P, kernel } = ws;
  const B = PANEL;
  const apply = kernel
    ? kernel.apply
    : (v: number, w: number, s: number, mm: number, pivot: number) => panelApplyJs(ws, v, w, s, mm, pivot);
  const dot = kernel ? kernel.dot : (v: number, s: number, mm: number) => panelDotJs(ws, v, s, mm);
  const qraux = new Float64Array(R); // a column's norms, found when its panel is filled
  const original = new Float64Array(R);
  const lup = Math.min(m, R);
  const vector = new Int32Array(lup); // step s's Householder vector: its column's start in x (-1: none)
  const diag = new Float64Array(lup); // step s's pivot diagonal
  let l = 0; // steps made
  let moved = 0;
  for (let j0 = 0; j0 < R; j0 += B) {
    const cols = Math.min(B, R - j0);
    // the panel's columns side by side, and each one's norm (LINPACK's, row by row)
    fill(P, j0, cols);
    for (let c = 0; c < cols; c++) {
      let q = 0;
      for (let i = 0; i < m; i++) q += P[i * B + c] * P[i * B + c];
      qraux[j0 + c] = Math.sqrt(q);
      original[j0 + c] = qraux[j0 + c] === 0 ? 1 : qraux[j0 + c];
    }
    if (cols < B) for (let i = 0; i < m; i++) for (let c = cols; c < B; c++) P[i * B + c] = 0;
    let done = 0; // steps the panel has had
    let dotsOf = -1; // the step whose dot products the panel's dots hold
    for (let c = 0; c < cols; c++) {
      // the steps made since, in order; the undecided columns' norms downdated after each
      for (; done < l; done++) {
        const s = done;
        const v = vector[s];
        if (v < 0) continue; // a zero pivot: no transformation
        if (dotsOf !== s) dot(v, s, m);
        const w = s + 1 < l && vector[s + 1] >= 0 ? vector[s + 1] : -1;
        apply(v, w, s, m, diag[s]);
        dotsOf = w < 0 ? -1 : s + 1;
        for (let u = c; u < cols; u++) {
          const j = j0 + u;
          if (qraux[j] === 0) continue;
          const tt = Math.max(1 - (Math.abs(P[s * B + u]) / qraux[j]) ** 2, 0);
          if (tt < 1e-6) {
            let q = 0;
            for (let i = s + 1; i < m; i++) q += P[i * B + u] * P[i * B + u];
            qraux[j] = Math.sqrt(q);
          } else qraux[j] *= Math.sqrt(tt);
        }
      }
      const j = j0 + c;
      if (qraux[j] < original[j] * tol) {
        moved++; // to the end, never transformed again
        continue;
      }
      if (l === m - 1) return Math.min(R - moved, m);
      // column j is step l's pivot: back into x, made a Householder vector there
      const o = j * m;
      for (let i = 0; i < m; i++) x[o + i] = P[i * B + c];
      let nrmxl = 0;
      for (let i = o + l; i < o + m; i++) nrmxl += x[i] * x[i];
      nrmxl = Math.sqrt(nrmxl);
      if (nrmxl === 0) {
        vector[l] = -1;
        diag[l] = 0;
      } else {
        if (x[o + l] < 0) nrmxl = -nrmxl;
        for (let i = o + l; i < o + m; i++) x[i] /= nrmxl;
        x[o + l] += 1;
        vector[l] = o;
        diag[l] = x[o + l];
      }
      l++;
      if (l >= lup) return Math.min(R - moved, m);
    }
  }
  return Math.min(R - moved, m);
}
