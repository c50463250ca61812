/**
 * Dispositions and AAPOR response rates (AAPOR Standard Definitions, 10th ed., 2023, "Response rates" and
 * "Some complex designs") from the survey's outcome codes, each classed in its profile
 * (outcome.codes[].aapor). Each assignment counts once, with the outcome of its latest interview:
 *   I complete, P partial, R refusal and break-off, NC non-contact, O other eligible non-interview,
 *   UH unknown if household / occupied, UO unknown other (each counted apart, summed in the rates),
 *   NE not eligible. AAPOR's formulas as written:
 *   RR1 = I / ((I + P) + (R + NC + O) + (UH + UO))
 *   RR2 = (I + P) / ((I + P) + (R + NC + O) + (UH + UO))
 *   RR3 = I / ((I + P) + (R + NC + O) + e(UH + UO))        (one e, unless the profile tells: see below)
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
 * rates here, as AAPOR writes RR1 and RR3. The listing tells a unit that is not a household (OOS) from a
 * household screened ineligible (I), so UH and UO take an e each (AAPOR: e is "the estimated proportion of
 * cases of unknown eligibility that are eligible", which may be estimated separately for UH and UO,
 * RR3 = I / ((I + P) + (R + NC + O) + e_UH x UH + e_UO x UO)), both by the proportion-eligible method:
 *   e_UO = E / (E + I)                        (a UO is a household: the screened households' share eligible)
 *   h = (E + I + UO) / (E + I + UO + OOS)     (the share households among the units known to be one or not)
 *   e_UH = h x e_UO                           (a UH unit is eligible if it is a household and that one is)
 *   screening RR1 = E / (E + UH + UO)         (every unknown counted eligible, as RR1 and RR2 do)
 *   screening RR3 = E / (E + e_UH x UH + e_UO x UO)
 * A share with no case to estimate it from (no screened household, no unit known to be a household or not)
 * counts its unknowns in full (1), as RR1. With UO = 0, e_UH is the one e E / (E + I + OOS) of AAPOR's
 * single-e RR3; with UO > 0 the single e would discount the UO, known households, by the OOS share too.
 * U = UH + UO is kept for the reader who wants the total. The household stage's outcome codes class every
 * not-eligible case NE; where the profile marks those that are no household (vacant, not a dwelling:
 * `household: false`, NX of NE), its UH and UO take an e each in the same way, e_UO = (I + P + R + NC + O) /
 * (I + P + R + NC + O + NE - NX) and h = (I + P + R + NC + O + NE - NX + UO) / (... + NE + UO); where it marks
 * none, households screened out and non-households cannot be told apart and one e serves UH + UO.
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
 * over all the listed units: E / (E + e_UH UH + e_UO UO) x I / E = I / (E + e_UH UH + e_UO UO).
 *
 * Base-weighted rates beside the unweighted ones (AAPOR Standard Definitions advises, where units are
 * selected with unequal probabilities, rates weighted by the inverse of the selection probability, the base
 * weight before any nonresponse adjustment): the same formulas with each case counted by its design
 * weight instead of 1. A drawn household's weight is 1 / (pi1 x pi2) (its cluster's and its own inclusion
 * probability, as the weighting inputs read them; the recipes' base weight), its persons' the same (every
 * eligible person of a household is taken); a listed unit's is 1 / pi1 (the listing covers the whole
 * cluster). The weighted e (e_UH, e_UO) are the proportion-eligible shares over the weighted counts; the
 * weighted RR1-RR3 are the formulas over them, and the weighted overall RR1-RR3 the products of the weighted
 * stage rates (RR2 with the weighted screening RR1, as unweighted). A group with a case whose probability is not known (an EA
 * without pi1) has no weighted rates (null), never rates over the cases that have one.
 * The API sends figures only: the definitions a reader sees next to the rates are written in the client's
 * catalogue (client/dashboard/dashboard-columns.ts, `dash.def.*`), in the screen language.
 */
import type { AaporClass, PERSON_AAPOR_CLASSES, SurveyProfile } from '../contract/survey-profile.ts';

type RateClass = AaporClass;

/** Outcome code to rate class, as the profile declares it. */
export function rateClasses(profile: SurveyProfile): Map<number, RateClass> {
  return new Map(profile.outcome.codes.map((c) => [c.code, c.aapor]));
}

/** The not-eligible codes the profile marks as no household at all (`household: false`): none, one e. */
export function notHouseholdCodes(profile: SurveyProfile): Set<number> {
  return new Set(profile.outcome.codes.filter((c) => c.household === false).map((c) => c.code));
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
  /** UH's and UO's own e where the profile tells households among its NE codes; else null (one e). */
  eUH: number | null;
  eUO: number | null;
  rr1: number | null;
  rr2: number | null;
  rr3: number | null;
  /** The base-weighted e and RR1-RR3 (null: no weights given, or one unknown). */
  weighted: WeightedRates | null;
}

/** A case's class totals: counts, or sums of base weights; NX the NE cases that are no household (of NE). */
type ClassTotals = Record<'I' | 'P' | 'R' | 'NC' | 'O' | 'UH' | 'UO' | 'NE' | 'NX', number>;

/**
 * AAPOR's e, RR1, RR2 and RR3 from class totals (the formulas above: their one home for the household
 * stage's cases). `split`: the profile tells the NE cases that are no household (NX), so UH and UO take an
 * e each, as the screening stage's: e_UO = eligible / (eligible + NE - NX), h = (eligible + NE - NX + UO) /
 * (eligible + NE + UO), e_UH = h x e_UO, RR3 = I / (eligible + e_UH UH + e_UO UO).
 */
function aapor(n: ClassTotals, split: boolean) {
  const eligible = n.I + n.P + n.R + n.NC + n.O;
  const e = eligible + n.NE > 0 ? eligible / (eligible + n.NE) : null;
  const unknown = n.UH + n.UO;
  const d1 = eligible + unknown;
  const households = eligible + n.NE - n.NX;
  const eUO = split && households > 0 ? eligible / households : null;
  const h = split && households + n.UO + n.NX > 0 ? (households + n.UO) / (households + n.UO + n.NX) : null;
  // no case of known eligibility yet: e is unknown, and RR3 counts the unknowns in full (as RR1)
  const d3 = split
    ? eligible + (h ?? 1) * (eUO ?? 1) * n.UH + (eUO ?? 1) * n.UO
    : eligible + (e ?? 1) * unknown;
  return {
    e,
    eUH: h === null || eUO === null ? null : h * eUO,
    eUO,
    rr1: d1 > 0 ? n.I / d1 : null,
    rr2: d1 > 0 ? (n.I + n.P) / d1 : null,
    rr3: d3 > 0 ? n.I / d3 : null,
  };
}

/** The household stage's base-weighted e and RR1-RR3; null where a case has no known weight, or no case. */
export interface WeightedRates {
  e: number | null;
  eUH: number | null;
  eUO: number | null;
  rr1: number | null;
  rr2: number | null;
  rr3: number | null;
}

/** Whether every weight is known (a number): else a group has no weighted rates. */
const allKnown = (weights: Array<number | null>): weights is number[] =>
  weights.length > 0 && weights.every((w) => w !== null && Number.isFinite(w));

/**
 * The household stage: `outcomes` the latest outcome of each assignment, `weights` (same order) each
 * household's base weight 1 / (pi1 x pi2), null where unknown; `notHousehold` the NE codes that are no
 * household (the profile's `household: false`): with one, UH and UO take an e each.
 */
export function responseRates(
  outcomes: number[],
  classes: Map<number, RateClass>,
  weights?: Array<number | null>,
  notHousehold: ReadonlySet<number> = new Set(),
): Rates {
  const n: ClassTotals = { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0, NX: 0 };
  const w: ClassTotals = { ...n };
  const codes: Record<string, number> = {};
  outcomes.forEach((o, k) => {
    codes[o] = (codes[o] ?? 0) + 1;
    const c = classes.get(o);
    if (!c) return;
    n[c]++;
    w[c] += weights?.[k] ?? 0;
    if (c === 'NE' && notHousehold.has(o)) {
      n.NX++;
      w.NX += weights?.[k] ?? 0;
    }
  });
  const split = notHousehold.size > 0;
  const { NX: _, ...counts } = n;
  return {
    cases: outcomes.length,
    codes,
    ...counts,
    ...aapor(n, split),
    weighted: weights && allKnown(weights) ? aapor(w, split) : null,
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
  /** Base-weighted person RR1 (= RR3: a person's eligibility is known) and RR2; null without known weights. */
  weighted: { rr1: number | null; rr2: number | null } | null;
}

/**
 * The person stage over the households' persons: each household is its persons' result codes (null: none);
 * `weights` (same order) each household's base weight, its persons' too (null where unknown).
 */
export function personRates(
  households: Array<Array<number | null>>,
  classes: Map<number, PersonClass>,
  weights?: Array<number | null>,
): PersonRates {
  const n = { I: 0, P: 0, R: 0, NC: 0, O: 0, X: 0 };
  let persons = 0;
  let wAll = 0;
  let wI = 0;
  let wP = 0;
  households.forEach((results, k) => {
    const w = weights?.[k] ?? 0;
    for (const r of results) {
      persons++;
      const c = (r === null ? undefined : classes.get(r)) ?? 'X';
      n[c]++;
      wAll += w;
      if (c === 'I') wI += w;
      if (c === 'P') wP += w;
    }
  });
  return {
    households: households.length,
    persons,
    ...n,
    rr1: persons > 0 ? n.I / persons : null,
    rr2: persons > 0 ? (n.I + n.P) / persons : null,
    weighted:
      weights && allKnown(weights)
        ? { rr1: wAll > 0 ? wI / wAll : null, rr2: wAll > 0 ? (wI + wP) / wAll : null }
        : null,
  };
}

/**
 * A screening stage's counts: listed units eligible, ineligible, out of scope, UH and UO of one listing, and
 * `w` its listed units' base weight 1 / pi1 (null where the cluster's pi1 is unknown).
 */
export interface ScreeningCounts {
  E: number;
  I: number;
  OOS: number;
  UH: number;
  UO: number;
  w?: number | null;
}

export interface ScreeningRates extends Omit<ScreeningCounts, 'w'> {
  /** Listings (clusters) counted. */
  listings: number;
  /** UH + UO. */
  U: number;
  /** The estimated shares eligible of UH and of UO (null: no case to estimate one from). */
  eUH: number | null;
  eUO: number | null;
  rr1: number | null;
  rr3: number | null;
  /** The same from the listed units' base weights (null: a listing's weight unknown). */
  weighted: ScreeningStageRates | null;
}

/** A screening stage's e_UH, e_UO, RR1 and RR3. */
export interface ScreeningStageRates {
  eUH: number | null;
  eUO: number | null;
  rr1: number | null;
  rr3: number | null;
}

const SCREENING_CLASSES = ['E', 'I', 'OOS', 'UH', 'UO'] as const;

/** The screening e_UH, e_UO, RR1 and RR3 from the listed units' totals (counts, or sums of base weights). */
function screening(n: Record<(typeof SCREENING_CLASSES)[number], number>): ScreeningStageRates {
  const screened = n.E + n.I;
  const eUO = screened > 0 ? n.E / screened : null;
  const households = screened + n.UO;
  const h = households + n.OOS > 0 ? households / (households + n.OOS) : null;
  const d1 = n.E + n.UH + n.UO;
  // a share that cannot be estimated counts its unknowns in full, as RR1
  const d3 = n.E + (h ?? 1) * (eUO ?? 1) * n.UH + (eUO ?? 1) * n.UO;
  return {
    eUH: h === null || eUO === null ? null : h * eUO,
    eUO,
    rr1: d1 > 0 ? n.E / d1 : null,
    rr3: d3 > 0 ? n.E / d3 : null,
  };
}

/** The screening stage over the listings of a group (their counts summed, and weighted by their w). */
export function screeningRates(listings: ScreeningCounts[]): ScreeningRates {
  const n = { E: 0, I: 0, OOS: 0, UH: 0, UO: 0 };
  const w = { ...n };
  for (const l of listings)
    for (const k of SCREENING_CLASSES) {
      n[k] += l[k];
      w[k] += l[k] * (l.w ?? 0);
    }
  const weights = listings.map((l) => l.w ?? null);
  return {
    listings: listings.length,
    ...n,
    U: n.UH + n.UO,
    ...screening(n),
    weighted: allKnown(weights) ? screening(w) : null,
  };
}

/**
 * The overall rates over the stages the survey has: the product of each stage's rate (RR3 with the
 * screening RR3 and person RR1), and the same product of the base-weighted stage rates (null where a stage
 * has none); null when the survey has a single stage (the household rates are then the overall ones); a
 * rate is null when a stage's rate is unknown.
 */
export function overallRates(household: Rates, person: PersonRates | null, screening: ScreeningRates | null) {
  if (!person && !screening) return null;
  const times = (...xs: Array<number | null | undefined>) =>
    xs.some((x) => x === null || x === undefined) ? null : xs.reduce<number>((a, b) => a * (b as number), 1);
  const s1 = screening ? screening.rr1 : 1;
  const s3 = screening ? screening.rr3 : 1;
  const hw = household.weighted;
  const sw = screening ? screening.weighted : { rr1: 1, rr3: 1 };
  const pw = person ? person.weighted : { rr1: 1, rr2: 1 };
  return {
    rr1: times(s1, household.rr1, person ? person.rr1 : 1),
    rr2: times(s1, household.rr2, person ? person.rr2 : 1),
    rr3: times(s3, household.rr3, person ? person.rr1 : 1),
    weighted:
      hw && sw && pw
        ? {
            rr1: times(sw.rr1, hw.rr1, pw.rr1),
            rr2: times(sw.rr1, hw.rr2, pw.rr2),
            rr3: times(sw.rr3, hw.rr3, pw.rr1),
          }
        : null,
  };
}
