/** Device keys: minted once per tablet for one enumerator, released only to them while active; revoke; wiped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const askKey = (as: 'enum_a1' | 'enum_a2' | 'sup_a' | 'coord', device: string) =>
  ctx.request('POST', `/api/devices/${device}/key`, { as });

describe('device keys', () => {
  it('gives the enumerator the same 32-byte key every time, and another enumerator none', async () => {
    const first = await askKey('enum_a1', 'tablet-1');
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ deviceId: 'tablet-1', status: 'active' });
    expect(Buffer.from(body.key, 'base64')).toHaveLength(32);
    expect((await (await askKey('enum_a1', 'tablet-1')).json()).key).toBe(body.key);
    expect((await (await askKey('enum_a1', 'tablet-2')).json()).key).not.toBe(body.key);

    const other = await askKey('enum_a2', 'tablet-1');
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ code: 'device.not_yours', details: { deviceId: 'tablet-1' } });
    expect((await askKey('sup_a', 'tablet-1')).status).toBe(403);
    expect((await ctx.request('POST', '/api/devices/tablet-1/key')).status).toBe(401);
    const bad = await askKey('enum_a1', 'tablet%201');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ details: { field: 'deviceId' } });
  });

  it('a coordinator revokes a device: its key is never released again; the tablet reports it wiped', async () => {
    await askKey('enum_a1', 'tablet-r');
    expect((await ctx.request('POST', '/api/devices/tablet-r/revoke', { as: 'enum_a1' })).status).toBe(403);
    expect((await ctx.request('POST', '/api/devices/tablet-r/revoke', { as: 'sup_a' })).status).toBe(403);
    expect((await ctx.request('POST', '/api/devices/tablet-r/wiped', { as: 'enum_a1' })).status).toBe(422);

    const revoked = await ctx.request('POST', '/api/devices/tablet-r/revoke', { as: 'coord' });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({
      deviceId: 'tablet-r',
      status: 'revoked',
      username: 'enum_a1',
    });
    expect(await (await askKey('enum_a1', 'tablet-r')).json()).toEqual({
      deviceId: 'tablet-r',
      status: 'revoked',
      key: null,
    });
    expect((await ctx.request('POST', '/api/devices/tablet-r/wiped', { as: 'enum_a2' })).status).toBe(403);
    expect((await ctx.request('POST', '/api/devices/tablet-r/wiped', { as: 'enum_a1' })).status).toBe(204);

    const list = await ctx.request('GET', '/api/devices', { as: 'coord' });
    const devices = (await list.json()) as Array<{
      deviceId: string;
      status: string;
      wipedAt: string | null;
    }>;
    expect(devices.find((d) => d.deviceId === 'tablet-r')).toMatchObject({ status: 'wiped' });
    expect(devices.find((d) => d.deviceId === 'tablet-1')).toMatchObject({ status: 'active', wipedAt: null });
    expect((await ctx.request('GET', '/api/devices', { as: 'sup_a' })).status).toBe(403);
    expect((await ctx.request('POST', '/api/devices/nope/revoke', { as: 'coord' })).status).toBe(404);
  });
});
