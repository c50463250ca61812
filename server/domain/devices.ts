/**
 * Device keys (see `deviceKeys` in db/schema.ts): minted on a tablet's first ask, bound to that
 * enumerator, released only to that enumerator's session while the device is active; revoked by a
 * coordinator or admin; marked wiped when the revoked tablet says it deleted its data.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Device, DeviceKeyResponse, DeviceStatus } from '../contract/devices.ts';
import type { Db } from '../db/client.ts';
import { deviceKeys, users } from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';

const statusOf = (row: { revokedAt: number | null; wipedAt: number | null }): DeviceStatus =>
  row.wipedAt !== null ? 'wiped' : row.revokedAt !== null ? 'revoked' : 'active';

/** The tablet's key for this enumerator (minted on the first ask); none once the device is revoked. */
export async function releaseDeviceKey(
  db: Db,
  user: SessionUser,
  deviceId: string,
): Promise<DeviceKeyResponse> {
  await db
    .insert(deviceKeys)
    .values({ deviceId, userId: user.id, key: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const row = await db.query.deviceKeys.findFirst({ where: eq(deviceKeys.deviceId, deviceId) });
  if (!row) throw new Problem('server.internal');
  if (row.userId !== user.id) throw new Problem('device.not_yours', { deviceId });
  await db.update(deviceKeys).set({ lastSeenAt: Date.now() }).where(eq(deviceKeys.deviceId, deviceId));
  const status = statusOf(row);
  if (status === 'active') {
    await audit(db, {
      actorId: user.id,
      action: 'device.key_released',
      entityType: 'device',
      entityId: deviceId,
    });
  }
  return { deviceId, status, key: status === 'active' ? row.key : null };
}

async function ownRow(db: Db, user: SessionUser, deviceId: string) {
  const row = await db.query.deviceKeys.findFirst({ where: eq(deviceKeys.deviceId, deviceId) });
  if (!row) throw new Problem('resource.not_found', { deviceId });
  if (row.userId !== user.id) throw new Problem('device.not_yours', { deviceId });
  return row;
}

/** The revoked tablet deleted its data and keys (after uploading everything unsent). */
export async function markWiped(db: Db, user: SessionUser, deviceId: string): Promise<void> {
  const row = await ownRow(db, user, deviceId);
  if (row.revokedAt === null)
    throw new Problem('request.invalid', { field: 'deviceId', reason: 'not revoked' });
  await db.update(deviceKeys).set({ wipedAt: Date.now() }).where(eq(deviceKeys.deviceId, deviceId));
  await audit(db, { actorId: user.id, action: 'device.wiped', entityType: 'device', entityId: deviceId });
}

export async function revokeDevice(db: Db, by: SessionUser, deviceId: string): Promise<Device> {
  const row = await db.query.deviceKeys.findFirst({ where: eq(deviceKeys.deviceId, deviceId) });
  if (!row) throw new Problem('resource.not_found', { deviceId });
  if (row.revokedAt === null) {
    await db
      .update(deviceKeys)
      .set({ revokedAt: Date.now(), revokedBy: by.id })
      .where(eq(deviceKeys.deviceId, deviceId));
    await audit(db, { actorId: by.id, action: 'device.revoked', entityType: 'device', entityId: deviceId });
  }
  const devices = await listDevices(db);
  return devices.find((d) => d.deviceId === deviceId) as Device;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function listDevices(db: Db): Promise<Device[]> {
  const rows = await db
    .select({
      deviceId: deviceKeys.deviceId,
      username: users.username,
      displayName: users.displayName,
      createdAt: deviceKeys.createdAt,
      lastSeenAt: deviceKeys.lastSeenAt,
      revokedAt: deviceKeys.revokedAt,
      wipedAt: deviceKeys.wipedAt,
    })
    .from(deviceKeys)
    .innerJoin(users, eq(users.id, deviceKeys.userId))
    .orderBy(users.username, deviceKeys.createdAt);
  return rows.map((r) => ({
    ...r,
    status: statusOf(r),
    createdAt: new Date(r.createdAt).toISOString(),
    lastSeenAt: new Date(r.lastSeenAt).toISOString(),
    revokedAt: iso(r.revokedAt),
    wipedAt: iso(r.wipedAt),
  }));
}
