/**
 * A draft the enumerator discards on the tablet (assignment cancelled, or reassigned away) reaches the
 * office: discardDraft queues a notice (shared zod contract) in the same transaction, the uploader sends
 * it after the interviews with the outbox's state machine (offline: kept and retried; a lost answer: the
 * same notice again, recorded once), and the assignment's history on the staff side shows it. A notice
 * whose reason the office does not bear out (409 assignment.discard_unwarranted) ends in the outbox's
 * terminal conflict state and is never sent again. Runs the
 * tablet's IndexedDB (fake-indexeddb) against the real server app (app.request, no port).
 */
import 'fake-indexeddb/auto';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { discardDraft, recentLog, replaceAssignments, saveDraft } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { unsentCount } from '../../client/sync/retire.ts';
import { Uploader } from '../../client/sync/uploader.ts';
import type { Assignment } from '../../server/contract/assignments.ts';
import { draftDiscardSchema } from '../../server/contract/draft-discard.ts';
import { auditLog } from '../../server/db/schema.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';
import { draft, unlockedDb } from './fixtures.ts';

let ctx: TestContext;
let db: MorabezaDb;
/** What the network does with the next request: pass it, drop it, or pass it and lose the answer. */
let network: Array<'pass' | 'offline' | 'lose-answer'>;
let posts: string[];

beforeEach(async () => {
  ctx = await createTestContext();
  db = await unlockedDb(`discard-${crypto.randomUUID()}`);
  network = [];
  posts = [];
});
afterEach(async () => {
  await db.delete();
  await ctx.close();
});

async function tablet(): Promise<Uploader> {
  const token = await ctx.token('enum_a1');
  const api = new ApiClient({
    token: () => token,
    fetch: (async (url: string, init: RequestInit) => {
      const mode = network.shift() ?? 'pass';
      if (mode === 'offline') throw new TypeError('Failed to fetch');
      if (init.method === 'POST') posts.push(String(init.body));
      const res = await ctx.app.request(url, init);
      if (mode === 'lose-answer') throw new TypeError('network lost the answer');
      return res;
    }) as typeof fetch,
  });
  // the tablet's list as the server gives it (the withdrawn assignment with its state)
  const list = await api.assignments();
  if (list.kind !== 'ok') throw new Error('no assignment list');
  await replaceAssignments(db, list.data as Assignment[]);
  return new Uploader({ db, api, policy: { baseMs: 1_000, maxMs: 60_000 }, random: () => 1 });
}

const officeRecords = () =>
  ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'assignment.draft_discard'), eq(auditLog.entityId, 'A-enum_a1')));

async function withdraw(how: 'cancel' | 'reassign') {
  const res = await ctx.request('POST', `/api/assignments/A-enum_a1/${how}`, {
    as: 'sup_a',
    body:
      how === 'cancel'
        ? { reason: 'household moved away' }
        : { enumeratorId: ctx.userIds.enum_a2, reason: 'ill' },
  });
  expect(res.status).toBe(200);
}

describe('a discarded draft leaves an office record', () => {
  it('queues a valid notice, keeps it offline, sends it once online, and the history shows it', async () => {
    await withdraw('cancel');
    const up = await tablet();
    const interviewId = crypto.randomUUID();
    await saveDraft(db, draft(interviewId, { assignmentId: 'A-enum_a1' }));
    expect(await discardDraft(db, interviewId, Date.parse('2026-12-06T10:15:00Z'))).toBe(true);
    const [queued] = await db.notices.toArray();
    expect(queued.state).toBe('queued');
    expect(draftDiscardSchema.parse(queued.notice)).toEqual({
      noticeId: queued.key,
      assignmentId: 'A-enum_a1',
      interviewId,
      reason: 'cancelled',
      discardedAt: '2026-12-06T10:15:00.000Z',
    });
    // a revoked tablet would not wipe before the office has it
    expect(await unsentCount(db)).toBe(1);
    network = ['offline'];
    expect((await up.flush()).stoppedBy).toBe('transient');
    expect(await db.notices.toArray()).toMatchObject([{ state: 'retry_wait', attempts: 1 }]);
    expect(await officeRecords()).toEqual([]);
    expect((await up.flush(true)).stoppedBy).toBe('done');
    expect(await db.notices.count()).toBe(0);
    expect((await recentLog(db))[0]).toMatchObject({ event: 'discardReported', interviewId });
    expect(await officeRecords()).toHaveLength(1);
    const history = (await (
      await ctx.request('GET', '/api/assignments/A-enum_a1/history', { as: 'sup_a' })
    ).json()) as Array<Record<string, unknown>>;
    expect(history.at(-1)).toMatchObject({
      action: 'assignment.draft_discard',
      actor: 'enum_a1',
      from: 'enum_a1',
      reason: 'cancelled',
    });
    up.stop();
  });

  it('a notice whose answer was lost is sent again with the same bytes and recorded once', async () => {
    await withdraw('reassign');
    const up = await tablet();
    const interviewId = crypto.randomUUID();
    await saveDraft(db, draft(interviewId, { assignmentId: 'A-enum_a1' }));
    await discardDraft(db, interviewId);
    network = ['lose-answer'];
    await up.flush();
    expect(await db.notices.toArray()).toMatchObject([{ state: 'retry_wait' }]);
    expect(await officeRecords()).toHaveLength(1);
    await up.flush(true);
    expect(await db.notices.count()).toBe(0);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toBe(posts[0]);
    const records = await officeRecords();
    expect(records).toHaveLength(1);
    expect(records[0].details).toMatchObject({ reason: 'reassigned', interviewId });
    up.stop();
  });

  it('a notice the office refuses stays on the tablet, logged, and no longer holds back a retirement', async () => {
    const up = await tablet();
    const interviewId = crypto.randomUUID();
    // a draft for an assignment this enumerator never had: the office refuses (422 assignment.unknown)
    await saveDraft(db, draft(interviewId, { assignmentId: 'A-enum_b1' }));
    await discardDraft(db, interviewId);
    await up.flush();
    expect(await db.notices.toArray()).toMatchObject([
      { state: 'rejected', lastError: expect.stringContaining('assignment.unknown') },
    ]);
    expect((await recentLog(db))[0]).toMatchObject({ event: 'discardRefused', interviewId });
    expect(await unsentCount(db)).toBe(0);
    up.stop();
  });

  it('a notice whose reason the office does not bear out ends refused (409) and is never sent again', async () => {
    // the assignment is still enum_a1's and open: the tablet discarded a draft of it anyway
    const up = await tablet();
    const interviewId = crypto.randomUUID();
    await saveDraft(db, draft(interviewId, { assignmentId: 'A-enum_a1' }));
    await discardDraft(db, interviewId);
    expect((await up.flush()).stoppedBy).toBe('done');
    expect(await db.notices.toArray()).toMatchObject([
      {
        state: 'conflict',
        attempts: 1,
        nextAttemptAt: null,
        lastError: expect.stringContaining('assignment.discard_unwarranted'),
      },
    ]);
    expect((await recentLog(db))[0]).toMatchObject({ event: 'discardRefused', interviewId });
    await up.flush(true);
    await up.flush();
    expect(posts).toHaveLength(1);
    expect(await db.notices.toArray()).toMatchObject([{ state: 'conflict', attempts: 1 }]);
    expect(await unsentCount(db)).toBe(0);
    expect(await officeRecords()).toEqual([]);
    up.stop();
  });
});
