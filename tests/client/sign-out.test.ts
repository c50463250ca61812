/**
 * The tablet's "Sign out" ends the server session: it sends POST /api/auth/logout with the session's
 * token and forgets the token on the device, while "Lock" keeps the token (uploads go on) and neither
 * removes the offline unlock.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MorabezaDb, openDb } from '../../client/offline/db.ts';
import { getSession } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { SessionManager } from '../../client/sync/session.ts';

let db: MorabezaDb;
let online: boolean;
const calls: Array<{ url: string; method: string; authorization: string | null }> = [];
const user = { id: 'u1', username: 'enumerator1', displayName: 'Enumerator 1', role: 'enumerator' as const };

beforeEach(() => {
  db = openDb(`so-${crypto.randomUUID()}`);
  online = true;
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ url, method: String(init.method), authorization: headers.authorization ?? null });
    if (url.endsWith('/api/auth/logout')) return new Response(null, { status: 204 });
    const body = { token: 'tok-1', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user };
    return new Response(JSON.stringify(body), { status: 200 });
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

function manager() {
  let s: SessionManager;
  const api = new ApiClient({ token: () => s.token() });
  s = new SessionManager(db, () => api);
  return s;
}

describe('sign out and lock', () => {
  it('"Sign out" calls /api/auth/logout with the token and forgets it; offline unlock still works', async () => {
    const s = manager();
    await s.login('enumerator1', 'demo');
    expect(await s.signOut()).toBe(true);
    const logout = calls.find((c) => c.url.endsWith('/api/auth/logout'));
    expect(logout).toEqual({ url: expect.any(String), method: 'POST', authorization: 'Bearer tok-1' });
    expect(s.token()).toBeNull();
    expect(await getSession(db)).toBeNull();
    online = false;
    expect(await manager().login('enumerator1', 'demo')).toMatchObject({ ok: true, mode: 'offline' });
  });

  it('"Lock" keeps the server session: no logout call, the token stays for uploads', async () => {
    const s = manager();
    await s.login('enumerator1', 'demo');
    s.lock();
    expect(calls.some((c) => c.url.endsWith('/api/auth/logout'))).toBe(false);
    expect((await getSession(db))?.token).toBe('tok-1');
  });
});
