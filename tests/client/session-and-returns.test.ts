import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentBelongsAt } from '../../client/interview/drafts.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { getVerifier, queueEnvelope, reopenRejected, saveDraft } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { bringBack } from '../../client/sync/download.ts';
import { SessionManager } from '../../client/sync/session.ts';
import { draft, envelope, unlockedDb } from './fixtures.ts';

let db: MorabezaDb;
let online: boolean;
const user = { id: 'u1', username: 'enumerator1', displayName: 'Enumerator 1', role: 'enumerator' as const };

beforeEach(async () => {
  db = await unlockedDb(`s-${crypto.randomUUID()}`);
  online = true;
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    const { password } = JSON.parse(String(init.body));
    if (password !== 'demo')
      return new Response(JSON.stringify({ code: 'auth.failed', message: 'no' }), { status: 401 });
    const body = { token: 'tok-1', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user };
    return new Response(JSON.stringify(body), { status: 200 });
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const manager = () => {
  const api = new ApiClient();
  return new SessionManager(db, () => api);
};

describe('session: login online, unlock offline', () => {
  it('an online login keeps a PBKDF2 verifier on the device, never the password', async () => {
    const s = manager();
    expect(await s.login('enumerator1', 'demo')).toMatchObject({ ok: true, mode: 'online' });
    expect(s.token()).toBe('tok-1');
    const v = await getVerifier(db, 'enumerator1');
    expect(v?.iterations).toBeGreaterThanOrEqual(100_000);
    const everything = JSON.stringify(await db.meta.toArray());
    expect(everything).not.toContain('"demo"');
  });

  it('offline, the same password unlocks and a wrong one does not', async () => {
    await manager().login('enumerator1', 'demo');
    online = false;
    expect(await manager().login('enumerator1', 'demo')).toMatchObject({ ok: true, mode: 'offline' });
    expect(await manager().login('enumerator1', 'wrong')).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('offline, a user who never logged in on this tablet is told to log in online once', async () => {
    online = false;
    expect(await manager().login('enumerator2', 'demo')).toMatchObject({
      ok: false,
      reason: 'offlineUnknown',
    });
  });

  it('online, a wrong password is refused by the server', async () => {
    expect(await manager().login('enumerator1', 'nope')).toEqual({ ok: false, reason: 'failed' });
  });

  it('renews the token with the password held in memory once the network is back', async () => {
    await manager().login('enumerator1', 'demo');
    online = false;
    const s = manager();
    await s.login('enumerator1', 'demo');
    s.expire();
    expect(s.hasValidToken()).toBe(false);
    expect(await s.renew()).toMatchObject({ kind: 'unreachable' });
    online = true;
    expect(await s.renew()).toMatchObject({ kind: 'renewed' });
    expect(s.hasValidToken()).toBe(true);
  });
});

describe('returned interviews and rejected uploads', () => {
  const returned = (revision: number) => ({
    interviewId: crypto.randomUUID(),
    revision,
    assignmentId: 'a-1',
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    answers: { b03_size: 3 },
    comments: [
      {
        question: 'b03_size',
        text: 'check',
        author: 'sup',
        authorName: 'Supervisor A',
        at: '2026-11-30T10:00:00Z',
      },
    ],
  });

  it('a returned revision comes back as a draft of the next revision with its comments, once', async () => {
    const r = returned(1);
    expect(await bringBack(db, [r])).toBe(1);
    const d = await db.drafts.get(r.interviewId);
    expect(d).toMatchObject({ revision: 2, status: 'in_progress', answers: { b03_size: 3 } });
    expect(d?.comments).toHaveLength(1);
    await saveDraft(db, { ...d!, answers: { b03_size: 4 } });
    expect(await bringBack(db, [r])).toBe(0);
    expect((await db.drafts.get(r.interviewId))?.answers).toEqual({ b03_size: 4 });
  });

  it('places a comment at its question, or at the roster row question', () => {
    const top = { name: 'b03_size', type: 'text', roster: null };
    const cell = { name: 'p_age', type: 'text', roster: { name: 'members', index: 2 } };
    const otherRow = { ...cell, roster: { name: 'members', index: 1 } };
    const panel = { name: 'members', type: 'paneldynamic', roster: null };
    const matrix = { name: 'members', type: 'matrixdynamic', roster: null };
    expect(commentBelongsAt('b03_size', top)).toBe(true);
    expect(commentBelongsAt('members[2].p_age', cell)).toBe(true);
    expect(commentBelongsAt('members[2].p_age', otherRow)).toBe(false);
    expect(commentBelongsAt('members[2].p_age', panel)).toBe(false);
    expect(commentBelongsAt('members[2].p_age', matrix)).toBe(true);
    expect(commentBelongsAt(null, top)).toBe(false);
  });

  it('a rejected upload can be reopened as a draft with its answers; a queued one cannot', async () => {
    const env = envelope({ answers: { b03_size: 31 } });
    await saveDraft(db, draft(env.interviewId));
    const item = await queueEnvelope(db, env);
    expect(await reopenRejected(db, item.key)).toBeNull();
    await db.outbox.update(item.key, { state: 'rejected', lastError: 'request.invalid' });
    expect(await reopenRejected(db, item.key)).toBe(env.interviewId);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.drafts.get(env.interviewId)).toMatchObject({
      status: 'in_progress',
      answers: { b03_size: 31 },
    });
  });
});
