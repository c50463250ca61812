/**
 * Startable demo assignments for the featured enumerators (enumerator1-3): the simulated fieldwork
 * interviews every household of the sample, so without these a newcomer logging in as one of them
 * would find nothing to start. Each gets one reserve household of an EA they worked: an eligible
 * household (listing.v2: l16 = 1; a dwelling with l05 = 1 in a listing.v1) the EA's listing did not draw. Such a household has no stage-two probability (pi2 null), so
 * the weighting never counts it (server/domain/weighting/inputs.ts lists it as skipped), and the
 * simulator never plays its assignment: the demo's interviews and weights stay exactly as they were.
 * Synthetic data, not official statistics.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../server/db/client.ts';
import { assignments, eaListings, households, users } from '../../../server/db/schema.ts';
import { audit } from '../../../server/domain/audit.ts';

export const PRACTICE_ENUMERATORS = ['enumerator1', 'enumerator2', 'enumerator3'] as const;
const PREFIX = 'A-practice-';
export const isPracticeAssignment = (id: string) => id.startsWith(PREFIX);

/** The listing's eligible households of an EA, in listing order, as [dwelling, household]. */
function eligibleHouseholds(answersJson: string): Array<[number, number]> {
  const answers = JSON.parse(answersJson) as { dwellings?: Array<Record<string, unknown>> };
  return (answers.dwellings ?? []).flatMap((d): Array<[number, number]> => {
    if (typeof d.l01_dwelling !== 'number') return [];
    const dwelling = d.l01_dwelling;
    if (!Array.isArray(d.households)) return d.l05_disposition === 1 ? [[dwelling, 1]] : [];
    return (d.households as Array<Record<string, unknown>>)
      .filter((h) => h.l16_hh_disposition === 1 && typeof h.l10_household === 'number')
      .map((h) => [dwelling, h.l10_household as number]);
  });
}

/** Gives each featured enumerator one reserve household to start; returns the assignment ids. */
export async function seedPracticeAssignments(
  database: Database,
  questionnaireId: string,
): Promise<string[]> {
  const { db } = database;
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, [...PRACTICE_ENUMERATORS]));
  const made: string[] = [];
  for (const username of PRACTICE_ENUMERATORS) {
    const person = people.find((p) => p.username === username);
    if (!person) continue;
    // the EAs this enumerator was given by a listing, with the questionnaire version they carry
    const theirs = await db
      .selectDistinct({ ea: households.eaCode, version: assignments.questionnaireVersion })
      .from(assignments)
      .innerJoin(households, eq(households.id, assignments.householdId))
      .where(and(eq(assignments.enumeratorId, person.id), eq(assignments.questionnaireId, questionnaireId)))
      .orderBy(asc(households.eaCode));
    for (const { ea, version } of theirs) {
      const [listing] = await db.select().from(eaListings).where(eq(eaListings.eaCode, ea));
      if (!listing) continue;
      const drawn = new Set(
        (
          await db
            .select({ d: households.dwelling, h: households.household })
            .from(households)
            .where(eq(households.eaCode, ea))
        ).map((r) => `${r.d}.${r.h}`),
      );
      const reserve = eligibleHouseholds(listing.answers).find(([d, h]) => !drawn.has(`${d}.${h}`));
      if (reserve === undefined) continue;
      const [dwelling, household] = reserve;
      const householdId = `${ea}-${String(dwelling).padStart(3, '0')}-${household}`;
      const id = `${PREFIX}${householdId}`;
      await database.write(async (tx) => {
        await tx.insert(households).values({ id: householdId, eaCode: ea, dwelling, household });
        await tx.insert(assignments).values({
          id,
          householdId,
          questionnaireId,
          questionnaireVersion: version,
          enumeratorId: person.id,
        });
        await audit(tx, {
          actorId: null,
          action: 'assignment.create',
          entityType: 'assignment',
          entityId: id,
          details: {
            enumeratorId: person.id,
            reason: 'demo: a reserve household (not in the sample, never weighted) to practise on',
          },
        });
      });
      made.push(id);
      break;
    }
  }
  return made;
}
