/**
 * A table's design and estimate warnings as codes with their one detail (a count of cells or
 * replicates, a stratum), worded in the request's language from the one catalogue
 * tables/warning-words.ts. The intervals (intervals.ts) give their codes directly; the estimators'
 * English sentences (R survey's words) that a table can meet come from the variance functions and
 * are coded by varianceWarning; one the engine does not know is `other`, its English the detail.
 */
import { VARIANCE_WARNING_CODES, varianceWarning } from '../variance/variance-warnings.ts';

export const TABLE_WARNING_CODES = ['logit_unbounded', 'one_sided', ...VARIANCE_WARNING_CODES] as const;
export type TableWarningCode = (typeof TABLE_WARNING_CODES)[number];

export interface TableWarning {
  code: TableWarningCode;
  /** A count (cells, replicates), a stratum, or the English sentence of `other`. */
  detail: string;
}

/** The codes whose detail counts cells: one warning per table, the counts added. */
const CELL_COUNTS: ReadonlySet<TableWarningCode> = new Set(['logit_unbounded', 'one_sided']);

/**
 * The estimators' English sentences coded, then the intervals' codes, each once in the order met; the
 * cell counts of a multiple-response table's options (one run per option) added into one warning.
 */
export function tableWarnings(english: string[], codes: TableWarning[]): TableWarning[] {
  const out = new Map<string, TableWarning>();
  for (const w of [...english.map(varianceWarning), ...codes]) {
    const key = CELL_COUNTS.has(w.code) ? w.code : `${w.code} ${w.detail}`;
    const seen = out.get(key);
    if (seen && CELL_COUNTS.has(w.code)) seen.detail = String(Number(seen.detail) + Number(w.detail));
    else if (!seen) out.set(key, { ...w });
  }
  return [...out.values()];
}
