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
 * The API sends figures only: the definitions a reader sees next to the rates are written in the client's
 * catalogue (client/dashboard/dashboard-columns.ts, `dash.def.*`), in the screen language.
 */
import type { SurveyProfile } from '../contract/survey-profile.ts';

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
