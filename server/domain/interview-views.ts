/** Reading interviews back, always through the caller's scope. */
import { and, desc, eq } from 'drizzle-orm';
import type { ReturnedInterview } from '../contract/review.ts';
import type { Db } from '../db/client.ts';
import { flags, interviewRevisions, interviews } from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { reviewComments } from './review.ts';
import { enumeratorScope } from './scope.ts';

export async function getInterview(db: Db, user: SessionUser, interviewId: string) {
  const scope = enumeratorScope(user, interviews.enumeratorId);
  const found = await db.query.interviews.findFirst({
    where: scope ? and(eq(interviews.id, interviewId), scope) : eq(interviews.id, interviewId),
  });
  if (!found) throw new Problem('resource.not_found', { interviewId });
  const revisions = await db
    .select()
    .from(interviewRevisions)
    .where(eq(interviewRevisions.interviewId, interviewId))
    .orderBy(desc(interviewRevisions.revision));
  const current = revisions[0];
  const currentFlags = await db
    .select({ source: flags.source, code: flags.code, path: flags.path, message: flags.message })
    .from(flags)
    .where(and(eq(flags.interviewId, interviewId), eq(flags.revision, found.currentRevision)));
  return {
    interviewId: found.id,
    status: found.status,
    revision: found.currentRevision,
    assignmentId: found.assignmentId,
    enumeratorId: found.enumeratorId,
    questionnaireId: found.questionnaireId,
    questionnaireVersion: found.questionnaireVersion,
    outcome: found.outcome,
    validation: current?.validationStatus ?? 'pending',
    flags: currentFlags,
    envelope: JSON.parse(current.envelope) as Record<string, unknown>,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      receivedAt: new Date(r.receivedAt).toISOString(),
      validation: r.validationStatus,
    })),
  };
}

/** An enumerator's interviews that a supervisor sent back, with the comments at their questions. */
export async function listReturned(db: Db, user: SessionUser): Promise<ReturnedInterview[]> {
  const rows = await db
    .select({ i: interviews, envelope: interviewRevisions.envelope })
    .from(interviews)
    .innerJoin(
      interviewRevisions,
      and(
        eq(interviewRevisions.interviewId, interviews.id),
        eq(interviewRevisions.revision, interviews.currentRevision),
      ),
    )
    .where(and(eq(interviews.enumeratorId, user.id), eq(interviews.status, 'returned')));
  const out: ReturnedInterview[] = [];
  for (const { i, envelope } of rows) {
    out.push({
      interviewId: i.id,
      revision: i.currentRevision,
      assignmentId: i.assignmentId,
      questionnaireId: i.questionnaireId,
      questionnaireVersion: i.questionnaireVersion,
      answers: (JSON.parse(envelope) as { answers: Record<string, unknown> }).answers,
      comments: await reviewComments(db, i.id, i.currentRevision),
    });
  }
  return out;
}
