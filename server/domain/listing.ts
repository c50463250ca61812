/**
 * An EA's listing: count the screening results (E eligible, I ineligible, U unknown eligibility,
 * vacant / not a dwelling), select m = min(take, E) households systematically from the eligible list
 * (pi2 = m / E, analysis/sampling), and turn them into assignments for the enumerators of the EA's team.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { seededUniform, seedFrom, selectHouseholds } from '../../analysis/sampling/index.ts';
import type { ListingResult, listingSubmissionSchema } from '../contract/listing.ts';
import type { Database } from '../db/client.ts';
import {
  assignments,
  eaListings,
  enumerationAreas,
  households,
  questionnaireVersions,
  users,
} from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';

type Submission = import('zod').infer<typeof listingSubmissionSchema>;

/** The household questionnaire the selected households are interviewed with. */
export const HOUSEHOLD_QUESTIONNAIRE = 'ipei-household';
/** Seed of the household selection; with the EA code it makes every EA's draw reproducible. */
export const LISTING_SEED = 20221215;

export interface ListingCounts {
  eligible: number;
  ineligible: number;
  unknown: number;
  outOfScope: number;
  /** Dwelling numbers of the eligible dwellings, in listing order. */
  eligibleDwellings: number[];
}

/** Dispositions 1 eligible, 2 ineligible, 3-4 unknown eligibility, 5-6 vacant or not a dwelling. */
export function countListing(
  dwellings: ReadonlyArray<{ l01_dwelling: number; l05_disposition: number }>,
): ListingCounts {
  const c: ListingCounts = { eligible: 0, ineligible: 0, unknown: 0, outOfScope: 0, eligibleDwellings: [] };
  const seen = new Set<number>();
  for (const d of dwellings) {
    if (seen.has(d.l01_dwelling))
      throw new Problem('request.invalid', [
        { field: 'answers.dwellings', message: `dwelling ${d.l01_dwelling} is listed twice` },
      ]);
    seen.add(d.l01_dwelling);
    if (d.l05_disposition === 1) {
      c.eligible++;
      c.eligibleDwellings.push(d.l01_dwelling);
    } else if (d.l05_disposition === 2) c.ineligible++;
    else if (d.l05_disposition <= 4) c.unknown++;
    else c.outOfScope++;
  }
  return c;
}

export async function recordListing(
  database: Database,
  user: SessionUser,
  eaCode: string,
  submission: Submission,
): Promise<ListingResult> {
  if (!['admin', 'coordinator', 'supervisor'].includes(user.role))
    throw new Problem('auth.forbidden', { reason: 'only supervisors and coordinators record listings' });
  if (submission.answers.a04_ea !== eaCode)
    throw new Problem('request.invalid', [
      { field: 'answers.a04_ea', message: `must equal the EA in the path (${eaCode})` },
    ]);
  const counts = countListing(submission.answers.dwellings);
  return database.write(async (tx) => {
    const ea = await tx.query.enumerationAreas.findFirst({ where: eq(enumerationAreas.code, eaCode) });
    if (!ea || ea.pi1 === null)
      throw new Problem('resource.not_found', { eaCode, reason: 'not a selected EA' });
    if (user.role === 'supervisor' && ea.teamId !== user.teamId)
      throw new Problem('resource.not_found', { eaCode, reason: "not your team's EA" });
    if (await tx.query.eaListings.findFirst({ where: eq(eaListings.eaCode, eaCode) }))
      throw new Problem('request.invalid', [{ field: 'eaCode', message: `EA ${eaCode} is already listed` }]);
    if (await tx.query.households.findFirst({ where: eq(households.eaCode, eaCode) }))
      throw new Problem('request.invalid', [
        {
          field: 'eaCode',
          message: `EA ${eaCode} already has sample households from another source: its sample cannot be drawn from a listing`,
        },
      ]);
    const questionnaire = await tx.query.questionnaireVersions.findFirst({
      where: and(
        eq(questionnaireVersions.questionnaireId, HOUSEHOLD_QUESTIONNAIRE),
        eq(questionnaireVersions.status, 'published'),
      ),
      orderBy: desc(questionnaireVersions.version),
    });
    if (!questionnaire)
      throw new Problem('questionnaire.unknown_version', { questionnaireId: HOUSEHOLD_QUESTIONNAIRE });
    const team = submission.enumerators?.length
      ? await tx
          .select()
          .from(users)
          .where(and(inArray(users.username, submission.enumerators), eq(users.role, 'enumerator')))
      : ea.teamId
        ? await tx
            .select()
            .from(users)
            .where(and(eq(users.teamId, ea.teamId), eq(users.role, 'enumerator'), eq(users.active, true)))
            .orderBy(asc(users.username))
        : [];
    const order = submission.enumerators ?? [];
    if (order.length) {
      team.sort((a, b) => order.indexOf(a.username) - order.indexOf(b.username));
      const missing = order.filter((u) => !team.some((t) => t.username === u));
      if (missing.length)
        throw new Problem('request.invalid', [
          { field: 'enumerators', message: `not enumerators: ${missing.join(', ')}` },
        ]);
    }
    if (!team.length)
      throw new Problem('request.invalid', [
        { field: 'enumerators', message: `EA ${eaCode} has no team with enumerators: assign a team first` },
      ]);
    const draw = selectHouseholds(
      counts.eligible,
      submission.take,
      seededUniform(seedFrom(eaCode, LISTING_SEED)),
      eaCode,
    );
    await tx.insert(eaListings).values({
      eaCode,
      questionnaireId: submission.questionnaireId,
      questionnaireVersion: submission.questionnaireVersion,
      eligible: counts.eligible,
      ineligible: counts.ineligible,
      unknown: counts.unknown,
      outOfScope: counts.outOfScope,
      selected: draw.m,
      answers: JSON.stringify(submission.answers),
      listedBy: user.id,
    });
    const selected: ListingResult['households'] = [];
    const hhRows: Array<typeof households.$inferInsert> = [];
    const assignmentRows: Array<typeof assignments.$inferInsert> = [];
    for (const [k, pos] of draw.positions.entries()) {
      const dwelling = counts.eligibleDwellings[pos];
      const householdId = `${eaCode}-${String(dwelling).padStart(3, '0')}-1`;
      const enumerator = team[k % team.length];
      hhRows.push({
        id: householdId,
        eaCode,
        dwelling,
        household: 1,
        pi2: draw.pi2,
        eligibleLine: pos + 1,
        hhClass: submission.classes?.[String(dwelling)] ?? null,
      });
      const assignmentId = `A-${householdId}`;
      assignmentRows.push({
        id: assignmentId,
        householdId,
        questionnaireId: HOUSEHOLD_QUESTIONNAIRE,
        questionnaireVersion: questionnaire.version,
        enumeratorId: enumerator.id,
      });
      selected.push({
        householdId,
        dwelling,
        eligibleLine: pos + 1,
        assignmentId,
        enumerator: enumerator.username,
      });
    }
    if (hhRows.length) {
      await tx.insert(households).values(hhRows);
      await tx.insert(assignments).values(assignmentRows);
    }
    await audit(tx, {
      actorId: user.id,
      action: 'listing.recorded',
      entityType: 'enumeration_area',
      entityId: eaCode,
      details: { E: counts.eligible, I: counts.ineligible, U: counts.unknown, m: draw.m },
    });
    return {
      eaCode,
      eligible: counts.eligible,
      ineligible: counts.ineligible,
      unknown: counts.unknown,
      outOfScope: counts.outOfScope,
      selected: draw.m,
      pi2: draw.pi2,
      households: selected,
    };
  });
}

/** The listing counts of the listed EAs (for the weighting and the dashboard). */
export async function listingCounts(database: Database) {
  return database.db.select().from(eaListings);
}
