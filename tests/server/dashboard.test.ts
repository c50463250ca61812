/**
 * The dashboard's figures equal the same figures computed here, independently, from the plan of seeded
 * assignments and interviews (outcomes, days, durations, devices, reviews). Two reserve households (drawn
 * by no listing, pi2 null, as the demo's practice assignments), one of them interviewed, are counted apart
 * and change none of the sample's figures.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import { assignments, enumerationAreas, households } from '../../server/db/schema.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
let dash: Dashboard;

const EAS = {
  'CV-PR-0001': { stratum: 'PR', island: 'Santiago', municipality: 'CV-PR' },
  'CV-SL-0001': { stratum: 'SL', island: 'Sal', municipality: 'CV-SL' },
  'CV-SV-0001': { stratum: 'SV', island: 'São Vicente', municipality: 'CV-SV' },
} as const;
type Ea = keyof typeof EAS;

/** Every assignment: its enumerator and EA (the helper's three plus these). */
const ASSIGNMENTS: Array<{ id: string; who: Person; ea: Ea }> = [
  { id: 'A-enum_a1', who: 'enum_a1', ea: 'CV-PR-0001' },
  { id: 'X-a1-11', who: 'enum_a1', ea: 'CV-PR-0001' },
  { id: 'X-a1-12', who: 'enum_a1', ea: 'CV-PR-0001' },
  { id: 'X-a1-13', who: 'enum_a1', ea: 'CV-PR-0001' },
  { id: 'X-a1-14', who: 'enum_a1', ea: 'CV-PR-0001' },
  { id: 'A-enum_a2', who: 'enum_a2', ea: 'CV-PR-0001' },
  { id: 'X-a2-1', who: 'enum_a2', ea: 'CV-SV-0001' },
  { id: 'X-a2-2', who: 'enum_a2', ea: 'CV-SV-0001' },
  { id: 'X-a2-3', who: 'enum_a2', ea: 'CV-SV-0001' },
  { id: 'A-enum_b1', who: 'enum_b1', ea: 'CV-SL-0001' },
  { id: 'X-b1-11', who: 'enum_b1', ea: 'CV-SL-0001' },
  { id: 'X-b1-12', who: 'enum_b1', ea: 'CV-SL-0001' },
  { id: 'X-b1-13', who: 'enum_b1', ea: 'CV-SL-0001' },
];

interface Case {
  assignment: string;
  outcome: number;
  day: string;
  minutes: number;
  device: string;
  review: 'none' | 'supervisor' | 'final';
  bad?: boolean;
  /** The tablet's GPS fix [lat, lon], or why it has none. */
  gps?: [number, number] | 'no fix';
}
const CASES: Case[] = [
  {
    assignment: 'A-enum_a1',
    outcome: 11,
    day: '2026-09-03',
    minutes: 40,
    device: 'tab-1',
    review: 'final',
    gps: [14.921, -23.509],
  },
  {
    assignment: 'X-a1-11',
    outcome: 11,
    day: '2026-09-03',
    minutes: 35,
    device: 'tab-1',
    review: 'supervisor',
  },
  // an approved refusal and a supervisor-approved non-contact: not completes, counted apart
  {
    assignment: 'X-a1-12',
    outcome: 13,
    day: '2026-09-04',
    minutes: 5,
    device: 'tab-1',
    review: 'final',
    gps: [14.935, -23.52],
  },
  { assignment: 'X-a1-13', outcome: 2, day: '2026-09-04', minutes: 3, device: 'tab-9', review: 'none' },
  {
    assignment: 'A-enum_a2',
    outcome: 11,
    day: '2026-09-04',
    minutes: 50,
    device: 'tab-2',
    review: 'supervisor',
  },
  { assignment: 'X-a2-1', outcome: 14, day: '2026-09-05', minutes: 2, device: 'tab-2', review: 'supervisor' },
  {
    assignment: 'X-a2-2',
    outcome: 3,
    day: '2026-09-05',
    minutes: 1,
    device: 'tab-2',
    review: 'none',
    gps: [16.89, -24.98],
  },
  {
    assignment: 'A-enum_b1',
    outcome: 11,
    day: '2026-09-05',
    minutes: 45,
    device: 'tab-3',
    review: 'none',
    bad: true,
  },
  {
    assignment: 'X-b1-11',
    outcome: 12,
    day: '2026-09-05',
    minutes: 20,
    device: 'tab-3',
    review: 'none',
    gps: 'no fix',
  },
  { assignment: 'X-b1-12', outcome: 5, day: '2026-09-06', minutes: 1, device: 'tab-3', review: 'none' },
];
/** Households outside the drawn sample (no pi2): a practice interview for enum_a1, nothing for enum_b1. */
const RESERVE: Array<{ id: string; who: Person; ea: Ea }> = [
  { id: 'R-a1-practice', who: 'enum_a1', ea: 'CV-PR-0001' },
  { id: 'R-b1-practice', who: 'enum_b1', ea: 'CV-SL-0001' },
];
const RESERVE_CASES: Case[] = [
  {
    assignment: 'R-a1-practice',
    outcome: 11,
    day: '2026-09-07',
    minutes: 5,
    device: 'tab-1',
    review: 'none',
    gps: [14.95, -23.6],
  },
];
const CENTROIDS: Record<string, [number, number]> = {
  'CV-PR-0001': [14.93, -23.51],
  'CV-SL-0001': [16.74, -22.93],
};
const assignmentOf = (id: string) => [...ASSIGNMENTS, ...RESERVE].find((a) => a.id === id)!;
const supervisorOf = (who: Person): Person => (who === 'enum_b1' ? 'sup_b' : 'sup_a');
const local = (day: string, minutes: number) =>
  `${day}T${String(10 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000-01:00`;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.database.db
    .insert(enumerationAreas)
    .values({ code: 'CV-SV-0001', ...EAS['CV-SV-0001'], teamId: 'team-a', pi1: 0.5 });
  // the frame's centroids of two EAs; CV-SV-0001 has none
  for (const [code, [lat, lon]] of Object.entries(CENTROIDS))
    await ctx.database.db
      .update(enumerationAreas)
      .set({ centroidLat: lat, centroidLon: lon })
      .where(eq(enumerationAreas.code, code));
  for (const [i, a] of ASSIGNMENTS.entries()) {
    if (a.id.startsWith('A-')) continue;
    const householdId = `${a.ea}-h${i}`;
    await ctx.database.db
      .insert(households)
      .values({ id: householdId, eaCode: a.ea, dwelling: 100 + i, pi2: 0.5 });
    await ctx.database.db.insert(assignments).values({
      id: a.id,
      householdId,
      questionnaireId: 'test-household',
      questionnaireVersion: 1,
      enumeratorId: ctx.userIds[a.who],
    });
  }
  // reserve households: drawn by no listing, so no pi2
  for (const [i, a] of RESERVE.entries()) {
    const householdId = `${a.ea}-r${i}`;
    await ctx.database.db.insert(households).values({ id: householdId, eaCode: a.ea, dwelling: 900 + i });
    await ctx.database.db.insert(assignments).values({
      id: a.id,
      householdId,
      questionnaireId: 'test-household',
      questionnaireVersion: 1,
      enumeratorId: ctx.userIds[a.who],
    });
  }
  const ids = new Map<Case, string>();
  for (const c of [...CASES, ...RESERVE_CASES]) {
    const { who } = assignmentOf(c.assignment);
    const answers =
      c.outcome === 11
        ? { a04_ea: assignmentOf(c.assignment).ea, b01_consent: 1, b03_size: c.bad ? 99 : 3 }
        : { b01_consent: 2 };
    const env = envelope(ctx, who, {
      assignmentId: c.assignment,
      outcome: c.outcome,
      answers,
      startedAt: local(c.day, 0),
      completedAt: local(c.day, c.minutes),
      deviceId: c.device,
      paradata: {
        device: c.device,
        ...(c.gps === 'no fix'
          ? { gps: { status: 'missing', reason: 'no fix' } }
          : c.gps
            ? { gps: { status: 'ok', latitude: c.gps[0], longitude: c.gps[1], accuracyM: 12 } }
            : {}),
      },
    });
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: who, body: env });
    expect(res.status).toBe(201);
    ids.set(c, env.interviewId);
  }
  await ctx.jobs.drain();
  for (const c of CASES) {
    if (c.review === 'none') continue;
    const body = { action: 'approve', revision: 1 };
    const path = `/api/interviews/${ids.get(c)}/review`;
    const who = assignmentOf(c.assignment).who;
    expect((await ctx.request('POST', path, { as: supervisorOf(who), body })).status).toBe(200);
    if (c.review === 'final')
      expect((await ctx.request('POST', path, { as: 'coord', body })).status).toBe(200);
  }
  const res = await ctx.request('GET', '/api/dashboard', { as: 'coord' });
  expect(res.status).toBe(200);
  dash = await res.json();
}, 120_000);
afterAll(async () => ctx.close());

/** Progress computed from the plan: one row per group. */
function expectedProgress(key: (a: (typeof ASSIGNMENTS)[number]) => string) {
  const out: Record<string, Record<string, number>> = {};
  for (const a of ASSIGNMENTS) {
    const k = key(a);
    out[k] ??= {
      assigned: 0,
      visited: 0,
      completed: 0,
      supervisorApproved: 0,
      approved: 0,
      nonInterviews: 0,
      nonInterviewsApproved: 0,
    };
    out[k].assigned++;
    const c = CASES.find((x) => x.assignment === a.id);
    if (!c) continue;
    out[k].visited++;
    if (c.outcome === 11) {
      out[k].completed++;
      if (c.review !== 'none') out[k].supervisorApproved++;
      if (c.review === 'final') out[k].approved++;
    } else {
      out[k].nonInterviews++;
      if (c.review === 'final') out[k].nonInterviewsApproved++;
    }
  }
  return out;
}
const asMap = (rows: Array<{ key: string } & Record<string, unknown>>) =>
  Object.fromEntries(
    rows.map(
      ({
        key,
        assigned,
        visited,
        completed,
        supervisorApproved,
        approved,
        nonInterviews,
        nonInterviewsApproved,
      }) => [
        key,
        { assigned, visited, completed, supervisorApproved, approved, nonInterviews, nonInterviewsApproved },
      ],
    ),
  );

describe('fieldwork dashboard', () => {
  it('progress by stratum, island, municipality, EA and enumerator equals the plan', () => {
    expect(asMap(dash.progress.stratum)).toEqual(expectedProgress((a) => EAS[a.ea].stratum));
    expect(asMap(dash.progress.island)).toEqual(expectedProgress((a) => EAS[a.ea].island));
    expect(asMap(dash.progress.municipality)).toEqual(expectedProgress((a) => EAS[a.ea].municipality));
    expect(asMap(dash.progress.ea)).toEqual(expectedProgress((a) => a.ea));
    expect(asMap(dash.progress.enumerator)).toEqual(expectedProgress((a) => a.who));
    expect(dash.progress.total).toMatchObject({
      assigned: 13,
      visited: 10,
      completed: 4,
      supervisorApproved: 3,
      approved: 1,
      nonInterviews: 6,
      nonInterviewsApproved: 1,
    });
    // approvals never exceed the completes they count
    for (const row of dash.progress.stratum)
      expect(row.supervisorApproved).toBeLessThanOrEqual(row.completed);
  });

  it('dispositions and AAPOR RR1/RR2/RR3 by stratum equal the textbook formulas on the plan', () => {
    for (const stratum of ['PR', 'SL', 'SV']) {
      const outcomes = CASES.filter((c) => EAS[assignmentOf(c.assignment).ea].stratum === stratum).map(
        (c) => c.outcome,
      );
      const count = (codes: number[]) => outcomes.filter((o) => codes.includes(o)).length;
      const I = count([11]);
      const P = count([12]);
      const eligibleNonI = count([13, 14, 15, 16, 1]);
      const UH = count([3, 4]);
      const NE = count([2, 5, 6]);
      const eligible = I + P + eligibleNonI;
      const e = eligible / (eligible + NE);
      const row = dash.dispositions.stratum.find((r) => r.key === stratum)!;
      expect(row.cases).toBe(outcomes.length);
      expect(row.rr1).toBeCloseTo(I / (eligible + UH), 12);
      expect(row.rr2).toBeCloseTo((I + P) / (eligible + UH), 12);
      expect(row.rr3).toBeCloseTo(I / (eligible + e * UH), 12);
      for (const o of new Set(outcomes)) expect(row.codes[o]).toBe(count([o]));
    }
    // the test survey classes no person result codes: no person stage, no overall two-stage rate
    expect(dash.dispositions.total).toMatchObject({ person: null, overall: null });
    // SV: one non-contact (14) and one unknown eligibility (3), no complete
    expect(dash.dispositions.stratum.find((r) => r.key === 'SV')).toMatchObject({
      I: 0,
      NC: 1,
      UH: 1,
      rr1: 0,
    });
  });

  it('completes per day, durations per enumerator and flag counts equal the plan', () => {
    const perDay: Record<string, number> = {};
    for (const c of CASES) if (c.outcome === 11) perDay[c.day] = (perDay[c.day] ?? 0) + 1;
    expect(Object.fromEntries(dash.completesPerDay.map((d) => [d.day, d.completes]))).toEqual(perDay);
    const a1 = dash.durations.find((d) => d.enumerator === 'enum_a1')!;
    expect(a1.n).toBe(2);
    expect(a1.median).toBeCloseTo((40 + 35) / 2, 9);
    expect(a1.min).toBeCloseTo(35, 9);
    expect(dash.durations.find((d) => d.enumerator === 'enum_b1')?.median).toBeCloseTo(45, 9);
    // only enum_b1's complete with b03_size = 99 fails validation
    expect(dash.flags.byEnumerator.find((f) => f.enumerator === 'enum_b1')).toMatchObject({
      interviews: 3,
      flagged: 1,
    });
    expect(dash.flags.byEnumerator.find((f) => f.enumerator === 'enum_a1')?.flagged).toBe(0);
    expect(dash.flags.byCode.reduce((a, f) => a + f.interviews, 0)).toBeGreaterThanOrEqual(1);
  });

  it('last sync of every enumerator and device', () => {
    // uploads are the device's, practice interviews included
    const expected = new Map<string, number>();
    for (const c of [...CASES, ...RESERVE_CASES]) {
      const key = `${assignmentOf(c.assignment).who}/${c.device}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map(dash.lastSync.map((s) => [`${s.enumerator}/${s.deviceId}`, s.uploads]));
    expect(got).toEqual(expected);
    expect(dash.lastSync.every((s) => s.lastSyncAt && Date.parse(s.lastSyncAt) > 0)).toBe(true);
  });

  it('the map layer: the frame centroids of EAs with fieldwork, and every GPS fix with its EA', async () => {
    expect(dash.map.eas).toEqual(Object.entries(CENTROIDS).map(([code, [lat, lon]]) => ({ code, lat, lon })));
    const fixes = CASES.flatMap((c) =>
      Array.isArray(c.gps)
        ? [
            {
              eaCode: assignmentOf(c.assignment).ea,
              lat: c.gps[0],
              lon: c.gps[1],
              complete: c.outcome === 11,
            },
          ]
        : [],
    );
    const byPlace = (a: { lat: number }, b: { lat: number }) => a.lat - b.lat;
    expect([...dash.map.points].sort(byPlace)).toEqual(fixes.sort(byPlace));
    // a supervisor sees their team's points only
    const mine = (await (await ctx.request('GET', '/api/dashboard', { as: 'sup_b' })).json()) as Dashboard;
    expect(mine.map.points).toEqual([]);
    expect(mine.map.eas.map((e) => e.code)).toEqual(['CV-SL-0001']);
  });

  it('reserve households (no pi2) are counted apart, total and per enumerator, and in no other figure', async () => {
    // the sample's figures above equal the plan without them; here, their own counts
    expect(dash.reserve.total).toMatchObject({ assigned: 2, visited: 1, completed: 1, nonInterviews: 0 });
    expect(asMap(dash.reserve.enumerator)).toEqual({
      enum_a1: {
        assigned: 1,
        visited: 1,
        completed: 1,
        supervisorApproved: 0,
        approved: 0,
        nonInterviews: 0,
        nonInterviewsApproved: 0,
      },
      enum_b1: {
        assigned: 1,
        visited: 0,
        completed: 0,
        supervisorApproved: 0,
        approved: 0,
        nonInterviews: 0,
        nonInterviewsApproved: 0,
      },
    });
    expect(dash.progress.enumerator.find((r) => r.key === 'enum_a1')?.assigned).toBe(5);
    expect(dash.dispositions.total.cases).toBe(CASES.length);
    expect(dash.completesPerDay.map((d) => d.day)).not.toContain('2026-09-07');
    expect(dash.durations.find((d) => d.enumerator === 'enum_a1')?.min).toBeCloseTo(35, 9);
    expect(dash.map.points.map((p) => p.lat)).not.toContain(14.95);
    const mine = (await (await ctx.request('GET', '/api/dashboard', { as: 'sup_b' })).json()) as Dashboard;
    expect(mine.reserve.total.assigned).toBe(1);
    expect(mine.reserve.enumerator.map((r) => r.key)).toEqual(['enum_b1']);
  });

  it('sends figures, not prose: the rate definitions have one home, the client catalogue', async () => {
    expect(Object.keys(dash)).not.toContain('rateDefinitions');
    expect(JSON.stringify(dash)).not.toMatch(/eligible|unvisited|among resolved/);
    const doc = await (await ctx.request('GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.components.schemas.Dashboard.properties)).not.toContain('rateDefinitions');
  });

  it("a supervisor's dashboard holds their team only; enumerators and analysts are refused", async () => {
    const res = await ctx.request('GET', '/api/dashboard', { as: 'sup_b' });
    const mine = (await res.json()) as Dashboard;
    expect(mine.progress.enumerator.map((r) => r.key)).toEqual(['enum_b1']);
    expect(mine.progress.total.assigned).toBe(4);
    expect(mine.lastSync.map((s) => s.enumerator)).toEqual(['enum_b1']);
    for (const who of ['enum_a1', 'analyst'] as const) {
      expect((await ctx.request('GET', '/api/dashboard', { as: who })).status).toBe(403);
    }
  });
});
