/** The reviewers' API: the queue, one interview to read, and bulk approval of clean interviews. */
import { and, eq, ne, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { bulkApproveRequestSchema, reviewQueueQuerySchema } from '../contract/review.ts';
import type { Tx } from '../db/group-commit.ts';
import { flags, interviewRevisions, jobs } from '../db/schema.ts';
import { bulkApprove } from '../domain/review.ts';
import { outcomeLabelsOf, reviewDetail, reviewQueue } from '../domain/review-queue.ts';
import { surveysOf } from '../domain/surveys.ts';
import { QUALITY_JOB } from '../jobs/quality-flags.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';
import { fieldErrors, readBody } from './parse.ts';

/**
 * Clean: validated without errors and without any flag (validation or quality) on that revision, and its
 * quality flags computed (no quality-flags job left to do).
 */
async function isClean(tx: Tx, interviewId: string, revision: number): Promise<boolean> {
  const rev = await tx.query.interviewRevisions.findFirst({
    columns: { validationStatus: true },
    where: and(eq(interviewRevisions.interviewId, interviewId), eq(interviewRevisions.revision, revision)),
  });
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(flags)
    .where(and(eq(flags.interviewId, interviewId), eq(flags.revision, revision)));
  // flags not computed yet (a quality-flags job still to run, or failed) are not "no flags"
  const [{ open }] = await tx
    .select({ open: sql<number>`count(*)` })
    .from(jobs)
    .where(
      and(
        eq(jobs.interviewId, interviewId),
        eq(jobs.revision, revision),
        eq(jobs.kind, QUALITY_JOB),
        ne(jobs.status, 'done'),
      ),
    );
  return rev?.validationStatus === 'clean' && Number(n) === 0 && Number(open) === 0;
}

export function reviewRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .use(allow('supervisor', 'coordinator', 'admin'))
    .get('/queue', async (c) => {
      const parsed = reviewQueueQuerySchema.safeParse(c.req.query());
      if (!parsed.success) throw new Problem('request.invalid', fieldErrors(parsed.error));
      return c.json(
        await reviewQueue(db, c.get('user'), parsed.data, outcomeLabelsOf(surveysOf(deps.database))),
      );
    })
    .get('/interviews/:interviewId', async (c) =>
      c.json(
        await reviewDetail(
          db,
          c.get('user'),
          c.req.param('interviewId'),
          outcomeLabelsOf(surveysOf(deps.database)),
        ),
      ),
    )
    .post('/bulk-approve', async (c) => {
      const body = await readBody(c, bulkApproveRequestSchema);
      const results = await bulkApprove(deps.database, c.get('user'), body.items, isClean);
      const approved = results.filter((r) => r.result === 'approved').length;
      return c.json({ approved, skipped: results.length - approved, results });
    });
}
