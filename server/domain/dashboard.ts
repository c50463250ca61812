/**
 * The coordinator's fieldwork dashboard, computed from the database in a few queries: progress against the
 * sample (assigned households) by stratum, island, municipality, EA and enumerator; dispositions and AAPOR
 * response rates by stratum, island, EA, team and enumerator, with the screening stage where the survey lists
 * its units (the recorded listings' counts, their unknowns split into UH and UO from the recorded
 * dispositions; none by enumerator), the person stage where it interviews persons, and the overall rates over
 * the stages, each unweighted and base-weighted by the cases' inclusion probabilities (dashboard-rates.ts); completes per day; durations per enumerator; flag counts; the last
 * upload of every enumerator and device; the map layer of EA centroids and GPS points (dashboard-map.ts). A supervisor gets the same figures for their team only.
 * Only households of the drawn sample count: a household no listing drew (pi2 null, as the weighting
 * inputs read it: a practice or reserve household given to an enumerator) is left out of every figure
 * and its assignments are counted apart, in `reserve` (total and per enumerator).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Dashboard, ProgressRow, RatesRow } from '../contract/dashboard.ts';
import { type ListingProfile, outcomeCodesOf, type SurveyProfile } from '../contract/survey-profile.ts';
import type { Db } from '../db/client.ts';
import { jsonField } from '../db/json-field.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { fieldworkMap } from './dashboard-map.ts';
import { personStage } from './dashboard-persons.ts';
import {
  notHouseholdCodes,
  overallRates,
  personClasses,
  personRates,
  rateClasses,
  responseRates,
  type ScreeningCounts,
  screeningRates,
} from './dashboard-rates.ts';
import { countListing, listedUnits } from './listing.ts';
import { median, quantileOfSorted } from './quality/stats.ts';

interface AssignmentRow {
  assignment_id: string;
  enumerator: string;
  /** The enumerator's team (its name; '' for an enumerator in no team). */
  team: string;
  ea_code: string;
  stratum: string;
  island: string;
  municipality: string;
  status: string | null;
  outcome: number | null;
  /** 1 when the household was drawn by a listing (has pi2), 0 for a practice or reserve household. */
  sampled: number;
  /** The cluster's and the household's inclusion probabilities (the base weight is 1 / (pi1 x pi2)). */
  pi1: number | null;
  pi2: number | null;
  questionnaire_id: string | null;
  questionnaire_version: number | null;
  /** The roster of a responding household's latest interview, for the person stage (dashboard-persons.ts). */
  roster: string | null;
}

/** An assignment with, for a responding household whose roster was read, its persons' result codes. */
type Assigned = AssignmentRow & { persons: Array<number | null> | null };

/**
 * A household of the drawn sample: one with a stage-two probability (pi2), as the weighting inputs read
 * it (server/domain/weighting/inputs.ts). Over an interview `i`: its assignment's household.
 */
const SAMPLED_HOUSEHOLD = sql`h.pi2 is not null`;
const SAMPLED_INTERVIEW = sql`i.assignment_id in (select sa.id from assignments sa
  join households sh on sh.id = sa.household_id where sh.pi2 is not null)`;

interface InterviewRow {
  enumerator: string;
  outcome: number;
  started_at: string | null;
  completed_at: string | null;
  flags: number;
}

function teamOnly(user: SessionUser, column: SQL): SQL {
  if (user.role === 'coordinator' || user.role === 'admin') return sql`1`;
  if (user.role === 'supervisor' && user.teamId) {
    return sql`${column} in (select id from users where team_id = ${user.teamId})`;
  }
  throw new Problem('auth.forbidden', { reason: 'the dashboard is for coordinators and supervisors' });
}

/** The EAs a user may see the listings of: a supervisor their team's (as listing.ts), others all. */
function teamOnlyEa(user: SessionUser): SQL {
  if (user.role === 'supervisor') return user.teamId ? sql`ea.team_id = ${user.teamId}` : sql`0`;
  return teamOnly(user, sql`''`);
}

const APPROVED_BY_SUPERVISOR = new Set(['approved_by_supervisor', 'approved']);

function progress(
  rows: AssignmentRow[],
  key: (r: AssignmentRow) => string,
  complete: Set<number>,
): ProgressRow[] {
  const groups = new Map<string, ProgressRow>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k) ?? {
      key: k,
      label: k,
      assigned: 0,
      visited: 0,
      completed: 0,
      supervisorApproved: 0,
      approved: 0,
      nonInterviews: 0,
      nonInterviewsApproved: 0,
    };
    g.assigned++;
    if (r.status !== null) g.visited++;
    // completes and non-interviews apart: an approved refusal is not an approved complete
    if (r.outcome !== null && complete.has(r.outcome)) {
      g.completed++;
      if (r.status && APPROVED_BY_SUPERVISOR.has(r.status)) g.supervisorApproved++;
      if (r.status === 'approved') g.approved++;
    } else if (r.outcome !== null) {
      g.nonInterviews++;
      if (r.status === 'approved') g.nonInterviewsApproved++;
    }
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** A cluster's listing counts with the groups the cluster is in (its EA's team: '' for none). */
interface ListingRow {
  ea_code: string;
  stratum: string;
  island: string;
  team: string;
  eligible: number;
  ineligible: number;
  out_of_scope: number;
  unknown: number;
  /** The listing's recorded answers, whose dispositions split the unknowns into UH and UO. */
  answers: string;
  /** The cluster's inclusion probability: a listed unit's base weight is 1 / pi1. */
  pi1: number | null;
}

/** The listings of a group: null where the survey has no listing or the level has no screening stage. */
type Listings = ((key: string) => ScreeningCounts[]) | null;

/** A recorded listing with its screening counts, read once per dashboard (every level groups the same). */
type CountedListing = ListingRow & { counts: ScreeningCounts };

function listingsBy(rows: CountedListing[] | null, key: (l: ListingRow) => string): Listings {
  if (!rows) return null;
  const groups = new Map<string, ScreeningCounts[]>();
  for (const l of rows) {
    const k = key(l);
    groups.set(k, [...(groups.get(k) ?? []), l.counts]);
  }
  return (k) => groups.get(k) ?? [];
}

/**
 * A listing's screening counts: E, I and OOS as recorded, the unknowns split into UH and UO from its
 * recorded dispositions as the profile classes them (listing.ts, countListing). Answers that no longer
 * read under the profile (a listing recorded before a profile change) keep their recorded unknown count,
 * all as UH: whether they are households cannot be told.
 */
function screeningCounts(l: ListingRow, profile: SurveyProfile): ScreeningCounts {
  const recorded = {
    E: Number(l.eligible),
    I: Number(l.ineligible),
    OOS: Number(l.out_of_scope),
    w: baseWeight(l.pi1),
  };
  try {
    const c = countListing(
      listedUnits(profile, JSON.parse(l.answers) as Record<string, unknown>).units,
      profile.listing as ListingProfile,
    );
    if (c.unknown === Number(l.unknown)) return { ...recorded, UH: c.UH, UO: c.UO };
  } catch {
    // not readable under today's profile: the recorded total below
  }
  return { ...recorded, UH: Number(l.unknown), UO: 0 };
}

/** The inverse of a product of inclusion probabilities; null where one is unknown (or not a probability). */
function baseWeight(...pis: Array<number | null>): number | null {
  const p = pis.reduce<number | null>((a, b) => (a === null || b === null ? null : a * Number(b)), 1);
  return p !== null && p > 0 && p <= 1 ? 1 / p : null;
}

/** The outcome codes' rate classes, and the NE codes the profile marks as no household. */
type HouseholdClasses = { byCode: ReturnType<typeof rateClasses>; notHousehold: Set<number> };

/**
 * Household rates, and where the survey has them, the screening stage (its listings), the person stage
 * and the overall rates over the stages.
 */
function ratesRow(
  key: string,
  rows: Assigned[],
  classes: HouseholdClasses,
  persons: ReturnType<typeof personClasses>,
  listings: Listings,
): RatesRow {
  const visited = rows.filter((r) => r.outcome !== null);
  const household = responseRates(
    visited.map((r) => r.outcome as number),
    classes.byCode,
    visited.map((r) => baseWeight(r.pi1, r.pi2)),
    classes.notHousehold,
  );
  const screening = listings ? screeningRates(listings(key)) : null;
  const person = persons
    ? personRates(
        rows.flatMap((r) => (r.persons ? [r.persons] : [])),
        persons,
        rows.flatMap((r) => (r.persons ? [baseWeight(r.pi1, r.pi2)] : [])),
      )
    : null;
  return { key, ...household, screening, person, overall: overallRates(household, person, screening) };
}

function rates(
  rows: Assigned[],
  key: (r: Assigned) => string,
  classes: HouseholdClasses,
  persons: ReturnType<typeof personClasses>,
  listings: Listings,
): RatesRow[] {
  const groups = new Map<string, Assigned[]>();
  for (const r of rows) {
    if (r.outcome === null) continue;
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, group]) => ratesRow(k, group, classes, persons, listings));
}

/**
 * The levels the rates are given by: the assignment's grouping column and the listing's (null: the level
 * has no screening stage; a listing is no enumerator's work).
 */
type RateLevel = Exclude<keyof Dashboard['dispositions'], 'total'>;
const RATE_LEVELS: ReadonlyArray<{
  level: RateLevel;
  column: 'stratum' | 'island' | 'ea_code' | 'team' | 'enumerator';
  listing: 'stratum' | 'island' | 'ea_code' | 'team' | null;
}> = [
  { level: 'stratum', column: 'stratum', listing: 'stratum' },
  { level: 'island', column: 'island', listing: 'island' },
  { level: 'ea', column: 'ea_code', listing: 'ea_code' },
  { level: 'team', column: 'team', listing: 'team' },
  { level: 'enumerator', column: 'enumerator', listing: null },
];

const quantile = quantileOfSorted;

const emptyTotal = (): ProgressRow => ({
  key: 'total',
  label: 'total',
  assigned: 0,
  visited: 0,
  completed: 0,
  supervisorApproved: 0,
  approved: 0,
  nonInterviews: 0,
  nonInterviewsApproved: 0,
});

const minutes = (r: InterviewRow) =>
  r.started_at && r.completed_at ? (Date.parse(r.completed_at) - Date.parse(r.started_at)) / 60_000 : null;

/** One survey's dashboard: its assignments and interviews (questionnaire ids `<survey>-...`). */
export async function fieldworkDashboard(
  db: Db,
  user: SessionUser,
  profile: SurveyProfile,
): Promise<Dashboard> {
  const ofSurvey = `${profile.id}-%`;
  const complete = new Set(outcomeCodesOf(profile, 'I'));
  const classes = { byCode: rateClasses(profile), notHousehold: notHouseholdCodes(profile) };
  const persons = personClasses(profile);
  const stage = persons ? await personStage(db, profile) : null;
  // the roster only where the person stage reads one: a responding household's latest interview
  const responding = sql.join(
    outcomeCodesOf(profile, 'I', 'P').map((c) => sql`${c}`),
    sql`, `,
  );
  const rosterColumn = stage
    ? sql`(case when li.outcome in (${responding}) then ${stage.rosterColumn} end)`
    : sql`null`;
  // a cancelled assignment is no longer fieldwork to do (it never has an interview)
  const assignmentScope = sql`${teamOnly(user, sql`a.enumerator_id`)} and a.questionnaire_id like ${ofSurvey} and a.status <> 'cancelled'`;
  // interviews of the drawn sample only (a practice interview is not fieldwork of the sample)
  const interviewScope = sql`${teamOnly(user, sql`i.enumerator_id`)} and i.questionnaire_id like ${ofSurvey} and ${SAMPLED_INTERVIEW}`;
  const rows = await db.all<AssignmentRow>(sql`
    select a.id as assignment_id, u.username as enumerator, coalesce(t.name, '') as team, h.ea_code, ea.stratum, ea.island, ea.municipality,
      li.status, li.outcome, (case when ${SAMPLED_HOUSEHOLD} then 1 else 0 end) as sampled, ea.pi1, h.pi2,
      li.questionnaire_id, li.questionnaire_version,
      ${rosterColumn} as roster
    from assignments a
    join users u on u.id = a.enumerator_id
    left join teams t on t.id = u.team_id
    join households h on h.id = a.household_id
    join enumeration_areas ea on ea.code = h.ea_code
    left join interviews li on li.id = (select i2.id from interviews i2 where i2.assignment_id = a.id
      order by i2.updated_at desc, i2.id desc limit 1)
    left join interview_revisions lr on lr.interview_id = li.id and lr.revision = li.current_revision
    where ${assignmentScope}`);
  const assigned: Assigned[] = rows
    .filter((r) => Number(r.sampled) === 1)
    .map((r) => ({
      ...r,
      persons:
        stage && r.questionnaire_id !== null
          ? stage.persons(r.questionnaire_id, Number(r.questionnaire_version), r.roster)
          : null,
    }));
  const reserve = rows.filter((r) => Number(r.sampled) !== 1);
  // the screening stage: the recorded listings of the survey's clusters (a supervisor: their team's EAs)
  const recordedListings = profile.questionnaires.listing
    ? await db.all<ListingRow>(sql`
    select l.ea_code, ea.stratum, ea.island, coalesce(t.name, '') as team,
      l.eligible, l.ineligible, l.out_of_scope, l.unknown, l.answers, ea.pi1
    from ea_listings l
    join enumeration_areas ea on ea.code = l.ea_code
    left join teams t on t.id = ea.team_id
    where l.questionnaire_id = ${`${profile.id}-${profile.questionnaires.listing}`}
      and ${teamOnlyEa(user)}`)
    : null;
  const listingRows: CountedListing[] | null =
    recordedListings?.map((l) => ({ ...l, counts: screeningCounts(l, profile) })) ?? null;
  const interviewRows = await db.all<InterviewRow>(sql`
    select u.username as enumerator, i.outcome,
      ${jsonField(sql`r.envelope`, '$.startedAt')} as started_at, ${jsonField(sql`r.envelope`, '$.completedAt')} as completed_at,
      (select count(*) from flags f where f.interview_id = i.id and f.revision = i.current_revision) as flags
    from interviews i
    join interview_revisions r on r.interview_id = i.id and r.revision = i.current_revision
    join users u on u.id = i.enumerator_id
    where ${interviewScope}`);
  const flagRows = await db.all<{ code: string; source: string; interviews: number }>(sql`
    select f.code, f.source, count(distinct f.interview_id) as interviews
    from flags f join interviews i on i.id = f.interview_id and f.revision = i.current_revision
    where ${interviewScope} group by f.code, f.source order by interviews desc, f.code`);
  const syncRows = await db.all<{
    enumerator: string;
    device_id: string | null;
    last: number | null;
    uploads: number;
  }>(sql`
    select u.username as enumerator, ${jsonField(sql`r.envelope`, '$.deviceId')} as device_id,
      max(r.received_at) as last, count(r.interview_id) as uploads
    from users u left join interview_revisions r on r.received_by = u.id
    where u.role = 'enumerator' and u.active = 1 and ${teamOnly(user, sql`u.id`)}
    group by u.username, device_id order by u.username, device_id`);

  const completes = new Map<string, number>();
  for (const r of interviewRows) {
    if (!complete.has(r.outcome) || !r.completed_at) continue;
    const day = r.completed_at.slice(0, 10);
    completes.set(day, (completes.get(day) ?? 0) + 1);
  }
  const durationsOf = new Map<string, number[]>();
  for (const r of interviewRows) {
    const m = minutes(r);
    if (!complete.has(r.outcome) || m === null || m <= 0) continue;
    durationsOf.set(r.enumerator, [...(durationsOf.get(r.enumerator) ?? []), m]);
  }
  const overall = median([...durationsOf.values()].flat());
  const perEnumerator = new Map<string, { interviews: number; flagged: number; flags: number }>();
  for (const r of interviewRows) {
    const e = perEnumerator.get(r.enumerator) ?? { interviews: 0, flagged: 0, flags: 0 };
    e.interviews++;
    if (Number(r.flags) > 0) e.flagged++;
    e.flags += Number(r.flags);
    perEnumerator.set(r.enumerator, e);
  }
  const map = await fieldworkMap(
    db,
    { assignment: sql`${assignmentScope} and ${SAMPLED_HOUSEHOLD}`, interview: interviewScope },
    complete,
  );
  const ratesByLevel = Object.fromEntries(
    RATE_LEVELS.map(({ level, column, listing }) => [
      level,
      rates(
        assigned,
        (r) => r[column],
        classes,
        persons,
        listing ? listingsBy(listingRows, (l) => l[listing]) : null,
      ),
    ]),
  ) as Record<RateLevel, RatesRow[]>;
  const [total] = progress(assigned, () => 'total', complete);
  const [reserveTotal] = progress(reserve, () => 'total', complete);
  return {
    survey: profile.id,
    generatedAt: new Date().toISOString(),
    progress: {
      total: total ?? emptyTotal(),
      stratum: progress(assigned, (r) => r.stratum, complete),
      island: progress(assigned, (r) => r.island, complete),
      municipality: progress(assigned, (r) => r.municipality, complete),
      ea: progress(assigned, (r) => r.ea_code, complete),
      enumerator: progress(assigned, (r) => r.enumerator, complete),
    },
    reserve: {
      total: reserveTotal ?? emptyTotal(),
      enumerator: progress(reserve, (r) => r.enumerator, complete),
    },
    dispositions: {
      total: ratesRow(
        'total',
        assigned,
        classes,
        persons,
        listingsBy(listingRows, () => 'total'),
      ),
      ...ratesByLevel,
    },
    completesPerDay: [...completes.entries()].sort().map(([day, n]) => ({ day, completes: n })),
    durations: [...durationsOf.entries()].sort().map(([enumerator, values]) => {
      const s = [...values].sort((a, b) => a - b);
      return {
        enumerator,
        n: s.length,
        median: quantile(s, 0.5),
        p25: quantile(s, 0.25),
        p75: quantile(s, 0.75),
        min: s[0] ?? null,
        max: s[s.length - 1] ?? null,
        short: overall === null ? 0 : s.filter((m) => m < 0.4 * overall).length,
      };
    }),
    flags: {
      byCode: flagRows.map((f) => ({ ...f, interviews: Number(f.interviews) })),
      byEnumerator: [...perEnumerator.entries()].sort().map(([enumerator, e]) => ({ enumerator, ...e })),
    },
    map,
    lastSync: syncRows.map((s) => ({
      enumerator: s.enumerator,
      deviceId: s.device_id,
      lastSyncAt: s.last === null ? null : new Date(Number(s.last)).toISOString(),
      uploads: Number(s.uploads),
    })),
  };
}
