import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MorabezaDb } from '../../client/offline/db.ts';
import {
  deviceId,
  queueEnvelope,
  replaceAssignments,
  saveDraft,
  setMeta,
} from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { retireDevice } from '../../client/sync/retire.ts';
import { Uploader } from '../../client/sync/uploader.ts';
import { draft, envelope, unlockedDb } from './fixtures.ts';

let db: MorabezaDb;
let calls: string[];
/** The server's answer to uploads: accepted, or down. */
let uploads: 'accept' | 'down';

beforeEach(async () => {
  db = await unlockedDb(`retire-${crypto.randomUUID()}`);
  calls = [];
  uploads = 'accept';
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`);
    if (url.endsWith('/wiped')) return new Response(null, { status: 204 });
    if (uploads === 'down')
      return new Response(JSON.stringify({ code: 'server.unavailable', message: 'x' }), { status: 503 });
    const env = JSON.parse(String(init.body));
    const receipt = {
      interviewId: env.interviewId,
      revision: env.revision,
      status: 'received',
      duplicate: false,
    };
    return new Response(JSON.stringify(receipt), { status: 201 });
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const api = () => new ApiClient({ token: () => 'tok' });
const uploader = () =>
  new Uploader({ db, api: api(), policy: { baseMs: 60_000, maxMs: 60_000 }, random: () => 1 });

async function tabletWithUnsent() {
  const id = await deviceId(db);
  const env = envelope();
  await replaceAssignments(db, []);
  await saveDraft(db, draft(env.interviewId));
  await queueEnvelope(db, env);
  await setMeta(db, 'verifier:enumerator1', { username: 'enumerator1', wrapped: 'x' });
  await setMeta(db, 'deviceWrap', { iv: 'x', wrapped: 'y' });
  return { id, env };
}

describe('a revoked tablet retires', () => {
  it('uploads what is unsent first, then deletes its data and keys and tells the server', async () => {
    const { id, env } = await tabletWithUnsent();
    const up = uploader();
    expect(await retireDevice(db, up, api(), id)).toBe('wiped');
    up.stop();
    expect(calls[0]).toBe(`PUT /api/interviews/${env.interviewId}`);
    expect(calls.at(-1)).toBe(`POST /api/devices/${id}/wiped`);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
    expect(await deviceId(db)).not.toBe(id); // handed out again, it is a new device
    expect(db.keyHold.unlocked).toBe(false);
  });

  it('deletes nothing while an interview is unsent: the server is down', async () => {
    const { id, env } = await tabletWithUnsent();
    uploads = 'down';
    const up = uploader();
    expect(await retireDevice(db, up, api(), id)).toBe('unsent');
    up.stop();
    expect((await db.outbox.toArray())[0].envelope).toEqual(env);
    expect(await db.drafts.count()).toBe(1);
    expect(await db.meta.get('deviceWrap')).toBeDefined();
    expect(calls.some((c) => c.endsWith('/wiped'))).toBe(false);
  });

  it('deletes nothing while a draft is still in progress (never completed, so never queued)', async () => {
    const id = await deviceId(db);
    await saveDraft(db, draft(crypto.randomUUID(), { answers: { a: 1 } }));
    const up = uploader();
    expect(await retireDevice(db, up, api(), id)).toBe('unsent');
    up.stop();
    expect(await db.drafts.count()).toBe(1);
  });
});
