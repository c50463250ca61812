/**
 * A column's values as text (String of each value), made once per column object and shared by the
 * tables of a run: domain cells are found by comparing a domain variable's text with the cell's code
 * (intervals.ts, controls.ts), and every table with that domain variable asks for the same column.
 * A data set's columns are never changed in place (tables replace a column with a new array).
 */
import type { Column } from '../data.ts';

const texts = new WeakMap<object, string[]>();

export function columnText(col: Column): string[] {
  const hit = texts.get(col);
  if (hit) return hit;
  const out = Array.from(col as ArrayLike<unknown>, (v) => String(v));
  texts.set(col, out);
  return out;
}
