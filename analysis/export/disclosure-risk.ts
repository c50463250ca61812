/**
 * A public-use file's disclosure risk on its key variables (the survey's profile.json
 * `publicUse.keyVariables`: what an outsider could know of a person, such as island, sex, age group and
 * nationality): the person records are grouped by their combination of key values (k-anonymity, as
 * sdcMicro's freqCalc counts the sample frequency fk), and the report counts the sample uniques (records
 * alone in their cell, fk = 1) and the records in cells smaller than k (fk < k, k from the profile,
 * default 3). A key variable the person file lacks is taken from the person's household (by the
 * household code). As in sdcMicro, a missing value matches any value: a record's frequency fk counts
 * every record that agrees with it wherever both are known (so a value set to missing by local
 * suppression, local-suppression.ts, lifts the record's fk). With a weight, each record's weighted
 * frequency Fk is the sum of the weights of the records that agree with it (sdcMicro's freqCalc Fk: an
 * estimate of how many people in the population share its key values), and the report gives the
 * smallest. Pure: it reads the built files only.
 */

import { SurveyError } from '../errors.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import type { ExportFile } from './microdata.ts';
import { PUBLIC_USE_K } from './public-use-defaults.ts';

export interface DisclosureRisk {
  /** The file whose records are counted (persons; households with publicUse.households). */
  unit: ExportFile['name'];
  keyVariables: string[];
  k: number;
  /** Person records and the cells (distinct combinations of key values) they fall in. */
  records: number;
  cells: number;
  /** Records alone in their cell (fk = 1). */
  sampleUniques: number;
  /** Records in cells of fewer than k records (fk < k), and those cells. */
  recordsBelowK: number;
  cellsBelowK: number;
  /** Records by their fk, for 1..k-1 (index 0 is fk = 1). */
  recordsBySize: number[];
  /** The weight summed for Fk, and the smallest Fk of any record (null: no weight given). */
  weight: string | null;
  smallestFk: number | null;
}

const missing = (v: unknown) =>
  v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));

/** A link from each person to its household: the household code in each file. */
export interface HouseholdLink {
  households: string;
  persons: string;
}

/**
 * Each person's key values (null: missing), each read from the person file or else from the household
 * (the `households` row whose `link.households` equals the person's `link.persons`).
 */
export function keyValues(
  persons: ExportFile,
  households: ExportFile,
  link: HouseholdLink,
  keyVariables: readonly string[],
  setting = 'publicUse',
): (string | null)[][] {
  const hhRow = new Map<unknown, number>();
  const hhLink = households.columns[link.households];
  if (hhLink) for (let i = 0; i < households.rows; i++) hhRow.set(hhLink[i], i);
  const pLink = persons.columns[link.persons];
  const columns = keyVariables.map((v) => {
    const own = persons.columns[v];
    if (own) return (i: number) => own[i];
    const theirs = households.columns[v];
    if (!theirs || !pLink)
      throw new SurveyError(
        `${setting}.keyVariables: ${v} is ${persons === households ? 'not a variable of the household file' : 'in neither the person nor the household file'}`,
        `${setting}.keyVariables`,
      );
    return (i: number) => {
      const r = hhRow.get(pLink[i]);
      return r === undefined ? null : theirs[r];
    };
  });
  return Array.from({ length: persons.rows }, (_, i) =>
    columns.map((get) => {
      const x = get(i);
      return missing(x) ? null : String(x);
    }),
  );
}

/** Two combinations of key values agree where both are known (a missing value matches any value). */
export const compatible = (a: (string | null)[], b: (string | null)[]): boolean =>
  a.every((x, j) => x === null || b[j] === null || x === b[j]);

/**
 * For each cell, the sum of `mass` over the cells that agree with it (a missing value matching any). A
 * combination without missing values matches only itself among those without: it is compared with the
 * (few) combinations that have a missing value, each of which is compared with all.
 */
function agreeing(all: KeyCell[], mass: (c: KeyCell) => number): number[] {
  const partial = all.filter((c) => c.values.includes(null));
  return all.map((c) => {
    const full = !c.values.includes(null);
    let sum = full ? mass(c) : 0;
    for (const d of full ? partial : all) if (compatible(c.values, d.values)) sum += mass(d);
    return sum;
  });
}

/** A distinct combination of key values, its records and its frequency fk. */
export interface KeyCell {
  values: (string | null)[];
  count: number;
  fk: number;
}

/**
 * The distinct combinations of the records' key values with their sample frequency fk: the records
 * whose values agree with the combination's wherever both are known (sdcMicro's freqCalc), and each
 * record's combination.
 */
export function keyCells(rows: (string | null)[][]): { cells: Map<string, KeyCell>; cellOf: string[] } {
  const cells = new Map<string, KeyCell>();
  const cellOf = rows.map((values) => {
    const key = JSON.stringify(values);
    const c = cells.get(key) ?? { values, count: 0, fk: 0 };
    c.count++;
    cells.set(key, c);
    return key;
  });
  const all = [...cells.values()];
  agreeing(all, (c) => c.count).forEach((fk, i) => {
    all[i].fk = fk;
  });
  return { cells, cellOf };
}

/**
 * Each record's sample frequency fk and weighted frequency Fk (sdcMicro's freqCalc): the count, and the
 * sum of `weights` (a missing weight counting 0), of the records whose key values agree with its own.
 */
export function recordFrequencies(
  rows: (string | null)[][],
  weights: ArrayLike<number>,
): { fk: number[]; Fk: number[] } {
  const { cells, cellOf } = keyCells(rows);
  const weightOf = new Map<KeyCell, number>();
  cellOf.forEach((key, i) => {
    const c = cells.get(key) as KeyCell;
    const w = weights[i];
    weightOf.set(c, (weightOf.get(c) ?? 0) + (Number.isFinite(w) ? w : 0));
  });
  const all = [...cells.values()];
  const sums = agreeing(all, (c) => weightOf.get(c) ?? 0);
  const Fk = new Map(all.map((c, i) => [c, sums[i]]));
  return {
    fk: cellOf.map((key) => (cells.get(key) as KeyCell).fk),
    Fk: cellOf.map((key) => Fk.get(cells.get(key) as KeyCell) as number),
  };
}

/**
 * The risk of the file `persons` on `keyVariables` (read as keyValues does; the household file's own
 * risk passes it as both files, linked by its id to itself), with Fk on `weight`.
 */
export function disclosureRisk(
  persons: ExportFile,
  households: ExportFile,
  link: HouseholdLink,
  keyVariables: readonly string[],
  k = PUBLIC_USE_K,
  weight: string | null = null,
  setting = 'publicUse',
): DisclosureRisk {
  if (!Number.isInteger(k) || k < 2)
    throw new SurveyError(`publicUse.k: ${k} is not a whole number of 2 or more`, 'publicUse.k');
  const rows = keyValues(persons, households, link, keyVariables, setting);
  const { cells, cellOf } = keyCells(rows);
  const w = weight === null ? null : persons.columns[weight];
  if (weight !== null && !(w instanceof Float64Array))
    throw new SurveyError(
      `the weight ${weight} is not a numeric column of the ${persons.name} file`,
      'publicUse',
    );
  const Fk = w instanceof Float64Array ? recordFrequencies(rows, w).Fk : null;
  const recordsBySize = new Array<number>(k - 1).fill(0);
  for (const key of cellOf) {
    const n = (cells.get(key) as KeyCell).fk;
    if (n < k) recordsBySize[n - 1]++;
  }
  let cellsBelowK = 0;
  for (const c of cells.values()) if (c.fk < k) cellsBelowK++;
  return {
    unit: persons.name,
    keyVariables: [...keyVariables],
    k,
    records: persons.rows,
    cells: cells.size,
    sampleUniques: recordsBySize[0],
    recordsBelowK: recordsBySize.reduce((a, b) => a + b, 0),
    cellsBelowK,
    recordsBySize,
    weight,
    smallestFk: Fk?.length ? Fk.reduce((a, b) => Math.min(a, b)) : null,
  };
}

/** The risk in words, for the export's README (codebook.md) and the command line (codebook-words.ts). */
export function disclosureRiskText(r: DisclosureRisk, lang: TableLang): string {
  const w = CODEBOOK_WORDS[lang].microdata.report;
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.records)).toFixed(1)}%`;
  const who = w.who[r.unit === 'households' ? 'households' : 'persons'];
  const Fk = r.smallestFk === null ? '' : w.rarest(Math.round(r.smallestFk), who, r.weight);
  return (
    w.risk({
      keys: r.keyVariables.join(', '),
      k: r.k,
      records: r.records,
      cells: r.cells,
      uniques: r.sampleUniques,
      uniquesPct: pct(r.sampleUniques),
      below: r.recordsBelowK,
      belowCells: r.cellsBelowK,
      belowPct: pct(r.recordsBelowK),
      who,
    }) + Fk
  );
}
