import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessions, users } from '../../server/db/schema.ts';
import { hashToken } from '../../server/domain/tokens.ts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const login = (username: string, password: string) =>
  ctx.request('POST', '/api/auth/login', { body: { username, password } });

describe('accounts and sessions', () => {
  it('logs in with the right password and returns an opaque token stored only as a hash', async () => {
    const res = await login('enum_a1', PASSWORD);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: 'enum_a1', role: 'enumerator' });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.database.db.select().from(sessions);
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashToken(body.token));
    expect(JSON.stringify(stored)).not.toContain(body.token);
    const me = await ctx.request('GET', '/api/auth/me', { token: body.token });
    expect((await me.json()).user.username).toBe('enum_a1');
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const row = await ctx.database.db.query.users.findFirst({ where: eq(users.username, 'enum_a1') });
    expect(row?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
  });

  it('answers 401 auth.failed to a wrong password and to an unknown user alike', async () => {
    const wrong = await login('enum_a1', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).code).toBe('auth.failed');
    expect((await unknown.json()).code).toBe('auth.failed');
  });

  it('throttles repeated failed logins with 429 and Retry-After, even for the right password', async () => {
    // the third failure in a row starts the account's backoff of 1 s (server/domain/login-throttle.ts);
    // the clock stands still so that a slow machine cannot outlast the backoff between two requests
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      for (let i = 0; i < 3; i++) expect((await login('enum_a2', 'guess')).status).toBe(401);
      const blocked = await login('enum_a2', PASSWORD);
      expect(blocked.status).toBe(429);
      expect((await blocked.json()).code).toBe('auth.throttled');
      expect(Number(blocked.headers.get('retry-after'))).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a forged, a malformed and an expired token with 401', async () => {
    const forged = await ctx.request('GET', '/api/assignments', { token: 'A'.repeat(43) });
    expect(forged.status).toBe(401);
    expect((await forged.json()).code).toBe('auth.invalid_token');
    const malformed = await ctx.app.request('/api/assignments', { headers: { authorization: 'Bearer x y' } });
    expect(malformed.status).toBe(401);
    const none = await ctx.app.request('/api/assignments');
    expect((await none.json()).code).toBe('auth.required');

    const token = await ctx.token('enum_a1');
    expect((await ctx.request('GET', '/api/assignments', { token })).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3_600_000 + 1); // the test sessions last one hour
      const expired = await ctx.request('GET', '/api/assignments', { token });
      expect(expired.status).toBe(401);
      expect((await expired.json()).code).toBe('auth.invalid_token');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops honouring a session deleted in the database (another node logged it out) within 30 s', async () => {
    const token = await ctx.token('enum_a2');
    expect((await ctx.request('GET', '/api/assignments', { token })).status).toBe(200);
    await ctx.database.db.delete(sessions);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 30_001);
      expect((await ctx.request('GET', '/api/assignments', { token })).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends the session on logout', async () => {
    const token = await ctx.token('enum_a1');
    expect((await ctx.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await ctx.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('refuses a login body with a missing field with 422 naming it', async () => {
    const res = await ctx.request('POST', '/api/auth/login', { body: { username: 'enum_a1' } });
    expect(res.status).toBe(422);
    expect((await res.json()).details[0].field).toBe('password');
  });
});
