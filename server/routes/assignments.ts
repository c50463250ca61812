import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { reassignRequestSchema } from '../contract/assignments.ts';
import { reassignAssignment } from '../domain/assignment-changes.ts';
import { listAssignments } from '../domain/assignments.ts';
import { surveysOf } from '../domain/surveys.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { readBody } from './parse.ts';

export function assignmentRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps), allow('enumerator', 'supervisor', 'coordinator', 'admin'))
    .get('/', async (c) =>
      c.json(await listAssignments(deps.database.db, c.get('user'), surveysOf(deps.database))),
    )
    .post('/:assignmentId/reassign', allow('supervisor', 'coordinator', 'admin'), async (c) => {
      const body = await readBody(c, reassignRequestSchema);
      return c.json(
        await reassignAssignment(deps.database, c.get('user'), c.req.param('assignmentId'), body),
      );
    });
}
