import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';

export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const started = performance.now();
    await deps.database.db.run(sql`select 1`);
    return c.json({
      ok: true,
      mode: deps.settings.mode,
      database: { latencyMs: performance.now() - started },
    });
  });
}
