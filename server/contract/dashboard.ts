/** The coordinator's fieldwork dashboard: one document, refreshed by the client while it is open. */
import { z } from 'zod/mini';

const n = z.number().check(z.int());
const rate = z.nullable(z.number());

export const progressRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Sampled households assigned (the target; households of the drawn sample only, see `reserve`). */
  assigned: n,
  /** Assignments with at least one interview received. */
  visited: n,
  /** Assignments whose latest interview is complete (outcome 11). */
  completed: n,
  /** Completes (as `completed`) that a supervisor approved (or later the coordinator). */
  supervisorApproved: n,
  /** Completes (as `completed`) with the final approval: never more than `completed`. */
  approved: n,
  /** Assignments whose latest interview is a non-interview (refusal, no contact, ineligible...). */
  nonInterviews: n,
  /** Non-interviews with the final approval (their disposition confirmed), counted apart from completes. */
  nonInterviewsApproved: n,
});

/**
 * A stage's base-weighted rates (each case counted by its design weight, the inverse of its selection
 * probability before any nonresponse adjustment: server/domain/dashboard-rates.ts); null where a case of
 * the group has no known probability.
 */
const weighted = z.nullable(z.object({ e: rate, eUH: rate, eUO: rate, rr1: rate, rr2: rate, rr3: rate }));

export const ratesRowSchema = z.object({
  key: z.string(),
  cases: n,
  codes: z.record(z.string(), n),
  I: n,
  P: n,
  R: n,
  NC: n,
  O: n,
  UH: n,
  UO: n,
  NE: n,
  e: rate,
  /**
   * UH's and UO's own e (server/domain/dashboard-rates.ts) where the profile marks the not-eligible codes
   * that are no household (`household: false`); null where it marks none (one e, `e`, serves both).
   */
  eUH: rate,
  eUO: rate,
  rr1: rate,
  rr2: rate,
  rr3: rate,
  /** The household stage's base-weighted e (eUH, eUO) and RR1-RR3 (weight 1 / (pi1 x pi2)). */
  weighted,
  /**
   * The person stage (server/domain/dashboard-rates.ts): persons needing the individual interview in the
   * responding households, by class (X: no classed result), and person RR1/RR2; null when the survey's
   * profile classes no person result codes.
   */
  person: z.nullable(
    z.object({
      households: n,
      persons: n,
      I: n,
      P: n,
      R: n,
      NC: n,
      O: n,
      X: n,
      rr1: rate,
      rr2: rate,
      /** Base-weighted person RR1 and RR2 (the household's weight): null where one is unknown. */
      weighted: z.nullable(z.object({ rr1: rate, rr2: rate })),
    }),
  ),
  /**
   * The screening stage of a survey that lists its units before drawing them: the listed units of the
   * group's clusters (E eligible, I ineligible, OOS out of scope, unknown eligibility split into UH unknown
   * if household and UO household of unknown eligibility, U = UH + UO), the estimated shares eligible of
   * UH and of UO (eUH, eUO: an e each, the listing telling households from non-households), screening RR1
   * and RR3 = E / (E + eUH x UH + eUO x UO), and the same base-weighted (weight 1 / pi1)
   * (server/domain/dashboard-rates.ts); null for a survey without a listing, and by enumerator.
   */
  screening: z.nullable(
    z.object({
      listings: n,
      E: n,
      I: n,
      OOS: n,
      UH: n,
      UO: n,
      U: n,
      eUH: rate,
      eUO: rate,
      rr1: rate,
      rr3: rate,
      weighted: z.nullable(z.object({ eUH: rate, eUO: rate, rr1: rate, rr3: rate })),
    }),
  ),
  /**
   * The overall rates over the stages (screening RRk x household RRk x person RRk; RR3 with screening RR3
   * and person RR1), and the products of the base-weighted stage rates (null where a stage has none); null
   * where the group has one stage only.
   */
  overall: z.nullable(
    z.object({
      rr1: rate,
      rr2: rate,
      rr3: rate,
      weighted: z.nullable(z.object({ rr1: rate, rr2: rate, rr3: rate })),
    }),
  ),
});

export const dashboardSchema = z.object({
  /** The survey these figures are of (GET /api/dashboard?survey=<id>). */
  survey: z.string(),
  generatedAt: z.string(),
  // Figures only, no prose: the rates' definitions are the client catalogue's (`dash.def.*`), in the screen language.
  progress: z.object({
    total: progressRowSchema,
    stratum: z.array(progressRowSchema),
    island: z.array(progressRowSchema),
    municipality: z.array(progressRowSchema),
    ea: z.array(progressRowSchema),
    enumerator: z.array(progressRowSchema),
  }),
  /**
   * Assignments of households outside the drawn sample (no pi2: practice or reserve households), counted
   * apart and left out of every other figure: progress, rates, completes, durations, flags and the map.
   */
  reserve: z.object({ total: progressRowSchema, enumerator: z.array(progressRowSchema) }),
  dispositions: z.object({
    total: ratesRowSchema,
    stratum: z.array(ratesRowSchema),
    island: z.array(ratesRowSchema),
    ea: z.array(ratesRowSchema),
    team: z.array(ratesRowSchema),
    enumerator: z.array(ratesRowSchema),
  }),
  completesPerDay: z.array(z.object({ day: z.string(), completes: n })),
  durations: z.array(
    z.object({
      enumerator: z.string(),
      n,
      median: rate,
      p25: rate,
      p75: rate,
      min: rate,
      max: rate,
      /** Complete interviews shorter than 40% of the overall median. */
      short: n,
    }),
  ),
  flags: z.object({
    byCode: z.array(z.object({ code: z.string(), source: z.string(), interviews: n })),
    byEnumerator: z.array(z.object({ enumerator: z.string(), interviews: n, flagged: n, flags: n })),
  }),
  /** The map layer: EA centroids of the frame and the interviews' GPS positions (dashboard-map.ts). */
  map: z.object({
    eas: z.array(z.object({ code: z.string(), lat: z.number(), lon: z.number() })),
    points: z.array(
      z.object({ eaCode: z.string(), lat: z.number(), lon: z.number(), complete: z.boolean() }),
    ),
  }),
  lastSync: z.array(
    z.object({
      enumerator: z.string(),
      deviceId: z.nullable(z.string()),
      lastSyncAt: z.nullable(z.string()),
      uploads: n,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
export type ProgressRow = z.infer<typeof progressRowSchema>;
export type RatesRow = z.infer<typeof ratesRowSchema>;
