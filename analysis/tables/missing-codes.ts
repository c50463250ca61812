/**
 * Which numbers of a variable are read as missing in a mean, total, median or model: the survey's
 * special codes (its profile's `specialCodes`) that the variable itself declares, the same rule the
 * export uses for its `missing` lists (export/special-codes.ts), so a table and the exported files
 * agree. A table's own `missingCodes`, or the tables file's deprecated `missingCodes`, replaces it
 * when given.
 */
import { missingCodesOf, NO_SPECIAL_CODES, type SpecialCodes } from '../export/special-codes.ts';
import type { Labels } from './labels.ts';

export interface MissingCodeOptions {
  /** Deprecated tables.json `missingCodes`: when given, the codes of every variable. */
  missingCodes?: number[] | null;
  /** The survey profile's special codes (the one home of don't know, refused, not applicable). */
  specialCodes?: SpecialCodes;
}

export function missingCodesFor(
  variable: string,
  labels: Labels,
  opts: MissingCodeOptions,
  own?: number[] | null,
): Set<number> {
  const given = own ?? opts.missingCodes;
  if (given) return new Set(given);
  return new Set(missingCodesOf(labels[variable], opts.specialCodes ?? NO_SPECIAL_CODES).map((m) => m.code));
}
