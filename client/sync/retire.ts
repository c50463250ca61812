/**
 * A revoked tablet (a coordinator revoked it on the staff screens; the server says so when the tablet
 * asks for its device key) retires at its next unlocked contact: it uploads everything queued, and only
 * when nothing unsent is left (no outbox item in any state, no draft not yet submitted, no notice for the
 * office still to send) deletes its personal data, its keyrings, the device wrap and the session, then
 * tells the server. Anything still
 * unsent keeps the tablet as it is; the next contact tries again. Nothing unsent is ever deleted.
 */
import type { MorabezaDb } from '../offline/db.ts';
import { SEALED_TABLES } from '../offline/sealed-store.ts';
import type { ApiClient } from './api-client.ts';
import type { Uploader } from './uploader.ts';

export type RetireResult = 'wiped' | 'unsent';

/** How many interviews this tablet still holds that the server has not acknowledged. */
export async function unsentCount(db: MorabezaDb): Promise<number> {
  const drafts = await db.drafts.toArray();
  // a notice for the office the server refused (409, 4xx) is not waiting for anything: it is not held back
  const notices = (await db.notices.toArray()).filter(
    (n) => n.state !== 'conflict' && n.state !== 'rejected',
  ).length;
  return (await db.outbox.count()) + drafts.filter((d) => d.status !== 'submitted').length + notices;
}

/**
 * Deletes every personal record, every key and the device id: a tablet handed out again is a new device
 * to the server (the retired id's key is never released again).
 */
export async function wipeDevice(db: MorabezaDb): Promise<void> {
  const tables = [...SEALED_TABLES.map((t) => db.table(t)), db.damaged, db.meta];
  await db.transaction('rw', tables, async () => {
    for (const t of SEALED_TABLES) await db.table(t).clear();
    await db.damaged.clear();
    await db.meta.clear();
  });
  db.keyHold.clear();
}

export async function retireDevice(
  db: MorabezaDb,
  uploader: Pick<Uploader, 'flush'>,
  api: Pick<ApiClient, 'deviceWiped'>,
  deviceId: string,
): Promise<RetireResult> {
  await uploader.flush(true);
  if ((await unsentCount(db)) > 0) return 'unsent';
  await wipeDevice(db);
  await api.deviceWiped(deviceId);
  return 'wiped';
}
