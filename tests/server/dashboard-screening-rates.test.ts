/**
 * The dashboard's screening stage: a survey that lists and screens its units before drawing them (the
 * ipei stand-in's listing, dispositions classed eligible, ineligible, unknown and out of scope in its
 * profile) gets, by total, EA, team and island, the listed units by class, the screening e of UH and of UO
 * (e_UO the screened households' share eligible, e_UH the share of households times e_UO), screening
 * RR1/RR3, and the overall rates that multiply
 * the screening and household stages, equal to the fractions worked out by hand below; the household stage
 * counts UH and UO apart and sums them in AAPOR's formulas; with every eligible unit interviewed, the
 * product equals AAPOR's single-stage RR1 and RR3 over all the listed units.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import { assignments, eaListings, enumerationAreas, households, users } from '../../server/db/schema.ts';
import { overallRates, responseRates, screeningRates } from '../../server/domain/dashboard-rates.ts';
import { EA_TEAM_A, EA_TEAM_B, IPEI_STAND_IN, listingContext } from '../helpers/listing-context.ts';
import { createTestContext, type Person, type TestContext } from '../helpers/server.ts';

/**
 * Listing dispositions of the stand-in: 1 eligible, 2 ineligible, 3-4 unknown (3 no contact UH, 4 screener
 * refused UO, as its profile's `unknownIfHousehold: [3]` says), 5-6 out of scope.
 */
const dwellings = (dispositions: number[]) =>
  dispositions.map((d, i) => ({ l01_dwelling: i + 1, l05_disposition: d }));
/**
 * e_UO = E / (E + I), h = (E + I + UO) / (E + I + UO + OOS), e_UH = h x e_UO, RR3 = E / (E + e_UH UH + e_UO UO):
 *   CV-PR-0002 (team A, Santiago): E 4, I 2, UH 1 (3), UO 1 (4), OOS 2 (5, 6); RR1 = 4/6;
 *     e_UO = 4/6 = 2/3, h = 7/9, e_UH = 14/27, RR3 = 4 / (4 + 14/27 + 18/27) = 4 / (140/27) = 27/35
 *   CV-SL-0002 (team B, Sal):      E 2, I 1, UH 1 (3), UO 0,     OOS 0;       RR1 = 2/3;
 *     e_UO = 2/3, h = 3/3 = 1, e_UH = 2/3, RR3 = 2 / (2 + 2/3) = 3/4
 *   total:                          E 6, I 3, UH 2, UO 1,         OOS 2;       RR1 = 6/9;
 *     e_UO = 6/9 = 2/3, h = 10/12 = 5/6, e_UH = 5/9, RR3 = 6 / (6 + 10/9 + 6/9) = 6 / (70/9) = 27/35
 *     (AAPOR's one e, 6/11 over UH + UO, would give 6 / (6 + 18/11) = 11/14)
 * Every eligible unit is drawn (take 15 > E). Interview outcomes, in dwelling order:
 *   PR: 11 complete, 13 refusal, 2 not eligible, the fourth not visited -> I 1, R 1, NE 1: RR1 = RR3 = 1/2
 *   SL: 11 complete, 3 no contact (UH)                                   -> I 1, UH 1:      RR1 = 1/2, e = 1, RR3 = 1/2
 *   total: I 2, R 1, UH 1, NE 1: RR1 = 2/4, e = 3/4, RR3 = 2/(3 + 3/4) = 8/15
 * Overall: RR1 = 2/3 x 1/2 = 1/3; RR3 = 27/35 x 8/15 = 72/175 (total), 27/35 x 1/2 = 27/70 (PR),
 *   3/4 x 1/2 = 3/8 (Sal)
 */
const LISTINGS = { 'CV-PR-0002': [1, 2, 1, 3, 5, 1, 4, 6, 2, 1], 'CV-SL-0002': [1, 3, 2, 1] };
const OUTCOMES: Record<string, Array<number | null>> = {
  'CV-PR-0002': [11, 13, 2, null],
  'CV-SL-0002': [11, 3],
};

/** Lists the EAs, interviews their drawn households with `outcomes` (null: not visited), returns the dashboard. */
async function fieldwork(
  ctx: TestContext,
  outcomes: Record<string, Array<number | null>>,
): Promise<Dashboard> {
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
    expect(drawn).toHaveLength(outcomes[ea].length);
    for (const [k, a] of drawn.entries()) {
      const outcome = outcomes[ea][k];
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
  return res.json();
}

let ctx: TestContext;
let dash: Dashboard;
beforeAll(async () => {
  ctx = await listingContext();
  dash = await fieldwork(ctx, OUTCOMES);
}, 120_000);
afterAll(async () => ctx?.close());

describe('the screening stage on the dashboard', () => {
  it('total: listed units by class, the screening e of UH and UO, the rates and the overall rates', () => {
    const total = dash.dispositions.total;
    expect(total).toMatchObject({ cases: 5, I: 2, R: 1, UH: 1, UO: 0, NE: 1 });
    expect(total.e).toBeCloseTo(3 / 4, 12);
    expect(total.rr1).toBeCloseTo(1 / 2, 12);
    expect(total.rr3).toBeCloseTo(8 / 15, 12);
    expect(total.screening).toMatchObject({ listings: 2, E: 6, I: 3, OOS: 2, UH: 2, UO: 1, U: 3 });
    expect(total.screening?.eUO).toBeCloseTo(2 / 3, 12);
    expect(total.screening?.eUH).toBeCloseTo(5 / 9, 12);
    expect(total.screening?.rr1).toBeCloseTo(2 / 3, 12);
    expect(total.screening?.rr3).toBeCloseTo(27 / 35, 12);
    // no person stage in this survey: overall = screening x household
    expect(total.person).toBeNull();
    expect(total.overall?.rr1).toBeCloseTo(1 / 3, 12);
    expect(total.overall?.rr2).toBeCloseTo(1 / 3, 12);
    expect(total.overall?.rr3).toBeCloseTo(72 / 175, 12);
  });

  it('by EA, team and island: each group its own listings; by enumerator no screening stage', () => {
    const pr = dash.dispositions.ea.find((r) => r.key === 'CV-PR-0002')!;
    expect(pr.screening).toMatchObject({ listings: 1, E: 4, I: 2, OOS: 2, UH: 1, UO: 1, U: 2 });
    expect(pr.screening?.eUO).toBeCloseTo(2 / 3, 12);
    expect(pr.screening?.eUH).toBeCloseTo(14 / 27, 12);
    expect(pr.screening?.rr3).toBeCloseTo(27 / 35, 12);
    expect(pr.overall?.rr3).toBeCloseTo(27 / 70, 12);
    const sal = dash.dispositions.island.find((r) => r.key === 'Sal')!;
    expect(sal.screening).toMatchObject({ E: 2, I: 1, OOS: 0, UH: 1, UO: 0, U: 1 });
    expect(sal.screening?.eUO).toBeCloseTo(2 / 3, 12);
    expect(sal.screening?.eUH).toBeCloseTo(2 / 3, 12);
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
    // recorded U 2 (one no contact, one refused): UH 2, UO 0; RR1 unchanged, RR3 with both as UH:
    // e_UO = 4/6, h = 6/8, e_UH = 1/2, RR3 = 4 / (4 + 2/2) = 4/5 (27/35 with the refusal a UO)
    expect(pr.screening).toMatchObject({ E: 4, I: 2, OOS: 2, UH: 2, UO: 0, U: 2 });
    expect(pr.screening?.rr1).toBeCloseTo(2 / 3, 12);
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
    // screening: e_UO = 3/4, h = (3 + 1 + 1) / 6 = 5/6, e_UH = 5/8; RR3 = 3 / (3 + 5/8 + 3/4) = 24/35
    // single stage over all 7 listed units: I 2, R 1, UH 1, UO 1, NE 2 (one of them a household), the same e's:
    // RR1 = 2 / (3 + 2) = 2/5; RR3 = 2 / (3 + 5/8 + 3/4) = 16/35 = 24/35 x 2/3
    expect(screening.eUO).toBeCloseTo(3 / 4, 12);
    expect(screening.eUH).toBeCloseTo(5 / 8, 12);
    expect(overall.rr1).toBeCloseTo(2 / 5, 12);
    expect(overall.rr3).toBeCloseTo(16 / 35, 12);
    // no stage beyond the household: no overall rates
    expect(overallRates(household, null, null)).toBeNull();
  });
});

describe('UH and UO take an e each (the listing tells households from units that are not)', () => {
  // two listings: A (listed unit weight 2) E 1, I 3, OOS 2, UH 3, UO 2; B (weight 1) E 3, I 1
  const listings = [
    { E: 1, I: 3, OOS: 2, UH: 3, UO: 2, w: 2 },
    { E: 3, I: 1, OOS: 0, UH: 0, UO: 0, w: 1 },
  ];

  it('unweighted: e_UO over the screened households, e_UH the households share times e_UO', () => {
    // E 4, I 4, OOS 2, UH 3, UO 2
    // e_UO = 4 / (4 + 4) = 1/2; h = (4 + 4 + 2) / (10 + 2) = 5/6; e_UH = 5/6 x 1/2 = 5/12
    // RR1 = 4 / (4 + 3 + 2) = 4/9; RR3 = 4 / (4 + 3 x 5/12 + 2 x 1/2) = 4 / (25/4) = 16/25
    // one e = 4 / (4 + 4 + 2) = 2/5 over UH + UO would give 4 / (4 + 2/5 x 5) = 2/3
    const r = screeningRates(listings);
    expect(r).toMatchObject({ E: 4, I: 4, OOS: 2, UH: 3, UO: 2, U: 5 });
    expect(r.eUO).toBeCloseTo(1 / 2, 12);
    expect(r.eUH).toBeCloseTo(5 / 12, 12);
    expect(r.rr1).toBeCloseTo(4 / 9, 12);
    expect(r.rr3).toBeCloseTo(16 / 25, 12);
    expect(Math.abs((r.rr3 as number) - 2 / 3)).toBeGreaterThan(0.02);
  });

  it('weighted by the listed units\u2019 1 / pi1: the same shares over the weighted counts', () => {
    // E 2 + 3 = 5, I 6 + 1 = 7, OOS 4, UH 6, UO 4
    // e_UO = 5 / 12; h = (5 + 7 + 4) / (16 + 4) = 4/5; e_UH = 4/5 x 5/12 = 1/3
    // RR1 = 5 / (5 + 6 + 4) = 1/3; RR3 = 5 / (5 + 6 x 1/3 + 4 x 5/12) = 5 / (26/3) = 15/26
    // one e = 5/16 over UH + UO would give 5 / (5 + 5/16 x 10) = 8/13
    const w = screeningRates(listings).weighted!;
    expect(w.eUO).toBeCloseTo(5 / 12, 12);
    expect(w.eUH).toBeCloseTo(1 / 3, 12);
    expect(w.rr1).toBeCloseTo(1 / 3, 12);
    expect(w.rr3).toBeCloseTo(15 / 26, 12);
    expect(Math.abs((w.rr3 as number) - 8 / 13)).toBeGreaterThan(0.02);
  });

  it('a share with nothing to estimate it from counts its unknowns in full, as RR1', () => {
    // no screened household (E = I = 0): e_UO and e_UH unknown; RR3 = RR1 = 0 / (0 + 1 + 1)
    const none = screeningRates([{ E: 0, I: 0, OOS: 0, UH: 1, UO: 1 }]);
    expect(none).toMatchObject({ eUO: null, eUH: null, rr1: 0, rr3: 0 });
    // E 2, I 2, UH 2, UO 0, OOS 0: h = 4/4 = 1, e_UH = e_UO = 1/2; RR3 = 2 / (2 + 2/2) = 2/3
    const allHouseholds = screeningRates([{ E: 2, I: 2, OOS: 0, UH: 2, UO: 0 }]);
    expect(allHouseholds.eUH).toBeCloseTo(1 / 2, 12);
    expect(allHouseholds.rr3).toBeCloseTo(2 / 3, 12);
  });
});

describe('the household stage: UH and UO take an e each where the profile marks the NE codes that are no household', () => {
  // codes: 1 I, 3 R, 6 UH, 7 UO, 8 NE a household screened out, 9 NE no household (vacant: NX)
  const classes = new Map([
    [1, 'I'],
    [3, 'R'],
    [6, 'UH'],
    [7, 'UO'],
    [8, 'NE'],
    [9, 'NE'],
  ] as const);
  const outcomes = [1, 1, 3, 6, 6, 7, 8, 9, 9];
  const weights = [1, 3, 2, 1, 1, 2, 4, 1, 3];

  it('unweighted: e_UO over the households of known eligibility, e_UH the households share times e_UO', () => {
    // I 2, R 1, UH 2, UO 1, NE 3 of which NX 2; eligible 3, households of known eligibility 3 + 3 - 2 = 4
    // e_UO = 3/4; h = (4 + 1) / (4 + 1 + 2) = 5/7; e_UH = 5/7 x 3/4 = 15/28
    // RR3 = 2 / (3 + 2 x 15/28 + 3/4) = 2 / (135/28) = 56/135
    // one e = 3 / (3 + 3) = 1/2 would give 2 / (3 + 1/2 x 3) = 4/9 = 60/135
    const r = responseRates(outcomes, classes, weights, new Set([9]));
    expect(r).toMatchObject({ I: 2, R: 1, UH: 2, UO: 1, NE: 3 });
    expect(r.e).toBeCloseTo(1 / 2, 12);
    expect(r.eUO).toBeCloseTo(3 / 4, 12);
    expect(r.eUH).toBeCloseTo(15 / 28, 12);
    expect(r.rr3).toBeCloseTo(56 / 135, 12);
    // RR1 and RR2 count every unknown: 2 / 6
    expect(r.rr1).toBeCloseTo(1 / 3, 12);
  });

  it('weighted: the same shares over the base weights', () => {
    // I 1 + 3 = 4, R 2, UH 1 + 1 = 2, UO 2, NE 4 + 1 + 3 = 8 of which NX 1 + 3 = 4; eligible 6, households 10
    // e_UO = 6/10 = 3/5; h = (10 + 2) / (10 + 2 + 4) = 3/4; e_UH = 9/20
    // RR3 = 4 / (6 + 2 x 9/20 + 2 x 3/5) = 4 / (81/10) = 40/81; one e 6/14 would give 4 / (54/7) = 14/27
    const w = responseRates(outcomes, classes, weights, new Set([9])).weighted!;
    expect(w.eUO).toBeCloseTo(3 / 5, 12);
    expect(w.eUH).toBeCloseTo(9 / 20, 12);
    expect(w.rr3).toBeCloseTo(40 / 81, 12);
    // RR1 = 4 / (6 + 2 + 2) = 2/5
    expect(w.rr1).toBeCloseTo(2 / 5, 12);
  });

  it('with no NE code marked, one e serves UH and UO: AAPOR single-e RR3', () => {
    const r = responseRates(outcomes, classes, weights);
    expect(r).toMatchObject({ eUH: null, eUO: null });
    expect(r.rr3).toBeCloseTo(4 / 9, 12);
    expect(r.weighted?.rr3).toBeCloseTo(14 / 27, 12);
  });
});

describe('the dashboard reads which NE codes are no household from the profile', () => {
  it('a stand-in whose profile marks vacant (5) and not a dwelling (6): the household e of UH and UO', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'morabeza-nx-'));
    cpSync(IPEI_STAND_IN, dir, { recursive: true });
    const file = join(dir, 'ipei', 'profile.json');
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    for (const c of profile.outcome.codes) if (c.code === 5 || c.code === 6) c.household = false;
    writeFileSync(file, JSON.stringify(profile));
    const marked = await createTestContext({}, { surveyDirs: [dir] });
    try {
      await marked.database.db.insert(enumerationAreas).values([EA_TEAM_A, EA_TEAM_B]);
      // PR: complete, refusal, vacant (5, no household), not visited; SL: complete, no contact (UH)
      const d = await fieldwork(marked, { 'CV-PR-0002': [11, 13, 5, null], 'CV-SL-0002': [11, 3] });
      // I 2, R 1, UH 1, NE 1 (NX 1): households of known eligibility 3 + 1 - 1 = 3, e_UO = 3/3 = 1;
      // h = 3 / (3 + 1) = 3/4, e_UH = 3/4 (with no UO, the one e 3/4); RR3 = 2 / (3 + 3/4) = 8/15
      const total = d.dispositions.total;
      expect(total).toMatchObject({ I: 2, R: 1, UH: 1, NE: 1, eUO: 1 });
      expect(total.eUH).toBeCloseTo(3 / 4, 12);
      expect(total.rr3).toBeCloseTo(8 / 15, 12);
      expect(total.weighted?.eUO).toBe(1);
    } finally {
      await marked.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // the unmarked stand-in: one e, no e_UH or e_UO
    expect(dash.dispositions.total).toMatchObject({ eUH: null, eUO: null });
  }, 120_000);
});
