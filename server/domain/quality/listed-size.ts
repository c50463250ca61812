/**
 * The number of members the listing recorded for an interviewed unit: its dwelling's row in the
 * cluster's listing answers (the profile's `listing.units`, found by `listing.unit`) and, where the
 * listing records households one by one (`listing.households`), the household's row in it; the value
 * of the item the profile names as the size (`size`). Null when the survey declares no size, the unit
 * is not in the listing, or the recorded value is not a count (empty, a special code). What the quality
 * rule `quality.size_vs_listing` (rules.ts) compares the interview's roster with.
 */
import type { ListingProfile } from '../../contract/survey-profile.ts';

const rowsOf = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];

/** A count: a whole number from 0 up (a special code such as -98 is not one). */
function count(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

export function listedSize(
  listing: ListingProfile,
  answers: Record<string, unknown>,
  unit: { dwelling: number; household: number },
): number | null {
  const h = listing.households;
  const dwelling = rowsOf(answers[listing.units]).find((r) => Number(r[listing.unit]) === unit.dwelling);
  if (!dwelling) return null;
  const members = h ? rowsOf(dwelling[h.roster]) : [];
  if (h && members.length) {
    const row = members.find((m) => Number(m[h.unit]) === unit.household);
    return row && h.size ? count(row[h.size]) : null;
  }
  return listing.size ? count(dwelling[listing.size]) : null;
}
