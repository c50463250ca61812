/**
 * Tablet device keys on the wire: what the tablet gets back when it asks for its device key (the key,
 * or none once the device is revoked), and what the staff screens list and revoke. The server-held key
 * wraps the tablet's data key on the tablet only: the data key itself never leaves the device.
 */
import { z } from 'zod/mini';

/** The id the tablet mints for itself once (client/offline/store.ts `deviceId`). */
export const deviceIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/));

export const DEVICE_STATUSES = ['active', 'revoked', 'wiped'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const deviceKeyResponseSchema = z.object({
  deviceId: deviceIdSchema,
  status: z.enum(DEVICE_STATUSES),
  /** base64 of 32 bytes while the device is active; null once revoked (never released again). */
  key: z.nullable(z.string()),
});
export type DeviceKeyResponse = z.infer<typeof deviceKeyResponseSchema>;

export const deviceSchema = z.object({
  deviceId: deviceIdSchema,
  username: z.string(),
  displayName: z.string(),
  status: z.enum(DEVICE_STATUSES),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  revokedAt: z.nullable(z.iso.datetime()),
  wipedAt: z.nullable(z.iso.datetime()),
});
export type Device = z.infer<typeof deviceSchema>;
