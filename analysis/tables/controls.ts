/**
 * Cells that reproduce a calibration control, recognised from the weighting recipe's margins (the
 * classes each row was calibrated in, calibration-classes.ts), never from a small CV: a cell's rows
 * reproduce a control when they are exactly a union of classes of one margin of the table's unit
 * (every row of those classes in, no other row), because calibration makes the weighted count of
 * each class its control in the full sample and in every replicate. A count (the total of a
 * category, or the total of a variable constant on the cell's rows) is a control when its rows are;
 * a proportion when its rows and its domain's rows both are (a ratio of two controls). Means and
 * medians never are. The matched margins name the table's note.
 */
import type { DataFrame } from '../data.ts';
import { isMissing } from '../data.ts';
import type { CalibrationMargin } from './calibration-classes.ts';
import { columnText } from './column-text.ts';
import type { Text } from './plan.ts';
import { each } from './table-words.ts';

export interface ControlCell {
  domain: Array<{ variable: string; code: string | number }>;
  level: { code: string | number } | null;
}

export interface ControlQuery {
  statistic: 'proportion' | 'mean' | 'total' | 'median' | 'multiple';
  variable: string;
  categorical: boolean;
  /** Rows of the overall cells (the universe) and of the domain cells (universe and known domains). */
  universe: ArrayLike<number>;
  withDomains: ArrayLike<number>;
}

/** A class column as codes (-1: missing) and each class's row count, once per column object. */
interface ClassCodes {
  codes: Int32Array;
  counts: Int32Array;
}

const classCodesCache = new WeakMap<object, ClassCodes>();

function classCodes(col: DataFrame[string]): ClassCodes {
  const hit = classCodesCache.get(col);
  if (hit) return hit;
  const ids = new Map<string, number>();
  const codes = new Int32Array(col.length);
  const counts: number[] = [];
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (isMissing(v as never)) {
      codes[i] = -1;
      continue;
    }
    const k = String(v);
    let id = ids.get(k);
    if (id === undefined) {
      id = counts.length;
      ids.set(k, id);
      counts.push(0);
    }
    codes[i] = id;
    counts[id]++;
  }
  const out = { codes, counts: Int32Array.from(counts) };
  classCodesCache.set(col, out);
  return out;
}

/** The margin whose classes make up exactly the rows `inSet`, or null. */
function unionOf(
  inSet: Uint8Array,
  frame: DataFrame,
  margins: readonly CalibrationMargin[],
): CalibrationMargin | null {
  let size = 0;
  for (let i = 0; i < inSet.length; i++) size += inSet[i];
  if (size === 0) return null;
  next: for (const m of margins) {
    const col = frame[m.column];
    if (!col) continue;
    const { codes, counts } = classCodes(col);
    const inside = new Int32Array(counts.length);
    for (let i = 0; i < inSet.length; i++) {
      if (!inSet[i]) continue;
      if (codes[i] < 0) continue next;
      inside[codes[i]]++;
    }
    for (let c = 0; c < counts.length; c++) if (inside[c] !== 0 && inside[c] !== counts[c]) continue next;
    return m;
  }
  return null;
}

/**
 * For each cell, the margin(s) it reproduces (empty: an estimate). `frame` holds the unit's rows
 * (those the table's design has), with the calibration class columns of `margins`.
 */
export function controlMargins(
  cells: readonly ControlCell[],
  frame: DataFrame,
  q: ControlQuery,
  margins: readonly CalibrationMargin[],
): CalibrationMargin[][] {
  if (!margins.length || (q.statistic !== 'proportion' && q.statistic !== 'total'))
    return cells.map(() => []);
  const y = frame[q.variable];
  const n = y.length;
  // the variable's values as text, once (each level's cells compare with it)
  const texts = () => columnText(y);
  // the rows of each domain, once per domain (its cells share them)
  const domains = new Map<string, Uint8Array>();
  const rowsOf = (domain: ControlCell['domain']) => {
    const key = JSON.stringify(domain.map((d) => [d.variable, String(d.code)]));
    const hit = domains.get(key);
    if (hit) return hit;
    const base = domain.length ? q.withDomains : q.universe;
    const cols = domain.map((d) => columnText(frame[d.variable]));
    const codes = domain.map((d) => String(d.code));
    const rows = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (!base[i] || isMissing(y[i] as never)) continue;
      if (cols.every((col, k) => col[i] === codes[k])) rows[i] = 1;
    }
    domains.set(key, rows);
    return rows;
  };
  const domainMargin = new Map<Uint8Array, CalibrationMargin | null>();
  return cells.map((c) => {
    const domainRows = rowsOf(c.domain);
    if (!q.categorical) {
      // a total is a count of the domain's rows when the variable is one constant there
      let first: number | null = null;
      for (let i = 0; i < n; i++)
        if (domainRows[i]) {
          const v = Number(y[i]);
          if (first === null) first = v;
          else if (v !== first) return [];
        }
      const m = unionOf(domainRows, frame, margins);
      return m ? [m] : [];
    }
    const code = c.level === null ? null : String(c.level.code);
    const text = texts();
    const levelRows = new Uint8Array(n);
    if (code !== null) for (let i = 0; i < n; i++) if (domainRows[i] && text[i] === code) levelRows[i] = 1;
    const num = unionOf(levelRows, frame, margins);
    if (!num) return [];
    if (q.statistic !== 'proportion') return [num];
    // the domain's margin, once per domain (its levels' cells share it)
    if (!domainMargin.has(domainRows)) domainMargin.set(domainRows, unionOf(domainRows, frame, margins));
    const den = domainMargin.get(domainRows) ?? null;
    return den ? [...new Set([num, den])] : [];
  });
}

/** The note beside a table with control cells, naming the margins they reproduce. */
export function controlNote(matched: readonly CalibrationMargin[], unit: string): Text | null {
  if (!matched.length) return null;
  const names = [...new Set(matched.map((m) => m.variable))].join(', ');
  return each((w) => w.controlNote(unit, names));
}
