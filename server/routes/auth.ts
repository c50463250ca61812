import { getConnInfo } from '@hono/node-server/conninfo';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { loginRequestSchema } from '../contract/auth.ts';
import { users } from '../db/schema.ts';
import { login, logout } from '../domain/accounts.ts';
import { audit } from '../domain/audit.ts';
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
      const address = clientAddress(c);
      const account = await deps.database.db.query.users.findFirst({
        columns: { id: true },
        where: eq(users.username, body.username),
      });
      // counted before the slow hash: parallel guesses meet the backoff (login-throttle.ts)
      const wait = await deps.throttle.admit({ username: body.username, address, known: !!account });
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
        await deps.throttle.succeed(body.username);
        const { teamId: _teamId, ...user } = session.user;
        return c.json({ token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), user });
      } catch (error) {
        if (error instanceof Problem && error.code === 'auth.failed') {
          await audit(deps.database.db, {
            actorId: null,
            action: 'auth.failed',
            entityType: 'user',
            entityId: account?.id ?? null,
            details: { username: body.username, address },
          });
        }
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
