/**
 * The listing's household size (l12_size) of each household the listing's draw will select, taken from
 * the household the interviewer will meet: the simulator plays every enumerator's visits ahead of the
 * listing (visit.ts, on a copy of the enumerator's seeded stream, in the order the tablet lists the
 * assignments, on the draw the server will make: countListing and selectHouseholds with LISTING_SEED), and
 * a household whose interview records its residents (b01: a roster, or a household found ineligible) is
 * listed with that number. The listing and the interview then disagree only where a listing really would:
 * about 6% of households by one member (someone moved in or out between the two visits; within the
 * quality check's slack) and about 4% by two or three (the listing's informant, often a neighbour,
 * miscounted), drawn from a stream of their own seeded by the household, so no other draw of the demo
 * moves. Households with no count from the interview (refusals, no contact, not drawn) keep the listing's
 * own draw, as before. Used only when the simulator records the listings (fieldwork.ts).
 */
import { readFileSync } from 'node:fs';
import { seededUniform, seedFrom, selectHouseholds } from '../../../analysis/sampling/index.ts';
import type { SurveyProfile } from '../../../server/contract/survey-profile.ts';
import { countListing, LISTING_SEED, listedUnits } from '../../../server/domain/listing.ts';
import type { FrameRow } from './frame-row.ts';
import type { SyntheticListing } from './listing.ts';
import { simulateVisit } from './visit.ts';

/** Shares of households whose listed size is one member off, and two or three off, the interview's. */
export const OFF_BY_ONE = 0.06;
export const OFF_BY_MORE = 0.04;
/** Seed base of the disagreement's stream. */
const DISAGREEMENT_SEED = 1812;

const profile = JSON.parse(
  readFileSync(new URL('../../../questionnaires/ipei/profile.json', import.meta.url), 'utf8'),
) as SurveyProfile;

export interface ListedEa {
  row: FrameRow;
  listing: SyntheticListing;
  /** The one enumerator the listing's households are assigned to. */
  enumerator: string;
}

/** The listing's answers as the simulator submits them. */
export const listingAnswers = (row: FrameRow, listing: SyntheticListing) => ({
  a02_island: row.island_code,
  a03_municipality: row.municipality_iso,
  a04_ea: row.ea_id,
  dwellings: listing.dwellings,
});

/** The size the listing records for a household of `size` members (household id `<ea>-<ddd>-<h>`). */
export function listedSizeOf(size: number, householdId: string): number {
  const x = seededUniform(seedFrom(householdId, DISAGREEMENT_SEED));
  const u = x();
  const off = u < OFF_BY_MORE ? 2 + Math.floor(x() * 2) : u < OFF_BY_MORE + OFF_BY_ONE ? 1 : 0;
  if (!off) return size;
  return size - off >= 1 && x() < 0.5 ? size - off : size + off;
}

/**
 * Each drawn household's members as its simulated interview will count them (b01), by
 * `<ea>:<dwelling>.<household>`; households whose interview records no count are left out.
 */
export function interviewedSizes(eas: ListedEa[], seed: number, take: number): Map<string, number> {
  const nationalityOf = new Map<string, string>();
  const byEnumerator = new Map<string, Array<{ row: FrameRow; dwelling: number; household: number }>>();
  for (const { row, listing, enumerator } of eas) {
    for (const [unit, nat] of Object.entries(listing.nationality))
      nationalityOf.set(`${row.ea_id}:${unit}`, nat);
    const counts = countListing(
      listedUnits(profile, listingAnswers(row, listing)).units,
      profile.listing as NonNullable<SurveyProfile['listing']>,
    );
    const draw = selectHouseholds(
      counts.eligible,
      take,
      seededUniform(seedFrom(row.ea_id, LISTING_SEED)),
      row.ea_id,
    );
    const list = byEnumerator.get(enumerator) ?? [];
    for (const pos of draw.positions) {
      const unit = counts.eligibleUnits[pos];
      list.push({ row, dwelling: unit.unit, household: unit.household ?? 1 });
    }
    byEnumerator.set(enumerator, list);
  }
  const sizes = new Map<string, number>();
  for (const [enumerator, list] of byEnumerator) {
    // the tablet's order: EA code (as SQL compares text), dwelling, household
    list.sort(
      (a, b) =>
        (a.row.ea_id < b.row.ea_id ? -1 : a.row.ea_id > b.row.ea_id ? 1 : 0) ||
        a.dwelling - b.dwelling ||
        a.household - b.household,
    );
    const r = seededUniform(seedFrom(enumerator, seed));
    for (const { row, dwelling, household } of list) {
      const key = `${row.ea_id}:${dwelling}.${household}`;
      const preload = {
        a02_island: row.island_code,
        a03_municipality: row.municipality_iso,
        a04_ea: row.ea_id,
        a05_dwelling: dwelling,
        a06_household: household,
      };
      const { answers } = simulateVisit(r, row.stratum, preload, nationalityOf.get(key)).generated;
      if (typeof answers.b01_residents === 'number') sizes.set(key, answers.b01_residents);
    }
  }
  return sizes;
}

/** The listings with each drawn household's size from its interview, as a listing would record it. */
export function withInterviewedSizes(eas: ListedEa[], seed: number, take: number): void {
  const sizes = interviewedSizes(eas, seed, take);
  for (const { row, listing } of eas)
    for (const d of listing.dwellings)
      for (const h of d.households ?? []) {
        const size = sizes.get(`${row.ea_id}:${d.l01_dwelling}.${h.l10_household}`);
        if (size === undefined || h.l12_size === undefined) continue;
        h.l12_size = listedSizeOf(
          size,
          `${row.ea_id}-${String(d.l01_dwelling).padStart(3, '0')}-${h.l10_household}`,
        );
      }
}
