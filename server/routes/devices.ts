/**
 * Tablet device keys: the enumerator's tablet asks for its key after an online login and says when a
 * revoked tablet has wiped itself; coordinators and admins list devices and revoke one.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { deviceIdSchema } from '../contract/devices.ts';
import { listDevices, markWiped, releaseDeviceKey, revokeDevice } from '../domain/devices.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';

function deviceParam(raw: string): string {
  const parsed = deviceIdSchema.safeParse(raw);
  if (!parsed.success)
    throw new Problem('request.invalid', {
      field: 'deviceId',
      reason: 'letters, digits, - and _ only, at most 100',
      fix: 'send the id the tablet minted',
    });
  return parsed.data;
}

export function deviceRoutes(deps: AppDeps) {
  const db = deps.database.db;
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .get('/', allow('coordinator', 'admin'), async (c) => c.json(await listDevices(db)))
    .post('/:deviceId/key', allow('enumerator'), async (c) =>
      c.json(await releaseDeviceKey(db, c.get('user'), deviceParam(c.req.param('deviceId')))),
    )
    .post('/:deviceId/wiped', allow('enumerator'), async (c) => {
      await markWiped(db, c.get('user'), deviceParam(c.req.param('deviceId')));
      return c.body(null, 204);
    })
    .post('/:deviceId/revoke', allow('coordinator', 'admin'), async (c) =>
      c.json(await revokeDevice(db, c.get('user'), deviceParam(c.req.param('deviceId')))),
    );
}
