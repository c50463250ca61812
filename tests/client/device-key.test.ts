import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MorabezaDb, openDb } from '../../client/offline/db.ts';
import { queueEnvelope, saveDraft } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { SessionManager } from '../../client/sync/session.ts';
import { draft, envelope } from './fixtures.ts';

const user = { id: 'u1', username: 'enumerator1', displayName: 'Enumerator 1', role: 'enumerator' as const };
const DEVICE_KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
const NAME = 'Maria da Luz Tavares';

let db: MorabezaDb;
let online: boolean;
let serverPassword: string;
/** What the server answers for the device key: the key, or a refusal (another enumerator's tablet). */
let deviceAnswer: 'key' | 'refused';

beforeEach(() => {
  db = openDb(`dk-${crypto.randomUUID()}`);
  online = true;
  serverPassword = 'old secret';
  deviceAnswer = 'key';
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    if (url.includes('/api/devices/')) {
      if (deviceAnswer === 'refused')
        return new Response(JSON.stringify({ code: 'device.not_yours', message: 'no' }), { status: 403 });
      const deviceId = url.split('/')[3];
      return new Response(JSON.stringify({ deviceId, status: 'active', key: DEVICE_KEY }), { status: 200 });
    }
    const { password } = JSON.parse(String(init.body));
    if (password !== serverPassword)
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

/** A tablet with an unsent interview, then its enumerator's password is changed on the server. */
async function unsentThenPasswordChanged() {
  const s = manager();
  expect(await s.login('enumerator1', 'old secret')).toMatchObject({ ok: true, mode: 'online' });
  const env = envelope({ answers: { head_name: NAME } });
  await saveDraft(db, draft(env.interviewId, { answers: { head_name: NAME } }));
  await queueEnvelope(db, env);
  s.lock();
  serverPassword = 'new secret';
  return env;
}

describe('the server-held device key', () => {
  it('after a password change, the online login opens every record and rewraps the key under the new password', async () => {
    const env = await unsentThenPasswordChanged();
    const s = manager();
    expect(await s.login('enumerator1', 'new secret')).toMatchObject({ ok: true, mode: 'online' });
    expect((await db.outbox.toArray())[0].envelope).toEqual(env);
    expect((await db.drafts.get(env.interviewId))?.answers).toEqual({ head_name: NAME });

    // the rotation holds offline: the new password opens the data, the old one no longer does
    s.lock();
    online = false;
    expect(await manager().login('enumerator1', 'old secret')).toMatchObject({ ok: false, reason: 'failed' });
    const again = manager();
    expect(await again.login('enumerator1', 'new secret')).toMatchObject({ ok: true, mode: 'offline' });
    expect((await db.outbox.toArray())[0].envelope).toEqual(env);
  });

  it('without the device key the new password opens nothing, and the data stay intact for later', async () => {
    const env = await unsentThenPasswordChanged();
    deviceAnswer = 'refused';
    expect(await manager().login('enumerator1', 'new secret')).toEqual({
      ok: false,
      reason: 'passwordChanged',
    });
    expect(db.keyHold.unlocked).toBe(false);
    deviceAnswer = 'key';
    expect(await manager().login('enumerator1', 'new secret')).toMatchObject({ ok: true });
    expect((await db.outbox.toArray())[0].envelope).toEqual(env);
  });

  it('stores only the wrapped data key: the device key itself is never written on the tablet', async () => {
    await manager().login('enumerator1', 'old secret');
    const meta = JSON.stringify(await db.meta.toArray());
    expect(meta).toContain('deviceWrap');
    expect(meta).not.toContain(DEVICE_KEY);
  });
});
