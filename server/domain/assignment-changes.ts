/**
 * Assignment management by staff: a supervisor (within their team), a coordinator or an admin creates an
 * assignment for a household of the sample, hands one to another active enumerator, or cancels one, each
 * with a reason that the audit log keeps (who, what, from whom, to whom, why). Which change is allowed
 * in which state is the table in assignment-states.ts: an assignment with an uploaded interview stays
 * with the enumerator who holds it and is never cancelled; a cancelled one is final and leaves the
 * enumerator's tablet at its next sync.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Assignment } from '../contract/assignments.ts';
import type { Database, Db } from '../db/client.ts';
import type { Tx } from '../db/group-commit.ts';
import {
  assignments,
  enumerationAreas,
  households,
  interviews,
  questionnaireVersions,
  users,
} from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { type AssignmentChange, changesAllowed, refusalOf } from './assignment-states.ts';
import { preloadFor } from './assignments.ts';
import { audit } from './audit.ts';
import type { SurveyRegistry } from './surveys.ts';

export interface Reassignment {
  enumeratorId: string;
  reason: string;
}

export interface NewAssignment {
  survey: string;
  eaCode: string;
  dwelling: number;
  household: number;
  enumeratorId: string;
  reason: string;
}

/** The assignment in the user's scope (a supervisor: their team's enumerators'), else 404. */
export async function assignmentInScope(tx: Tx | Db, user: SessionUser, assignmentId: string) {
  const [found] = await tx
    .select({ a: assignments, teamId: users.teamId })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.enumeratorId))
    .where(eq(assignments.id, assignmentId));
  if (!found || (user.role === 'supervisor' && found.teamId !== user.teamId))
    throw new Problem('resource.not_found', { assignmentId });
  return found.a;
}

/** An active enumerator (of the supervisor's team), else 422 naming `enumeratorId`. */
async function targetEnumerator(tx: Tx, user: SessionUser, enumeratorId: string) {
  const [target] = await tx.select().from(users).where(eq(users.id, enumeratorId));
  const ofTeam = user.role === 'supervisor' ? ' of your team' : '';
  if (
    target?.role !== 'enumerator' ||
    !target.active ||
    (user.role === 'supervisor' && target.teamId !== user.teamId)
  ) {
    throw new Problem('request.invalid', [
      { field: 'enumeratorId', message: `must be the user id of an active enumerator${ofTeam}` },
    ]);
  }
  return target;
}

/** Refuses `change` with the state table's problem (any stored interview counts, a rejected one too). */
async function checkChange(tx: Tx, a: typeof assignments.$inferSelect, change: AssignmentChange) {
  const [started] = await tx
    .select({ id: interviews.id })
    .from(interviews)
    .where(eq(interviews.assignmentId, a.id))
    .limit(1);
  const refusal = refusalOf(a.status, change, Boolean(started));
  if (refusal)
    throw new Problem(refusal, {
      assignmentId: a.id,
      status: a.status,
      ...(started ? { interviewId: started.id } : {}),
    });
}

export async function reassignAssignment(
  database: Database,
  user: SessionUser,
  assignmentId: string,
  change: Reassignment,
): Promise<{ id: string; enumeratorId: string; previousEnumeratorId: string }> {
  return database.write(async (tx) => {
    const found = await assignmentInScope(tx, user, assignmentId);
    const target = await targetEnumerator(tx, user, change.enumeratorId);
    if (target.id === found.enumeratorId) {
      throw new Problem('request.invalid', [
        { field: 'enumeratorId', message: 'the assignment is already this enumerator’s: name another one' },
      ]);
    }
    await checkChange(tx, found, 'reassign');
    await tx.update(assignments).set({ enumeratorId: target.id }).where(eq(assignments.id, assignmentId));
    await audit(tx, {
      actorId: user.id,
      action: 'assignment.reassign',
      entityType: 'assignment',
      entityId: assignmentId,
      details: { from: found.enumeratorId, to: target.id, reason: change.reason },
    });
    return { id: assignmentId, enumeratorId: target.id, previousEnumeratorId: found.enumeratorId };
  });
}

export async function cancelAssignment(
  database: Database,
  user: SessionUser,
  assignmentId: string,
  change: { reason: string },
): Promise<{ id: string; status: 'cancelled'; enumeratorId: string }> {
  return database.write(async (tx) => {
    const found = await assignmentInScope(tx, user, assignmentId);
    await checkChange(tx, found, 'cancel');
    await tx.update(assignments).set({ status: 'cancelled' }).where(eq(assignments.id, assignmentId));
    await audit(tx, {
      actorId: user.id,
      action: 'assignment.cancel',
      entityType: 'assignment',
      entityId: assignmentId,
      details: { enumeratorId: found.enumeratorId, status: found.status, reason: change.reason },
    });
    return { id: assignmentId, status: 'cancelled', enumeratorId: found.enumeratorId };
  });
}

/**
 * A new assignment of a household of the sample (one the EA's listing selected) to an enumerator, for
 * the survey's interview questionnaire at its latest published version. A household has at most one
 * open (not cancelled) assignment per questionnaire; new households come only from a listing.
 */
export async function createAssignment(
  database: Database,
  user: SessionUser,
  surveys: SurveyRegistry,
  change: NewAssignment,
): Promise<Assignment> {
  const profile = surveys.get(change.survey);
  if (!profile)
    throw new Problem('request.invalid', [
      { field: 'survey', message: `no survey '${change.survey}' on this server (GET /api/surveys)` },
    ]);
  const questionnaireId = `${profile.id}-${profile.questionnaires.interview}`;
  return database.write(async (tx) => {
    const [ea] = await tx.select().from(enumerationAreas).where(eq(enumerationAreas.code, change.eaCode));
    if (!ea)
      throw new Problem('request.invalid', [
        { field: 'eaCode', message: `no enumeration area ${change.eaCode}` },
      ]);
    if (user.role === 'supervisor' && ea.teamId !== user.teamId)
      throw new Problem('resource.not_found', { eaCode: change.eaCode, reason: "not your team's EA" });
    const [hh] = await tx
      .select()
      .from(households)
      .where(
        and(
          eq(households.eaCode, ea.code),
          eq(households.dwelling, change.dwelling),
          eq(households.household, change.household),
        ),
      );
    if (!hh)
      throw new Problem('request.invalid', [
        {
          field: 'dwelling',
          message: `EA ${ea.code} has no household of the sample at dwelling ${change.dwelling}, household ${change.household}: households come from the EA's listing (POST /api/listings/:eaCode)`,
        },
      ]);
    const target = await targetEnumerator(tx, user, change.enumeratorId);
    const [open] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(
        and(
          eq(assignments.householdId, hh.id),
          eq(assignments.questionnaireId, questionnaireId),
          ne(assignments.status, 'cancelled'),
        ),
      )
      .limit(1);
    if (open) throw new Problem('assignment.exists', { assignmentId: open.id, householdId: hh.id });
    const [version] = await tx
      .select({ version: questionnaireVersions.version })
      .from(questionnaireVersions)
      .where(
        and(
          eq(questionnaireVersions.questionnaireId, questionnaireId),
          eq(questionnaireVersions.status, 'published'),
        ),
      )
      .orderBy(desc(questionnaireVersions.version))
      .limit(1);
    if (!version) throw new Problem('questionnaire.not_open', { questionnaireId });
    const id = `A-${hh.id}-${randomUUID().slice(0, 8)}`;
    await tx.insert(assignments).values({
      id,
      householdId: hh.id,
      questionnaireId,
      questionnaireVersion: version.version,
      enumeratorId: target.id,
    });
    await audit(tx, {
      actorId: user.id,
      action: 'assignment.create',
      entityType: 'assignment',
      entityId: id,
      details: {
        householdId: hh.id,
        enumeratorId: target.id,
        questionnaireId,
        questionnaireVersion: version.version,
        reason: change.reason,
      },
    });
    return {
      id,
      survey: profile.id,
      questionnaireId,
      questionnaireVersion: version.version,
      status: 'assigned',
      enumeratorId: target.id,
      ea: { code: ea.code, island: ea.island, municipality: ea.municipality, stratum: ea.stratum },
      dwelling: hh.dwelling,
      household: hh.household,
      preload: preloadFor(profile, surveys.geography(profile.id), ea, hh),
      interviewId: null,
      changes: changesAllowed('assigned', false),
    };
  });
}

/** The active enumerators a user may assign to: a supervisor's team, everyone's for coordinators. */
export async function assignableEnumerators(database: Database, user: SessionUser) {
  return database.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, teamId: users.teamId })
    .from(users)
    .where(
      and(
        eq(users.role, 'enumerator'),
        eq(users.active, true),
        user.role === 'supervisor' ? eq(users.teamId, user.teamId ?? '') : undefined,
      ),
    )
    .orderBy(users.username);
}
