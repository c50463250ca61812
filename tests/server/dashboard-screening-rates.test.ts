/**
 * The dashboard's screening stage: a survey that lists and screens its units before drawing them (the
 * ipei stand-in's listing, dispositions classed eligible, ineligible, unknown and out of scope in its
 * profile) gets, by total, EA, team and island, the listed units by class, the screening e (proportion
 * eligible among the units of known eligibility), screening RR1/RR3, and the overall rates that multiply
 * the screening and household stages, equal to the fractions worked out by hand below; the household stage
 * counts UH and UO apart and sums them in AAPOR's formulas; with every eligible unit interviewed, the
 * product equals AAPOR's single-stage RR1 and RR3 over all the listed units.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import { assignments, eaListings, households, users } from '../../server/db/schema.ts';
import { overallRates, responseRates, screeningRates } from '../../server/domain/dashboard-rates.ts';
import { listingContext } from '../helpers/listing-context.ts';
import type { Person, TestContext } from '../helpers/server.ts';

/**
 * Listing dispositions of the stand-in: 1 eligible, 2 ineligible, 3-4 unknown (3 no contact UH, 4 screener
 * refused UO, as its profile's `unknownIfHousehold: [3]` says), 5-6 out of scope.
 */
const dwellings = (dispositions: number[]) =>
  dispositions.map((d, i) => ({ l01_dwelling: i + 1, l05_disposition: d }));
/**
 *   CV-PR-0002 (team A, Santiago): E 4, I 2, UH 1 (3), UO 1 (4), OOS 2 (5, 6); e = 4/8, RR1 = 4/6, RR3 = 4/(4 + 2/2) = 4/5
 *   CV-SL-0002 (team B, Sal):      E 2, I 1, UH 1 (3), UO 0,     OOS 0;       e = 2/3, RR1 = 2/3, RR3 = 2/(2 + 2/3) = 3/4
 *   total:                          E 6, I 3, UH 2, UO 1,         OOS 2;       e = 6/11, RR1 = 6/9, RR3 = 6/(6 + 18/11) = 11/14
 * Every eligible unit is drawn (take 15 > E). Interview outcomes, in dwelling order:
 *   PR: 11 complete, 13 refusal, 2 not eligible, the fourth not visited -> I 1, R 1, NE 1: RR1 = RR3 = 1/2
 *   SL: 11 complete, 3 no contact (UH)                                   -> I 1, UH 1:      RR1 = 1/2, e = 1, RR3 = 1/2
 *   total: I 2, R 1, UH 1, NE 1: RR1 = 2/4, e = 3/4, RR3 = 2/(3 + 3/4) = 8/15
 */
const LISTINGS = { 'CV-PR-0002': [1, 2, 1, 3, 5, 1, 4, 6, 2, 1], 'CV-SL-0002': [1, 3, 2, 1] };
const OUTCOMES: Record<string, Array<number | null>> = {
  'CV-PR-0002': [11, 13, 2, null],
  'CV-SL-0002': [11, 3],
};

let ctx: TestContext;
let dash: Dashboard;
beforeAll(async () => {
  ctx = await listingContext();
  for (const [ea, dispositions] of Object.entries(LISTINGS)) {
    const res = await ctx.request('POST', `/api/listings/${ea}`, {
      as: 'coord',
      body: { questionnaireVersion: 1, answers: { a04_ea: ea, dwellings: dwellings(dispositions) } },
    });
    expect(res.status).toBe(201);
    const drawn = await ctx.database.db
      .select({ id: assignments.id, dwelling: households.dwelling, who: users.username })
      .from(assignments)
      .innerJoin(households, eq(households.id, assignments.householdId))
      .innerJoin(users, eq(users.id, assignments.enumeratorId))
      .where(eq(households.eaCode, ea))
      .orderBy(households.dwelling);
    expect(drawn).toHaveLength(OUTCOMES[ea].length);
    for (const [k, a] of drawn.entries()) {
      const outcome = OUTCOMES[ea][k];
      if (outcome === null) continue;
      const env = {
        interviewId: randomUUID(),
        revision: 1,
        questionnaireId: 'ipei-household',
        questionnaireVersion: 1,
        assignmentId: a.id,
        answers: outcome === 11 ? { b01_consent: 1, b03_size: 2 } : { b01_consent: 2 },
        paradata: {},
        outcome,
        locale: 'pt',
        startedAt: '2026-09-03T09:12:00.000Z',
        completedAt: '2026-09-03T09:51:30.000Z',
        deviceId: 'tablet-07',
      };
      const put = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, {
        as: a.who as Person,
        body: env,
      });
      expect(put.status).toBe(201);
    }
  }
  await ctx.jobs.drain();
  const res = await ctx.request('GET', '/api/dashboard?survey=ipei', { as: 'coord' });
  expect(res.status).toBe(200);
  dash = await res.json();
}, 120_000);
afterAll(async () => ctx?.close());

describe('the screening stage on the dashboard', () => {
  it('total: listed units by class, the screening e and rates, and the overall rates', () => {
    const total = dash.dispositions.total;
    expect(total).toMatchObject({ cases: 5, I: 2, R: 1, UH: 1, UO: 0, NE: 1 });
    expect(total.e).toBeCloseTo(3 / 4, 12);
    expect(total.rr1).toBeCloseTo(1 / 2, 12);
    expect(total.rr3).toBeCloseTo(8 / 15, 12);
    expect(total.screening).toMatchObject({ listings: 2, E: 6, I: 3, OOS: 2, UH: 2, UO: 1, U: 3 });
    expect(total.screening?.e).toBeCloseTo(6 / 11, 12);
    expect(total.screening?.rr1).toBeCloseTo(2 / 3, 12);
    expect(total.screening?.rr3).toBeCloseTo(11 / 14, 12);
    // no person stage in this survey: overall = screening x household
    expect(total.person).toBeNull();
    expect(total.overall?.rr1).toBeCloseTo(1 / 3, 12);
    expect(total.overall?.rr2).toBeCloseTo(1 / 3, 12);
    expect(total.overall?.rr3).toBeCloseTo(44 / 105, 12);
  });

  it('by EA, team and island: each group its own listings; by enumerator no screening stage', () => {
    const pr = dash.dispositions.ea.find((r) => r.key === 'CV-PR-0002')!;
    expect(pr.screening).toMatchObject({ listings: 1, E: 4, I: 2, OOS: 2, UH: 1, UO: 1, U: 2, e: 0.5 });
    expect(pr.screening?.rr3).toBeCloseTo(4 / 5, 12);
    expect(pr.overall?.rr3).toBeCloseTo(2 / 5, 12);
    const sal = dash.dispositions.island.find((r) => r.key === 'Sal')!;
    expect(sal.screening).toMatchObject({ E: 2, I: 1, OOS: 0, UH: 1, UO: 0, U: 1 });
    expect(sal.screening?.e).toBeCloseTo(2 / 3, 12);
    expect(sal.overall?.rr3).toBeCloseTo(3 / 8, 12);
    expect(dash.dispositions.team.map((r) => r.screening?.E)).toEqual([4, 2]);
    expect(dash.dispositions.enumerator.every((r) => r.screening === null && r.overall === null)).toBe(true);
  });

  it("a supervisor's screening stage holds their team's listings only", async () => {
    const mine = (await (
      await ctx.request('GET', '/api/dashboard?survey=ipei', { as: 'sup_b' })
    ).json()) as Dashboard;
    expect(mine.dispositions.total.screening).toMatchObject({
      listings: 1,
      E: 2,
      I: 1,
      OOS: 0,
      UH: 1,
      UO: 0,
    });
  });

  it('a listing whose stored dispositions no longer read keeps its recorded unknowns, all as UH', async () => {
    const where = eq(eaListings.eaCode, 'CV-PR-0002');
    const [{ answers }] = await ctx.database.db
      .select({ answers: eaListings.answers })
      .from(eaListings)
      .where(where);
    await ctx.database.db.update(eaListings).set({ answers: '{"dwellings":"lost"}' }).where(where);
    const res = await ctx.request('GET', '/api/dashboard?survey=ipei', { as: 'coord' });
    expect(res.status).toBe(200);
    const pr = ((await res.json()) as Dashboard).dispositions.ea.find((r) => r.key === 'CV-PR-0002')!;
    // recorded U 2 (one no contact, one refused): UH 2, UO 0; the rates unchanged (one e over UH + UO)
    expect(pr.screening).toMatchObject({ E: 4, I: 2, OOS: 2, UH: 2, UO: 0, U: 2 });
    expect(pr.screening?.rr3).toBeCloseTo(4 / 5, 12);
    await ctx.database.db.update(eaListings).set({ answers }).where(where);
  });
});

describe('the rates as AAPOR writes them', () => {
  it('UH and UO are counted apart and summed: RR1-RR3 by hand', () => {
    // constructed households: I I P R NC O UH UO UO NE NE (codes 1..11 classed in that order)
    const classes = new Map<number, 'I' | 'P' | 'R' | 'NC' | 'O' | 'UH' | 'UO' | 'NE'>([
      [1, 'I'],
      [2, 'P'],
      [3, 'R'],
      [4, 'NC'],
      [5, 'O'],
      [6, 'UH'],
      [7, 'UO'],
      [8, 'NE'],
    ]);
    const r = responseRates([1, 1, 2, 3, 4, 5, 6, 7, 7, 8, 8], classes);
    expect(r).toMatchObject({ cases: 11, I: 2, P: 1, R: 1, NC: 1, O: 1, UH: 1, UO: 2, NE: 2 });
    // RR1 = I / ((I + P) + (R + NC + O) + (UH + UO)) = 2 / (3 + 3 + 3)
    expect(r.rr1).toBeCloseTo(2 / 9, 12);
    expect(r.rr2).toBeCloseTo(3 / 9, 12);
    // e = 6 / (6 + 2); RR3 = 2 / (6 + 3/4 x 3) = 8/33
    expect(r.e).toBeCloseTo(3 / 4, 12);
    expect(r.rr3).toBeCloseTo(8 / 33, 12);
  });

  it('every eligible unit interviewed: the product of the stages is the single-stage RR1 and RR3', () => {
    // listing: E 3, I 1, OOS 1, UH 1, UO 1; the 3 eligible units interviewed: I, I, R
    const screening = screeningRates([{ E: 3, I: 1, OOS: 1, UH: 1, UO: 1 }]);
    const household = responseRates(
      [11, 11, 13],
      new Map([
        [11, 'I'],
        [13, 'R'],
      ] as const),
    );
    const overall = overallRates(household, null, screening)!;
    // single stage over all 7 listed units: I 2, R 1, U 2 (UH/UO), NE 2; e = 3/5
    // RR1 = 2 / (3 + 2) = 2/5; RR3 = 2 / (3 + 3/5 x 2) = 10/21
    expect(screening.e).toBeCloseTo(3 / 5, 12);
    expect(overall.rr1).toBeCloseTo(2 / 5, 12);
    expect(overall.rr3).toBeCloseTo(10 / 21, 12);
    // no stage beyond the household: no overall rates
    expect(overallRates(household, null, null)).toBeNull();
  });
});
