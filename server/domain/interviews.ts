/**
 * Receiving interviews from tablets. Retry-safe by construction: the tablet mints the interview id and
 * numbers its revisions; the same content again is a no-op; anything that cannot be applied (a
 * conflicting copy, an unexpected revision, someone else's interview) is kept in quarantine, never
 * dropped. Validation happens later, in a background job.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { InterviewEnvelope } from '../contract/interview.ts';
import type { Database } from '../db/client.ts';
import type { Tx } from '../db/group-commit.ts';
import {
  assignments,
  interviewRevisions,
  interviews,
  jobs,
  quarantine,
  questionnaireVersions,
} from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';
import { contentHash } from './tokens.ts';

export const VALIDATION_JOB = 'validate-answers';

export interface IntakeResult {
  httpStatus: 200 | 201;
  receipt: { interviewId: string; revision: number; status: string; duplicate: boolean };
}

type Decision =
  | { kind: 'stored'; status: string }
  | { kind: 'duplicate'; status: string }
  | { kind: 'quarantined'; problem: Problem };

export async function receiveInterview(
  database: Database,
  user: SessionUser,
  envelope: InterviewEnvelope,
): Promise<IntakeResult> {
  const hash = contentHash(envelope);
  const text = JSON.stringify(envelope);
  const decision = await database.write((tx) => decide(tx, user, envelope, hash, text));
  if (decision.kind === 'quarantined') throw decision.problem;
  return {
    httpStatus: decision.kind === 'stored' ? 201 : 200,
    receipt: {
      interviewId: envelope.interviewId,
      revision: envelope.revision,
      status: decision.status,
      duplicate: decision.kind === 'duplicate',
    },
  };
}

async function decide(
  tx: Tx,
  user: SessionUser,
  env: InterviewEnvelope,
  hash: string,
  text: string,
): Promise<Decision> {
  const keep = async (reason: string, problem: Problem): Promise<Decision> => {
    await tx
      .insert(quarantine)
      .values({
        interviewId: env.interviewId,
        revision: env.revision,
        reason,
        contentHash: hash,
        envelope: text,
        receivedBy: user.id,
      })
      .onConflictDoNothing();
    return { kind: 'quarantined', problem };
  };

  const existing = await tx.query.interviews.findFirst({ where: eq(interviews.id, env.interviewId) });
  if (existing && existing.enumeratorId !== user.id) {
    return keep('not_owner', new Problem('interview.not_owner', { interviewId: env.interviewId }));
  }
  if (existing) {
    const stored = await tx.query.interviewRevisions.findFirst({
      columns: { contentHash: true },
      where: and(
        eq(interviewRevisions.interviewId, env.interviewId),
        eq(interviewRevisions.revision, env.revision),
      ),
    });
    if (stored?.contentHash === hash) return { kind: 'duplicate', status: existing.status };
    if (stored) {
      return keep(
        'conflict',
        new Problem('interview.conflict', { interviewId: env.interviewId, revision: env.revision }),
      );
    }
  }

  const invalid = await checkReferences(tx, user, env);
  if (invalid) return keep(invalid.reason, invalid.problem);

  if (!existing) {
    if (env.revision !== 1) {
      return keep(
        'revision_unexpected',
        new Problem('interview.revision_rejected', { expectedRevision: 1, receivedRevision: env.revision }),
      );
    }
    await tx.insert(interviews).values({
      id: env.interviewId,
      assignmentId: env.assignmentId,
      enumeratorId: user.id,
      questionnaireId: env.questionnaireId,
      questionnaireVersion: env.questionnaireVersion,
      currentRevision: 1,
      status: 'received',
      outcome: env.outcome,
    });
  } else {
    const expected = existing.currentRevision + 1;
    if (
      existing.status !== 'returned' ||
      env.revision !== expected ||
      env.assignmentId !== existing.assignmentId
    ) {
      return keep(
        'revision_unexpected',
        new Problem('interview.revision_rejected', {
          currentRevision: existing.currentRevision,
          status: existing.status,
          receivedRevision: env.revision,
          rule: 'a new revision is accepted only while the interview is returned to its enumerator, and must be the next number',
        }),
      );
    }
    await tx
      .update(interviews)
      .set({
        currentRevision: env.revision,
        status: 'received',
        outcome: env.outcome,
        questionnaireVersion: env.questionnaireVersion,
        updatedAt: Date.now(),
      })
      .where(eq(interviews.id, env.interviewId));
  }
  await tx.insert(interviewRevisions).values({
    interviewId: env.interviewId,
    revision: env.revision,
    contentHash: hash,
    envelope: text,
    receivedBy: user.id,
  });
  await tx
    .insert(jobs)
    .values({ kind: VALIDATION_JOB, interviewId: env.interviewId, revision: env.revision });
  await tx.update(assignments).set({ status: 'submitted' }).where(eq(assignments.id, env.assignmentId));
  await audit(tx, {
    actorId: user.id,
    action: 'interview.received',
    entityType: 'interview',
    entityId: env.interviewId,
    details: { revision: env.revision, outcome: env.outcome, deviceId: env.deviceId },
  });
  return { kind: 'stored', status: 'received' };
}

async function checkReferences(
  tx: Tx,
  user: SessionUser,
  env: InterviewEnvelope,
): Promise<{ reason: string; problem: Problem } | null> {
  const version = await tx.query.questionnaireVersions.findFirst({
    columns: { status: true },
    where: and(
      eq(questionnaireVersions.questionnaireId, env.questionnaireId),
      eq(questionnaireVersions.version, env.questionnaireVersion),
    ),
  });
  const where = { questionnaireId: env.questionnaireId, questionnaireVersion: env.questionnaireVersion };
  if (!version)
    return { reason: 'questionnaire_unknown', problem: new Problem('questionnaire.unknown_version', where) };
  if (version.status !== 'published') {
    return {
      reason: 'questionnaire_not_open',
      problem: new Problem('questionnaire.not_open', { ...where, status: version.status }),
    };
  }
  const assignment = await tx.query.assignments.findFirst({ where: eq(assignments.id, env.assignmentId) });
  if (!assignment || assignment.enumeratorId !== user.id) {
    return {
      reason: 'assignment_unknown',
      problem: new Problem('assignment.unknown', { assignmentId: env.assignmentId }),
    };
  }
  if (assignment.questionnaireId !== env.questionnaireId) {
    return {
      reason: 'assignment_mismatch',
      problem: new Problem('request.invalid', [
        { field: 'questionnaireId', message: `the assignment is for ${assignment.questionnaireId}` },
      ]),
    };
  }
  return null;
}

/** Counts stored rows of an interview (used by tests and the fault test to prove "exactly once"). */
export async function countRevisions(database: Database, interviewId: string): Promise<number> {
  const rows = await database.db
    .select({ n: sql<number>`count(*)` })
    .from(interviewRevisions)
    .where(eq(interviewRevisions.interviewId, interviewId));
  return rows[0]?.n ?? 0;
}
