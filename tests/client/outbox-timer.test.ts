/**
 * The outbox's periodic upload (client/sync/outbox-timer.ts) on fake timers, with the real uploader, a
 * fake IndexedDB and a stubbed fetch: every minute while the app is visible and online; while it is
 * hidden or offline no request at all (the uploader's own backoff retry waits too), however long, and
 * the due upload at once when the app comes back, a backoff retry that fell due while hidden too (not
 * at the timer's next minute); the `online` event's flush times the next; an
 * interview finished while visible still goes at once; and nothing queued is lost or skipped.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIG } from '../../client/config.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { queueEnvelope } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { startOutboxTimer } from '../../client/sync/outbox-timer.ts';
import { nextDelay } from '../../client/sync/refresh-timer.ts';
import { Uploader } from '../../client/sync/uploader.ts';
import { envelope, unlockedDb } from './fixtures.ts';

const MIN = 60_000;
let db: MorabezaDb;
let puts: number[];
let statuses: number[];
let visibleAndOnline: boolean;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  db = await unlockedDb(`ot-${crypto.randomUUID()}`);
  puts = [];
  statuses = [];
  visibleAndOnline = true;
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    puts.push(Date.now());
    const env = JSON.parse(String(init.body));
    const status = statuses.shift() ?? 201;
    const body = {
      interviewId: env.interviewId,
      revision: env.revision,
      status: 'received',
      duplicate: false,
    };
    return new Response(JSON.stringify(status < 300 ? body : { code: 'server.internal', message: 'boom' }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await db.delete();
});

function setup() {
  const api = new ApiClient({ token: () => 'tok', timeoutMs: 5_000 });
  const canRun = () => visibleAndOnline;
  const uploader = new Uploader({
    db,
    api,
    policy: { baseMs: 1_000, maxMs: 60_000 },
    random: () => 1,
    canRun,
  });
  // the timer's flushes, awaited by idle() (fake-indexeddb works on real macrotasks)
  const flushes: Promise<unknown>[] = [];
  const timer = startOutboxTimer(
    {
      flush: (manual?: boolean) => {
        const pass = uploader.flush(manual);
        flushes.push(pass);
        return pass;
      },
    },
    canRun,
  );
  return { uploader, timer, flushes };
}

/** Moves the fake clock by `ms`, at most a second at a time, letting the work each step starts finish. */
async function later(ms: number, flushes: Promise<unknown>[]): Promise<void> {
  for (let left = ms; ; left -= 1_000) {
    await vi.advanceTimersByTimeAsync(Math.min(left, 1_000));
    await idle(flushes);
    if (left <= 1_000) return;
  }
}

/** Lets the fake IndexedDB and any flush under way finish (the fake clock does not move). */
async function idle(flushes: Promise<unknown>[] = []): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await Promise.all(flushes);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("the outbox's periodic upload", () => {
  it('the setting: every minute, never backing off itself (each interview backs off in the outbox machine)', () => {
    expect(CONFIG.outboxFlush.intervalMs).toBe(MIN);
    expect([0, 1, 2, 5, 20].map((n) => nextDelay(CONFIG.outboxFlush, n))).toEqual([MIN, MIN, MIN, MIN, MIN]);
  });

  it('sends a waiting interview every minute while visible and online, not before', async () => {
    const { timer, flushes } = setup();
    await queueEnvelope(db, envelope());
    await later(MIN - 1, flushes);
    expect(puts).toHaveLength(0);
    await later(1, flushes);
    expect(puts).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    timer.stop();
  });

  it('hidden or offline: no request however long; back on screen, the due upload at once, nothing lost', async () => {
    const { timer, flushes } = setup();
    const env = envelope();
    await queueEnvelope(db, env);
    visibleAndOnline = false;
    await later(3 * 60 * MIN, flushes);
    timer.wake(); // still hidden: nothing
    await later(0, flushes);
    expect(puts).toHaveLength(0);
    expect(await db.outbox.toArray()).toMatchObject([{ interviewId: env.interviewId, state: 'queued' }]);
    visibleAndOnline = true;
    const back = Date.now();
    timer.wake(); // the `visibilitychange` to visible
    await later(0, flushes);
    expect(puts).toEqual([back]);
    expect(await db.outbox.count()).toBe(0);
    timer.stop();
  });

  it("the uploader's backoff retry waits while hidden, and the interview goes when the app is back", async () => {
    const { uploader, timer, flushes } = setup();
    await queueEnvelope(db, envelope());
    statuses = [500];
    await uploader.flush(); // finished while visible: sent at once, the server fails
    expect(puts).toHaveLength(1);
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'retry_wait', attempts: 1 });
    visibleAndOnline = false;
    await later(60 * MIN, flushes);
    expect(puts).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
    visibleAndOnline = true;
    timer.wake();
    await later(0, flushes);
    expect(puts).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    timer.stop();
  });

  it("a retry that falls due while hidden goes as soon as the app is back, not at the timer's next run", async () => {
    const { uploader, timer, flushes } = setup();
    await queueEnvelope(db, envelope());
    statuses = [500];
    await uploader.flush(); // sent at once, the server fails: retried after the backoff (1 s here)
    await idle(flushes);
    expect(puts).toHaveLength(1);
    const [waiting] = await db.outbox.toArray();
    expect(waiting).toMatchObject({ state: 'retry_wait', attempts: 1 });
    expect(uploader.wake()).toBeNull(); // visible, but not due yet: nothing
    await idle(flushes);
    expect(puts).toHaveLength(1);
    visibleAndOnline = false;
    await later(20_000, flushes); // the retry falls due while hidden, well before the timer's minute
    expect(Date.now()).toBeGreaterThan(waiting.nextAttemptAt ?? Number.POSITIVE_INFINITY);
    expect(puts).toHaveLength(1);
    visibleAndOnline = true;
    const back = Date.now();
    // the `visibilitychange` to visible (client/sync/sync-timers.ts wakes the uploader): the pass it
    // starts is awaited with the timer's, so a loaded machine cannot end the test before it
    const woken = uploader.wake();
    expect(woken).not.toBeNull();
    if (woken) flushes.push(woken);
    timer.wake(); // the timer's minute is not due: it adds nothing
    await idle(flushes);
    await idle();
    expect(puts).toEqual([puts[0], back]);
    expect(await db.outbox.count()).toBe(0);
    timer.stop();
  });

  it('an interview finished while visible goes at once, without waiting for the timer', async () => {
    const { uploader, timer, flushes } = setup();
    await later(30_000, flushes);
    await queueEnvelope(db, envelope());
    const finished = Date.now();
    await uploader.flush();
    expect(puts).toEqual([finished]);
    expect(await db.outbox.count()).toBe(0);
    timer.stop();
  });

  it("the `online` event's flush does the due upload and times the next from its end", async () => {
    const { uploader, timer, flushes } = setup();
    visibleAndOnline = false;
    await later(5 * MIN, flushes);
    await queueEnvelope(db, envelope());
    visibleAndOnline = true;
    const online = Date.now();
    await uploader.flush(true).finally(() => timer.ranElsewhere('ok')); // as client/services.ts
    expect(puts).toEqual([online]);
    timer.wake(); // no longer due: nothing
    await queueEnvelope(db, envelope());
    await later(MIN - 1, flushes);
    expect(puts).toHaveLength(1);
    await later(1, flushes);
    expect(puts).toEqual([online, online + MIN]);
    timer.stop();
  });
});
