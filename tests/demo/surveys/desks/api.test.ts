import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesks } from '../../../../demo/surveys/desks/frame.ts';
import { simulateDesks } from '../../../../demo/surveys/desks/simulate.ts';
import { DESK_STAFF } from '../../../../demo/surveys/desks/staff.ts';
import {
  assignments,
  enumerationAreas,
  flags,
  households,
  interviewRevisions,
  teams,
} from '../../../../server/db/schema.ts';
import { createTestContext, type TestContext } from '../../../helpers/server.ts';

/**
 * The desks simulator's data through today's database and API: the clusters and units insert under the
 * schema's constraints (pi1, pi2, unique visit per desk-week), and the envelopes of one busy desk's first
 * week are accepted by PUT /api/interviews and validated by the server's job as the questionnaire says.
 */
const sim = simulateDesks(loadDesks());
const questionnaires = new URL('../../../../questionnaires', import.meta.url).pathname;
let ctx: TestContext;

beforeAll(async () => {
  // the engine's registry with the survey folders as shipped: the desks profile is the one that counts
  ctx = await createTestContext({}, { surveyDirs: [questionnaires] });
  const teamIds = [...new Set(Object.values(DESK_STAFF).map((p) => p.teamId))];
  await ctx.database.db.insert(teams).values(teamIds.map((id) => ({ id, name: id })));
  await ctx.database.db.insert(enumerationAreas).values(sim.clusters);
  for (let k = 0; k < sim.units.length; k += 200)
    await ctx.database.db.insert(households).values(sim.units.slice(k, k + 200));
});
afterAll(async () => ctx?.close());

describe('the desks simulator against the database and the interview API', () => {
  it('inserts every desk as a certainty cluster and every sampled visit as a unit', async () => {
    expect(await ctx.database.db.$count(enumerationAreas, eq(enumerationAreas.certainty, true))).toBe(18);
    const ids = sim.units.map((u) => u.id as string);
    expect(await ctx.database.db.$count(households, inArray(households.id, ids))).toBe(ids.length);
  });

  it('has its interviews accepted and validated: clean answers clean, the planted problems flagged', async () => {
    // PR01, weeks 1-3: one enumerator's weeks at the busiest desk, with three planted problems
    const chosen = sim.assignments
      .map((a, i) => ({ a, e: sim.envelopes[i], unit: sim.units[i] }))
      .filter(({ unit }) => unit.eaCode === 'PR01' && unit.dwelling <= 3);
    expect(chosen.length).toBeGreaterThan(10);
    // the desks profile's own codes, not the first survey's: 17 (not eligible) is among them
    expect(chosen.some(({ e }) => e.outcome === 17)).toBe(true);
    await ctx.database.db.insert(assignments).values(
      chosen.map(({ a }) => ({
        id: a.id,
        householdId: a.householdId,
        questionnaireId: a.questionnaireId,
        questionnaireVersion: a.questionnaireVersion,
        enumeratorId: ctx.userIds.enum_a1,
      })),
    );
    for (const { e } of chosen) {
      const res = await ctx.request('PUT', `/api/interviews/${e.interviewId}`, { as: 'enum_a1', body: e });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    await ctx.jobs.drain();
    const revisions = await ctx.database.db.select().from(interviewRevisions);
    const flagged = await ctx.database.db.select().from(flags);
    const planted = new Map([
      [sim.problems.outOfRange, 'q04_wait_minutes'],
      [sim.problems.hiddenAnswer, 'q07_interp_provided'],
      [sim.problems.wrongResult, 'z01_result'],
    ]);
    expect([...planted.keys()].every((id) => chosen.some(({ unit }) => unit.id === id))).toBe(true);
    for (const { e, unit } of chosen) {
      const status = revisions.find((r) => r.interviewId === e.interviewId)?.validationStatus;
      const paths = flagged.filter((f) => f.interviewId === e.interviewId).map((f) => f.path);
      if (planted.has(unit.id)) expect(paths, unit.id).toContain(planted.get(unit.id));
      else expect({ id: unit.id, status, paths }).toEqual({ id: unit.id, status: 'clean', paths: [] });
    }
  });
});
