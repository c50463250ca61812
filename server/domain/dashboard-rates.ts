/**
 * Dispositions and AAPOR response rates (AAPOR Standard Definitions, 10th ed., 2023, "Response rates" and
 * "Some complex designs") from the survey's outcome codes, each classed in its profile
 * (outcome.codes[].aapor). Each assignment counts once, with the outcome of its latest interview:
 *   I complete, P partial, R refusal and break-off, NC non-contact, O other eligible non-interview,
 *   UH unknown if household / occupied, UO unknown other (each counted apart, summed in the rates),
 *   NE not eligible. AAPOR's formulas as written:
 *   RR1 = I / ((I + P) + (R + NC + O) + (UH + UO))
 *   RR2 = (I + P) / ((I + P) + (R + NC + O) + (UH + UO))
 *   RR3 = I / ((I + P) + (R + NC + O) + e(UH + UO))
 *   e, "the estimated proportion of cases of unknown eligibility that are eligible", by the
 *   proportion-eligible method over the cases of known eligibility: e = (I + P + R + NC + O) / (I + P + R + NC + O + NE).
 * Assignments not yet visited have no disposition: they are left out of the rates (they show in progress).
 *
 * The screening stage, where the survey lists and screens its units before drawing the sample (profile
 * `listing`, counted per cluster from the listing's recorded dispositions as the profile classes them): every
 * listed unit is E eligible, I ineligible, OOS out of scope (vacant, not a dwelling: AAPOR NE too), UH
 * unknown whether it is a household at all (no contact at a dwelling that may be vacant) or UO a household
 * of unknown eligibility (screener refused, screener "don't know"); which unknown dispositions are UH is the
 * profile's `listing.unknownIfHousehold` (and `listing.households.unknownIfHousehold` for a listed
 * household), the others UO. Only E units are drawn, so UH and UO never reach an interview: they enter the
 * rates here, as AAPOR writes RR1 and RR3 (Standard Definitions, "Response rates": RR3 = I / ((I + P) +
 * (R + NC + O) + e(UH + UO)), one e applied to UH + UO), with the screening stage's own e estimated by the
 * proportion-eligible method over the units of known eligibility:
 *   screening e = E / (E + I + OOS)
 *   screening RR1 = E / (E + UH + UO)                (every unknown counted eligible, as RR1 and RR2 do)
 *   screening RR3 = E / (E + e x (UH + UO))
 * U = UH + UO is kept for the reader who wants the total.
 *
 * The person stage, where the survey interviews persons within households (profile roster.personResult with
 * its `codes` classed I, P, R, NC, O): the persons are the roster rows of the responding households (the
 * latest interview's outcome an I or P code, as the weighting's respondents) that need the individual
 * interview (roster.eligible and aged individualMinAge or more: the weighting's `individual`). A person's
 * eligibility is known from the roster, so the person stage has no UH; a person with no classed result
 * (none recorded yet, in a partial household) counts as an eligible non-interview, X:
 *   person RR1 = I / (I + P + R + NC + O + X)
 *   person RR2 = (I + P) / (I + P + R + NC + O + X)
 * and the overall rates multiply the stages the survey has (AAPOR's rule for multi-stage designs: the
 * product of the stages' rates), a missing stage counting 1:
 *   overall RR1 = screening RR1 x household RR1 x person RR1
 *   overall RR2 = screening RR1 x household RR2 x person RR2
 *   overall RR3 = screening RR3 x household RR3 x person RR1 (person RR3 = person RR1: no unknown eligibility).
 * With one stage of screening and every eligible unit interviewed, the product is AAPOR's single-stage RR3
 * over all the listed units: E / (E + eU) x I / E = I / (E + eU).
 * The API sends figures only: the definitions a reader sees next to the rates are written in the client's
 * catalogue (client/dashboard/dashboard-columns.ts, `dash.def.*`), in the screen language.
 */
import type { AaporClass, PERSON_AAPOR_CLASSES, SurveyProfile } from '../contract/survey-profile.ts';

type RateClass = AaporClass;

/** Outcome code to rate class, as the profile declares it. */
export function rateClasses(profile: SurveyProfile): Map<number, RateClass> {
  return new Map(profile.outcome.codes.map((c) => [c.code, c.aapor]));
}

export interface Rates {
  cases: number;
  codes: Record<string, number>;
  I: number;
  P: number;
  R: number;
  NC: number;
  O: number;
  UH: number;
  UO: number;
  NE: number;
  e: number | null;
  rr1: number | null;
  rr2: number | null;
  rr3: number | null;
}

export function responseRates(outcomes: number[], classes: Map<number, RateClass>): Rates {
  const n = { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 };
  const codes: Record<string, number> = {};
  for (const o of outcomes) {
    codes[o] = (codes[o] ?? 0) + 1;
    const c = classes.get(o);
    if (c) n[c]++;
  }
  const eligible = n.I + n.P + n.R + n.NC + n.O;
  const e = eligible + n.NE > 0 ? eligible / (eligible + n.NE) : null;
  const unknown = n.UH + n.UO;
  const d1 = eligible + unknown;
  // no case of known eligibility yet: e is unknown, and RR3 counts the unknowns in full (as RR1)
  const d3 = eligible + (e ?? 1) * unknown;
  return {
    cases: outcomes.length,
    codes,
    ...n,
    e,
    rr1: d1 > 0 ? n.I / d1 : null,
    rr2: d1 > 0 ? (n.I + n.P) / d1 : null,
    rr3: d3 > 0 ? n.I / d3 : null,
  };
}

type PersonClass = (typeof PERSON_AAPOR_CLASSES)[number];

/** Person result code to rate class; null when the survey has no person stage (no classed codes). */
export function personClasses(profile: SurveyProfile): Map<number, PersonClass> | null {
  const codes = profile.roster?.personResult?.codes ?? [];
  return codes.length ? new Map(codes.map((c) => [c.code, c.aapor])) : null;
}

export interface PersonRates {
  /** Responding households whose roster was read (a sealed interview's answers cannot be). */
  households: number;
  /** Persons needing the individual interview in those households. */
  persons: number;
  I: number;
  P: number;
  R: number;
  NC: number;
  O: number;
  /** Persons with no result, or a result code the profile does not class. */
  X: number;
  rr1: number | null;
  rr2: number | null;
}

/** The person stage over the households' persons: each household is its persons' result codes (null: none). */
export function personRates(
  households: Array<Array<number | null>>,
  classes: Map<number, PersonClass>,
): PersonRates {
  const n = { I: 0, P: 0, R: 0, NC: 0, O: 0, X: 0 };
  let persons = 0;
  for (const results of households)
    for (const r of results) {
      persons++;
      const c = r === null ? undefined : classes.get(r);
      n[c ?? 'X']++;
    }
  return {
    households: households.length,
    persons,
    ...n,
    rr1: persons > 0 ? n.I / persons : null,
    rr2: persons > 0 ? (n.I + n.P) / persons : null,
  };
}

/** A screening stage's counts: listed units eligible, ineligible, out of scope, UH and UO. */
export interface ScreeningCounts {
  E: number;
  I: number;
  OOS: number;
  UH: number;
  UO: number;
}

export interface ScreeningRates extends ScreeningCounts {
  /** Listings (clusters) counted. */
  listings: number;
  /** UH + UO. */
  U: number;
  e: number | null;
  rr1: number | null;
  rr3: number | null;
}

/** The screening stage over the listings of a group (their counts summed). */
export function screeningRates(listings: ScreeningCounts[]): ScreeningRates {
  const n = { E: 0, I: 0, OOS: 0, UH: 0, UO: 0 };
  for (const l of listings) for (const k of ['E', 'I', 'OOS', 'UH', 'UO'] as const) n[k] += l[k];
  const U = n.UH + n.UO;
  const known = n.E + n.I + n.OOS;
  const e = known > 0 ? n.E / known : null;
  const d1 = n.E + U;
  const d3 = n.E + (e ?? 1) * U;
  return {
    listings: listings.length,
    ...n,
    U,
    e,
    rr1: d1 > 0 ? n.E / d1 : null,
    rr3: d3 > 0 ? n.E / d3 : null,
  };
}

/**
 * The overall rates over the stages the survey has: the product of each stage's rate (RR3 with the
 * screening RR3 and person RR1); null when the survey has a single stage (the household rates are then
 * the overall ones) or when a stage's rate is unknown.
 */
export function overallRates(household: Rates, person: PersonRates | null, screening: ScreeningRates | null) {
  if (!person && !screening) return null;
  const times = (...xs: Array<number | null>) =>
    xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a * (b as number), 1);
  const s1 = screening ? screening.rr1 : 1;
  const s3 = screening ? screening.rr3 : 1;
  return {
    rr1: times(s1, household.rr1, person ? person.rr1 : 1),
    rr2: times(s1, household.rr2, person ? person.rr2 : 1),
    rr3: times(s3, household.rr3, person ? person.rr1 : 1),
  };
}
