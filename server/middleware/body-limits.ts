/**
 * A size limit on every request body of the API, checked before any handler or authentication runs: a
 * declared Content-Length over the limit is answered 413 `request.too_large` without reading a byte, and a
 * chunked body is cut off as soon as it passes the limit. The login (unauthenticated, a few hundred bytes
 * when honest) has a tight limit of its own; every other route the configured BODY_LIMIT_BYTES (an
 * interview envelope is the largest body the API takes).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.ts';
import { Problem } from '../problems.ts';

/** Login and logout bodies: a username and a password. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

function limitOf(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: (c) => c.json(new Problem('request.too_large', { limitBytes: maxSize }).toBody(), 413),
  });
}

export function bodyLimits(bodyLimitBytes: number): MiddlewareHandler<AppEnv> {
  const auth = limitOf(Math.min(AUTH_BODY_LIMIT_BYTES, bodyLimitBytes));
  const api = limitOf(bodyLimitBytes);
  return (c, next) => (c.req.path.startsWith('/api/auth/') ? auth(c, next) : api(c, next));
}
