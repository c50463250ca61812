/**
 * One JSON log line per request: a request id (taken from a proxy's X-Request-Id when it is a plain
 * token, otherwise minted here, and returned in the X-Request-Id response header), the method, the route
 * pattern (`/api/interviews/:id`, never the path itself with its ids), the status, the duration, the
 * user's id and role when logged in, and the problem code of a refusal. Nothing from the body, the query
 * string or the headers: no personal data, passwords or tokens.
 */
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { AppEnv } from '../context.ts';
import type { Logger } from '../log.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv>[] {
  const log: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const user = c.get('user');
    const problem = c.get('problem');
    const line = {
      reqId: c.get('requestId'),
      method: c.req.method,
      route: routePath(c),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(user ? { userId: user.id, role: user.role } : {}),
      ...(problem ? { code: problem.code, ...(problem.error ? { error: problem.error } : {}) } : {}),
    };
    const level = status >= 500 ? 'error' : 'info';
    logger[level](line, problem?.summary ?? 'request');
  };
  return [requestId({ headerName: REQUEST_ID_HEADER, limitLength: 100 }), log];
}
