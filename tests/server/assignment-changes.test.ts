/**
 * Reassigning an assignment (POST /api/assignments/:id/reassign): a supervisor within their team, a
 * coordinator anywhere, to an active enumerator, with a reason the audit log keeps; another team's
 * assignment is 404 to a supervisor, another team's or an inactive enumerator 422 naming `enumeratorId`,
 * no reason 422 naming `reason`, an assignment that has an interview 409 `assignment.started`;
 * enumerators and analysts 403. A refused change changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, auditLog, users } from '../../server/db/schema.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const reassign = (as: Person, id: string, body: unknown) =>
  ctx.request('POST', `/api/assignments/${id}/reassign`, { as, body });
const ownerOf = async (id: string) =>
  (await ctx.database.db.select().from(assignments).where(eq(assignments.id, id)))[0].enumeratorId;
const audits = () =>
  ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'assignment.reassign'));

describe('reassigning an assignment', () => {
  it("a supervisor hands their team's assignment to another of their enumerators, reason in the audit log", async () => {
    const res = await reassign('sup_a', 'A-enum_a1', {
      enumeratorId: ctx.userIds.enum_a2,
      reason: 'enum_a1 is ill this week',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: 'A-enum_a1',
      enumeratorId: ctx.userIds.enum_a2,
      previousEnumeratorId: ctx.userIds.enum_a1,
    });
    const seen = async (p: Person) =>
      (
        (await (await ctx.request('GET', '/api/assignments', { as: p })).json()) as Array<{
          id: string;
          status: string;
        }>
      ).map((a) => `${a.id}:${a.status}`);
    expect(await seen('enum_a2')).toContain('A-enum_a1:assigned');
    // the first enumerator's tablet learns it went to someone else (it keeps a draft it started, saying so)
    expect(await seen('enum_a1')).toEqual(['A-enum_a1:reassigned']);
    const [entry] = await audits();
    expect(entry).toMatchObject({
      actorId: ctx.userIds.sup_a,
      entityType: 'assignment',
      entityId: 'A-enum_a1',
      details: { from: ctx.userIds.enum_a1, to: ctx.userIds.enum_a2, reason: 'enum_a1 is ill this week' },
    });
  });

  it('lists a reassigned-away assignment to the first enumerator only within the settings window', async () => {
    await ctx.close();
    ctx = await createTestContext({ reassignedListMs: 10 * 86_400_000 });
    const body = { enumeratorId: ctx.userIds.enum_a2, reason: 'enum_a1 is ill this week' };
    expect((await reassign('sup_a', 'A-enum_a1', body)).status).toBe(200);
    const seenBy1 = async () =>
      (
        (await (await ctx.request('GET', '/api/assignments', { as: 'enum_a1' })).json()) as Array<{
          id: string;
        }>
      ).map((a) => a.id);
    const backdate = (days: number) =>
      ctx.database.db
        .update(auditLog)
        .set({ at: Date.now() - days * 86_400_000 })
        .where(eq(auditLog.action, 'assignment.reassign'));
    await backdate(9);
    expect(await seenBy1()).toEqual(['A-enum_a1']);
    await backdate(11);
    expect(await seenBy1()).toEqual([]);
    // the new owner still has it
    const mine = (await (await ctx.request('GET', '/api/assignments', { as: 'enum_a2' })).json()) as Array<{
      id: string;
    }>;
    expect(mine.map((a) => a.id)).toContain('A-enum_a1');
  });

  it("refuses another team's enumerator to a supervisor (422) but lets a coordinator", async () => {
    const body = { enumeratorId: ctx.userIds.enum_b1, reason: 'moving across islands' };
    const refused = await reassign('sup_a', 'A-enum_a1', body);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { details: Array<{ field: string }> }).details[0].field).toBe(
      'enumeratorId',
    );
    expect(await ownerOf('A-enum_a1')).toBe(ctx.userIds.enum_a1);
    expect((await reassign('coord', 'A-enum_a1', body)).status).toBe(200);
    expect(await ownerOf('A-enum_a1')).toBe(ctx.userIds.enum_b1);
  });

  it("answers 404 to another team's supervisor and 403 to enumerators and analysts", async () => {
    const body = { enumeratorId: ctx.userIds.enum_a2, reason: 'not mine to move' };
    expect((await reassign('sup_b', 'A-enum_a1', body)).status).toBe(404);
    expect((await reassign('enum_a1', 'A-enum_a1', body)).status).toBe(403);
    expect((await reassign('analyst', 'A-enum_a1', body)).status).toBe(403);
    expect(await ownerOf('A-enum_a1')).toBe(ctx.userIds.enum_a1);
    expect(await audits()).toEqual([]);
  });

  it('needs a reason, and an active enumerator', async () => {
    const noReason = await reassign('sup_a', 'A-enum_a1', { enumeratorId: ctx.userIds.enum_a2, reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { details: Array<{ field: string }> }).details[0].field).toBe(
      'reason',
    );
    await ctx.database.db.update(users).set({ active: false }).where(eq(users.id, ctx.userIds.enum_a2));
    const inactive = await reassign('sup_a', 'A-enum_a1', {
      enumeratorId: ctx.userIds.enum_a2,
      reason: 'cover',
    });
    expect(inactive.status).toBe(422);
    expect(await ownerOf('A-enum_a1')).toBe(ctx.userIds.enum_a1);
    expect(await audits()).toEqual([]);
  });

  it('keeps an assignment that has an interview with its enumerator (409 assignment.started)', async () => {
    const env = envelope(ctx, 'enum_a1');
    expect(
      (await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env })).status,
    ).toBe(201);
    const res = await reassign('coord', env.assignmentId, {
      enumeratorId: ctx.userIds.enum_a2,
      reason: 'cover',
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'assignment.started',
      details: { assignmentId: env.assignmentId, interviewId: env.interviewId },
    });
    expect(await ownerOf(env.assignmentId)).toBe(ctx.userIds.enum_a1);
    const left = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assignment.reassign'), eq(auditLog.entityId, env.assignmentId)));
    expect(left).toEqual([]);
  });
});
