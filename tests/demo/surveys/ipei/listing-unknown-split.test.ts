/**
 * The listing's unknown eligibility split as AAPOR does, from the ipei profile's data (`listing.unknown`
 * with `unknownIfHousehold: [3]` for a dwelling, `households.unknownIfHousehold: []` for a listed
 * household): a dwelling with no contact after 3 visits is UH (it may be vacant), a dwelling whose screener
 * was refused is UO (someone answered the door), and every unknown of a household the listing recorded is UO
 * (it is known to be a household); the screening e of UH and of UO, RR1 and RR3 over a constructed listing equal the
 * fractions worked out by hand; a profile naming a UH code that is not an unknown disposition is refused;
 * the household result codes vacant and not a dwelling are marked no household, and only NE codes may be;
 * the household result codes class no contact UH and a refused screener UO, as the listing does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ListingProfile, surveyProfileSchema } from '../../../../server/contract/survey-profile.ts';
import { screeningRates } from '../../../../server/domain/dashboard-rates.ts';
import { countListing, listedUnits } from '../../../../server/domain/listing.ts';

const raw = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../questionnaires/ipei/profile.json', import.meta.url)),
    'utf8',
  ),
);
const profile = surveyProfileSchema.parse(raw);
const listing = profile.listing as ListingProfile;

const hh = (n: number, disposition: number) => ({
  l10_household: n,
  l11_head_name: `H${n}`,
  l16_hh_disposition: disposition,
});

describe('UH and UO from the listing dispositions (listing v2, households)', () => {
  /**
   * Dwelling 1: households E (1) and "don't know" nationality (8: UO); dwelling 2: no contact (3 at the
   * dwelling: UH); dwelling 3: screener refused at the door (4: UO); dwelling 4: households not contacted
   * after 3 visits (3 for a listed household: UO) and Cabo Verdean (2: I); dwelling 5: vacant (OOS);
   * dwelling 6: household E; dwelling 7: no contact (UH).
   *   E 2, I 1, OOS 1, UH 2, UO 3
   *   e   = E / (E + I + OOS)         = 2 / 4          = 1/2
   *   RR1 = E / (E + UH + UO)         = 2 / (2 + 5)    = 2/7
   *   RR3 = E / (E + e x (UH + UO))   = 2 / (2 + 5/2)  = 4/9
   */
  const answers = {
    a04_ea: 'CV-SL-0009',
    dwellings: [
      { l01_dwelling: 1, l05_disposition: 7, households: [hh(1, 1), hh(2, 8)] },
      { l01_dwelling: 2, l05_disposition: 3 },
      { l01_dwelling: 3, l05_disposition: 4 },
      { l01_dwelling: 4, l05_disposition: 7, households: [hh(1, 3), hh(2, 2)] },
      { l01_dwelling: 5, l05_disposition: 5 },
      { l01_dwelling: 6, l05_disposition: 7, households: [hh(1, 1)] },
      { l01_dwelling: 7, l05_disposition: 3 },
    ],
  };

  it('counts UH and UO apart, by the level of the unit, as the profile says', () => {
    const c = countListing(listedUnits(profile, answers).units, listing);
    expect(c).toMatchObject({ eligible: 2, ineligible: 1, outOfScope: 1, unknown: 5, UH: 2, UO: 3 });
  });

  it('the screening e of UH and of UO, RR1 and RR3 by hand', () => {
    const r = screeningRates([{ E: 2, I: 1, OOS: 1, UH: 2, UO: 3 }]);
    expect(r.U).toBe(5);
    // e_UO = 2 / (2 + 1) = 2/3; h = (2 + 1 + 3) / (6 + 1) = 6/7; e_UH = 6/7 x 2/3 = 4/7
    expect(r.eUO).toBeCloseTo(2 / 3, 12);
    expect(r.eUH).toBeCloseTo(4 / 7, 12);
    // RR1 = 2 / (2 + 2 + 3) = 2/7; RR3 = 2 / (2 + 2 x 4/7 + 3 x 2/3) = 2 / (36/7) = 7/18
    expect(r.rr1).toBeCloseTo(2 / 7, 12);
    expect(r.rr3).toBeCloseTo(7 / 18, 12);
  });

  it('the split is data: the same listing with household-level 3 declared UH moves it', () => {
    const moved = {
      ...listing,
      households: {
        ...(listing.households as NonNullable<ListingProfile['households']>),
        unknownIfHousehold: [3],
      },
    };
    expect(countListing(listedUnits(profile, answers).units, moved)).toMatchObject({ UH: 3, UO: 2 });
  });
});

describe('UH and UO in a dwelling listing (listing v1)', () => {
  it('no contact is UH, a refused screener UO', () => {
    // dispositions 1 E, 3 UH, 4 UO, 2 I, 5 OOS, 3 UH: E 1, I 1, OOS 1, UH 2, UO 1
    const dwellings = [1, 3, 4, 2, 5, 3].map((d, i) => ({ l01_dwelling: i + 1, l05_disposition: d }));
    const c = countListing(listedUnits(profile, { a04_ea: 'X', dwellings }).units, listing);
    expect(c).toMatchObject({ eligible: 1, ineligible: 1, outOfScope: 1, unknown: 3, UH: 2, UO: 1 });
  });
});

describe('the profile check', () => {
  it('refuses a UH disposition that is not one of listing.unknown, naming the field', () => {
    for (const [bad, path] of [
      [{ ...raw, listing: { ...raw.listing, unknownIfHousehold: [5] } }, 'listing.unknownIfHousehold'],
      [
        {
          ...raw,
          listing: { ...raw.listing, households: { ...raw.listing.households, unknownIfHousehold: [1] } },
        },
        'listing.households.unknownIfHousehold',
      ],
    ] as const) {
      const r = surveyProfileSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
        path,
        'every unknown-if-household (UH) disposition must be one of listing.unknown',
      ]);
    }
  });
  it('marks the household result codes that are no household (vacant, not a dwelling), and only NE codes may', () => {
    const profile = surveyProfileSchema.parse(raw);
    const notHousehold = profile.outcome.codes.filter((c) => c.household === false).map((c) => c.code);
    expect(notHousehold).toEqual([5, 6]);
    expect(profile.outcome.codes.find((c) => c.code === 2)).toMatchObject({ aapor: 'NE' });
    expect(profile.outcome.codes.find((c) => c.code === 2)?.household).toBeUndefined();
    const bad = {
      ...raw,
      outcome: {
        ...raw.outcome,
        codes: raw.outcome.codes.map((c: { code: number }) =>
          c.code === 13 ? { ...c, household: false } : c,
        ),
      },
    };
    const r = surveyProfileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      `outcome.codes.${raw.outcome.codes.findIndex((c: { code: number }) => c.code === 13)}.household`,
      'only a not-eligible code (aapor "NE") says whether it is a household',
    ]);
  });
  it('classes the household result codes as the listing does: no contact (3) UH, a refused screener (4) UO', () => {
    const aapor = (code: number) => profile.outcome.codes.find((c) => c.code === code)?.aapor;
    // a refused screener is a contacted household whose eligibility is unknown (AAPOR 3.21), as in the listing
    expect([aapor(3), aapor(4)]).toEqual(['UH', 'UO']);
  });
});
