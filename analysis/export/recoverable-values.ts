/**
 * The complementary-suppression check of the public-use file: after local suppression
 * (local-suppression.ts), a suppressed key value must not come back from another variable the file
 * releases. For each suppressed key variable, every other released person variable (role `variable`:
 * the questionnaire's, derived and recoded ones, other key variables; not ids, design variables or
 * weights) is checked exactly: among the records that show the key, each value of the variable maps to
 * the key values seen with it; a suppressed record whose value of the variable maps to a single key value
 * (a language spoken only by one nationality group in the file, a country of education...) has its key
 * value given back. The survey declares what then happens (profile.json `publicUse.suppress.recoverable`):
 * `blank` sets the variable to missing on exactly those records, with the variables that restate it (a
 * multiple-response question's joined codes and its 0/1 options: `families`), then checks again, until
 * nothing is given back: blanking a variable on records that show another key changes that key's maps
 * (a value seen with two key values may then be seen with one). Each pass blanks at least one value, so
 * the passes are bounded by the file's cells. `refuse` stops the export with a
 * SurveyError naming the variables. Not checked: values given back by a combination of variables, by
 * the household's other members (household code, shared weights) or with less than certainty. Pure.
 */

import { SurveyError } from '../errors.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import type { ExportFile } from './microdata.ts';
import type { RecoverableAction } from './public-use-defaults.ts';

/** What the file does with a variable that gives back a suppressed key value (public-use-defaults.ts). */
export type { RecoverableAction };

/** A released variable that gave back a suppressed key value, and on how many records. */
export interface Recovery {
  key: string;
  variable: string;
  records: number;
}

type Col = ExportFile['columns'][string];

const valueAt = (col: Col, i: number): string | null => {
  const x = col[i];
  if (x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x))) return null;
  return typeof x === 'number' ? `n${x}` : `s${x}`;
};

/** The suppressed records whose value of `col` maps to a single value of the key among those showing it. */
function recovered(key: Col, col: Col, suppressed: readonly number[]): number[] {
  const seen = new Map<string, string | null>();
  for (let i = 0; i < key.length; i++) {
    const k = valueAt(key, i);
    const v = valueAt(col, i);
    if (k === null || v === null) continue;
    const before = seen.get(v);
    if (before === undefined) seen.set(v, k);
    else if (before !== k) seen.set(v, null);
  }
  return suppressed.filter((i) => {
    const v = valueAt(col, i);
    return v !== null && typeof seen.get(v) === 'string';
  });
}

/**
 * The person file after the check: `suppressed` gives, per key variable, the records whose value local
 * suppression set to missing; `families` maps a variable to every variable that restates it, itself
 * included. Returns the variables that gave a value back (sorted by key, then variable) and, with
 * `blank`, the file with them and their families set to missing on those records.
 */
export function recoverableValues(
  persons: ExportFile,
  suppressed: Record<string, readonly number[]>,
  action: RecoverableAction,
  families: Record<string, readonly string[]> = {},
  setting = 'publicUse',
): { persons: ExportFile; recoveries: Recovery[] } {
  const released = persons.variables.filter((v) => v.role === 'variable').map((v) => v.name);
  const columns = { ...persons.columns };
  const total = new Map<string, Recovery>();
  const copied = new Set<string>();
  // each pass that finds a recovery blanks at least one shown value: at most one pass per cell
  const bound = released.length * persons.rows + 1;
  for (let pass = 0; pass < bound; pass++) {
    const found = check(columns, released, suppressed);
    if (!found.length) break;
    if (action === 'refuse')
      throw new SurveyError(
        `publicUse.suppress.recoverable: suppressed values are given back by ${found
          .map((f) => `${f.variable} (${f.key}, ${f.records} records)`)
          .join(', ')}; declare them in ${setting}.suppress.with or set recoverable to "blank"`,
        `${setting}.suppress.recoverable`,
      );
    for (const f of found) {
      const id = `${f.key}\u0000${f.variable}`;
      const before = total.get(id);
      total.set(id, { key: f.key, variable: f.variable, records: (before?.records ?? 0) + f.records });
      for (const v of families[f.variable] ?? [f.variable]) {
        const col = columns[v];
        if (col === undefined) continue;
        const copy = copied.has(v) ? col : col instanceof Float64Array ? Float64Array.from(col) : [...col];
        copied.add(v);
        for (const i of f.rows) copy[i] = (copy instanceof Float64Array ? Number.NaN : null) as never;
        columns[v] = copy;
      }
    }
  }
  if (!total.size) return { persons, recoveries: [] };
  const recoveries = [...total.values()].sort((a, b) =>
    a.key === b.key ? (a.variable < b.variable ? -1 : 1) : a.key < b.key ? -1 : 1,
  );
  return { persons: { ...persons, columns }, recoveries };
}

/** One pass: each suppressed key's released variables that give its value back, and on which records. */
function check(
  columns: ExportFile['columns'],
  released: readonly string[],
  suppressed: Record<string, readonly number[]>,
): Array<Recovery & { rows: number[] }> {
  const found: Array<Recovery & { rows: number[] }> = [];
  for (const key of Object.keys(suppressed).sort()) {
    const rows = suppressed[key];
    if (!rows.length) continue;
    for (const variable of [...released].sort()) {
      if (variable === key || columns[variable] === undefined) continue;
      const hit = recovered(columns[key], columns[variable], rows);
      if (hit.length) found.push({ key, variable, records: hit.length, rows: hit });
    }
  }
  return found;
}

/** The check's outcome in words, for the codebook's README (codebook-words.ts). */
export function recoveryText(rs: Recovery[], action: RecoverableAction, lang: TableLang): string[] {
  const w = CODEBOOK_WORDS[lang].microdata.report;
  if (!rs.length) return [w.noRecovery];
  return rs.map((r) => w.recovery(r.variable, r.key, r.records, action === 'blank'));
}
