/**
 * Review decisions on a received interview. This is the first part of the review state machine: a
 * supervisor (or coordinator) approves an interview or returns it to its enumerator with comments per
 * question; a returned interview accepts the next revision from the tablet.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import { assignments, type InterviewStatus, interviews, reviewEvents } from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';
import { enumeratorScope } from './scope.ts';

export interface ReviewComment {
  question: string | null;
  text: string;
}

const REVIEWABLE: readonly InterviewStatus[] = ['received', 'validated'];
const ACTIONS = {
  return: { to: 'returned', assignment: 'returned' },
  approve: { to: 'approved_by_supervisor', assignment: 'approved' },
} as const;

export async function reviewInterview(
  database: Database,
  user: SessionUser,
  interviewId: string,
  action: keyof typeof ACTIONS,
  comments: ReviewComment[],
): Promise<{ status: InterviewStatus; revision: number }> {
  if (user.role !== 'supervisor' && user.role !== 'coordinator' && user.role !== 'admin') {
    throw new Problem('auth.forbidden', { reason: 'only supervisors and coordinators review interviews' });
  }
  const scope = enumeratorScope(user, interviews.enumeratorId);
  return database.write(async (tx) => {
    const found = await tx.query.interviews.findFirst({
      where: scope ? and(eq(interviews.id, interviewId), scope) : eq(interviews.id, interviewId),
    });
    if (!found) throw new Problem('resource.not_found', { interviewId });
    if (!REVIEWABLE.includes(found.status)) {
      throw new Problem('interview.transition_invalid', { status: found.status, action });
    }
    const { to, assignment } = ACTIONS[action];
    await tx
      .update(interviews)
      .set({ status: to, updatedAt: Date.now() })
      .where(eq(interviews.id, interviewId));
    await tx.update(assignments).set({ status: assignment }).where(eq(assignments.id, found.assignmentId));
    const events = comments.length ? comments : [{ question: null, text: null }];
    for (const c of events) {
      await tx.insert(reviewEvents).values({
        interviewId,
        revision: found.currentRevision,
        actorId: user.id,
        action,
        question: c.question,
        comment: c.text,
      });
    }
    await audit(tx, {
      actorId: user.id,
      action: `interview.${action}`,
      entityType: 'interview',
      entityId: interviewId,
      details: { revision: found.currentRevision, comments: comments.length },
    });
    return { status: to, revision: found.currentRevision };
  });
}

/** The comments of the latest review of a revision, for the tablet to show at their questions. */
export async function reviewComments(db: Db, interviewId: string, revision: number) {
  const rows = await db
    .select()
    .from(reviewEvents)
    .where(and(eq(reviewEvents.interviewId, interviewId), eq(reviewEvents.revision, revision)))
    .orderBy(desc(reviewEvents.id));
  return rows
    .filter((r) => r.comment !== null)
    .map((r) => ({
      question: r.question,
      text: r.comment ?? '',
      author: r.actorId,
      at: new Date(r.createdAt).toISOString(),
    }));
}
