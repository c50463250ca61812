/**
 * The calibration steps of the pipeline, on the analysis engine (R survey's postStratify and
 * calibrate(calfun = 'raking', bounds)), with the checks R leaves to the user: every category of the
 * data has a control and every positive control has sample weight.
 */
import { calibratedWeightsSolver, distinctRowsSolver, type SparseRows } from '../calibration/calibrate.ts';
import { isMissing, sortLevels } from '../data.ts';
import { calibrationWeights, postStratify, svyDesign } from '../index.ts';
import type { FarCategory } from './errors.ts';
import { weightingError } from './failure-text.ts';

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
  return checkSeen(name, seen, control, options);
}

/** checkMargin on each category's summed weight (in order of first appearance). */
function checkSeen(
  name: string,
  seen: ReadonlyMap<string, number>,
  control: Record<string, number>,
  options: { dropEmpty?: boolean },
): Record<string, number> {
  for (const [v, total] of seen)
    if (total > 0 && control[v] === undefined)
      throw weightingError('margin.unknown_category', {
        margin: name,
        category: v,
        controls: Object.keys(control),
      });
  const used: Record<string, number> = {};
  for (const [k, t] of Object.entries(control)) {
    if (t > 0 && !((seen.get(k) ?? 0) > 0)) {
      if (options.dropEmpty) continue;
      throw weightingError('margin.empty_category', { margin: name, category: k, total: t });
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
  let count = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > 0) count++;
  const idx = new Int32Array(count);
  for (let i = 0, k = 0; i < w.length; i++) if (w[i] > 0) idx[k++] = i;
  const ws = new Float64Array(count);
  for (let k = 0; k < count; k++) ws[k] = w[idx[k]];
  // the categories numbered once per column (shared by the replicates), summed in row order
  const column = coded(strata);
  const { order, seen } = categoriesOf(column, idx, ws);
  const used = checkSeen('post-strata', seen, control, {});
  const factor = new Float64Array(column.labels.length);
  let plain = count > 0;
  for (const c of order) {
    const label = column.labels[c];
    const pop = used[label];
    // what R's postStratify must judge (a missing-looking label, a zero or absent total) goes to it
    if (isMissing(label) || pop === undefined || pop === 0) plain = false;
    factor[c] = pop / (seen.get(label) as number);
  }
  const out = new Float64Array(w.length);
  if (plain) {
    // postStratify's weights: w x (N_h / sum of w in h), the sums in row order
    for (let k = 0; k < count; k++) out[idx[k]] = ws[k] * factor[column.codes[idx[k]]];
    return out;
  }
  const s = Array.from(idx, (i) => strata[i]);
  const d = postStratify(design(ws, { s }), 's', used);
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
export function raker(
  margins: RakeMargins,
  options: RakeOptions,
): (w: Float64Array, withG?: boolean) => RakeResult {
  let last: { idx: Int32Array; solve: (ws: Float64Array) => Float64Array; dropped: string[] } | null = null;
  return (w, withG = true) => {
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
    // the g-weights when asked (a trimming round needs the weights alone: an empty array)
    const g = new Float64Array(withG ? w.length : 0);
    if (withG) for (let i = 0; i < w.length; i++) g[i] = w[i] > 0 ? weights[i] / w[i] : 1;
    return {
      weights,
      g,
      dropped: [...dropped],
    };
  };
}

/** A margin's categories numbered in order of first appearance over every row. */
interface CodedColumn {
  codes: Int32Array;
  labels: string[];
}

/** Numbered once per values column (the pipeline shares them across replicates). */
const codedColumns = new WeakMap<readonly string[], CodedColumn>();

function coded(values: readonly string[]): CodedColumn {
  let c = codedColumns.get(values);
  if (!c) {
    const number = new Map<string, number>();
    const labels: string[] = [];
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      let k = number.get(values[i]);
      if (k === undefined) {
        k = labels.length;
        number.set(values[i], k);
        labels.push(values[i]);
      }
      codes[i] = k;
    }
    c = { codes, labels };
    codedColumns.set(values, c);
  }
  return c;
}

/** The categories of the rows `idx` in order of first appearance, with their summed weights. */
function categoriesOf(column: CodedColumn, idx: Int32Array, ws: Float64Array) {
  const sum = new Float64Array(column.labels.length);
  const has = new Uint8Array(column.labels.length);
  const order: number[] = [];
  for (let k = 0; k < idx.length; k++) {
    const c = column.codes[idx[k]];
    if (!has[c]) {
      has[c] = 1;
      order.push(c);
    }
    sum[c] += ws[k];
  }
  const seen = new Map<string, number>();
  for (const c of order) seen.set(column.labels[c], sum[c]);
  return { order, seen };
}

/**
 * The model matrix's distinct rows as calibrationMatrix, sparseRows and distinctRows would make them
 * from the rows' text (R's treatment contrasts with the levels in R's order, an intercept, the
 * distinct rows in order of first appearance), from the numbered categories instead; null where the
 * text path must decide (a missing-looking label, a total not given, odd names): it then does,
 * errors included.
 */
function rowsFromCodes(
  idx: Int32Array,
  terms: Array<{ name: string; column: CodedColumn; order: number[] }>,
  population: Record<string, number>,
): { rows: { unique: SparseRows; of: Int32Array | null }; pop: number[] } | null {
  const n = idx.length;
  if (!n) return null;
  const names = ['(Intercept)'];
  const levelOf: Int32Array[] = [];
  const offset: number[] = [];
  const seenNames = new Set<string>();
  for (const t of terms) {
    if (seenNames.has(t.name) || /^(0|[1-9][0-9]*)$/.test(t.name)) return null;
    seenNames.add(t.name);
    const seen = new Map<string, number>();
    let allNumeric = true;
    for (const c of t.order) {
      const label = t.column.labels[c];
      if (isMissing(label)) return null;
      const num = Number(label);
      if (!Number.isFinite(num)) allNumeric = false;
      seen.set(label, num);
    }
    const levels = sortLevels(seen, allNumeric);
    const level = new Int32Array(t.column.labels.length).fill(-1);
    const code = new Map(t.order.map((c) => [t.column.labels[c], c]));
    levels.forEach((l, k) => {
      level[code.get(l) as number] = k;
    });
    levelOf.push(level);
    offset.push(names.length - 1);
    for (let k = 1; k < levels.length; k++) names.push(`${t.name}${levels[k]}`);
  }
  const pop: number[] = [];
  for (const nm of names) {
    const v = population[nm];
    if (v === undefined) return null;
    pop.push(v);
  }
  // each row's key: its level in every term (mixed radix); distinct keys in order of first appearance
  const radix = terms.map((t) => t.order.length);
  let size = 1;
  for (const r of radix) size *= r;
  if (size > 1 << 22) return null;
  const idOf = new Int32Array(size).fill(-1);
  const of = new Int32Array(n);
  const first: number[] = [];
  for (let k = 0; k < n; k++) {
    let x = 0;
    for (let t = 0; t < terms.length; t++) x = x * radix[t] + levelOf[t][terms[t].column.codes[idx[k]]];
    let id = idOf[x];
    if (id < 0) {
      id = first.length;
      idOf[x] = id;
      first.push(k);
    }
    of[k] = id;
  }
  const rowsOf = (list: ArrayLike<number>): SparseRows => {
    const start = new Int32Array(list.length + 1);
    const col: number[] = [];
    for (let u = 0; u < list.length; u++) {
      start[u] = col.length;
      col.push(0);
      const i = idx[list[u]];
      for (let t = 0; t < terms.length; t++) {
        const l = levelOf[t][terms[t].column.codes[i]];
        if (l > 0) col.push(offset[t] + l);
      }
    }
    start[list.length] = col.length;
    return { start, col: Int32Array.from(col), val: new Float64Array(col.length).fill(1) };
  };
  if (first.length === n)
    return { rows: { unique: rowsOf(Array.from({ length: n }, (_, k) => k)), of: null }, pop };
  return { rows: { unique: rowsOf(first), of }, pop };
}

function rakeProblem(
  idx: Int32Array,
  ws: Float64Array,
  margins: RakeMargins,
  options: RakeOptions,
): { solve: (ws: Float64Array) => Float64Array; dropped: string[] } {
  const calfun = options.calfun ?? 'raking';
  const dropped: string[] = [];
  const population: Record<string, number> = {};
  const total = Object.values(margins[0].control).reduce((s, v) => s + v, 0);
  const terms: Array<{ name: string; column: CodedColumn; order: number[] }> = [];
  for (const m of margins) {
    const column = coded(m.values);
    const { order, seen } = categoriesOf(column, idx, ws);
    terms.push({ name: m.name, column, order });
    const used = checkSeen(m.name, seen, m.control, { dropEmpty: options.dropEmpty });
    const lost = Object.keys(m.control).filter((k) => m.control[k] > 0 && used[k] === undefined);
    let sum = Object.values(used).reduce((s, v) => s + v, 0);
    if (lost.length) {
      // A replicate lost every unit of a category: spread its control over the others (reported).
      dropped.push(...lost.map((k) => `${m.name}=${k}`));
      for (const k of Object.keys(used)) used[k] *= total / sum;
      sum = total;
    }
    if (Math.abs(sum - total) > 1e-6 * Math.max(1, total))
      throw weightingError('margin.sum_mismatch', { margin: m.name, sum, first: margins[0].name, total });
    for (const [k, v] of Object.entries(used)) population[`${m.name}${k}`] = v;
  }
  population['(Intercept)'] = total;
  // the rows' text per margin (the generic calibration's input and the failure's explanation)
  let text: Record<string, string[]> | null = null;
  const columns = () => {
    if (!text) {
      text = {};
      for (const m of margins) text[m.name] = Array.from(idx, (i) => m.values[i]);
    }
    return text;
  };
  const calibrationOptions = {
    calfun,
    bounds: options.bounds,
    epsilon: options.epsilon,
    maxit: options.maxit ?? 100,
  };
  const fail = (error: unknown, x: Float64Array) =>
    weightingError('calibration.no_convergence', {
      method: calfun === 'raking' ? 'raking' : 'linear',
      margins: margins.map((m) => m.name),
      bounds: [...options.bounds],
      solver: (error as Error).message,
      far: options.explain === false ? null : worstCategories(columns(), x, margins, population, options),
    });
  let solver: (x: Float64Array) => Float64Array;
  try {
    const linearFree =
      calfun === 'linear' && !Number.isFinite(options.bounds[0]) && !Number.isFinite(options.bounds[1]);
    const fast = linearFree ? null : rowsFromCodes(idx, terms, population);
    solver = fast
      ? distinctRowsSolver(fast.rows, idx.length, fast.pop, calibrationOptions)
      : calibratedWeightsSolver(columns(), Object.keys(columns()), population, calibrationOptions);
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
): FarCategory[] {
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
  const rows: Array<FarCategory & { gap: number }> = [];
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
        margin: m.name,
        category: k,
        weighted: w,
        control,
        factor: control / (start.get(k) as number),
      });
    }
  }
  rows.sort((a, b) => b.gap - a.gap);
  return rows.slice(0, 3).map(({ gap: _, ...far }) => far);
}
