/**
 * The simulator's Api on an in-process Hono app (app.request: no port, no network). Its uploads are
 * bulk (the `uploads` binding): their validation jobs wait behind the tablets' (server/jobs/job-priority.ts).
 */
import type { Api } from './surveys/ipei/fieldwork.ts';

export function demoApi(app: {
  request: (path: string, init?: RequestInit, env?: { uploads: 'bulk' }) => Response | Promise<Response>;
}): Api {
  return {
    async request(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await app.request(
        path,
        {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        { uploads: 'bulk' },
      );
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      return { status: res.status, body: parsed };
    },
  };
}
