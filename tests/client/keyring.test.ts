import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { toB64 } from '../../client/offline/crypto.ts';
import { type MorabezaDb, openDb } from '../../client/offline/db.ts';
import { unlockOffline, unlockOnline } from '../../client/offline/keyring.ts';
import { deviceId, getMeta, getVerifier, setMeta } from '../../client/offline/store.ts';
import { draft, envelope } from './fixtures.ts';

const user = { id: 'u1', username: 'enumerator1', displayName: 'Enumerator 1', role: 'enumerator' as const };
const NAME = 'Maria da Luz Tavares';
let db: MorabezaDb;
let name: string;
afterEach(async () => {
  await db.delete();
});

/** The PBKDF2 verifier the first releases kept (a hash of the password), with few iterations for speed. */
async function legacyVerifier(password: string) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 },
    base,
    256,
  );
  return {
    username: 'enumerator1',
    salt: toB64(salt),
    iterations: 1000,
    hash: toB64(new Uint8Array(bits)),
    user,
  };
}

/** A tablet as an earlier release left it: everything in clear, a password verifier, no data key. */
async function legacyTablet() {
  name = `legacy-${crypto.randomUUID()}`;
  await openDb(name)
    .open()
    .then((d) => d.close());
  const env = envelope({ answers: { head_name: NAME } });
  const raw = new Dexie(name);
  await raw.open();
  await raw
    .table('drafts')
    .put(draft(env.interviewId, { answers: { head_name: NAME }, status: 'completed' }));
  await raw.table('outbox').put({
    key: `${env.interviewId}#1`,
    interviewId: env.interviewId,
    state: 'queued',
    envelope: env,
    createdAt: 1,
  });
  await raw.table('assignments').put({ id: 'a-1', preload: { head_name: NAME } });
  await raw
    .table('syncLog')
    .add({ at: 1, level: 'info', event: 'accepted', detail: NAME, interviewId: null });
  await raw.table('meta').put({ key: 'verifier:enumerator1', value: await legacyVerifier('demo') });
  raw.close();
  db = openDb(name);
  return env;
}

async function rawRows() {
  const raw = new Dexie(name);
  await raw.open();
  const rows: Record<string, unknown[]> = {};
  for (const t of ['drafts', 'outbox', 'assignments', 'syncLog']) rows[t] = await raw.table(t).toArray();
  raw.close();
  return rows;
}

describe('the first unlock after the upgrade', () => {
  it('refuses a wrong password and leaves the data as it was', async () => {
    await legacyTablet();
    const before = await rawRows();
    expect(await unlockOffline(db, 'enumerator1', 'wrong')).toEqual({ ok: false, reason: 'failed' });
    expect(db.keyHold.unlocked).toBe(false);
    expect(await rawRows()).toEqual(before);
  });

  it('seals every record that was in clear, losing none, and replaces the verifier by a keyring', async () => {
    const env = await legacyTablet();
    const result = await unlockOffline(db, 'enumerator1', 'demo');
    expect(result.ok).toBe(true);
    const rows = await rawRows();
    expect(Object.values(rows).map((r) => r.length)).toEqual([1, 1, 1, 1]);
    expect(JSON.stringify(rows)).not.toContain(NAME);
    expect((await db.outbox.toArray())[0].envelope).toEqual(env);
    expect((await db.drafts.get(env.interviewId))?.answers).toEqual({ head_name: NAME });
    expect((await db.assignments.get('a-1'))?.preload).toEqual({ head_name: NAME });
    expect((await db.syncLog.toArray())[0].detail).toBe(NAME);
    const v = await getVerifier(db, 'enumerator1');
    expect(v?.hash).toBeUndefined();
    expect(v?.iterations).toBe(600_000);

    // next time, offline: the same password opens the same data; a wrong one opens nothing
    db.keyHold.clear();
    expect(await unlockOffline(db, 'enumerator1', 'nope')).toEqual({ ok: false, reason: 'failed' });
    expect(await unlockOffline(db, 'enumerator1', 'demo')).toMatchObject({ ok: true });
    // unlockOffline hands the key back; the session manager holds it
    const again = await unlockOffline(db, 'enumerator1', 'demo');
    if (again.ok) db.keyHold.set(again.key);
    expect((await db.drafts.get(env.interviewId))?.answers).toEqual({ head_name: NAME });
  });
});

describe('the first unlock after the upgrade, online', () => {
  it('seals what was in clear too, once the server accepted the password', async () => {
    const env = await legacyTablet();
    const result = await unlockOnline(db, 'enumerator1', 'demo', user);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(await rawRows())).not.toContain(NAME);
    expect((await db.outbox.toArray())[0].envelope).toEqual(env);
  });
});

describe('another enumerator on the same tablet', () => {
  it('is refused while the first one has data here, and never gets a key that opens it', async () => {
    await legacyTablet();
    expect((await unlockOffline(db, 'enumerator1', 'demo')).ok).toBe(true);
    const other = { ...user, id: 'u2', username: 'enumerator2' };
    expect(await unlockOnline(db, 'enumerator2', 'demo2', other)).toEqual({ ok: false, reason: 'otherUser' });
    expect(await getVerifier(db, 'enumerator1')).toBeDefined();
  });

  it('on an empty tablet gets a new data key, and the tablet becomes a new device to the server', async () => {
    name = `empty-${crypto.randomUUID()}`;
    db = openDb(name);
    expect((await unlockOnline(db, 'enumerator1', 'demo', user)).ok).toBe(true);
    const before = await deviceId(db);
    await setMeta(db, 'deviceWrap', { iv: 'x', wrapped: 'y' });
    const other = { ...user, id: 'u2', username: 'enumerator2' };
    expect(await unlockOnline(db, 'enumerator2', 'demo2', other)).toMatchObject({ ok: true });
    expect(await getVerifier(db, 'enumerator1')).toBeUndefined();
    expect(await getMeta(db, 'deviceWrap')).toBeUndefined();
    expect(await deviceId(db)).not.toBe(before);
  });
});
