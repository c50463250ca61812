import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { listAssignments } from '../domain/assignments.ts';
import { surveysOf } from '../domain/surveys.ts';
import { allow, requireAuth } from '../middleware/auth.ts';

export function assignmentRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps), allow('enumerator', 'supervisor', 'coordinator', 'admin'))
    .get('/', async (c) =>
      c.json(await listAssignments(deps.database.db, c.get('user'), surveysOf(deps.database))),
    );
}
