/**
 * Assignments: the list (an enumerator's own, a supervisor's team's, everything for coordinators), and
 * staff's changes (create, reassign, cancel, each with a reason for the audit log), and the tablet's notice
 * that an enumerator discarded a draft of a withdrawn assignment.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import {
  cancelRequestSchema,
  createAssignmentRequestSchema,
  reassignRequestSchema,
} from '../contract/assignments.ts';
import { draftDiscardSchema } from '../contract/draft-discard.ts';
import {
  assignableEnumerators,
  cancelAssignment,
  createAssignment,
  reassignAssignment,
} from '../domain/assignment-changes.ts';
import { assignmentHistory } from '../domain/assignment-history.ts';
import { listAssignments } from '../domain/assignments.ts';
import { recordDraftDiscard } from '../domain/draft-discards.ts';
import { surveysOf } from '../domain/surveys.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { readBody } from './parse.ts';

const STAFF = ['supervisor', 'coordinator', 'admin'] as const;

export function assignmentRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      .use(requireAuth(deps), allow('enumerator', ...STAFF))
      .get('/', async (c) =>
        c.json(
          await listAssignments(deps.database.db, c.get('user'), surveysOf(deps.database), {
            reassignedListMs: deps.settings.reassignedListMs,
          }),
        ),
      )
      .get('/enumerators', allow(...STAFF), async (c) =>
        c.json(await assignableEnumerators(deps.database, c.get('user'))),
      )
      .get('/:assignmentId/history', allow(...STAFF), async (c) =>
        c.json(await assignmentHistory(deps.database.db, c.get('user'), c.req.param('assignmentId'))),
      )
      .post('/', allow(...STAFF), async (c) => {
        const body = await readBody(c, createAssignmentRequestSchema);
        return c.json(
          await createAssignment(deps.database, c.get('user'), surveysOf(deps.database), body),
          201,
        );
      })
      // the tablet's notice of a discarded draft of a withdrawn assignment (idempotent by noticeId)
      .post('/draft-discards', allow('enumerator'), async (c) => {
        const notice = await readBody(c, draftDiscardSchema);
        const result = await recordDraftDiscard(deps.database, c.get('user'), notice);
        return c.json(result, result.duplicate ? 200 : 201);
      })
      .post('/:assignmentId/reassign', allow(...STAFF), async (c) => {
        const body = await readBody(c, reassignRequestSchema);
        return c.json(
          await reassignAssignment(deps.database, c.get('user'), c.req.param('assignmentId'), body),
        );
      })
      .post('/:assignmentId/cancel', allow(...STAFF), async (c) => {
        const body = await readBody(c, cancelRequestSchema);
        return c.json(
          await cancelAssignment(deps.database, c.get('user'), c.req.param('assignmentId'), body),
        );
      })
  );
}
