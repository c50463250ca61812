/**
 * What reviewers read: the queue of interviews in their scope (a supervisor their team's), filtered and
 * sorted by flag, enumerator, EA and status, and one interview with its questionnaire version, answers,
 * paradata, flags and history.
 */
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { ReviewDetail, ReviewQueueItem, ReviewQueuePage, ReviewQueueQuery } from '../contract/review.ts';
import type { Db } from '../db/client.ts';
import { jsonField } from '../db/json-field.ts';
import {
  assignments,
  enumerationAreas,
  flags,
  households,
  type InterviewStatus,
  interviewRevisions,
  interviews,
  reviewEvents,
  users,
} from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { reviewActionsFor } from './interview-states.ts';
import { getVersion } from './questionnaires.ts';
import { enumeratorScope } from './scope.ts';
import type { SurveyRegistry } from './surveys.ts';

const flagCount = sql<number>`(select count(*) from flags f where f.interview_id = ${interviews.id} and f.revision = ${interviews.currentRevision})`;
const flagCodes = sql<
  string | null
>`(select group_concat(distinct f.code) from flags f where f.interview_id = ${interviews.id} and f.revision = ${interviews.currentRevision})`;
const startedAt = jsonField(interviewRevisions.envelope, '$.startedAt');
const completedAt = jsonField(interviewRevisions.envelope, '$.completedAt');

function baseQuery(db: Db) {
  return db
    .select({
      interviewId: interviews.id,
      revision: interviews.currentRevision,
      status: interviews.status,
      validation: interviewRevisions.validationStatus,
      outcome: interviews.outcome,
      enumeratorId: interviews.enumeratorId,
      enumerator: users.username,
      enumeratorName: users.displayName,
      eaCode: enumerationAreas.code,
      stratum: enumerationAreas.stratum,
      island: enumerationAreas.island,
      municipality: enumerationAreas.municipality,
      dwelling: households.dwelling,
      household: households.household,
      questionnaireId: interviews.questionnaireId,
      questionnaireVersion: interviews.questionnaireVersion,
      startedAt,
      completedAt,
      receivedAt: interviewRevisions.receivedAt,
      flagCount,
      flagCodes,
    })
    .from(interviews)
    .innerJoin(
      interviewRevisions,
      and(
        eq(interviewRevisions.interviewId, interviews.id),
        eq(interviewRevisions.revision, interviews.currentRevision),
      ),
    )
    .innerJoin(users, eq(users.id, interviews.enumeratorId))
    .innerJoin(assignments, eq(assignments.id, interviews.assignmentId))
    .innerJoin(households, eq(households.id, assignments.householdId))
    .innerJoin(enumerationAreas, eq(enumerationAreas.code, households.eaCode));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['where']>>[number];

export function minutesBetween(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) ? Math.round(ms / 600) / 100 : null;
}

/** The label of an outcome code in its survey's profile (null without a registry or for an unlisted code). */
export type OutcomeLabels = (questionnaireId: string, code: number) => Record<string, string> | null;

export const outcomeLabelsOf =
  (surveys: SurveyRegistry): OutcomeLabels =>
  (questionnaireId, code) =>
    surveys.ofQuestionnaire(questionnaireId)?.outcome.codes.find((c) => c.code === code)?.label ?? null;

function toItem(r: Row, user: SessionUser, labels: OutcomeLabels): ReviewQueueItem {
  return {
    ...r,
    outcomeLabel: labels(r.questionnaireId, r.outcome),
    flagCount: Number(r.flagCount),
    flagCodes: r.flagCodes ? r.flagCodes.split(',').sort() : [],
    durationMin: minutesBetween(r.startedAt, r.completedAt),
    receivedAt: new Date(r.receivedAt).toISOString(),
    actions: reviewActionsFor(r.status as InterviewStatus, user.role),
  };
}

const noLabels: OutcomeLabels = () => null;

export async function reviewQueue(
  db: Db,
  user: SessionUser,
  q: ReviewQueueQuery,
  labels: OutcomeLabels = noLabels,
): Promise<ReviewQueuePage> {
  const where: SQL[] = [];
  const scope = enumeratorScope(user, interviews.enumeratorId);
  if (scope) where.push(scope);
  if (q.enumerator) where.push(sql`(${users.username} = ${q.enumerator} or ${users.id} = ${q.enumerator})`);
  if (q.ea) where.push(eq(enumerationAreas.code, q.ea));
  if (q.flag === 'any') where.push(sql`${flagCount} > 0`);
  else if (q.flag === 'none') where.push(sql`${flagCount} = 0`);
  else if (q.flag) {
    where.push(
      sql`exists (select 1 from flags f where f.interview_id = ${interviews.id} and f.revision = ${interviews.currentRevision} and f.code = ${q.flag})`,
    );
  }
  // the counts per status keep every filter but the status itself
  const counts = await db
    .select({ status: interviews.status, n: sql<number>`count(*)` })
    .from(interviews)
    .innerJoin(users, eq(users.id, interviews.enumeratorId))
    .innerJoin(assignments, eq(assignments.id, interviews.assignmentId))
    .innerJoin(households, eq(households.id, assignments.householdId))
    .innerJoin(enumerationAreas, eq(enumerationAreas.code, households.eaCode))
    .where(and(...where))
    .groupBy(interviews.status);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
  if (q.status) where.push(eq(interviews.status, q.status as InterviewStatus));
  const total = q.status ? (byStatus[q.status] ?? 0) : Object.values(byStatus).reduce((a, b) => a + b, 0);
  const key = {
    updated: interviews.updatedAt,
    flags: flagCount,
    enumerator: users.username,
    ea: enumerationAreas.code,
    duration: sql`julianday(${completedAt}) - julianday(${startedAt})`,
  }[q.sort];
  const dir = q.order === 'asc' ? asc : desc;
  const rows = await baseQuery(db)
    .where(and(...where))
    .orderBy(dir(key), asc(interviews.id))
    .limit(q.limit)
    .offset(q.offset);
  return {
    items: rows.map((r) => toItem(r, user, labels)),
    total,
    offset: q.offset,
    limit: q.limit,
    byStatus,
  };
}

export async function reviewDetail(
  db: Db,
  user: SessionUser,
  interviewId: string,
  labels: OutcomeLabels = noLabels,
): Promise<ReviewDetail> {
  const scope = enumeratorScope(user, interviews.enumeratorId);
  const [row] = await baseQuery(db).where(
    scope ? and(eq(interviews.id, interviewId), scope) : eq(interviews.id, interviewId),
  );
  if (!row) throw new Problem('resource.not_found', { interviewId });
  const revisions = await db
    .select()
    .from(interviewRevisions)
    .where(eq(interviewRevisions.interviewId, interviewId))
    .orderBy(asc(interviewRevisions.revision));
  const current = revisions.find((r) => r.revision === row.revision);
  const envelope = JSON.parse(current?.envelope ?? '{}') as Record<string, unknown>;
  const version = await getVersion(db, row.questionnaireId, row.questionnaireVersion);
  const allFlags = await db
    .select({
      revision: flags.revision,
      source: flags.source,
      code: flags.code,
      path: flags.path,
      message: flags.message,
    })
    .from(flags)
    .where(and(eq(flags.interviewId, interviewId), eq(flags.revision, row.revision)))
    .orderBy(asc(flags.id));
  const events = await db
    .select({ e: reviewEvents, actor: users.username })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .where(eq(reviewEvents.interviewId, interviewId))
    .orderBy(asc(reviewEvents.id));
  const receivers = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.id, u.username]),
  );
  const history = [
    ...revisions.map((r) => ({
      at: new Date(r.receivedAt).toISOString(),
      revision: r.revision,
      kind: 'revision' as const,
      actor: receivers.get(r.receivedBy) ?? null,
      action: 'received',
      question: null,
      comment: null,
    })),
    ...events.map(({ e, actor }) => ({
      at: new Date(e.createdAt).toISOString(),
      revision: e.revision,
      kind: 'review' as const,
      actor,
      action: e.action,
      question: e.question,
      comment: e.comment,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.revision - b.revision);
  const paradata = (envelope.paradata ?? {}) as { questionTimesMs?: Record<string, number> };
  return {
    interview: toItem(row, user, labels),
    envelope,
    definition: version ? (JSON.parse(version.definition) as Record<string, unknown>) : {},
    flags: allFlags,
    questionTimesMs: paradata.questionTimesMs ?? {},
    history,
  };
}
