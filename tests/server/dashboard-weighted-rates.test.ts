/**
 * The dashboard's base-weighted AAPOR rates beside the unweighted ones (AAPOR's rates for unequal
 * probabilities of selection): two listed EAs of the ipei stand-in with different pi1 and pi2 give, by
 * total, the household stage weighted by 1 / (pi1 x pi2), the screening stage weighted by 1 / pi1 and the
 * overall products, equal to the fractions worked out by hand below and different from the unweighted ones;
 * within one EA (equal weights) weighted equals unweighted; an EA whose pi1 is unknown leaves its groups with
 * no weighted rates (never rates over the other cases); the person stage weighs each person by their
 * household's weight.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import { assignments, enumerationAreas, households, users } from '../../server/db/schema.ts';
import { overallRates, personRates, responseRates } from '../../server/domain/dashboard-rates.ts';
import { createTestContext, type Person, type TestContext } from '../helpers/server.ts';

const ipeiStandIn = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));

/**
 * Listings (dispositions 1 E, 2 I, 3 no contact UH, 4 screener refused UO, 5 vacant OOS):
 *   CV-PR-0003, pi1 0.2 (listed unit weight 5):  E 4, I 1, UH 1, UO 1, OOS 1; take 3 -> pi2 = 3/4
 *   CV-SL-0003, pi1 0.5 (listed unit weight 2):  E 2, I 2, UH 2;              take 2 -> pi2 = 1
 * Screening, unweighted: E 6, I 3, OOS 1, UH 3, UO 1
 *   e = 6/10 = 3/5, RR1 = 6/10 = 3/5, RR3 = 6 / (6 + 3/5 x 4) = 5/7
 * Screening, weighted: E 20 + 4 = 24, I 5 + 4 = 9, OOS 5, UH 5 + 4 = 9, UO 5
 *   e = 24/38 = 12/19, RR1 = 24 / (24 + 14) = 12/19, RR3 = 24 / (24 + 12/19 x 14) = 19/26
 * Households (11 I, 13 R, 3 UH, 2 NE), weight 1 / (pi1 x pi2): PR 1 / (0.2 x 3/4) = 20/3, SL 1 / (0.5 x 1) = 2
 *   PR: 11, 13, 3;  SL: 11, 2
 *   unweighted: I 2, R 1, UH 1, NE 1: e = 3/4, RR1 = 2/4 = 1/2, RR3 = 2 / (3 + 3/4) = 8/15
 *   weighted: I 20/3 + 2 = 26/3, R 20/3, UH 20/3, NE 2; eligible 46/3
 *     e = (46/3) / (46/3 + 2) = 23/26, RR1 = (26/3) / (66/3) = 13/33,
 *     RR3 = (26/3) / (46/3 + 23/26 x 20/3) = 676/1656 = 169/414
 * Overall (no person stage): unweighted RR1 = 3/5 x 1/2 = 3/10, RR3 = 5/7 x 8/15 = 8/21;
 *   weighted RR1 = 12/19 x 13/33 = 52/209, RR3 = 19/26 x 169/414 = 247/828
 */
const EAS = [
  { code: 'CV-PR-0003', stratum: 'PR', island: 'Santiago', teamId: 'team-a', pi1: 0.2 },
  { code: 'CV-SL-0003', stratum: 'SL', island: 'Sal', teamId: 'team-b', pi1: 0.5 },
];
const LISTINGS: Record<string, { dispositions: number[]; take: number; pi2: number; outcomes: number[] }> = {
  'CV-PR-0003': { dispositions: [1, 1, 1, 1, 2, 3, 4, 5], take: 3, pi2: 3 / 4, outcomes: [11, 13, 3] },
  'CV-SL-0003': { dispositions: [1, 1, 3, 3, 2, 2], take: 2, pi2: 1, outcomes: [11, 2] },
};

let ctx: TestContext;
const dashboard = async (): Promise<Dashboard> => {
  const res = await ctx.request('GET', '/api/dashboard?survey=ipei', { as: 'coord' });
  expect(res.status).toBe(200);
  return res.json();
};
beforeAll(async () => {
  ctx = await createTestContext({}, { surveyDirs: [ipeiStandIn] });
  await ctx.database.db
    .insert(enumerationAreas)
    .values(EAS.map((e) => ({ ...e, municipality: `CV-${e.stratum}` })));
  for (const [ea, l] of Object.entries(LISTINGS)) {
    const dwellings = l.dispositions.map((d, i) => ({ l01_dwelling: i + 1, l05_disposition: d }));
    const res = await ctx.request('POST', `/api/listings/${ea}`, {
      as: 'coord',
      body: { questionnaireVersion: 1, take: l.take, answers: { a04_ea: ea, dwellings } },
    });
    expect(res.status).toBe(201);
    const drawn = await ctx.database.db
      .select({ id: assignments.id, pi2: households.pi2, who: users.username })
      .from(assignments)
      .innerJoin(households, eq(households.id, assignments.householdId))
      .innerJoin(users, eq(users.id, assignments.enumeratorId))
      .where(eq(households.eaCode, ea))
      .orderBy(households.dwelling);
    expect(drawn.map((d) => d.pi2)).toEqual(l.outcomes.map(() => l.pi2));
    for (const [k, a] of drawn.entries()) {
      const outcome = l.outcomes[k];
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
}, 120_000);
afterAll(async () => ctx?.close());

describe('base-weighted rates on the dashboard', () => {
  it('total: the household, screening and overall rates weighted, beside the unweighted ones', async () => {
    const total = (await dashboard()).dispositions.total;
    expect(total).toMatchObject({ I: 2, R: 1, UH: 1, NE: 1 });
    expect(total.rr1).toBeCloseTo(1 / 2, 12);
    expect(total.rr3).toBeCloseTo(8 / 15, 12);
    expect(total.weighted?.e).toBeCloseTo(23 / 26, 12);
    expect(total.weighted?.rr1).toBeCloseTo(13 / 33, 12);
    expect(total.weighted?.rr3).toBeCloseTo(169 / 414, 12);
    expect(total.screening).toMatchObject({ E: 6, I: 3, OOS: 1, UH: 3, UO: 1 });
    expect(total.screening?.rr1).toBeCloseTo(3 / 5, 12);
    expect(total.screening?.rr3).toBeCloseTo(5 / 7, 12);
    expect(total.screening?.weighted?.e).toBeCloseTo(12 / 19, 12);
    expect(total.screening?.weighted?.rr1).toBeCloseTo(12 / 19, 12);
    expect(total.screening?.weighted?.rr3).toBeCloseTo(19 / 26, 12);
    expect(total.overall?.rr1).toBeCloseTo(3 / 10, 12);
    expect(total.overall?.rr3).toBeCloseTo(8 / 21, 12);
    expect(total.overall?.weighted?.rr1).toBeCloseTo(52 / 209, 12);
    expect(total.overall?.weighted?.rr3).toBeCloseTo(247 / 828, 12);
  });

  it('within one EA every case has the same weight: weighted equals unweighted', async () => {
    const pr = (await dashboard()).dispositions.ea.find((r) => r.key === 'CV-PR-0003')!;
    // PR: I 1, R 1, UH 1, no NE: e = 1, RR1 = RR3 = 1/3
    expect(pr.weighted?.rr1).toBeCloseTo(1 / 3, 12);
    expect(pr.weighted?.rr3).toBeCloseTo(pr.rr3 as number, 12);
    expect(pr.screening?.weighted?.rr3).toBeCloseTo(pr.screening?.rr3 as number, 12);
  });

  it("an EA whose pi1 is unknown leaves its groups without weighted rates, the others' kept", async () => {
    await ctx.database.db
      .update(enumerationAreas)
      .set({ pi1: null })
      .where(eq(enumerationAreas.code, 'CV-SL-0003'));
    const d = await dashboard();
    expect(d.dispositions.total.rr1).toBeCloseTo(1 / 2, 12);
    expect(d.dispositions.total.weighted).toBeNull();
    expect(d.dispositions.total.screening?.weighted).toBeNull();
    expect(d.dispositions.total.overall?.weighted).toBeNull();
    const pr = d.dispositions.stratum.find((r) => r.key === 'PR')!;
    expect(pr.weighted?.rr1).toBeCloseTo(1 / 3, 12);
    await ctx.database.db
      .update(enumerationAreas)
      .set({ pi1: 0.5 })
      .where(eq(enumerationAreas.code, 'CV-SL-0003'));
  });
});

describe('the person stage weighted by the household', () => {
  it('persons count with their household weight; the overall product uses the weighted stages', () => {
    // household A (weight 10): persons I, R; household B (weight 2): person I
    // unweighted RR1 = 2/3; weighted RR1 = (10 + 2) / (10 + 10 + 2) = 6/11
    const classes = new Map([
      [21, 'I'],
      [23, 'R'],
    ] as const);
    const p = personRates([[21, 23], [21]], classes, [10, 2]);
    expect(p.rr1).toBeCloseTo(2 / 3, 12);
    expect(p.weighted?.rr1).toBeCloseTo(6 / 11, 12);
    expect(personRates([[21], [23]], classes, [10, null]).weighted).toBeNull();
    // households A I (weight 10), B I (weight 2), C R (weight 8): weighted RR1 = RR3 = 12/20
    const h = responseRates(
      [11, 11, 13],
      new Map([
        [11, 'I'],
        [13, 'R'],
      ] as const),
      [10, 2, 8],
    );
    expect(h.rr1).toBeCloseTo(2 / 3, 12);
    expect(h.weighted?.rr1).toBeCloseTo(3 / 5, 12);
    // overall weighted RR1 = 3/5 x 6/11 = 18/55; RR3 = 3/5 x 6/11 (no screening stage)
    const o = overallRates(h, p, null)!;
    expect(o.weighted?.rr1).toBeCloseTo(18 / 55, 12);
    expect(o.weighted?.rr3).toBeCloseTo(18 / 55, 12);
    expect(o.rr1).toBeCloseTo(4 / 9, 12);
  });
});
