/**
 * A public-use file's disclosure risk on its key variables (the survey's profile.json
 * `publicUse.keyVariables`: what an outsider could know of a person, such as island, sex, age group and
 * nationality): the person records are grouped by their combination of key values (k-anonymity, as
 * sdcMicro's freqCalc counts the sample frequency fk), and the report counts the sample uniques (records
 * alone in their cell, fk = 1) and the records in cells smaller than k (fk < k, k from the profile,
 * default 3). A key variable the person file lacks is taken from the person's household (by the
 * household code). A missing value is a category of its own (sdcMicro instead lets it match any value,
 * which gives fewer uniques). Pure: it reads the built files only.
 */
import { SurveyError } from '../errors.ts';
import type { ExportFile } from './microdata.ts';

export interface DisclosureRisk {
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
  /** Records by the size of their cell, for sizes 1..k-1 (index 0 is size 1). */
  recordsBySize: number[];
}

const missing = (v: unknown) =>
  v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));

/**
 * The risk of the person file `persons` on `keyVariables`, each read from the person file or else
 * from the household (the `households` row whose `link.households` equals the person's `link.persons`).
 */
export function disclosureRisk(
  persons: ExportFile,
  households: ExportFile,
  link: { households: string; persons: string },
  keyVariables: readonly string[],
  k = 3,
): DisclosureRisk {
  if (!Number.isInteger(k) || k < 2)
    throw new SurveyError(`publicUse.k: ${k} is not a whole number of 2 or more`, 'publicUse.k');
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
        `publicUse.keyVariables: ${v} is in neither the person nor the household file`,
        'publicUse.keyVariables',
      );
    return (i: number) => {
      const r = hhRow.get(pLink[i]);
      return r === undefined ? null : theirs[r];
    };
  });
  const cellOf: string[] = new Array(persons.rows);
  const size = new Map<string, number>();
  for (let i = 0; i < persons.rows; i++) {
    const key = JSON.stringify(columns.map((get) => (missing(get(i)) ? null : String(get(i)))));
    cellOf[i] = key;
    size.set(key, (size.get(key) ?? 0) + 1);
  }
  const recordsBySize = new Array<number>(k - 1).fill(0);
  for (const key of cellOf) {
    const n = size.get(key) as number;
    if (n < k) recordsBySize[n - 1]++;
  }
  let cellsBelowK = 0;
  for (const n of size.values()) if (n < k) cellsBelowK++;
  return {
    keyVariables: [...keyVariables],
    k,
    records: persons.rows,
    cells: size.size,
    sampleUniques: recordsBySize[0],
    recordsBelowK: recordsBySize.reduce((a, b) => a + b, 0),
    cellsBelowK,
    recordsBySize,
  };
}

/** The risk in words, for the export's README (codebook.md) and the command line. */
export function disclosureRiskText(r: DisclosureRisk, lang: 'pt' | 'en'): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.records)).toFixed(1)}%`;
  const keys = r.keyVariables.join(', ');
  return lang === 'pt'
    ? `Risco de divulgação nas variáveis-chave ${keys} (k = ${r.k}): ${r.records} pessoas em ${r.cells} combinações; ${r.sampleUniques} únicas na amostra (${pct(r.sampleUniques)}); ${r.recordsBelowK} em ${r.cellsBelowK} combinações com menos de ${r.k} pessoas (${pct(r.recordsBelowK)}).`
    : `Disclosure risk on the key variables ${keys} (k = ${r.k}): ${r.records} persons in ${r.cells} combinations; ${r.sampleUniques} sample uniques (${pct(r.sampleUniques)}); ${r.recordsBelowK} in ${r.cellsBelowK} combinations of fewer than ${r.k} persons (${pct(r.recordsBelowK)}).`;
}
