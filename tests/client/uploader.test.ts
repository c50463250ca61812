import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { queueEnvelope, recentLog, saveDraft } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { Uploader } from '../../client/sync/uploader.ts';
import { draft, envelope, unlockedDb } from './fixtures.ts';

type Reply = { status: number; body?: unknown } | 'drop' | 'hang';
let db: MorabezaDb;
let replies: Reply[];
let bodies: string[];
let urls: string[];
let inFlight: number;
let maxInFlight: number;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubFetch() {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    urls.push(`${init.method} ${url}`);
    bodies.push(String(init.body));
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const reply = replies.shift() ?? { status: 500 };
      if (reply === 'drop') throw new TypeError('Failed to fetch');
      if (reply === 'hang') {
        return await new Promise<Response>((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      }
      const env = JSON.parse(String(init.body));
      const body = reply.body ?? {
        interviewId: env.interviewId,
        revision: env.revision,
        status: 'received',
        duplicate: false,
      };
      return json(reply.status, body);
    } finally {
      inFlight--;
    }
  });
}

function uploader(extra: Partial<ConstructorParameters<typeof Uploader>[0]> = {}) {
  const api = new ApiClient({ token: () => 'tok', timeoutMs: 5_000 });
  return new Uploader({ db, api, policy: { baseMs: 1_000, maxMs: 60_000 }, random: () => 1, ...extra });
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  db = await unlockedDb(`up-${crypto.randomUUID()}`);
  replies = [];
  bodies = [];
  urls = [];
  inFlight = 0;
  maxInFlight = 0;
  stubFetch();
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await db.delete();
});

describe('uploader', () => {
  it('PUTs the envelope, deletes the copy only after a 2xx, and marks the draft submitted', async () => {
    const env = envelope();
    await saveDraft(db, draft(env.interviewId));
    await queueEnvelope(db, env);
    replies = [{ status: 201 }];
    const summary = await uploader().flush();
    expect(summary).toEqual({ sent: 1, failed: 0, stoppedBy: 'done' });
    expect(urls).toEqual([`PUT /api/interviews/${env.interviewId}`]);
    expect(JSON.parse(bodies[0])).toEqual(env);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.drafts.get(env.interviewId))?.status).toBe('submitted');
    expect((await recentLog(db))[0]).toMatchObject({ event: 'accepted', interviewId: env.interviewId });
  });

  it('backs off exponentially on 5xx and resends the same id, revision and bytes until accepted', async () => {
    const env = envelope({ revision: 2 });
    await queueEnvelope(db, env);
    replies = [
      { status: 500 },
      { status: 503 },
      {
        status: 200,
        body: { interviewId: env.interviewId, revision: 2, status: 'received', duplicate: true },
      },
    ];
    const up = uploader();
    await up.flush();
    let item = (await db.outbox.toArray())[0];
    expect(item).toMatchObject({ state: 'retry_wait', attempts: 1 });
    expect(item.nextAttemptAt! - Date.now()).toBe(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await up.flush();
    item = (await db.outbox.toArray())[0];
    expect(item).toMatchObject({ state: 'retry_wait', attempts: 2 });
    expect(item.nextAttemptAt! - Date.now()).toBe(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await up.flush();
    expect(await db.outbox.count()).toBe(0);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect((await recentLog(db)).map((e) => e.event)).toEqual(['duplicate', 'serverError', 'serverError']);
  });

  it('a timeout keeps the interview and waits to retry', async () => {
    await queueEnvelope(db, envelope());
    replies = ['hang'];
    const up = uploader();
    const pass = up.flush();
    while (bodies.length === 0) await new Promise((r) => setImmediate(r));
    await vi.advanceTimersByTimeAsync(5_000);
    await pass;
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'retry_wait', lastError: 'timeout' });
    expect((await recentLog(db))[0].event).toBe('timeout');
  });

  it('a network drop stops the pass: later items are not tried, nothing is lost', async () => {
    await queueEnvelope(db, envelope(), 1);
    await queueEnvelope(db, envelope(), 2);
    replies = ['drop'];
    const summary = await uploader().flush();
    expect(summary.stoppedBy).toBe('transient');
    expect(bodies).toHaveLength(1);
    expect((await db.outbox.toArray()).map((i) => i.state).sort()).toEqual(['queued', 'retry_wait']);
    expect((await recentLog(db))[0].event).toBe('offline');
  });

  it('a fresh upload goes before an older one that is retrying, which follows in the same pass', async () => {
    const old = envelope();
    await queueEnvelope(db, old, Date.now());
    replies = [{ status: 503 }];
    const up = uploader();
    await up.flush();
    expect((await db.outbox.get(`${old.interviewId}#1`))?.state).toBe('retry_wait');
    const fresh = envelope();
    await queueEnvelope(db, fresh, Date.now() + 1);
    replies = [{ status: 201 }, { status: 201 }];
    urls = [];
    // "sync now": the retry is queued again beside the fresh one; the fresh one goes first
    expect(await up.flush(true)).toEqual({ sent: 2, failed: 0, stoppedBy: 'done' });
    expect(urls).toEqual([
      `PUT /api/interviews/${fresh.interviewId}`,
      `PUT /api/interviews/${old.interviewId}`,
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a 409 conflict parks that interview and goes on with the next one', async () => {
    const a = envelope();
    const b = envelope();
    await queueEnvelope(db, a, 1);
    await queueEnvelope(db, b, 2);
    replies = [
      { status: 409, body: { code: 'interview.conflict', message: 'same revision, other content' } },
      { status: 201 },
    ];
    const summary = await uploader().flush();
    expect(summary).toEqual({ sent: 1, failed: 1, stoppedBy: 'done' });
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      interviewId: a.interviewId,
      state: 'conflict',
      lastError: 'same revision, other content',
    });
  });

  it('a 422 is kept as rejected with the fields the server named', async () => {
    await queueEnvelope(db, envelope());
    replies = [
      {
        status: 422,
        body: { code: 'request.invalid', message: 'invalid', details: { fields: ['outcome'] } },
      },
    ];
    await uploader().flush();
    const item = (await db.outbox.toArray())[0];
    expect(item.state).toBe('rejected');
    expect(item.lastError).toContain('request.invalid');
    expect(item.lastError).toContain('outcome');
  });

  it('a 401 parks the item, asks for a login, and resends after it', async () => {
    await queueEnvelope(db, envelope());
    replies = [{ status: 401, body: { code: 'auth.expired', message: 'expired' } }, { status: 201 }];
    const onUnauthorized = vi.fn();
    const up = uploader({ onUnauthorized });
    expect((await up.flush()).stoppedBy).toBe('unauthorized');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'auth_wait', attempts: 0 });
    await up.resumeAfterLogin();
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends one interview at a time even when flushes overlap', async () => {
    for (let i = 0; i < 4; i++) await queueEnvelope(db, envelope(), i);
    replies = [{ status: 201 }, { status: 201 }, { status: 201 }, { status: 201 }];
    const up = uploader();
    await Promise.all([up.flush(), up.flush(), up.flush()]);
    expect(maxInFlight).toBe(1);
    expect(bodies).toHaveLength(4);
    expect(await db.outbox.count()).toBe(0);
  });

  it('"sync now" retries a waiting item before its backoff is due', async () => {
    await queueEnvelope(db, envelope());
    replies = [{ status: 500 }, { status: 201 }];
    const up = uploader();
    await up.flush();
    expect((await db.outbox.toArray())[0].state).toBe('retry_wait');
    await up.flush(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('an upload interrupted by a crash is sent again on start', async () => {
    const item = await queueEnvelope(db, envelope());
    await db.outbox.update(item.key, { state: 'sending', attempts: 1 });
    replies = [{ status: 201 }];
    const up = uploader();
    await up.recoverInterrupted();
    await up.flush();
    expect(await db.outbox.count()).toBe(0);
  });
});
