import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';

/**
 * GET /api/health: 200 while the database reads and writes; 503 with the reason while the last write
 * failed because the database could not take it (locked, disk full, read-only). Then a write probe (an
 * empty write transaction) tells at once when it can write again. An empty transaction proves the lock
 * can be had, not that there is room: after a full disk the probe waits until the database's file
 * system has room for two uploads of the largest size again (or a real write succeeds).
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const started = performance.now();
    await deps.database.db.run(sql`select 1`);
    const free = deps.database.freeBytes();
    const before = deps.database.writeTrouble();
    if (before) {
      const full = /SQLITE_FULL|disk is full|database or disk is full/i.test(before.reason);
      if (!full || (free !== null && free >= 2 * deps.settings.bodyLimitBytes)) {
        await deps.database.write((tx) => tx.run(sql`select 1`)).catch(() => undefined);
      }
    }
    const trouble = deps.database.writeTrouble();
    return c.json(
      {
        ok: !trouble,
        mode: deps.settings.mode,
        database: {
          latencyMs: performance.now() - started,
          writable: !trouble,
          ...(free !== null ? { freeBytes: free } : {}),
          ...(trouble ? { reason: trouble.reason, since: new Date(trouble.at).toISOString() } : {}),
        },
      },
      trouble ? 503 : 200,
    );
  });
}
