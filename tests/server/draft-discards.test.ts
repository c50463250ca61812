/**
 * POST /api/assignments/draft-discards: an enumerator's tablet tells the office it discarded a draft of a
 * withdrawn assignment. The notice (shared zod contract) lands once in the audit log with the assignment,
 * the enumerator, the interview and the reason, a retry of the same notice is 200 `duplicate` with nothing
 * written, and the assignment's history (GET /api/assignments/:id/history) shows it, with the server's
 * reason and the tablet's. Bad input is 422
 * naming the field; an assignment that never was the enumerator's is 422 `assignment.unknown` naming
 * `assignmentId`; staff are 403. A notice for an assignment still the enumerator's and open (nothing was
 * withdrawn) is 409 `assignment.discard_unwarranted` naming `reason`, refused the same way on every retry,
 * writing nothing; a withdrawn assignment whose tablet guessed the wrong reason is recorded with the
 * server's reason and the tablet's beside it; a notice already recorded stays a duplicate whatever
 * happened to the assignment since.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftDiscardSchema } from '../../server/contract/draft-discard.ts';
import { auditLog } from '../../server/db/schema.ts';
import { problemCatalogue } from '../../server/problems.ts';
import { createTestContext, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const notice = (overrides: Record<string, unknown> = {}) => ({
  noticeId: randomUUID(),
  assignmentId: 'A-enum_a1',
  interviewId: randomUUID(),
  reason: 'cancelled',
  discardedAt: '2026-12-06T10:15:00.000Z',
  ...overrides,
});
const send = (as: Person, body: unknown) =>
  ctx.request('POST', '/api/assignments/draft-discards', { as, body });
const discards = () =>
  ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'assignment.draft_discard'), eq(auditLog.entityId, 'A-enum_a1')));
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { details: Array<{ field: string }> }).details.map((d) => d.field);

describe('a discarded draft of a withdrawn assignment reaches the office', () => {
  it('records a cancelled assignment’s discard once, retries are duplicates, the history shows it', async () => {
    const cancel = await ctx.request('POST', '/api/assignments/A-enum_a1/cancel', {
      as: 'sup_a',
      body: { reason: 'household moved away' },
    });
    expect(cancel.status).toBe(200);
    const body = notice();
    const first = await send('enum_a1', body);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ noticeId: body.noticeId, duplicate: false });
    for (let i = 0; i < 2; i++) {
      const again = await send('enum_a1', body);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ noticeId: body.noticeId, duplicate: true });
    }
    const rows = await discards();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: ctx.userIds.enum_a1,
      entityType: 'assignment',
      entityId: 'A-enum_a1',
      details: {
        noticeId: body.noticeId,
        enumeratorId: ctx.userIds.enum_a1,
        interviewId: body.interviewId,
        reason: 'cancelled',
        discardedAt: body.discardedAt,
      },
    });
    const history = await ctx.request('GET', '/api/assignments/A-enum_a1/history', { as: 'sup_a' });
    expect(history.status).toBe(200);
    const entries = (await history.json()) as Array<Record<string, unknown>>;
    expect(entries.map((e) => e.action)).toEqual(['assignment.cancel', 'assignment.draft_discard']);
    expect(entries[1]).toMatchObject({
      actor: 'enum_a1',
      from: 'enum_a1',
      to: null,
      reason: 'cancelled',
      tabletReason: 'cancelled',
    });
    expect(entries[0].tabletReason).toBeNull();
  });

  it('takes the notice from the enumerator an assignment was reassigned away from', async () => {
    await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a2, reason: 'enum_a1 is ill this week' },
    });
    const res = await send('enum_a1', notice({ reason: 'reassigned' }));
    expect(res.status).toBe(201);
    expect((await discards())[0].details).toMatchObject({ reason: 'reassigned' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { noticeId: _, ...noId } = notice();
    const cases: Array<[unknown, string]> = [
      [noId, 'noticeId'],
      [notice({ noticeId: 'n-1' }), 'noticeId'],
      [notice({ interviewId: 42 }), 'interviewId'],
      [notice({ reason: 'lost' }), 'reason'],
      [notice({ discardedAt: 'yesterday' }), 'discardedAt'],
      [notice({ assignmentId: '' }), 'assignmentId'],
      [notice({ answers: {} }), '(body)'],
    ];
    for (const [body, field] of cases) {
      const res = await send('enum_a1', body);
      expect(res.status, field).toBe(422);
      expect(await fieldsOf(res), field).toContain(field);
    }
    // the tablet's own check is the same schema
    expect(draftDiscardSchema.safeParse(notice({ reason: 'lost' })).error?.issues[0].path).toEqual([
      'reason',
    ]);
    const other = await send('enum_b1', notice());
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({
      code: 'assignment.unknown',
      details: { field: 'assignmentId', assignmentId: 'A-enum_a1' },
    });
    expect((await send('enum_a1', notice({ assignmentId: 'A-nowhere' }))).status).toBe(422);
    expect((await send('sup_a', notice())).status).toBe(403);
    expect(await discards()).toEqual([]);
  });

  it('refuses a notice for an assignment still open and theirs, every time, writing nothing', async () => {
    for (const reason of ['cancelled', 'reassigned']) {
      const body = notice({ reason });
      for (let i = 0; i < 2; i++) {
        const res = await send('enum_a1', body);
        expect(res.status).toBe(409);
        expect(await res.json()).toEqual({
          code: 'assignment.discard_unwarranted',
          message: problemCatalogue['assignment.discard_unwarranted'].message,
          details: { field: 'reason', reason, actual: null, assignmentId: 'A-enum_a1', status: 'assigned' },
        });
      }
    }
    expect(await discards()).toEqual([]);
    const audits = await ctx.database.db.select().from(auditLog);
    expect(audits.map((a) => a.action)).not.toContain('assignment.draft_discard');
  });

  it('records the server’s reason when the tablet guessed another, keeping the tablet’s beside it', async () => {
    await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a2, reason: 'closer to the EA' },
    });
    // the assignment dropped off enum_a1's list, so the tablet guessed "cancelled"
    const guessed = notice({ reason: 'cancelled' });
    expect((await send('enum_a1', guessed)).status).toBe(201);
    expect((await discards())[0].details).toMatchObject({ reason: 'reassigned', tabletReason: 'cancelled' });
    // back with enum_a1, then cancelled: "reassigned" is not what happened any more
    await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a1, reason: 'enum_a2 is ill' },
    });
    await ctx.request('POST', '/api/assignments/A-enum_a1/cancel', {
      as: 'sup_a',
      body: { reason: 'moved' },
    });
    const stale = notice({ reason: 'reassigned' });
    expect((await send('enum_a1', stale)).status).toBe(201);
    const rows = await discards();
    const second = rows.find((r) => (r.details as { noticeId: string }).noticeId === stale.noticeId);
    expect(second?.details).toMatchObject({ reason: 'cancelled', tabletReason: 'reassigned' });
    // a notice whose reason is right carries no tabletReason
    const right = notice({ reason: 'cancelled' });
    expect((await send('enum_a1', right)).status).toBe(201);
    const third = (await discards()).find(
      (r) => (r.details as { noticeId: string }).noticeId === right.noticeId,
    );
    expect(third?.details).not.toHaveProperty('tabletReason');
    // the history shows each discard with the server's reason and the tablet's
    const history = (await (
      await ctx.request('GET', '/api/assignments/A-enum_a1/history', { as: 'sup_a' })
    ).json()) as Array<Record<string, unknown>>;
    expect(
      history.filter((e) => e.action === 'assignment.draft_discard').map((e) => [e.reason, e.tabletReason]),
    ).toEqual([
      ['reassigned', 'cancelled'],
      ['cancelled', 'reassigned'],
      ['cancelled', 'cancelled'],
    ]);
    // the assignment list shows the state the server checks against
    const list = (await (await ctx.request('GET', '/api/assignments', { as: 'enum_a1' })).json()) as Array<{
      id: string;
      status: string;
    }>;
    expect(list.find((a) => a.id === 'A-enum_a1')?.status).toBe('cancelled');
  });

  it('a recorded notice stays a duplicate after the assignment comes back to the enumerator', async () => {
    await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a2, reason: 'closer to the EA' },
    });
    const body = notice({ reason: 'reassigned' });
    expect((await send('enum_a1', body)).status).toBe(201);
    await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a1, reason: 'enum_a2 is ill' },
    });
    const again = await send('enum_a1', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ noticeId: body.noticeId, duplicate: true });
    expect(await discards()).toHaveLength(1);
  });
});
