/**
 * Review decisions on a validated interview, through the state machine in interview-states.ts: a
 * supervisor comments on questions, approves or returns to the enumerator; a coordinator gives the final
 * approval or rejects with a reason. The reviewer names the revision they read, so a decision on a
 * revision that has since been replaced is refused. Every action is one review event per comment and one
 * audit entry, in the same transaction as the change; a refused action changes nothing.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import type { Tx } from '../db/group-commit.ts';
import {
  assignments,
  type InterviewStatus,
  interviewRevisions,
  interviews,
  reviewEvents,
  users,
} from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';
import { commentPathProblem, commentPathsOf } from './comment-paths.ts';
import { type ReviewAction, transition } from './interview-states.ts';
import { enumeratorScope } from './scope.ts';

export interface ReviewComment {
  question: string | null;
  text: string;
}

export interface ReviewInput {
  /** The revision the reviewer read; refused when it is no longer the current one. */
  revision: number;
  comments?: ReviewComment[];
  /** Required to reject. */
  reason?: string | null;
}

const ASSIGNMENT_AFTER: Partial<Record<InterviewStatus, 'returned' | 'approved'>> = {
  returned: 'returned',
  approved_by_supervisor: 'approved',
  approved: 'approved',
};

function checkRole(user: SessionUser, action: ReviewAction) {
  const t = transition('validated', action, user.role);
  const t2 = transition('approved_by_supervisor', action, user.role);
  if (!t.ok && t.reason === 'forbidden' && !t2.ok && t2.reason === 'forbidden') {
    throw new Problem('auth.forbidden', { role: user.role, action });
  }
}

type Found = typeof interviews.$inferSelect;

async function findInScope(tx: Pick<Db, 'query'>, user: SessionUser, interviewId: string) {
  const scope = enumeratorScope(user, interviews.enumeratorId);
  const found = await tx.query.interviews.findFirst({
    where: scope ? and(eq(interviews.id, interviewId), scope) : eq(interviews.id, interviewId),
  });
  if (!found) throw new Problem('resource.not_found', { interviewId });
  return found;
}

/** Applies one decision inside a transaction (shared by single and bulk review). */
async function decide(
  tx: Tx,
  user: SessionUser,
  found: Found,
  action: ReviewAction,
  input: ReviewInput,
): Promise<{ status: InterviewStatus; revision: number }> {
  if (input.revision !== found.currentRevision) {
    throw new Problem('interview.revision_stale', {
      interviewId: found.id,
      reviewedRevision: input.revision,
      currentRevision: found.currentRevision,
    });
  }
  const t = transition(found.status, action, user.role);
  if (!t.ok && t.reason === 'forbidden') {
    throw new Problem('auth.forbidden', {
      role: user.role,
      action,
      status: found.status,
      allowed: t.allowed,
    });
  }
  if (!t.ok) {
    throw new Problem('interview.transition_invalid', {
      status: found.status,
      action,
      allowedActions: t.allowedActions,
    });
  }
  const comments = input.comments ?? [];
  if (action === 'reject' && !input.reason?.trim()) {
    throw new Problem('request.invalid', [{ field: 'reason', message: 'a rejection needs a reason' }]);
  }
  if (action === 'comment' && comments.length === 0) {
    throw new Problem('request.invalid', [{ field: 'comments', message: 'send at least one comment' }]);
  }
  const named = comments.filter((c) => c.question !== null);
  if (named.length) {
    const paths = await commentPathsOf(tx, found.questionnaireId, found.questionnaireVersion);
    const answers = await currentAnswers(tx, found.id, found.currentRevision);
    const unknown = named.flatMap((c) => {
      const why = commentPathProblem(paths, answers, c.question ?? '');
      return why ? [{ i: comments.indexOf(c), question: c.question, why }] : [];
    });
    if (unknown.length) {
      throw new Problem(
        'review.unknown_question',
        unknown.map((u) => ({
          field: `comments.${u.i}.question`,
          path: u.question,
          message: `${u.why} (${found.questionnaireId} v${found.questionnaireVersion})`,
        })),
      );
    }
  }
  const to = t.to;
  if (to !== found.status) {
    await tx.update(interviews).set({ status: to, updatedAt: Date.now() }).where(eq(interviews.id, found.id));
    const assignment = ASSIGNMENT_AFTER[to];
    if (assignment) {
      await tx.update(assignments).set({ status: assignment }).where(eq(assignments.id, found.assignmentId));
    }
  }
  const events: Array<{ question: string | null; comment: string | null }> = comments.map((c) => ({
    question: c.question,
    comment: c.text,
  }));
  if (action === 'reject') events.push({ question: null, comment: input.reason ?? null });
  if (!events.length) events.push({ question: null, comment: null });
  await tx.insert(reviewEvents).values(
    events.map((e) => ({
      interviewId: found.id,
      revision: found.currentRevision,
      actorId: user.id,
      action,
      question: e.question,
      comment: e.comment,
    })),
  );
  await audit(tx, {
    actorId: user.id,
    action: `interview.${action}`,
    entityType: 'interview',
    entityId: found.id,
    details: {
      revision: found.currentRevision,
      from: found.status,
      to,
      comments: comments.length,
      ...(action === 'reject' ? { reason: input.reason } : {}),
    },
  });
  return { status: to, revision: found.currentRevision };
}

/** The answers of an interview's revision (for the roster rows a comment may point at). */
async function currentAnswers(tx: Tx, interviewId: string, revision: number) {
  const rev = await tx.query.interviewRevisions.findFirst({
    columns: { envelope: true },
    where: and(eq(interviewRevisions.interviewId, interviewId), eq(interviewRevisions.revision, revision)),
  });
  const answers = rev ? (JSON.parse(rev.envelope) as { answers?: unknown }).answers : null;
  return answers && typeof answers === 'object' ? (answers as Record<string, unknown>) : {};
}

export async function reviewInterview(
  database: Database,
  user: SessionUser,
  interviewId: string,
  action: ReviewAction,
  input: ReviewInput,
): Promise<{ status: InterviewStatus; revision: number }> {
  checkRole(user, action);
  return database.write(async (tx) =>
    decide(tx, user, await findInScope(tx, user, interviewId), action, input),
  );
}

export interface BulkItem {
  interviewId: string;
  revision: number;
}

export type BulkOutcome =
  | { interviewId: string; result: 'approved'; status: InterviewStatus }
  | { interviewId: string; result: 'skipped'; code: string; reason: string };

/**
 * Approves many interviews at once, but only clean ones: validated without any flag on the current
 * revision. Each item is decided on its own: the others are skipped with the reason, never half-done.
 */
export async function bulkApprove(
  database: Database,
  user: SessionUser,
  items: BulkItem[],
  isClean: (tx: Tx, interviewId: string, revision: number) => Promise<boolean>,
): Promise<BulkOutcome[]> {
  checkRole(user, 'approve');
  return database.write(async (tx) => {
    const out: BulkOutcome[] = [];
    for (const item of items) {
      try {
        const found = await findInScope(tx, user, item.interviewId);
        if (
          found.currentRevision === item.revision &&
          !(await isClean(tx, found.id, found.currentRevision))
        ) {
          out.push({
            interviewId: item.interviewId,
            result: 'skipped',
            code: 'review.not_clean',
            reason: 'the interview has flags: review it on its own',
          });
          continue;
        }
        const r = await decide(tx, user, found, 'approve', { revision: item.revision });
        out.push({ interviewId: item.interviewId, result: 'approved', status: r.status });
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        out.push({
          interviewId: item.interviewId,
          result: 'skipped',
          code: error.code,
          reason: error.message,
        });
      }
    }
    return out;
  });
}

/** The comments of the reviews of a revision, for the tablet to show at their questions. */
export async function reviewComments(db: Db, interviewId: string, revision: number) {
  const rows = await db
    .select({ event: reviewEvents, authorName: users.displayName })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .where(and(eq(reviewEvents.interviewId, interviewId), eq(reviewEvents.revision, revision)))
    .orderBy(desc(reviewEvents.id));
  return rows
    .filter(({ event }) => event.comment !== null && event.action !== 'reject')
    .map(({ event, authorName }) => ({
      question: event.question,
      text: event.comment ?? '',
      author: event.actorId,
      authorName,
      at: new Date(event.createdAt).toISOString(),
    }));
}
