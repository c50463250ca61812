/**
 * CSV reader for analysis data: header row, RFC 4180 quoting, `NA` or empty = missing.
 * Columns whose non-missing values all parse as numbers become Float64Array (NaN = missing);
 * the others stay string arrays with null for missing.
 */
import { readFileSync } from 'node:fs';
import type { DataFrame } from '../data.ts';

/** Parses CSV text into columns. */
export function parseCsv(text: string): DataFrame {
  const rows: string[][] = [];
  /** Per row, the columns whose field was quoted (a quoted `NA` is text, not missing). */
  const quoted: number[][] = [];
  let field = '';
  let row: string[] = [];
  let rowQ: number[] = [];
  let inQuotes = false;
  let wasQuoted = false;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const endField = () => {
    if (wasQuoted) rowQ.push(row.length);
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === '' && rowQ.length === 0)) {
      rows.push(row);
      quoted.push(rowQ);
    }
    row = [];
    rowQ = [];
  };
  for (; i < n; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') {
      inQuotes = true;
      wasQuoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else {
      // a run of plain characters is added at once (the same string as one character at a time)
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13 || c === 34) break; // , \n \r "
        j++;
      }
      field += text.slice(i, j);
      i = j - 1;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  if (rows.length === 0) return {};
  const header = rows[0];
  const out: DataFrame = {};
  header.forEach((name, j) => {
    const values: (string | null)[] = new Array(rows.length - 1);
    // each value is parsed once: the numbers are kept while every value so far is one
    let numbers: Float64Array | null = new Float64Array(rows.length - 1);
    for (let r = 1; r < rows.length; r++) {
      const v = rows[r][j];
      const missing = v === undefined || v === '' || (v === 'NA' && !quoted[r].includes(j));
      values[r - 1] = missing ? null : v;
      if (numbers === null) continue;
      if (missing) numbers[r - 1] = Number.NaN;
      else {
        const x = Number(v);
        if (Number.isNaN(x) || v.trim() === '') numbers = null;
        else numbers[r - 1] = x;
      }
    }
    out[name] = numbers ?? values;
  });
  return out;
}

/** Reads and parses a CSV file. */
export function readCsv(path: string): DataFrame {
  return parseCsv(readFileSync(path, 'utf8'));
}
