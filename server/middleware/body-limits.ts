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
import { clientAborted } from '../routes/parse.ts';

/** Login and logout bodies: a username and a password. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

function limitOf(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: (c) => c.json(new Problem('request.too_large', { limitBytes: maxSize }).toBody(), 413),
  });
  // a chunked body is read here, before any handler: a connection lost while reading it is the client's
  // abort (only errors thrown before the handlers ran; theirs pass through untouched)
  return async (c, next) => {
    let reached = false;
    try {
      return await limit(c, () => {
        reached = true;
        return next();
      });
    } catch (error) {
      if (reached || error instanceof Problem) throw error;
      throw clientAborted(error);
    }
  };
}

export function bodyLimits(bodyLimitBytes: number): MiddlewareHandler<AppEnv> {
  const auth = limitOf(Math.min(AUTH_BODY_LIMIT_BYTES, bodyLimitBytes));
  const api = limitOf(bodyLimitBytes);
  return (c, next) => (c.req.path.startsWith('/api/auth/') ? auth(c, next) : api(c, next));
}
