/**
 * A synthetic listing of one EA in ipei/listing.v2 (ipei.md 5.3, 5.6): dwellings with their screening result
 * (7 contacted, 3-4 unknown, 5-6 out of scope) and, in each contacted dwelling, its households, each with its
 * own screening (l13), size, nationality group (l14: 1 Cabo Verdean only, 2 foreign, 98 don't know) and, for
 * a foreign household, its foreign nationality group (l14a, the weighting's household class), and the
 * disposition the form computes (l16). About 3% of contacted dwellings hold two or three households; a
 * second or third household (a lodger, a tenant) is foreign more often than the EA's dwellings are, so a
 * foreign lodger in a Cabo Verdean family's dwelling is listed, and can be drawn, as a unit of its own.
 * The dwellings and their first households come from `r` exactly as the dwelling listing (v1) drew them;
 * the extra households and "don't know" answers come from a second generator seeded by the EA, so an EA
 * without them lists the same eligible units as before. The size drawn here (l12) is what a household not
 * drawn or not counted by its interview keeps; the simulator lists a drawn household with the residents its
 * interview will record instead (listed-sizes.ts).
 */
import { seededUniform, seedFrom } from '../../../analysis/sampling/rng.ts';
import type { FrameRow } from './frame-row.ts';
import { drawNationality, hhClassOf, poisson, type Rand } from './population.ts';

/** One household row of a dwelling (listing.v2's `households` roster), as the tablet sends it. */
export interface ListedHousehold {
  l10_household: number;
  l13_hh_contact: number;
  l12_size?: number;
  l14_nat_group?: number;
  l14a_nat_class?: string;
  l15_foreign_born?: number;
  l16_hh_disposition: number;
  l17_eligible: number;
}

export interface SyntheticListing {
  dwellings: Array<{
    l01_dwelling: number;
    l03_visits: number;
    l05_disposition: number;
    households?: ListedHousehold[];
    l09_eligible?: number;
  }>;
  /** The nationality (country code) of each eligible household's reference person, by "dwelling.household". */
  nationality: Record<string, string>;
}

/** Shares of contacted dwellings with a second and a third household. */
const SECOND_HOUSEHOLD = 0.03;
const THIRD_HOUSEHOLD = 0.15;
/** Seed base of the extra households' generator. */
const EXTRA_SEED = 18;

/** l16 as the form computes it from l13 and l14. */
const dispositionOf = (contact: number, group: number | undefined) =>
  contact !== 1 ? contact : group === 2 ? 1 : group === 1 ? 2 : 8;

export function syntheticListing(r: Rand, ea: FrameRow): SyntheticListing {
  const x = seededUniform(seedFrom(ea.ea_id, EXTRA_SEED));
  const n = Math.max(20, Math.round(ea.households_2021 * (0.9 + 0.2 * r())));
  const foreign = Math.min(
    n,
    Math.max(
      0,
      Math.round(ea.foreign_hh_2021 * (0.85 + 0.3 * r())) + (ea.foreign_hh_2021 === 0 ? poisson(r, 0.3) : 0),
    ),
  );
  const unknownRate = ['PR', 'SL'].includes(ea.stratum) ? 0.1 : 0.06;
  // a lodger household is foreign more often than a dwelling's family is
  const lodgerForeign = Math.min(0.5, 0.05 + 1.5 * (foreign / n));
  const eligibleAt = new Set<number>();
  while (eligibleAt.size < foreign) eligibleAt.add(1 + Math.floor(r() * n));
  const out: SyntheticListing = { dwellings: [], nationality: {} };
  const screened = (h: number, size: number, isForeign: boolean, bornAbroad: boolean): ListedHousehold => {
    const group = isForeign ? 2 : x() < 0.01 ? 98 : 1;
    return {
      l10_household: h,
      l13_hh_contact: 1,
      l12_size: size,
      l14_nat_group: group,
      l15_foreign_born: bornAbroad ? 1 : 2,
      l16_hh_disposition: dispositionOf(1, group),
      l17_eligible: group === 2 ? 1 : 0,
    };
  };
  const record = (d: number, row: ListedHousehold, nationality: string) => {
    row.l14a_nat_class = hhClassOf(nationality);
    out.nationality[`${d}.${row.l10_household}`] = nationality;
  };
  for (let d = 1; d <= n; d++) {
    const u = r();
    if (u < 0.05) {
      out.dwellings.push({ l01_dwelling: d, l03_visits: 1, l05_disposition: r() < 0.7 ? 5 : 6 });
      continue;
    }
    if (u < 0.05 + unknownRate) {
      out.dwellings.push({ l01_dwelling: d, l03_visits: 3, l05_disposition: r() < 0.6 ? 3 : 4 });
      continue;
    }
    const eligible = eligibleAt.has(d);
    let visits = 1 + Math.floor(r() * r() * 3);
    const size = 1 + poisson(r, 2.2);
    const first = screened(1, size, eligible, eligible || r() < 0.05);
    const households = [first];
    if (eligible) record(d, first, drawNationality(r, ea.stratum));
    const extra = x() < SECOND_HOUSEHOLD ? (x() < THIRD_HOUSEHOLD ? 2 : 1) : 0;
    for (let h = 2; h <= 1 + extra; h++) {
      const contact = x();
      if (contact >= 0.92) {
        // a lodger not met after three visits, or one who refused the screener
        const code = contact < 0.95 ? 3 : 4;
        if (code === 3) visits = 3;
        households.push({
          l10_household: h,
          l13_hh_contact: code,
          l16_hh_disposition: code,
          l17_eligible: 0,
        });
        continue;
      }
      const isForeign = x() < lodgerForeign;
      const row = screened(h, 1 + poisson(x, 0.8), isForeign, isForeign || x() < 0.05);
      households.push(row);
      if (isForeign) record(d, row, drawNationality(x, ea.stratum));
    }
    out.dwellings.push({
      l01_dwelling: d,
      l03_visits: visits,
      l05_disposition: 7,
      households,
      l09_eligible: households.reduce((s, h) => s + h.l17_eligible, 0),
    });
  }
  return out;
}
