/**
 * A data frame packed for one database row: every Float64Array column (weights, replicate weights,
 * design columns, numeric answers; NaN = missing) laid end to end as little-endian Float64 bytes, and
 * the other columns (text, null = missing) kept as JSON beside the column names. Unpacking gives the
 * same frame, column for column and bit for bit, as the CSV reader gives for the files.
 */
import type { Cell, DataFrame } from '../../analysis/data.ts';

export interface PackedFrame {
  rows: number;
  /** JSON: [{ name, kind: 'f64' } | { name, kind: 'text', values }] in column order. */
  columns: string;
  numbers: Buffer;
}

type ColumnEntry = { name: string; kind: 'f64' } | { name: string; kind: 'text'; values: Cell[] };

export function packFrame(frame: DataFrame): PackedFrame {
  const names = Object.keys(frame);
  const rows = names.length ? frame[names[0]].length : 0;
  const numeric = names.filter((n) => frame[n] instanceof Float64Array);
  const numbers = new Float64Array(numeric.length * rows);
  let at = 0;
  const entries: ColumnEntry[] = names.map((name) => {
    const column = frame[name];
    if (column instanceof Float64Array) {
      numbers.set(column, at);
      at += rows;
      return { name, kind: 'f64' };
    }
    return { name, kind: 'text', values: Array.from(column, (v) => (v === undefined ? null : v)) };
  });
  const bytes = Buffer.alloc(numbers.length * 8);
  for (let i = 0; i < numbers.length; i++) bytes.writeDoubleLE(numbers[i], i * 8);
  return { rows, columns: JSON.stringify(entries), numbers: bytes };
}

export function unpackFrame(packed: { rows: number; columns: string; numbers: Uint8Array }): DataFrame {
  const entries = JSON.parse(packed.columns) as ColumnEntry[];
  const bytes = Buffer.from(packed.numbers.buffer, packed.numbers.byteOffset, packed.numbers.byteLength);
  const frame: DataFrame = {};
  let at = 0;
  for (const e of entries) {
    if (e.kind === 'f64') {
      const column = new Float64Array(packed.rows);
      for (let i = 0; i < packed.rows; i++) column[i] = bytes.readDoubleLE((at + i) * 8);
      at += packed.rows;
      frame[e.name] = column;
    } else frame[e.name] = e.values;
  }
  return frame;
}
