/** Review over HTTP: approve, return, comment, reject, bulk approve; refused moves change nothing. */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, auditLog, interviews, reviewEvents } from '../../server/db/schema.ts';
import { transition } from '../../server/domain/interview-states.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

async function upload(person: Person = 'enum_a1', answers?: Record<string, unknown>) {
  const env = envelope(ctx, person, answers ? { answers } : {});
  const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: person, body: env });
  expect(res.status).toBe(201);
  await ctx.jobs.drain();
  return env;
}
const review = (id: string, as: Person, body: Record<string, unknown>) =>
  ctx.request('POST', `/api/interviews/${id}/review`, { as, body: { revision: 1, comments: [], ...body } });
const row = async (id: string) =>
  ctx.database.db.query.interviews.findFirst({ where: eq(interviews.id, id) });
const eventsOf = async (id: string) =>
  ctx.database.db.select().from(reviewEvents).where(eq(reviewEvents.interviewId, id));
const auditOf = async (id: string) =>
  ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));

describe('review actions', () => {
  it('supervisor approves, coordinator gives the final approval; each step in review_events and audit_log', async () => {
    const env = await upload();
    const a = await review(env.interviewId, 'sup_a', { action: 'approve' });
    expect(a.status).toBe(200);
    expect((await a.json()).status).toBe('approved_by_supervisor');
    // the supervisor cannot give the final approval
    const again = await review(env.interviewId, 'sup_a', { action: 'approve' });
    expect(again.status).toBe(403);
    const final = await review(env.interviewId, 'coord', { action: 'approve' });
    expect((await final.json()).status).toBe('approved');
    expect((await row(env.interviewId))?.status).toBe('approved');
    expect((await eventsOf(env.interviewId)).map((e) => e.action)).toEqual(['approve', 'approve']);
    expect((await auditOf(env.interviewId)).map((e) => e.action)).toEqual([
      'interview.approve',
      'interview.approve',
    ]);
    const assignment = await ctx.database.db.query.assignments.findFirst({
      where: eq(assignments.id, env.assignmentId),
    });
    expect(assignment?.status).toBe('approved');
  });

  it('the intake and the validation job move interviews only as the state table allows', async () => {
    const env = envelope(ctx, 'enum_a1');
    await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    const seen = [(await row(env.interviewId))?.status];
    await ctx.jobs.drain();
    seen.push((await row(env.interviewId))?.status);
    await review(env.interviewId, 'sup_a', { action: 'return' });
    seen.push((await row(env.interviewId))?.status);
    const rev2 = { ...env, revision: 2 };
    await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: rev2 });
    seen.push((await row(env.interviewId))?.status);
    expect(seen).toEqual(['received', 'validated', 'returned', 'received']);
    const steps = [
      transition('received', 'validate', 'system'),
      transition('validated', 'return', 'supervisor'),
      transition('returned', 'revise', 'enumerator'),
    ];
    expect(steps.map((s) => (s.ok ? s.to : s.reason))).toEqual(seen.slice(1));
  });

  it('refuses to review an interview not yet validated (409)', async () => {
    const env = envelope(ctx, 'enum_a1');
    await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    const res = await review(env.interviewId, 'sup_a', { action: 'approve' });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('interview.transition_invalid');
  });

  it('returning twice is 409 and changes nothing', async () => {
    const env = await upload();
    expect((await review(env.interviewId, 'sup_a', { action: 'return' })).status).toBe(200);
    const before = await eventsOf(env.interviewId);
    const twice = await review(env.interviewId, 'sup_a', { action: 'return' });
    expect(twice.status).toBe(409);
    expect((await twice.json()).code).toBe('interview.transition_invalid');
    expect(await eventsOf(env.interviewId)).toEqual(before);
    expect((await auditOf(env.interviewId)).length).toBe(1);
  });

  it('refuses a decision on a revision that is no longer current (409 interview.revision_stale)', async () => {
    const env = await upload();
    await review(env.interviewId, 'sup_a', { action: 'return' });
    const rev2 = { ...env, revision: 2, answers: { ...env.answers, b03_size: 4 } };
    expect(
      (await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: rev2 })).status,
    ).toBe(201);
    await ctx.jobs.drain();
    const stale = await review(env.interviewId, 'sup_a', { action: 'approve', revision: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe('interview.revision_stale');
    expect((await row(env.interviewId))?.status).toBe('validated');
    const ok = await review(env.interviewId, 'sup_a', { action: 'approve', revision: 2 });
    expect(ok.status).toBe(200);
  });

  it('a comment on a question not in the questionnaire version is 422 naming it; nothing stored', async () => {
    const env = await upload();
    const res = await review(env.interviewId, 'sup_a', {
      action: 'return',
      comments: [
        { question: 'b03_size', text: 'ok' },
        { question: 'zz_nope', text: 'which?' },
      ],
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('review.unknown_question');
    expect(JSON.stringify(body.details)).toContain('zz_nope');
    expect(await eventsOf(env.interviewId)).toHaveLength(0);
    expect((await row(env.interviewId))?.status).toBe('validated');
  });

  it('a comment inside a roster names the roster, the row and the question: any other path is 422 naming it', async () => {
    const answers = {
      a04_ea: 'CV-PR-0001',
      b01_consent: 1,
      b03_size: 2,
      members: [
        { c03_sex: 1, c05_age: 40 },
        { c03_sex: 2, c05_age: 38 },
      ],
    };
    const env = await upload('enum_a1', answers);
    const bad = ['c05_age', 'members[2].c05_age', 'members[0].z01_respondent', 'people[0].c05_age'];
    const res = await review(env.interviewId, 'sup_a', {
      action: 'return',
      comments: [
        { question: 'members[1].c05_age', text: 'idade?' },
        { question: 'members', text: 'falta alguém?' },
        ...bad.map((question) => ({ question, text: 'x' })),
      ],
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      code: string;
      details: Array<{ field: string; path: string; message: string }>;
    };
    expect(body.code).toBe('review.unknown_question');
    expect(body.details.map((d) => d.path)).toEqual(bad);
    expect(body.details.map((d) => d.field)).toEqual([2, 3, 4, 5].map((i) => `comments.${i}.question`));
    // the bare name of a roster question says what to write instead
    expect(body.details[0].message).toContain('members[i].c05_age');
    expect(body.details[1].message).toContain('2 row(s)');
    expect(await eventsOf(env.interviewId)).toHaveLength(0);

    const ok = await review(env.interviewId, 'sup_a', {
      action: 'return',
      comments: [
        { question: 'members[1].c05_age', text: 'idade?' },
        { question: 'members', text: 'falta alguém?' },
      ],
    });
    expect(ok.status).toBe(200);
    expect((await eventsOf(env.interviewId)).map((e) => e.question).sort()).toEqual([
      'members',
      'members[1].c05_age',
    ]);
  });

  it("a supervisor acting on another team's interview gets 404; enumerators and analysts 403", async () => {
    const env = await upload('enum_b1');
    expect((await review(env.interviewId, 'sup_a', { action: 'approve' })).status).toBe(404);
    expect((await review(env.interviewId, 'enum_b1', { action: 'approve' })).status).toBe(403);
    expect((await review(env.interviewId, 'analyst', { action: 'approve' })).status).toBe(403);
    expect((await row(env.interviewId))?.status).toBe('validated');
  });

  it('comments without moving; reject needs a reason and is for coordinators only', async () => {
    const env = await upload();
    const c = await review(env.interviewId, 'sup_a', {
      action: 'comment',
      comments: [{ question: 'b03_size', text: 'Check' }],
    });
    expect((await c.json()).status).toBe('validated');
    expect((await review(env.interviewId, 'sup_a', { action: 'reject', reason: 'fake' })).status).toBe(403);
    expect((await review(env.interviewId, 'coord', { action: 'reject' })).status).toBe(422);
    const r = await review(env.interviewId, 'coord', { action: 'reject', reason: 'fabricated' });
    expect((await r.json()).status).toBe('rejected');
    expect((await eventsOf(env.interviewId)).map((e) => [e.action, e.comment])).toEqual([
      ['comment', 'Check'],
      ['reject', 'fabricated'],
    ]);
  });

  it('bulk approve approves the clean ones and skips flagged, stale and foreign ones with the reason', async () => {
    const clean = await upload();
    const flagged = await upload('enum_a2', { b01_consent: 1, b03_size: 99 });
    const foreign = await upload('enum_b1');
    const res = await ctx.request('POST', '/api/review/bulk-approve', {
      as: 'sup_a',
      body: {
        items: [
          { interviewId: clean.interviewId, revision: 1 },
          { interviewId: flagged.interviewId, revision: 1 },
          { interviewId: foreign.interviewId, revision: 1 },
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ approved: 1, skipped: 2 });
    expect(body.results.map((r: { code?: string }) => r.code ?? 'ok')).toEqual([
      'ok',
      'review.not_clean',
      'resource.not_found',
    ]);
    expect((await row(clean.interviewId))?.status).toBe('approved_by_supervisor');
    expect((await row(flagged.interviewId))?.status).toBe('validated');
    expect((await row(foreign.interviewId))?.status).toBe('validated');
  });
});
