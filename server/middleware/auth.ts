/** Bearer-token authentication and role checks, applied per route on the server. */
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../context.ts';
import type { Role } from '../db/schema.ts';
import { authenticate } from '../domain/accounts.ts';
import { Problem } from '../problems.ts';

export function requireAuth(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
    if (!header) throw new Problem('auth.required');
    if (!match) throw new Problem('auth.invalid_token');
    c.set('user', await authenticate(deps.database.db, match[1]));
    c.set('token', match[1]);
    await next();
  });
}

export function allow(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!roles.includes(user.role)) {
      throw new Problem('auth.forbidden', { role: user.role, allowed: roles });
    }
    await next();
  });
}
