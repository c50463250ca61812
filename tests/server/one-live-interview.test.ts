/**
 * One live interview per assignment: a second new interview for an assignment whose interview is not
 * rejected is refused (409 interview.assignment_taken) and kept in quarantine; once the first is rejected a
 * redo under a new id is accepted; an approved household never falls back to "submitted"; the weighting
 * inputs take the approved interview of the assignment (not the first stored), with its persons.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, interviews, quarantine } from '../../server/db/schema.ts';
import { loadWeightingInputs } from '../../server/domain/weighting/inputs.ts';
import { loadWeightingSurvey } from '../../server/domain/weighting/survey-files.ts';
import { createTestContext, envelope, TEST_QUESTIONNAIRES, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const ANSWERS = {
  a04_ea: 'CV-PR-0001',
  b01_consent: 1,
  b03_size: 2,
  members: [
    { c03_sex: 1, c05_age: 40 },
    { c03_sex: 2, c05_age: 38 },
  ],
  members_p: [{ z01_respondent: 1 }, { z01_respondent: 1 }],
};

const put = (env: ReturnType<typeof envelope>) =>
  ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
const review = (id: string, as: 'sup_a' | 'coord', body: Record<string, unknown>) =>
  ctx.request('POST', `/api/interviews/${id}/review`, { as, body: { revision: 1, ...body } });

async function assignmentStatus() {
  const [a] = await ctx.database.db
    .select()
    .from(assignments)
    .where(eq(assignments.id, ctx.assignmentOf('enum_a1')));
  return a.status;
}

describe('one live interview per assignment', () => {
  it('refuses a second new interview while the first is live, and keeps it in quarantine', async () => {
    const first = envelope(ctx, 'enum_a1');
    expect((await put(first)).status).toBe(201);
    const second = envelope(ctx, 'enum_a1', { assignmentId: first.assignmentId });
    const res = await put(second);
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.code).toBe('interview.assignment_taken');
    expect(body.details).toEqual({ assignmentId: first.assignmentId, liveInterviewId: first.interviewId });
    const kept = await ctx.database.db.select().from(quarantine);
    expect(kept.map((q) => [q.interviewId, q.reason])).toEqual([[second.interviewId, 'assignment_taken']]);
    expect(await ctx.database.db.select().from(interviews)).toHaveLength(1);
    // the first one's retry is still the same upload
    expect((await put(first)).status).toBe(200);
  });

  it('reject, redo with a new id, approve, weight: the household is a respondent with its persons', async () => {
    const first = envelope(ctx, 'enum_a1', { answers: { ...ANSWERS, b03_size: 9 } });
    expect((await put(first)).status).toBe(201);
    await ctx.jobs.drain();
    expect(
      (await review(first.interviewId, 'coord', { action: 'reject', reason: 'fabricated' })).status,
    ).toBe(200);
    const redo = envelope(ctx, 'enum_a1', { assignmentId: first.assignmentId, answers: ANSWERS });
    expect((await put(redo)).status).toBe(201);
    await ctx.jobs.drain();
    expect((await review(redo.interviewId, 'sup_a', { action: 'approve' })).status).toBe(200);
    expect((await review(redo.interviewId, 'coord', { action: 'approve' })).status).toBe(200);
    expect(await assignmentStatus()).toBe('approved');

    // an approved household does not fall back to "submitted", and takes no new interview
    const third = envelope(ctx, 'enum_a1', { assignmentId: first.assignmentId });
    expect((await put(third)).status).toBe(409);
    expect(await assignmentStatus()).toBe('approved');

    // the approved interview is the unit's even when the rejected one was stored first and changed last
    await ctx.database.db.update(interviews).set({ updatedAt: 0 }).where(eq(interviews.id, redo.interviewId));
    const dir = mkdtempSync(join(tmpdir(), 'morabeza-redo-'));
    try {
      cpSync(join(TEST_QUESTIONNAIRES, 'test'), join(dir, 'test'), { recursive: true });
      writeFileSync(
        join(dir, 'test', 'weighting.json'),
        JSON.stringify({ survey: 'test', base: { inclusion: ['pi1', 'pi2'] }, units: {}, persons: {} }),
      );
      writeFileSync(join(dir, 'test', 'design.json'), '{}');
      const inputs = await loadWeightingInputs(ctx.database.client, loadWeightingSurvey(dir, 'test'));
      const household = inputs.households.find((h) => h.id === 'CV-PR-0001-1');
      expect(household?.status).toBe('respondent');
      expect(inputs.persons.filter((p) => p.householdId === 'CV-PR-0001-1')).toHaveLength(2);
      expect(inputs.answers.find((a) => a.householdId === 'CV-PR-0001-1')?.answers.b03_size).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
