/**
 * Unlocking the tablet: the enumerator's password unwraps the device's data key (kept per user in
 * `meta` as `verifier:<username>`, see db.ts), which then goes into the database's key hold. The first
 * unlock of a device (or of a device written by an earlier release) makes the data key and seals what
 * was stored in clear, in one transaction; a legacy verifier is checked, then replaced by a keyring.
 */
import type { ApiUser } from '../../server/contract/auth.ts';
import {
  fromB64,
  KDF_ITERATIONS,
  newDataKey,
  passwordKey,
  toB64,
  unwrapDataKey,
  wrapDataKey,
} from './crypto.ts';
import type { MorabezaDb, Verifier } from './db.ts';
import { SEALED_TABLES } from './sealed-store.ts';
import { getMeta, getVerifier, setMeta } from './store.ts';

export type UnlockResult =
  | { ok: true; key: CryptoKey; user: ApiUser }
  | { ok: false; reason: 'failed' | 'offlineUnknown' | 'otherUser' | 'passwordChanged' };

const SEALED_FLAG = 'sealedAtRest';

async function legacyHashMatches(v: Verifier, password: string): Promise<boolean> {
  if (!v.hash) return false;
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromB64(v.salt) as BufferSource, iterations: v.iterations },
      base,
      256,
    ),
  );
  const want = fromB64(v.hash);
  let diff = bits.length ^ want.length;
  for (let i = 0; i < Math.min(bits.length, want.length); i++) diff |= bits[i] ^ want[i];
  return diff === 0;
}

/** Wraps the data key under this password and stores it as the user's keyring (replacing the old one). */
export async function writeKeyring(
  db: MorabezaDb,
  username: string,
  password: string,
  user: ApiUser,
  dataKey: CryptoKey,
  iterations = KDF_ITERATIONS,
): Promise<Verifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const w = await wrapDataKey(dataKey, await passwordKey(password, salt, iterations));
  const v: Verifier = { username: username.toLowerCase(), salt: toB64(salt), iterations, ...w, user };
  await setMeta(db, `verifier:${v.username}`, v);
  return v;
}

/** The data key this password unwraps from the user's keyring, or null. */
export async function unwrapWithPassword(v: Verifier, password: string): Promise<CryptoKey | null> {
  if (!v.wrapped || !v.iv) return null;
  const kek = await passwordKey(password, fromB64(v.salt), v.iterations);
  return unwrapDataKey({ iv: v.iv, wrapped: v.wrapped }, kek);
}

async function keyrings(db: MorabezaDb): Promise<Verifier[]> {
  const rows = await db.meta.where('key').startsWith('verifier:').toArray();
  return rows.map((r) => r.value as Verifier);
}

async function holdsPersonalData(db: MorabezaDb): Promise<boolean> {
  for (const t of SEALED_TABLES) if ((await db.table(t).count()) > 0) return true;
  return false;
}

/**
 * Seals every record still in clear (written before encryption), all tables in one transaction: either
 * every record is sealed or none is changed. Runs once per device.
 */
export async function sealExisting(db: MorabezaDb): Promise<void> {
  if (await getMeta<boolean>(db, SEALED_FLAG)) return;
  const tables = SEALED_TABLES.map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.meta], async () => {
    for (const t of tables) {
      const rows = await t.toArray();
      if (rows.length > 0) await t.bulkPut(rows);
    }
    await db.meta.put({ key: SEALED_FLAG, value: true });
  });
}

/**
 * A new data key for this device: only when no other enumerator's sealed data is on it (their keyring,
 * device wrap and device id are then dropped: they guard nothing). Records in clear from an earlier release are sealed with it.
 */
async function firstKey(db: MorabezaDb, username: string, password: string, user: ApiUser) {
  const others = (await keyrings(db)).filter((v) => v.username !== username.toLowerCase() && v.wrapped);
  if (others.length > 0 && (await getMeta<boolean>(db, SEALED_FLAG)) && (await holdsPersonalData(db)))
    return null;
  const key = await newDataKey();
  if (others.length > 0) {
    // Someone else's empty tablet: a new device to the server (its id and key were theirs).
    await db.meta.bulkDelete([...others.map((v) => `verifier:${v.username}`), 'deviceWrap', 'deviceId']);
  }
  await writeKeyring(db, username, password, user, key);
  db.keyHold.set(key);
  await sealExisting(db);
  return key;
}

/** Offline: only the password and what the device keeps. */
export async function unlockOffline(
  db: MorabezaDb,
  username: string,
  password: string,
): Promise<UnlockResult> {
  const v = await getVerifier(db, username);
  if (!v) return { ok: false, reason: 'offlineUnknown' };
  if (v.wrapped) {
    const key = await unwrapWithPassword(v, password);
    if (!key) return { ok: false, reason: 'failed' };
    if (v.iterations < KDF_ITERATIONS) await writeKeyring(db, username, password, v.user, key);
    return { ok: true, key, user: v.user };
  }
  if (!(await legacyHashMatches(v, password))) return { ok: false, reason: 'failed' };
  const key = await firstKey(db, username, password, v.user);
  return key ? { ok: true, key, user: v.user } : { ok: false, reason: 'otherUser' };
}

/**
 * Online, after the server accepted the password: the keyring opens with it, or this is the user's
 * first unlock here. A keyring the password does not open means the password was changed on the server
 * since: the data key must then come from the server-held device key (device-key.ts).
 */
export async function unlockOnline(
  db: MorabezaDb,
  username: string,
  password: string,
  user: ApiUser,
): Promise<UnlockResult> {
  const v = await getVerifier(db, username);
  if (v?.wrapped) {
    const key = await unwrapWithPassword(v, password);
    if (!key) return { ok: false, reason: 'passwordChanged' };
    if (v.iterations < KDF_ITERATIONS) await writeKeyring(db, username, password, user, key);
    else await setMeta(db, `verifier:${v.username}`, { ...v, user });
    return { ok: true, key, user };
  }
  const key = await firstKey(db, username, password, user);
  return key ? { ok: true, key, user } : { ok: false, reason: 'otherUser' };
}
