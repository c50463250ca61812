/**
 * analysis/io/csv.ts's parser as it was before plain runs were sliced at once and numbers parsed
 * once: each field built one character at a time and each number parsed twice. Kept as the
 * reference the test compares the parser with; analysis/ never imports this file.
 */
import type { DataFrame } from '../../../analysis/data.ts';

/** Parses CSV text into columns. */
export function parseCsvOneCharAtATime(text: string): DataFrame {
  const rows: string[][] = [];
  const quoted: boolean[][] = [];
  let field = '';
  let row: string[] = [];
  let rowQ: boolean[] = [];
  let inQuotes = false;
  let wasQuoted = false;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const endField = () => {
    row.push(field);
    rowQ.push(wasQuoted);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === '' && !rowQ[0])) {
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
    } else field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  if (rows.length === 0) return {};
  const header = rows[0];
  const out: DataFrame = {};
  header.forEach((name, j) => {
    const values: (string | null)[] = new Array(rows.length - 1);
    let numeric = true;
    for (let r = 1; r < rows.length; r++) {
      const v = rows[r][j];
      const missing = v === undefined || v === '' || (v === 'NA' && !quoted[r][j]);
      values[r - 1] = missing ? null : v;
      if (!missing && numeric) {
        const x = Number(v);
        if (Number.isNaN(x) || v.trim() === '') numeric = false;
      }
    }
    if (numeric) {
      const col = new Float64Array(values.length);
      for (let r = 0; r < values.length; r++) col[r] = values[r] === null ? Number.NaN : Number(values[r]);
      out[name] = col;
    } else out[name] = values;
  });
  return out;
}
