/**
 * Receiving interviews from tablets. Retry-safe by construction: the tablet mints the interview id and
 * numbers its revisions; the same content again is a no-op; anything that cannot be applied (a
 * conflicting copy, an unexpected revision, someone else's interview, an unknown questionnaire or
 * assignment, a second live interview for an assignment) is kept in quarantine, never dropped. An
 * assignment has at most one live interview: a new one is accepted only when every earlier one is rejected. The envelope is stored as the exact text received.
 * Validation happens later, in a background job. The revision row is the intake's audit trail (who,
 * when, what); refusals are in quarantine. A sealed envelope (end-to-end encrypted survey) goes through
 * the same checks on its clear fields and its hash, but lands `sealed`, with no validation job: nothing
 * can read its answers before the office decrypts it (server/domain/sealed-interviews.ts).
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { type AnyEnvelope, isSealed } from '../contract/sealed-envelope.ts';
import type { InterviewStatus } from '../contract/vocabulary.ts';
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
import { JOB_PRIORITY, type UploadSource, uploadClass } from '../jobs/job-priority.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { createIntakeBatcher, type IntakeBatcher } from './intake-batch.ts';
import { INITIAL_SEALED_STATE, INITIAL_STATE, transition } from './interview-states.ts';
import { canonicalJson } from './tokens.ts';

export const VALIDATION_JOB = 'validate-answers';

export interface IntakeResult {
  httpStatus: 200 | 201;
  receipt: { interviewId: string; revision: number; status: string; duplicate: boolean };
}

export type Decision =
  | { kind: 'stored'; status: string }
  | { kind: 'duplicate'; status: string }
  | { kind: 'quarantined'; problem: Problem };

export interface Upload {
  user: SessionUser;
  env: AnyEnvelope;
  /** The body exactly as received, and its SHA-256. */
  text: string;
  hash: string;
  /** Over the API from a tablet, or in-process in bulk: its validation job's class (jobs/job-priority.ts). */
  source: UploadSource;
}

/**
 * Stores one upload. `text` is the request body as received; `env` is that body parsed and checked
 * against the contract. Uploads arriving together are decided in one transaction (see intake-batch.ts).
 */
export async function receiveInterview(
  database: Database,
  user: SessionUser,
  env: AnyEnvelope,
  text: string = JSON.stringify(env),
  source: UploadSource = 'api',
): Promise<IntakeResult> {
  const upload = { user, env, text, hash: createHash('sha256').update(text).digest('hex'), source };
  const decision = await intakeFor(database).submit(upload);
  if (decision.kind === 'quarantined') throw decision.problem;
  return {
    httpStatus: decision.kind === 'stored' ? 201 : 200,
    receipt: {
      interviewId: env.interviewId,
      revision: env.revision,
      status: decision.status,
      duplicate: decision.kind === 'duplicate',
    },
  };
}

const intakes = new WeakMap<Database, IntakeBatcher<Upload, Decision>>();
function intakeFor(database: Database) {
  let intake = intakes.get(database);
  if (!intake) {
    intake = createIntakeBatcher(database, decideMany, decide);
    intakes.set(database, intake);
  }
  return intake;
}

/**
 * Decides a group of uploads in one transaction: new interviews whose references check out are inserted
 * with one multi-row statement per table; everything else goes through `decide` one by one.
 */
async function decideMany(tx: Tx, uploads: Upload[]): Promise<Decision[]> {
  const fresh = uploads.filter((u) => u.env.revision === 1);
  const ids = [...new Set(fresh.map((u) => u.env.interviewId))];
  const known = new Set(
    ids.length
      ? (await tx.select({ id: interviews.id }).from(interviews).where(inArray(interviews.id, ids))).map(
          (r) => r.id,
        )
      : [],
  );
  const assignmentIds = [...new Set(fresh.map((u) => u.env.assignmentId))];
  const owners = new Map(
    assignmentIds.length
      ? (
          await tx
            .select({
              id: assignments.id,
              enumeratorId: assignments.enumeratorId,
              questionnaireId: assignments.questionnaireId,
              status: assignments.status,
            })
            .from(assignments)
            .where(inArray(assignments.id, assignmentIds))
        ).map((a) => [a.id, a])
      : [],
  );
  // one live interview per assignment: an assignment whose interview is not rejected takes no other
  const taken = new Set(
    assignmentIds.length
      ? (
          await tx
            .select({ assignmentId: interviews.assignmentId })
            .from(interviews)
            .where(and(inArray(interviews.assignmentId, assignmentIds), ne(interviews.status, 'rejected')))
        ).map((r) => r.assignmentId)
      : [],
  );
  const versions = new Map(
    (
      await tx
        .select({
          questionnaireId: questionnaireVersions.questionnaireId,
          version: questionnaireVersions.version,
          status: questionnaireVersions.status,
        })
        .from(questionnaireVersions)
    ).map((v) => [`${v.questionnaireId}@${v.version}`, v.status]),
  );
  const bulk: Upload[] = [];
  const seen = new Set<string>();
  const decisions = new Map<Upload, Decision>();
  for (const u of fresh) {
    if (known.has(u.env.interviewId) || seen.has(u.env.interviewId) || taken.has(u.env.assignmentId))
      continue;
    const a = owners.get(u.env.assignmentId);
    const refused = judgeReferences(
      u,
      a
        ? { enumerator_id: a.enumeratorId, questionnaire_id: a.questionnaireId, status: a.status }
        : undefined,
      versions.get(`${u.env.questionnaireId}@${u.env.questionnaireVersion}`),
    );
    if (refused) continue;
    seen.add(u.env.interviewId);
    taken.add(u.env.assignmentId);
    bulk.push(u);
    decisions.set(u, { kind: 'stored', status: initialStateOf(u.env) });
  }
  if (bulk.length) {
    await tx.insert(interviews).values(
      bulk.map(({ env, user }) => ({
        id: env.interviewId,
        assignmentId: env.assignmentId,
        enumeratorId: user.id,
        questionnaireId: env.questionnaireId,
        questionnaireVersion: env.questionnaireVersion,
        currentRevision: 1,
        status: initialStateOf(env),
        outcome: env.outcome,
      })),
    );
    await storeRevisions(tx, bulk);
  }
  const out: Decision[] = [];
  for (const u of uploads) out.push(decisions.get(u) ?? (await decide(tx, u)));
  return out;
}

async function decide(tx: Tx, upload: Upload): Promise<Decision> {
  const { env, user } = upload;
  const keep = async (reason: string, problem: Problem): Promise<Decision> => {
    await tx
      .insert(quarantine)
      .values({
        interviewId: env.interviewId,
        revision: env.revision,
        reason,
        contentHash: upload.hash,
        envelope: upload.text,
        receivedBy: user.id,
      })
      .onConflictDoNothing();
    return { kind: 'quarantined', problem };
  };

  // the common case first: a new interview, inserted in one statement when its id is unused
  if (env.revision === 1) {
    const refused = await checkReferences(tx, upload);
    if (refused) return keep(refused.reason, refused.problem);
    const live = await liveInterviewOf(tx, env.assignmentId, env.interviewId);
    if (live && !(await tx.query.interviews.findFirst({ where: eq(interviews.id, env.interviewId) }))) {
      return keep(
        'assignment_taken',
        new Problem('interview.assignment_taken', { assignmentId: env.assignmentId, liveInterviewId: live }),
      );
    }
    const inserted = await tx
      .insert(interviews)
      .values({
        id: env.interviewId,
        assignmentId: env.assignmentId,
        enumeratorId: user.id,
        questionnaireId: env.questionnaireId,
        questionnaireVersion: env.questionnaireVersion,
        currentRevision: 1,
        status: initialStateOf(env),
        outcome: env.outcome,
      })
      .onConflictDoNothing()
      .returning({ id: interviews.id });
    if (inserted.length) return storeRevision(tx, upload, initialStateOf(env));
  }

  const existing = await tx.query.interviews.findFirst({ where: eq(interviews.id, env.interviewId) });
  if (existing && existing.enumeratorId !== user.id) {
    return keep('not_owner', new Problem('interview.not_owner', { interviewId: env.interviewId }));
  }
  if (existing) {
    const stored = await tx.query.interviewRevisions.findFirst({
      columns: { contentHash: true, envelope: true },
      where: and(
        eq(interviewRevisions.interviewId, env.interviewId),
        eq(interviewRevisions.revision, env.revision),
      ),
    });
    if (stored && sameContent(stored, upload)) return { kind: 'duplicate', status: existing.status };
    if (stored) {
      return keep(
        'conflict',
        new Problem('interview.conflict', { interviewId: env.interviewId, revision: env.revision }),
      );
    }
  }
  if (!existing) {
    return keep(
      'revision_unexpected',
      new Problem('interview.revision_rejected', { expectedRevision: 1, receivedRevision: env.revision }),
    );
  }
  // a new revision is the state table's `revise` move (returned -> received), or `revise_sealed` (-> sealed)
  const revised = transition(existing.status, isSealed(env) ? 'revise_sealed' : 'revise', 'enumerator');
  if (
    !revised.ok ||
    env.revision !== existing.currentRevision + 1 ||
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
  const refused = await checkReferences(tx, upload);
  if (refused) return keep(refused.reason, refused.problem);
  await tx
    .update(interviews)
    .set({
      currentRevision: env.revision,
      status: revised.to,
      outcome: env.outcome,
      questionnaireVersion: env.questionnaireVersion,
      updatedAt: Date.now(),
    })
    .where(eq(interviews.id, env.interviewId));
  return storeRevision(tx, upload, revised.to);
}

async function storeRevision(
  tx: Tx,
  upload: Upload,
  status: InterviewStatus = INITIAL_STATE,
): Promise<Decision> {
  await storeRevisions(tx, [upload]);
  return { kind: 'stored', status };
}

async function storeRevisions(tx: Tx, uploads: Upload[]): Promise<void> {
  await tx.insert(interviewRevisions).values(
    uploads.map(({ env, user, text, hash }) => ({
      interviewId: env.interviewId,
      revision: env.revision,
      contentHash: hash,
      envelope: text,
      receivedBy: user.id,
    })),
  );
  // a sealed revision is validated only once the office decrypts it
  const readable = uploads.filter((u) => !isSealed(u.env));
  if (readable.length)
    await tx.insert(jobs).values(
      readable.map(({ env, source }) => ({
        kind: VALIDATION_JOB,
        interviewId: env.interviewId,
        revision: env.revision,
        priority: JOB_PRIORITY[uploadClass(env.revision, source)],
      })),
    );
  const assignmentIds = [...new Set(uploads.map((u) => u.env.assignmentId))];
  // an approved household never falls back to "submitted"
  await tx
    .update(assignments)
    .set({ status: 'submitted' })
    .where(
      and(inArray(assignments.id, assignmentIds), notInArray(assignments.status, ['submitted', 'approved'])),
    );
}

const initialStateOf = (env: AnyEnvelope): InterviewStatus =>
  isSealed(env) ? INITIAL_SEALED_STATE : INITIAL_STATE;

/** Another interview of the assignment that is not rejected (its id), if there is one. */
async function liveInterviewOf(tx: Tx, assignmentId: string, exceptId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: interviews.id })
    .from(interviews)
    .where(
      and(
        eq(interviews.assignmentId, assignmentId),
        ne(interviews.status, 'rejected'),
        ne(interviews.id, exceptId),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** The same bytes, or the same content serialised with another key order or spacing. */
function sameContent(stored: { contentHash: string; envelope: string }, upload: Upload): boolean {
  return (
    stored.contentHash === upload.hash ||
    canonicalJson(JSON.parse(stored.envelope)) === canonicalJson(upload.env)
  );
}

/** The questionnaire version must be published and the assignment the uploader's, for that questionnaire. */
async function checkReferences(tx: Tx, upload: Upload): Promise<{ reason: string; problem: Problem } | null> {
  const { env } = upload;
  const rows = await tx.all<{
    enumerator_id: string | null;
    questionnaire_id: string | null;
    assignment_status: string | null;
    reassigned_from_uploader: number | null;
    status: string | null;
  }>(sql`
    select a.enumerator_id, a.questionnaire_id, a.status as assignment_status, v.status,
      exists (select 1 from audit_log l where l.action = 'assignment.reassign' and l.entity_id = a.id
        and json_extract(l.details, '$.from') = ${upload.user.id}) as reassigned_from_uploader
    from (select 1) left join assignments a on a.id = ${env.assignmentId}
    left join questionnaire_versions v on v.questionnaire_id = ${env.questionnaireId} and v.version = ${env.questionnaireVersion}`);
  const row = rows[0];
  return judgeReferences(
    upload,
    row?.enumerator_id
      ? {
          enumerator_id: row.enumerator_id,
          questionnaire_id: row.questionnaire_id,
          status: row.assignment_status,
          reassigned_from_uploader: row.reassigned_from_uploader === 1,
        }
      : undefined,
    row?.status ?? undefined,
  );
}

function judgeReferences(
  { env, user }: Upload,
  assignment:
    | {
        enumerator_id: string;
        questionnaire_id: string | null;
        status: string | null;
        /** Staff reassigned it from the uploader (looked up only on the one-by-one path). */
        reassigned_from_uploader?: boolean;
      }
    | undefined,
  versionStatus: string | undefined,
): { reason: string; problem: Problem } | null {
  const where = { questionnaireId: env.questionnaireId, questionnaireVersion: env.questionnaireVersion };
  if (!versionStatus)
    return { reason: 'questionnaire_unknown', problem: new Problem('questionnaire.unknown_version', where) };
  if (versionStatus !== 'published') {
    return {
      reason: 'questionnaire_not_open',
      problem: new Problem('questionnaire.not_open', { ...where, status: versionStatus }),
    };
  }
  // reassigned from the uploader to someone else after their tablet took it (the audit log says so):
  // kept in quarantine for a person to decide
  if (assignment?.reassigned_from_uploader && assignment.enumerator_id !== user.id) {
    return {
      reason: 'assignment_reassigned',
      problem: new Problem('assignment.reassigned', { assignmentId: env.assignmentId }),
    };
  }
  if (assignment?.enumerator_id !== user.id) {
    return {
      reason: 'assignment_unknown',
      problem: new Problem('assignment.unknown', { assignmentId: env.assignmentId }),
    };
  }
  // cancelled by staff after the tablet took it: kept in quarantine for a person to decide
  if (assignment.status === 'cancelled') {
    return {
      reason: 'assignment_cancelled',
      problem: new Problem('assignment.cancelled', { assignmentId: env.assignmentId }),
    };
  }
  if (assignment.questionnaire_id !== env.questionnaireId) {
    return {
      reason: 'assignment_mismatch',
      problem: new Problem('request.invalid', [
        { field: 'questionnaireId', message: `the assignment is for ${assignment.questionnaire_id}` },
      ]),
    };
  }
  return null;
}
