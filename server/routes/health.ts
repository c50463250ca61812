import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';

/**
 * GET /api/health: 200 while the database reads and writes; 503 with the reason while the last write
 * failed because the database could not take it (locked, disk full, read-only). Then a write probe (an
 * empty write transaction) tells at once when it can write again.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const started = performance.now();
    await deps.database.db.run(sql`select 1`);
    if (deps.database.writeTrouble()) {
      await deps.database.write((tx) => tx.run(sql`select 1`)).catch(() => undefined);
    }
    const trouble = deps.database.writeTrouble();
    return c.json(
      {
        ok: !trouble,
        mode: deps.settings.mode,
        database: {
          latencyMs: performance.now() - started,
          writable: !trouble,
          ...(trouble ? { reason: trouble.reason, since: new Date(trouble.at).toISOString() } : {}),
        },
      },
      trouble ? 503 : 200,
    );
  });
}
