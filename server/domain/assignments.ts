/** Assignments as a tablet sees them: the household to visit, its EA, and the answers to preload. */
import { and, eq } from 'drizzle-orm';
import type { Assignment } from '../contract/assignments.ts';
import type { Db } from '../db/client.ts';
import { assignments, enumerationAreas, households, interviews } from '../db/schema.ts';
import type { SessionUser } from './accounts.ts';
import { ISLAND_CODES } from './islands.ts';
import { enumeratorScope } from './scope.ts';

/** The cover items every IPEI questionnaire preloads from the assignment (codes, as the questionnaire has them). */
export function preloadFor(ea: typeof enumerationAreas.$inferSelect, hh: typeof households.$inferSelect) {
  return {
    a02_island: ISLAND_CODES[ea.island] ?? ea.island,
    a03_municipality: ea.municipality,
    a04_ea: ea.code,
    a05_dwelling: hh.dwelling,
    a06_household: hh.household,
  };
}

export async function listAssignments(db: Db, user: SessionUser): Promise<Assignment[]> {
  const scope = enumeratorScope(user, assignments.enumeratorId);
  const rows = await db
    .select({ a: assignments, hh: households, ea: enumerationAreas, interviewId: interviews.id })
    .from(assignments)
    .innerJoin(households, eq(households.id, assignments.householdId))
    .innerJoin(enumerationAreas, eq(enumerationAreas.code, households.eaCode))
    .leftJoin(interviews, eq(interviews.assignmentId, assignments.id))
    .where(scope ? and(scope) : undefined)
    .orderBy(enumerationAreas.code, households.dwelling, households.household);
  return rows.map(({ a, hh, ea, interviewId }) => ({
    id: a.id,
    questionnaireId: a.questionnaireId,
    questionnaireVersion: a.questionnaireVersion,
    status: a.status,
    enumeratorId: a.enumeratorId,
    ea: { code: ea.code, island: ea.island, municipality: ea.municipality, stratum: ea.stratum },
    dwelling: hh.dwelling,
    household: hh.household,
    preload: preloadFor(ea, hh),
    interviewId,
  }));
}
