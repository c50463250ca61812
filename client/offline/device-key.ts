/**
 * The second wrap of the data key: under the device key the server keeps for this tablet and releases
 * only to the same enumerator's online session (server/domain/devices.ts). The tablet stores this wrap
 * (`meta.deviceWrap`); the server stores only the wrapping key; neither alone opens anything. When the
 * password changed (or was forgotten and reset), the next online login unwraps the data key with it and
 * rewraps it under the new password: no unsent interview is stranded.
 */
import { fromB64, rawWrappingKey, unwrapDataKey, type WrappedKey, wrapDataKey } from './crypto.ts';
import type { MorabezaDb } from './db.ts';
import { getMeta, setMeta } from './store.ts';

const DEVICE_WRAP = 'deviceWrap';

/** Stores the data key wrapped under the server's device key, once. */
export async function keepDeviceWrap(
  db: MorabezaDb,
  dataKey: CryptoKey,
  deviceKeyB64: string,
): Promise<void> {
  if (await getMeta<WrappedKey>(db, DEVICE_WRAP)) return;
  const kek = await rawWrappingKey(fromB64(deviceKeyB64));
  await setMeta(db, DEVICE_WRAP, await wrapDataKey(dataKey, kek));
}

/** The data key from the device wrap, or null (no wrap yet, or not this device's key). */
export async function dataKeyFromDevice(db: MorabezaDb, deviceKeyB64: string): Promise<CryptoKey | null> {
  const w = await getMeta<WrappedKey>(db, DEVICE_WRAP);
  if (!w) return null;
  return unwrapDataKey(w, await rawWrappingKey(fromB64(deviceKeyB64)));
}
