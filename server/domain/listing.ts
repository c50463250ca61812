/**
 * A cluster's listing: count the screening results (E eligible, I ineligible, U unknown eligibility, out of
 * scope, as the survey profile's `listing` classes the dispositions), select m = min(take, E) units
 * systematically from the eligible list (pi2 = m / E, analysis/sampling), and turn them into assignments
 * of the survey's interview questionnaire for the enumerators of the cluster's team. A unit is a dwelling,
 * or, where the profile's `listing.households` says the listing records them, each household of a dwelling
 * (its own id `<cluster>-<dwelling>-<household>`, disposition and class): E, I, U and pi2 then count
 * households, so a household that differs from the others of its dwelling is drawn on its own.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { seededUniform, seedFrom, selectHouseholds } from '../../analysis/sampling/index.ts';
import type { ListingResult, listingSubmissionSchema } from '../contract/listing.ts';
import { clusterItemOf, type ListingProfile, type SurveyProfile } from '../contract/survey-profile.ts';
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
import { type SurveyRegistry, surveysOf } from './surveys.ts';

type Submission = import('zod').infer<typeof listingSubmissionSchema>;

/** Seed of the household selection; with the EA code it makes every EA's draw reproducible. */
export const LISTING_SEED = 20221215;

export interface ListingCounts {
  eligible: number;
  ineligible: number;
  unknown: number;
  /**
   * The unknowns split as AAPOR does (their sum is `unknown`), by the profile's `unknownIfHousehold` lists:
   * UH unknown whether the unit is a household at all, UO a household of unknown eligibility.
   */
  UH: number;
  UO: number;
  outOfScope: number;
  /** Dwelling numbers of the eligible units, in listing order (a dwelling twice when two households are). */
  eligibleDwellings: number[];
  /** The eligible units in listing order: the frame the second stage draws from. */
  eligibleUnits: ListedUnit[];
}

/**
 * One listed unit: a dwelling, or a household of a dwelling when the listing records households (the
 * profile's `listing.households`), with its disposition and the weighting class the listing recorded.
 */
export interface ListedUnit {
  unit: number;
  /** The household's number within the dwelling; null when the unit is the dwelling. */
  household?: number | null;
  disposition: number;
  cls?: string | null;
}

/** The survey with a listing a submission is for: its questionnaire's, or the only one with a listing. */
export function listingSurvey(surveys: SurveyRegistry, questionnaireId: string | undefined): SurveyProfile {
  const withListing = surveys.list().filter((p) => p.listing && p.questionnaires.listing);
  const profile = questionnaireId
    ? surveys.ofQuestionnaire(questionnaireId)
    : withListing.length === 1
      ? withListing[0]
      : undefined;
  if (!profile?.listing || !profile.questionnaires.listing)
    throw new Problem('request.invalid', [
      {
        field: 'questionnaireId',
        message: questionnaireId
          ? `${questionnaireId} is not the listing questionnaire of a survey with a listing`
          : `name the listing questionnaire: ${withListing.map((p) => `${p.id}-${p.questionnaires.listing}`).join(', ') || 'no survey has a listing'}`,
      },
    ]);
  if (questionnaireId && questionnaireId !== `${profile.id}-${profile.questionnaires.listing}`)
    throw new Problem('request.invalid', [
      {
        field: 'questionnaireId',
        message: `the listing questionnaire of ${profile.id} is ${profile.id}-${profile.questionnaires.listing}`,
      },
    ]);
  return profile;
}

/** The cluster code and the listed units in a submission's answers, checked against the profile (422 naming the field). */
export function listedUnits(
  profile: SurveyProfile,
  answers: Record<string, unknown>,
): { cluster: unknown; units: ListedUnit[] } {
  const l = profile.listing as ListingProfile;
  const h = l.households;
  const codes = new Set([...l.eligible, ...l.ineligible, ...l.unknown, ...l.outOfScope]);
  const dwellingCodes = new Set([...codes, ...(h?.listed ?? [])]);
  const rows = answers[l.units];
  const field = `answers.${l.units}`;
  const bad = (at: string, message: string) => new Problem('request.invalid', [{ field: at, message }]);
  if (!Array.isArray(rows) || rows.length < 1 || rows.length > 5000)
    throw bad(field, 'must be a list of 1 to 5000 listed units');
  const asRow = (v: unknown) => (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const units: ListedUnit[] = [];
  rows.forEach((row, i) => {
    const r = asRow(row);
    const unit = r[l.unit];
    const disposition = r[l.disposition];
    if (!Number.isInteger(unit) || (unit as number) < 1 || (unit as number) > 9999)
      throw bad(`${field}.${i}.${l.unit}`, 'must be a whole number from 1 to 9999');
    if (!Number.isInteger(disposition) || !dwellingCodes.has(disposition as number))
      throw bad(`${field}.${i}.${l.disposition}`, `must be one of ${[...dwellingCodes].join(', ')}`);
    const members = h ? r[h.roster] : undefined;
    if (!h?.listed.includes(disposition as number)) {
      if (h && Array.isArray(members) && members.length)
        throw bad(
          `${field}.${i}.${h.roster}`,
          `households are listed only for a dwelling whose ${l.disposition} is ${h.listed.join(' or ')}`,
        );
      units.push({ unit: unit as number, household: null, disposition: disposition as number, cls: null });
      return;
    }
    const at = `${field}.${i}.${h.roster}`;
    if (!Array.isArray(members) || members.length < 1 || members.length > 99)
      throw bad(at, `a dwelling whose ${l.disposition} is ${disposition} must list 1 to 99 households`);
    members.forEach((member, k) => {
      const m = asRow(member);
      const household = m[h.unit];
      const hd = m[h.disposition];
      if (!Number.isInteger(household) || (household as number) < 1 || (household as number) > 99)
        throw bad(`${at}.${k}.${h.unit}`, 'must be a whole number from 1 to 99');
      if (!Number.isInteger(hd) || !codes.has(hd as number))
        throw bad(`${at}.${k}.${h.disposition}`, `must be one of ${[...codes].join(', ')}`);
      const raw = h.class ? m[h.class] : undefined;
      if (raw !== undefined && raw !== null && !['string', 'number'].includes(typeof raw))
        throw bad(`${at}.${k}.${h.class}`, 'must be a code (text or number)');
      const cls = raw === undefined || raw === null || raw === '' ? null : String(raw).slice(0, 60);
      units.push({ unit: unit as number, household: household as number, disposition: hd as number, cls });
    });
  });
  return { cluster: answers[clusterItemOf(profile) ?? ''], units };
}

/**
 * E, I, U (split into UH and UO) and out of scope from the dispositions, as the profile's listing classes
 * them: a dwelling-level unit by `listing.unknownIfHousehold`, a listed household by
 * `listing.households.unknownIfHousehold`.
 */
export function countListing(units: ReadonlyArray<ListedUnit>, listing: ListingProfile): ListingCounts {
  const c: ListingCounts = {
    eligible: 0,
    ineligible: 0,
    unknown: 0,
    UH: 0,
    UO: 0,
    outOfScope: 0,
    eligibleDwellings: [],
    eligibleUnits: [],
  };
  const seen = new Set<string>();
  const dwellingsSeen = new Map<number, boolean>();
  for (const d of units) {
    const household = d.household ?? null;
    const key = household === null ? `${d.unit}` : `${d.unit}.${household}`;
    // a dwelling is one row of the listing: a unit itself, or the households listed in it
    const prior = dwellingsSeen.get(d.unit);
    if (
      seen.has(key) ||
      (prior !== undefined && prior !== (household !== null)) ||
      (household === null && prior)
    )
      throw new Problem('request.invalid', [
        {
          field: 'answers',
          message:
            household === null
              ? `unit ${d.unit} is listed twice`
              : `household ${household} of dwelling ${d.unit} is listed twice`,
        },
      ]);
    seen.add(key);
    dwellingsSeen.set(d.unit, household !== null);
    if (listing.eligible.includes(d.disposition)) {
      c.eligible++;
      c.eligibleDwellings.push(d.unit);
      c.eligibleUnits.push(d);
    } else if (listing.ineligible.includes(d.disposition)) c.ineligible++;
    else if (listing.unknown.includes(d.disposition)) {
      c.unknown++;
      const uh =
        household === null ? listing.unknownIfHousehold : (listing.households?.unknownIfHousehold ?? []);
      if (uh.includes(d.disposition)) c.UH++;
      else c.UO++;
    } else c.outOfScope++;
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
  const profile = listingSurvey(surveysOf(database), submission.questionnaireId);
  const interviewQuestionnaire = `${profile.id}-${profile.questionnaires.interview}`;
  const listed = listedUnits(profile, submission.answers);
  if (listed.cluster !== eaCode)
    throw new Problem('request.invalid', [
      {
        field: `answers.${clusterItemOf(profile)}`,
        message: `must equal the cluster in the path (${eaCode})`,
      },
    ]);
  const counts = countListing(listed.units, profile.listing as ListingProfile);
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
        eq(questionnaireVersions.questionnaireId, interviewQuestionnaire),
        eq(questionnaireVersions.status, 'published'),
      ),
      orderBy: desc(questionnaireVersions.version),
    });
    if (!questionnaire)
      throw new Problem('questionnaire.unknown_version', { questionnaireId: interviewQuestionnaire });
    const team = submission.enumerators?.length
      ? await tx
          .select()
          .from(users)
          .where(
            and(
              inArray(users.username, submission.enumerators),
              eq(users.role, 'enumerator'),
              eq(users.active, true),
              // named enumerators must be of the EA's team (a supervisor's own, checked above)
              ea.teamId ? eq(users.teamId, ea.teamId) : undefined,
            ),
          )
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
          {
            field: 'enumerators',
            message: `not active enumerators${ea.teamId ? ` of team ${ea.teamId}` : ''}: ${missing.join(', ')}`,
          },
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
      questionnaireId: `${profile.id}-${profile.questionnaires.listing}`,
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
      const listed = counts.eligibleUnits[pos];
      const dwelling = listed.unit;
      const household = listed.household ?? 1;
      const householdId = `${eaCode}-${String(dwelling).padStart(3, '0')}-${household}`;
      const enumerator = team[k % team.length];
      hhRows.push({
        id: householdId,
        eaCode,
        dwelling,
        household,
        pi2: draw.pi2,
        eligibleLine: pos + 1,
        // the class the listing recorded for the household, else the one the submission gives
        hhClass:
          listed.cls ??
          submission.classes?.[listed.household == null ? String(dwelling) : `${dwelling}.${household}`] ??
          null,
      });
      const assignmentId = `A-${householdId}`;
      assignmentRows.push({
        id: assignmentId,
        householdId,
        questionnaireId: interviewQuestionnaire,
        questionnaireVersion: questionnaire.version,
        enumeratorId: enumerator.id,
      });
      selected.push({
        householdId,
        dwelling,
        household,
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
/** The recorded listings a user may read: a supervisor their team's EAs only, coordinators and admins all. */
export async function listingCounts(database: Database, user: SessionUser) {
  if (user.role !== 'supervisor') return database.db.select().from(eaListings);
  if (!user.teamId) return [];
  const rows = await database.db
    .select({ listing: eaListings })
    .from(eaListings)
    .innerJoin(enumerationAreas, eq(enumerationAreas.code, eaListings.eaCode))
    .where(eq(enumerationAreas.teamId, user.teamId));
  return rows.map((r) => r.listing);
}
