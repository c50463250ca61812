/**
 * Columnar data: every column is an array of numbers, strings or nulls (null or NaN = missing).
 * Numeric columns are best given as Float64Array with NaN for missing values.
 */
import { SurveyError } from './errors.ts';

export type Cell = number | string | null | undefined;
export type Column = Float64Array | ArrayLike<Cell>;
/** A data set as named columns of equal length. */
export type DataFrame = Record<string, Column>;

/** Number of rows of a data frame (length of its first column). */
export function nrow(data: DataFrame): number {
  for (const k in data) return data[k].length;
  return 0;
}

export function isMissing(v: Cell): boolean {
  return (
    v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '' || v === 'NA'
  );
}

/** The column, or an error naming the available columns. */
export function getColumn(data: DataFrame, name: string, role = 'variable'): Column {
  const col = data[name];
  if (col === undefined) {
    const names = Object.keys(data);
    throw new SurveyError(
      `Unknown ${role} column '${name}'. Use one of: ${names.slice(0, 30).join(', ')}${names.length > 30 ? ', ...' : ''}.`,
      role,
    );
  }
  return col;
}

/** A numeric copy of a column (NaN = missing); throws if a non-missing value is not a number. */
export function numericColumn(data: DataFrame, name: string, role = 'variable'): Float64Array {
  const col = getColumn(data, name, role);
  if (col instanceof Float64Array) return col;
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (isMissing(v)) out[i] = Number.NaN;
    else if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else {
      const x = Number(v);
      if (!Number.isFinite(x) && !/^[-+]?inf(inity)?$/i.test(String(v)))
        throw new SurveyError(
          `Column '${name}' (${role}) must be numeric but row ${i + 1} holds '${v}'. Recode it as a number or use it as a categorical variable.`,
          role,
        );
      out[i] = x;
    }
  }
  return out;
}

/** A categorical column: integer codes (-1 = missing) into `levels`. */
export interface Factor {
  codes: Int32Array;
  levels: string[];
  /** Rows with code -1, when counted (lets estimators skip a search for missing rows). */
  nMissing?: number;
  /** Rows per level, when counted (lets an estimator over every row skip counting them). */
  counts?: Float64Array;
}

function labelOf(v: Cell): string {
  return typeof v === 'number' ? String(v) : String(v);
}

/**
 * Turns a column into a factor. Levels default to R's order: numeric values sorted numerically,
 * strings sorted by code unit; pass `levels` to fix the order (values outside them become missing).
 */
export function factorColumn(
  data: DataFrame,
  name: string,
  levels?: readonly string[],
  role = 'variable',
): Factor {
  const col = getColumn(data, name, role);
  return toFactor(col, levels);
}

/**
 * R's level order from the labels in order of first appearance (each with its numeric value):
 * numerically when every label is a finite number (ties keep their first appearance), else by code unit.
 */
export function sortLevels(seen: ReadonlyMap<string, number>, allNumeric: boolean): string[] {
  const labs = [...seen.keys()];
  if (allNumeric) labs.sort((a, b) => (seen.get(a) as number) - (seen.get(b) as number));
  else labs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return labs;
}

const factorCache = new WeakMap<object, Factor>();

/** Widest range of values an integer column may span to be coded by offsets. */
const INTEGER_RANGE = 100000;

/**
 * Small-integer numeric columns (coded data): levels sorted numerically. Usually one pass: codes as
 * offsets from the smallest value of a sample of rows (the pass also finds a value that is not an
 * integer), then a pass to renumber them only when the levels found do not start at that value
 * or leave gaps. A value below the sample's smallest or too far above it: two passes (range,
 * then offsets). A column of missing values only has no levels.
 */
function integerFactor(col: Float64Array): Factor | null {
  const n = col.length;
  let base = Number.POSITIVE_INFINITY;
  const step = Math.max(1, Math.floor(n / 4096));
  for (let i = 0; i < n; i += step) {
    const v = col[i]; // NaN compares false: skipped
    if (v < base) base = v;
  }
  const coded = base === Number.POSITIVE_INFINITY ? null : offsetCodes(col, base);
  if (coded === 'not integer') return null;
  if (coded !== null) return coded;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Number.POSITIVE_INFINITY) return { codes: new Int32Array(n).fill(-1), levels: [], nMissing: n };
  if (!(max - min < INTEGER_RANGE)) return null;
  const again = offsetCodes(col, min);
  return again === 'not integer' ? null : again;
}

/**
 * Codes v - base for every row (-1 = missing) with the levels used, renumbered when some value
 * from base up to the largest is unused; null when a value lies outside [base, base + range).
 */
function offsetCodes(col: Float64Array, base: number): Factor | 'not integer' | null {
  if (base !== Math.floor(base)) return 'not integer';
  const n = col.length;
  const used = new Int32Array(INTEGER_RANGE); // rows per value
  const codes = new Int32Array(n);
  let nMissing = 0;
  let top = -1;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      nMissing++;
      continue;
    }
    const k = v - base;
    if (!(k >= 0 && k < INTEGER_RANGE)) return k === Math.floor(k) ? null : 'not integer';
    codes[i] = k;
    if (codes[i] + base !== v) return 'not integer'; // integers add exactly: v is not one
    used[k]++;
    if (k > top) top = k;
  }
  const lut = new Int32Array(top + 1).fill(-1);
  const levels: string[] = [];
  const counts: number[] = [];
  for (let k = 0; k <= top; k++)
    if (used[k]) {
      lut[k] = levels.length;
      levels.push(String(k + base));
      counts.push(used[k]);
    }
  if (levels.length < top + 1)
    for (let i = 0; i < n; i++) {
      const k = codes[i];
      if (k >= 0) codes[i] = lut[k];
    }
  return { codes, levels, nMissing, counts: Float64Array.from(counts) };
}

/**
 * Factor of a column (cached per column array when levels are not given: columns are treated as
 * immutable once handed to the analysis module).
 */
export function toFactor(col: Column, levels?: readonly string[]): Factor {
  if (!levels && typeof col === 'object') {
    const hit = factorCache.get(col as object);
    if (hit) return hit;
    const f = (col instanceof Float64Array && integerFactor(col)) || toFactorSlow(col);
    factorCache.set(col as object, f);
    return f;
  }
  return toFactorSlow(col, levels);
}

function toFactorSlow(col: Column, levels?: readonly string[]): Factor {
  const n = col.length;
  const codes = new Int32Array(n);
  if (!levels) {
    const seen = new Map<string, number>();
    let allNumeric = true;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (isMissing(v)) continue;
      const lab = labelOf(v);
      if (!seen.has(lab)) {
        const num = typeof v === 'number' ? v : Number(v);
        if (!Number.isFinite(num)) allNumeric = false;
        seen.set(lab, num);
      }
    }
    levels = sortLevels(seen, allNumeric);
  }
  const index = new Map<string, number>();
  levels.forEach((l, i) => {
    index.set(l, i);
  });
  let nMissing = 0;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (isMissing(v)) codes[i] = -1;
    else {
      const k = index.get(labelOf(v));
      codes[i] = k === undefined ? -1 : k;
    }
    if (codes[i] < 0) nMissing++;
  }
  return { codes, levels: [...levels], nMissing };
}

/** Interaction of several factors (first varies fastest, as R's interaction()). Only observed combinations. */
export function interactionCodes(factors: Factor[]): { codes: Int32Array; labels: string[][] } {
  if (factors.length === 1) return { codes: factors[0].codes, labels: factors[0].levels.map((l) => [l]) };
  const n = factors[0].codes.length;
  const codes = new Int32Array(n);
  const map = new Map<string, number>();
  const combos: number[][] = [];
  for (let i = 0; i < n; i++) {
    let missing = false;
    const parts: number[] = [];
    for (const f of factors) {
      const c = f.codes[i];
      if (c < 0) missing = true;
      parts.push(c);
    }
    if (missing) {
      codes[i] = -1;
      continue;
    }
    const key = parts.join(',');
    let k = map.get(key);
    if (k === undefined) {
      k = combos.length;
      map.set(key, k);
      combos.push(parts);
    }
    codes[i] = k;
  }
  // Order combinations as R's svyby: last factor slowest.
  const order = combos.map((_, i) => i);
  order.sort((a, b) => {
    for (let j = factors.length - 1; j >= 0; j--) {
      const d = combos[a][j] - combos[b][j];
      if (d !== 0) return d;
    }
    return 0;
  });
  const remap = new Int32Array(combos.length);
  order.forEach((old, neu) => {
    remap[old] = neu;
  });
  for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  const labels = order.map((old) => combos[old].map((c, j) => factors[j].levels[c]));
  return { codes, labels };
}
