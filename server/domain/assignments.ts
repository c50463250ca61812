/**
 * Assignments as a tablet sees them: the unit to visit, its cluster, and the answers to preload (the
 * survey profile's `preload`: each item takes a field of the cluster or the unit; an island code comes
 * from the survey's geography). Everyone sees their scope's assignments, cancelled ones included, with
 * status `cancelled`: that is how a tablet learns that an interview it already started is for a
 * cancelled assignment (it keeps such a draft, saying so; a cancelled one with no work on the tablet is
 * not shown there). An enumerator's list also carries the assignments staff reassigned from them to
 * someone else (the audit log's `assignment.reassign` entries), with status `reassigned`, for the same
 * reason: a draft the first tablet already started stays visible there, saying so. Only for a window after
 * the reassignment (settings `reassignedListMs`, env MORABEZA_REASSIGNED_LIST_DAYS, 30 days by default),
 * so the list does not grow with every reassignment; an upload after that is still quarantined.
 */
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Assignment } from '../contract/assignments.ts';
import type { Geography } from '../contract/geography.ts';
import type { PRELOAD_SOURCES, SurveyProfile } from '../contract/survey-profile.ts';
import type { Db } from '../db/client.ts';
import { assignments, enumerationAreas, households, interviews } from '../db/schema.ts';
import type { SessionUser } from './accounts.ts';
import { changesAllowed } from './assignment-states.ts';
import { enumeratorScope } from './scope.ts';
import type { SurveyRegistry } from './surveys.ts';

/** The cover items the survey preloads from the assignment (codes, as the questionnaire has them). */
export function preloadFor(
  profile: SurveyProfile,
  geography: Geography | null,
  ea: typeof enumerationAreas.$inferSelect,
  hh: typeof households.$inferSelect,
): Record<string, string | number> {
  const value = (from: (typeof PRELOAD_SOURCES)[number]): string | number => {
    switch (from) {
      case 'islandCode':
        return geography?.areas.find((a) => a.name === ea.island)?.code ?? ea.island;
      case 'island':
        return ea.island;
      case 'municipality':
        return ea.municipality;
      case 'cluster':
        return ea.code;
      case 'dwelling':
        return hh.dwelling;
      case 'household':
        return hh.household;
      // A unit sampled from a flow (a visit at a desk) keeps its period and its position in the units
      // table's two numbers: the period where a listed unit has its dwelling, the position its household.
      case 'period':
        return hh.dwelling;
      case 'position':
        return hh.household;
    }
  };
  return Object.fromEntries(profile.preload.map((p) => [p.item, value(p.from)]));
}

/**
 * The query behind an enumerator's (or staff's) assignment list, unexecuted: the tablet runs it on every
 * sync, and its subquery over the audit log (recent reassignments away from the enumerator) is served by
 * `audit_action_at_idx` (action, at); a test reads its query plan.
 */
export function assignmentListQuery(db: Db, user: SessionUser, since: number) {
  const own = enumeratorScope(user, assignments.enumeratorId);
  // an enumerator's: their own, and those reassigned from them to someone else since `since`
  const scope =
    user.role === 'enumerator'
      ? or(
          own ?? undefined,
          and(
            ne(assignments.enumeratorId, user.id),
            inArray(
              assignments.id,
              sql`(select entity_id from audit_log where action = 'assignment.reassign' and at >= ${since} and json_extract(details, '$.from') = ${user.id})`,
            ),
          ),
        )
      : own;
  return db
    .select({ a: assignments, hh: households, ea: enumerationAreas, interviewId: interviews.id })
    .from(assignments)
    .innerJoin(households, eq(households.id, assignments.householdId))
    .innerJoin(enumerationAreas, eq(enumerationAreas.code, households.eaCode))
    .leftJoin(interviews, eq(interviews.assignmentId, assignments.id))
    .where(scope ?? undefined)
    .orderBy(enumerationAreas.code, households.dwelling, households.household);
}

export async function listAssignments(
  db: Db,
  user: SessionUser,
  surveys: SurveyRegistry,
  options: { reassignedListMs: number; now?: number },
): Promise<Assignment[]> {
  const since = (options.now ?? Date.now()) - options.reassignedListMs;
  const rows = await assignmentListQuery(db, user, since);
  return rows.map(({ a, hh, ea, interviewId }) => {
    const profile = surveys.ofQuestionnaire(a.questionnaireId);
    return {
      id: a.id,
      survey: profile?.id ?? null,
      questionnaireId: a.questionnaireId,
      questionnaireVersion: a.questionnaireVersion,
      status: user.role === 'enumerator' && a.enumeratorId !== user.id ? 'reassigned' : a.status,
      enumeratorId: a.enumeratorId,
      ea: { code: ea.code, island: ea.island, municipality: ea.municipality, stratum: ea.stratum },
      dwelling: hh.dwelling,
      household: hh.household,
      preload: profile ? preloadFor(profile, surveys.geography(profile.id), ea, hh) : {},
      interviewId,
      changes: user.role === 'enumerator' ? [] : changesAllowed(a.status, interviewId !== null),
    };
  });
}
