/**
 * Dispositions and AAPOR response rates (AAPOR Standard Definitions, 10th ed., 2023) from the survey's
 * outcome codes, each classed in its profile (outcome.codes[].aapor). Each assignment counts once, with the
 * outcome of its latest interview:
 *   I complete, P partial, R refusal and break-off, NC non-contact, O other eligible non-interview,
 *   UH/UO unknown eligibility (counted together as UH), NE not eligible
 *   RR1 = I / (I + P + R + NC + O + UH)
 *   RR2 = (I + P) / (I + P + R + NC + O + UH)
 *   RR3 = I / (I + P + R + NC + O + e * UH), e = (I + P + R + NC + O) / (I + P + R + NC + O + NE)
 * Assignments not yet visited have no disposition: they are left out of the rates (they show in progress).
 *
 * The person stage, where the survey interviews persons within households (profile roster.personResult with
 * its `codes` classed I, P, R, NC, O): the persons are the roster rows of the responding households (the
 * latest interview's outcome an I or P code, as the weighting's respondents) that need the individual
 * interview (roster.eligible and aged individualMinAge or more: the weighting's `individual`). A person's
 * eligibility is known from the roster, so the person stage has no UH; a person with no classed result
 * (none recorded yet, in a partial household) counts as an eligible non-interview, X:
 *   person RR1 = I / (I + P + R + NC + O + X)
 *   person RR2 = (I + P) / (I + P + R + NC + O + X)
 * and the overall two-stage rates multiply the stages (AAPOR's rule for multi-stage designs):
 *   overall RR1 = household RR1 x person RR1, overall RR2 = household RR2 x person RR2,
 *   overall RR3 = household RR3 x person RR1 (person RR3 = person RR1: no unknown eligibility).
 * The API sends figures only: the definitions a reader sees next to the rates are written in the client's
 * catalogue (client/dashboard/dashboard-columns.ts, `dash.def.*`), in the screen language.
 */
import type { PERSON_AAPOR_CLASSES, SurveyProfile } from '../contract/survey-profile.ts';

type RateClass = 'I' | 'P' | 'R' | 'NC' | 'O' | 'UH' | 'NE';

/** Outcome code to rate class (UO, unknown other, is counted with UH). */
export function rateClasses(profile: SurveyProfile): Map<number, RateClass> {
  return new Map(profile.outcome.codes.map((c) => [c.code, c.aapor === 'UO' ? 'UH' : c.aapor]));
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
  NE: number;
  e: number | null;
  rr1: number | null;
  rr2: number | null;
  rr3: number | null;
}

export function responseRates(outcomes: number[], classes: Map<number, RateClass>): Rates {
  const n = { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, NE: 0 };
  const codes: Record<string, number> = {};
  for (const o of outcomes) {
    codes[o] = (codes[o] ?? 0) + 1;
    const c = classes.get(o);
    if (c) n[c]++;
  }
  const eligible = n.I + n.P + n.R + n.NC + n.O;
  const e = eligible + n.NE > 0 ? eligible / (eligible + n.NE) : null;
  const d1 = eligible + n.UH;
  const d3 = eligible + (e ?? 1) * n.UH;
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

/** The overall two-stage rates: each household rate times the person rate (RR3 with person RR1). */
export function overallRates(household: Rates, person: PersonRates) {
  const times = (a: number | null, b: number | null) => (a === null || b === null ? null : a * b);
  return {
    rr1: times(household.rr1, person.rr1),
    rr2: times(household.rr2, person.rr2),
    rr3: times(household.rr3, person.rr1),
  };
}
