/**
 * Local suppression of the public-use file (profile.json `publicUse.suppress`), as sdcMicro's
 * localSuppression: after the global top-codes and recodes, a person still in a combination of key
 * values shared by fewer than k records (fk < k, a missing value matching any value, as
 * disclosure-risk.ts counts it) has key values set to missing, one at a time, in the declared order
 * (`order`: the least important variable first), until its fk reaches k or it has none left to lose.
 * The records are taken in the file's order (rows sorted by the run's random codes), so the same run
 * always suppresses the same values; fk only grows as values go, so one pass suffices. A suppressed
 * key value takes with it what would give it back: the variable it is derived from (tables.json
 * `derived`) and every other variable derived from that one (suppressing an age group blanks the age too),
 * and the variables the survey declares as restating or hinting at it (`with`), each with what would give
 * it back in turn (a region of birth, and the country of birth grouped to it, with a nationality group).
 * Only person-file key variables can be suppressed (a household's island is the same for each of its
 * members). The household file's own control (`publicUse.households`) passes the household file as
 * both files, linked by its id to itself, and names its settings in its errors (`setting`). sdcMicro's own heuristic picks the variable per record by importance and by how many
 * combinations it frees, so its counts can differ; ours is the declared order alone. Pure: it returns
 * new files and what it did.
 */

import { SurveyError } from '../errors.ts';
import type { Derived } from '../tables/plan.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import { compatible, type HouseholdLink, type KeyCell, keyCells, keyValues } from './disclosure-risk.ts';
import type { ExportFile } from './microdata.ts';
import type { RecoverableAction } from './recoverable-values.ts';

/**
 * The variables suppressed first to last (key variables of the person file), and for any of them the
 * other person variables that restate it (`with`: current nationality beside a first-nationality group),
 * blanked with it.
 */
export interface Suppress {
  order: string[];
  with?: Record<string, string[]>;
  /** A released variable that gives a suppressed value back: blanked there, or the file refused (default). */
  recoverable?: RecoverableAction;
}

/** Values suppressed on one key variable, and the variables blanked with it. */
export interface Suppression {
  variable: string;
  suppressed: number;
  with: string[];
}

/**
 * What goes with a suppressed variable: what would give it back (its source and the source's other
 * derived variables), and each variable declared `with` it together with what would give that back in
 * turn (a region of birth with the country of birth it is grouped from).
 */
function linked(
  variable: string,
  derived: Record<string, Derived>,
  persons: ExportFile,
  declared: string[],
): string[] {
  const sources = new Set<string>();
  for (const v of [variable, ...declared]) {
    sources.add(v);
    const from = derived[v]?.from;
    if (from) sources.add(from);
  }
  const out = new Set(sources);
  for (const [name, d] of Object.entries(derived)) if (sources.has(d.from)) out.add(name);
  out.delete(variable);
  return [...out].filter((v) => persons.columns[v] !== undefined).sort();
}

/**
 * The person file with the values suppressed, how many per variable, and the records that lost each
 * (`rows`, for the complementary check of recoverable-values.ts; never written to the codebook).
 */
export function localSuppression(
  files: { households: ExportFile; persons: ExportFile },
  link: HouseholdLink,
  keyVariables: readonly string[],
  k: number,
  suppress: Suppress,
  derived: Record<string, Derived>,
  setting = 'publicUse',
): { persons: ExportFile; suppressions: Suppression[]; rows: Record<string, number[]> } {
  const { persons } = files;
  const fail = (message: string): never => {
    throw new SurveyError(`${setting}.suppress.order: ${message}`, `${setting}.suppress.order`);
  };
  const unit = persons.name === 'households' ? 'household' : 'person';
  const seen = new Set<string>();
  for (const v of suppress.order) {
    if (!keyVariables.includes(v)) fail(`${v} is not one of ${setting}.keyVariables`);
    if (persons.columns[v] === undefined) fail(`${v} is not a variable of the ${unit} file`);
    if (seen.has(v)) fail(`${v} is named twice`);
    seen.add(v);
  }
  for (const [v, also] of Object.entries(suppress.with ?? {})) {
    if (!seen.has(v))
      throw new SurveyError(
        `${setting}.suppress.with: ${v} is not in ${setting}.suppress.order`,
        `${setting}.suppress.with`,
      );
    for (const a of also)
      if (persons.columns[a] === undefined)
        throw new SurveyError(
          `${setting}.suppress.with: ${a} (with ${v}) is not a variable of the ${unit} file`,
          `${setting}.suppress.with`,
        );
  }
  const rows = keyValues(persons, files.households, link, keyVariables, setting);
  const { cells, cellOf } = keyCells(rows);
  const positions = suppress.order.map((v) => keyVariables.indexOf(v));
  const lost: number[][] = suppress.order.map(() => []);
  for (let i = 0; i < rows.length; i++) {
    for (;;) {
      const from = cells.get(cellOf[i]) as KeyCell;
      if (from.fk >= k) break;
      const o = positions.findIndex((j) => rows[i][j] !== null);
      if (o < 0) break;
      const values = [...rows[i]];
      values[positions[o]] = null;
      rows[i] = values;
      lost[o].push(i);
      // the record moves to a more general combination: fk grows where it now matches and did not
      const key = JSON.stringify(values);
      from.count--;
      let to = cells.get(key);
      for (const c of cells.values())
        if (c !== to && compatible(c.values, values) && !compatible(c.values, from.values)) c.fk++;
      if (to) to.count++;
      else {
        to = { values, count: 1, fk: 0 };
        cells.set(key, to);
        for (const c of cells.values()) if (compatible(values, c.values)) to.fk += c.count;
      }
      cellOf[i] = key;
    }
  }
  const rowsLost = Object.fromEntries(suppress.order.map((v, o) => [v, lost[o]]));
  return { ...blankSuppressed(persons, rowsLost, suppress, derived), rows: rowsLost };
}

/**
 * The file with each variable of `suppress.order` set to missing on the records `lost[variable]`, with
 * what would give it back (its source, the source's derived variables, those declared `with` it), and
 * how many values each lost: local suppression's last step, shared by the suppressions that protect
 * households (household-risk-control.ts, linked-households.ts).
 */
export function blankSuppressed(
  file: ExportFile,
  lost: Record<string, readonly number[]>,
  suppress: Pick<Suppress, 'order' | 'with'>,
  derived: Record<string, Derived>,
): { persons: ExportFile; suppressions: Suppression[] } {
  const out: ExportFile = { ...file, columns: { ...file.columns } };
  const suppressions = suppress.order.map((variable) => {
    const also = linked(variable, derived, file, suppress.with?.[variable] ?? []);
    const rows = lost[variable] ?? [];
    for (const v of [variable, ...also]) {
      const col = out.columns[v];
      const copy = col instanceof Float64Array ? Float64Array.from(col) : [...col];
      for (const i of rows) copy[i] = (copy instanceof Float64Array ? Number.NaN : null) as never;
      out.columns[v] = copy;
    }
    return { variable, suppressed: rows.length, with: also };
  });
  return { persons: out, suppressions };
}

/** The suppressions in words, for the codebook's README and the command line (codebook-words.ts). */
export function suppressionText(
  s: Suppression[],
  k: number,
  lang: TableLang,
  unit: 'person' | 'household' = 'person',
): string[] {
  const w = CODEBOOK_WORDS[lang].microdata.report;
  return s.map((x) => {
    const also = x.with.length ? ` (${w.with} ${x.with.join(', ')})` : '';
    return w.suppressed(x.variable, x.suppressed, also, unit, k);
  });
}
