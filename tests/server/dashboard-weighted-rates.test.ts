/**
 * The dashboard's base-weighted AAPOR rates beside the unweighted ones (AAPOR's rates for unequal
 * probabilities of selection): two listed EAs of the ipei stand-in with different pi1 and pi2 give, by
 * total, the household stage weighted by 1 / (pi1 x pi2), the screening stage weighted by 1 / pi1 and the
 * overall products, equal to the fractions worked out by hand below and different from the unweighted ones;
 * within one EA (equal weights) weighted equals unweighted; an EA whose pi1 is unknown leaves its groups with
 * no weighted rates (never rates over the other cases); the person stage weighs each person by their
 * household's weight; the weighted RR2 counts the partials at the household and person stages and
 * multiplies into the weighted overall RR2.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import { assignments, enumerationAreas, households, users } from '../../server/db/schema.ts';
import {
  overallRates,
  personRates,
  responseRates,
  screeningRates,
} from '../../server/domain/dashboard-rates.ts';
import { createTestContext, type Person, type TestContext } from '../helpers/server.ts';

const ipeiStandIn = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));

/**
 * Listings (dispositions 1 E, 2 I, 3 no contact UH, 4 screener refused UO, 5 vacant OOS):
 *   CV-PR-0003, pi1 0.2 (listed unit weight 5):  E 4, I 1, UH 1, UO 1, OOS 1; take 3 -> pi2 = 3/4
 *   CV-SL-0003, pi1 0.5 (listed unit weight 2):  E 2, I 2, UH 2;              take 2 -> pi2 = 1
 * Screening (e_UO = E / (E + I), h = (E + I + UO) / (E + I + UO + OOS), e_UH = h x e_UO):
 *   unweighted: E 6, I 3, OOS 1, UH 3, UO 1
 *     e_UO = 6/9 = 2/3, h = 10/11, e_UH = 20/33, RR1 = 6/10 = 3/5,
 *     RR3 = 6 / (6 + 3 x 20/33 + 2/3) = 6 / (280/33) = 99/140
 *   weighted: E 20 + 4 = 24, I 5 + 4 = 9, OOS 5, UH 5 + 4 = 9, UO 5
 *     e_UO = 24/33 = 8/11, h = 38/43, e_UH = 304/473, RR1 = 24 / (24 + 14) = 12/19,
 *     RR3 = 24 / (24 + 9 x 304/473 + 5 x 8/11) = 24 / (15808/473) = 1419/1976
 * Households (11 I, 13 R, 3 UH, 2 NE), weight 1 / (pi1 x pi2): PR 1 / (0.2 x 3/4) = 20/3, SL 1 / (0.5 x 1) = 2
 *   PR: 11, 13, 3;  SL: 11, 2
 *   unweighted: I 2, R 1, UH 1, NE 1: e = 3/4, RR1 = 2/4 = 1/2, RR3 = 2 / (3 + 3/4) = 8/15
 *   weighted: I 20/3 + 2 = 26/3, R 20/3, UH 20/3, NE 2; eligible 46/3
 *     e = (46/3) / (46/3 + 2) = 23/26, RR1 = RR2 = (26/3) / (66/3) = 13/33 (no partial),
 *     RR3 = (26/3) / (46/3 + 23/26 x 20/3) = 676/1656 = 169/414
 * Overall (no person stage): unweighted RR1 = RR2 = 3/5 x 1/2 = 3/10, RR3 = 99/140 x 8/15 = 66/175;
 *   weighted RR1 = RR2 = 12/19 x 13/33 = 52/209, RR3 = 1419/1976 x 169/414 = 6149/20976
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
    expect(total.weighted?.rr2).toBeCloseTo(13 / 33, 12);
    expect(total.weighted?.rr3).toBeCloseTo(169 / 414, 12);
    expect(total.screening).toMatchObject({ E: 6, I: 3, OOS: 1, UH: 3, UO: 1 });
    expect(total.screening?.rr1).toBeCloseTo(3 / 5, 12);
    expect(total.screening?.eUO).toBeCloseTo(2 / 3, 12);
    expect(total.screening?.eUH).toBeCloseTo(20 / 33, 12);
    expect(total.screening?.rr3).toBeCloseTo(99 / 140, 12);
    expect(total.screening?.weighted?.eUO).toBeCloseTo(8 / 11, 12);
    expect(total.screening?.weighted?.eUH).toBeCloseTo(304 / 473, 12);
    expect(total.screening?.weighted?.rr1).toBeCloseTo(12 / 19, 12);
    expect(total.screening?.weighted?.rr3).toBeCloseTo(1419 / 1976, 12);
    expect(total.overall?.rr1).toBeCloseTo(3 / 10, 12);
    expect(total.overall?.rr3).toBeCloseTo(66 / 175, 12);
    expect(total.overall?.weighted?.rr1).toBeCloseTo(52 / 209, 12);
    expect(total.overall?.weighted?.rr2).toBeCloseTo(52 / 209, 12);
    expect(total.overall?.weighted?.rr3).toBeCloseTo(6149 / 20976, 12);
  });

  it('the OpenAPI schema carries the weighted RR2 of every stage and the screening e of UH and UO', async () => {
    const doc = await (await ctx.request('GET', '/api/openapi.json')).json();
    // a nullable object is anyOf [object, null]
    const props = (schema: { properties?: object; anyOf?: Array<{ properties?: object }> }) =>
      Object.keys(schema.properties ?? schema.anyOf?.find((s) => s.properties)?.properties ?? {});
    const row = doc.components.schemas.Dashboard.properties.dispositions.properties.total;
    const stage = (k: string) => row.properties[k].anyOf.find((s: { properties?: object }) => s.properties);
    expect(props(row.properties.weighted)).toEqual(['e', 'eUH', 'eUO', 'rr1', 'rr2', 'rr3']);
    expect(props(row)).toEqual(expect.arrayContaining(['e', 'eUH', 'eUO']));
    expect(props(stage('person').properties.weighted)).toEqual(['rr1', 'rr2']);
    expect(props(stage('overall').properties.weighted)).toEqual(['rr1', 'rr2', 'rr3']);
    expect(props(stage('screening'))).toEqual(expect.arrayContaining(['eUH', 'eUO']));
    expect(props(stage('screening'))).not.toContain('e');
    expect(props(stage('screening').properties.weighted)).toEqual(['eUH', 'eUO', 'rr1', 'rr3']);
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

describe('weighted RR2 at each stage and overall', () => {
  it('household, person and overall RR2 count the partials, weighted and unweighted', () => {
    // households: codes 1 I (weight 1), 2 P (2), 2 P (3), 3 R (4), 6 UH (5), 8 NE (6)
    const classes = new Map([
      [1, 'I'],
      [2, 'P'],
      [3, 'R'],
      [6, 'UH'],
      [8, 'NE'],
    ] as const);
    const h = responseRates([1, 2, 2, 3, 6, 8], classes, [1, 2, 3, 4, 5, 6]);
    // unweighted: I 1, P 2, R 1, UH 1: RR1 = 1/5, RR2 = (1 + 2) / 5 = 3/5
    expect(h.rr1).toBeCloseTo(1 / 5, 12);
    expect(h.rr2).toBeCloseTo(3 / 5, 12);
    // weighted: I 1, P 2 + 3 = 5, R 4, UH 5, NE 6; denominator 1 + 5 + 4 + 5 = 15
    //   RR1 = 1/15, RR2 = (1 + 5) / 15 = 2/5; e = 10/16 = 5/8, RR3 = 1 / (10 + 5/8 x 5) = 8/105
    expect(h.weighted?.rr1).toBeCloseTo(1 / 15, 12);
    expect(h.weighted?.rr2).toBeCloseTo(2 / 5, 12);
    expect(h.weighted?.rr3).toBeCloseTo(8 / 105, 12);
    // persons: household A (weight 3) I, P; household B (weight 1) P, R
    const p = personRates(
      [
        [21, 22],
        [22, 23],
      ],
      new Map([
        [21, 'I'],
        [22, 'P'],
        [23, 'R'],
      ] as const),
      [3, 1],
    );
    // unweighted RR1 = 1/4, RR2 = 3/4; weighted RR1 = 3 / (3 + 3 + 1 + 1) = 3/8, RR2 = (3 + 3 + 1) / 8 = 7/8
    expect(p.rr2).toBeCloseTo(3 / 4, 12);
    expect(p.weighted?.rr1).toBeCloseTo(3 / 8, 12);
    expect(p.weighted?.rr2).toBeCloseTo(7 / 8, 12);
    // screening (listed unit weights 2 and 1): unweighted E 4 of E + UH + UO = 9, RR1 = 4/9;
    //   weighted E 5 of 5 + 6 + 4 = 15, RR1 = 1/3 (screening RR2 = RR1: a listed unit is never partial)
    const s = screeningRates([
      { E: 1, I: 3, OOS: 2, UH: 3, UO: 2, w: 2 },
      { E: 3, I: 1, OOS: 0, UH: 0, UO: 0, w: 1 },
    ]);
    const o = overallRates(h, p, s)!;
    // overall RR2 = screening RR1 x household RR2 x person RR2: unweighted 4/9 x 3/5 x 3/4 = 1/5,
    //   weighted 1/3 x 2/5 x 7/8 = 7/60
    expect(o.rr2).toBeCloseTo(1 / 5, 12);
    expect(o.weighted?.rr2).toBeCloseTo(7 / 60, 12);
    expect(o.weighted?.rr1).toBeCloseTo((1 / 3) * (1 / 15) * (3 / 8), 12);
  });
});
