import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { loginRequestSchema } from '../contract/auth.ts';
import { login, logout } from '../domain/accounts.ts';
import { requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';
import { readBody } from './parse.ts';

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function authRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await readBody(c, loginRequestSchema);
      const keys = [`user:${body.username.toLowerCase()}`, `addr:${clientAddress(c)}`];
      const wait = deps.throttle.retryAfter(keys);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new Problem('auth.throttled', { retryAfterSeconds: wait });
      }
      try {
        const session = await login(
          deps.database.db,
          body.username,
          body.password,
          deps.settings.sessionTtlMs,
        );
        deps.throttle.succeed(keys.slice(0, 1));
        const { teamId: _teamId, ...user } = session.user;
        return c.json({ token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), user });
      } catch (error) {
        if (error instanceof Problem && error.code === 'auth.failed') deps.throttle.fail(keys);
        throw error;
      }
    })
    .get('/me', requireAuth(deps), (c) => {
      const { teamId: _teamId, ...user } = c.get('user');
      return c.json({ user });
    })
    .post('/logout', requireAuth(deps), async (c) => {
      await logout(deps.database.db, c.get('token'));
      return c.body(null, 204);
    });
}
