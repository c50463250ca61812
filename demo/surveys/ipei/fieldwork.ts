/**
 * The fieldwork simulator: plays the coordinator (listings), the enumerators (GET assignments, PUT
 * interviews) and the supervisors (approve / return) through the HTTP API, seeded and reproducible.
 * A few deliberate problems are planted for the supervisors: a very short interview, a GPS fix far
 * from the EA, and a near-duplicate (answers copied from the previous household).
 */

import { seededUniform, seedFrom } from '../../../analysis/sampling/rng.ts';
import type { ListingResult, ListingSubmission } from '../../../server/contract/listing.ts';
import type { FrameRow } from './frame-row.ts';
import { type ListedEa, listingAnswers, withInterviewedSizes } from './listed-sizes.ts';
import { syntheticListing } from './listing.ts';
import { pick } from './population.ts';
import { isPracticeAssignment } from './practice.ts';
import { DEMO_TEAMS, teamOfStratum } from './staff.ts';
import { PAGES, simulateVisit } from './visit.ts';

export interface Api {
  request(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: unknown }>;
}

export interface SimulatedEa {
  row: FrameRow;
}

export interface SimulationOptions {
  seed: number;
  password: string;
  eas: SimulatedEa[];
  /** Records a listing (POST /api/listings/:ea, or the domain function in-process). */
  listing: (eaCode: string, body: ListingSubmission) => Promise<ListingResult>;
  /** The EAs are already listed (by the seed, with the same synthetic listings): skip the listing step. */
  listed?: boolean;
  /** Play the interviews too (default true); false records the listings only. */
  interviews?: boolean;
  /** Enumerators playing at the same time (default 6). */
  parallel?: number;
  /** Plant the deliberate problems (default true). */
  problems?: boolean;
  log?: (line: string) => void;
}

export interface SimulationSummary {
  eas: number;
  listed: {
    dwellings: number;
    eligible: number;
    ineligible: number;
    unknown: number;
    outOfScope: number;
    selected: number;
  };
  interviews: number;
  outcomes: Record<string, number>;
  approved: number;
  returned: number;
  unreviewed: number;
  problems: { short?: string; farGps?: string; nearDuplicate?: string };
  failures: string[];
  /** Interviews with a supervisor decision still to apply (see reviewInterviews). */
  pending: PendingReview[];
}

export interface PendingReview {
  id: string;
  team: string;
  outcome: number;
  decision: {
    action: 'approve' | 'return';
    revision: number;
    comments: Array<{ question: string | null; text: string }>;
  } | null;
}

/**
 * The supervisors apply their decisions to the interviews the server has validated; returns those
 * still waiting for validation (HTTP 409 while the interview is 'received').
 */
export async function reviewInterviews(
  api: Api,
  pending: PendingReview[],
  password: string,
  summary: SimulationSummary,
  tokenCache: Map<string, string> = new Map(),
): Promise<PendingReview[]> {
  const waiting: PendingReview[] = [];
  for (const team of DEMO_TEAMS) {
    const mine = pending.filter((x) => x.team === team.id);
    if (!mine.length) continue;
    const tokens: string[] = [];
    for (const s of team.supervisors) {
      if (!tokenCache.has(s)) tokenCache.set(s, await login(api, s, password));
      tokens.push(tokenCache.get(s) as string);
    }
    for (const [k, x] of mine.entries()) {
      if (!x.decision) continue;
      const res = await api.request(
        'POST',
        `/api/interviews/${x.id}/review`,
        x.decision,
        tokens[k % tokens.length],
      );
      if (res.status === 200) {
        if (x.decision.action === 'approve') summary.approved++;
        else summary.returned++;
      } else if (
        res.status === 409 &&
        (res.body as { details?: { status?: string } })?.details?.status === 'received'
      )
        waiting.push(x);
      else
        summary.failures.push(`review ${x.id}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
  }
  return waiting;
}

/** Households drawn per EA. */
const TAKE = 15;
const FIELDWORK_START = Date.UTC(2026, 8, 1);
const DAY = 86_400_000;

async function login(api: Api, username: string, password: string): Promise<string> {
  const res = await api.request('POST', '/api/auth/login', { username, password });
  if (res.status !== 200)
    throw new Error(`login ${username}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

export async function simulateFieldwork(api: Api, options: SimulationOptions): Promise<SimulationSummary> {
  const r = seededUniform(options.seed);
  const log = options.log ?? (() => {});
  const summary: SimulationSummary = {
    eas: options.eas.length,
    listed: { dwellings: 0, eligible: 0, ineligible: 0, unknown: 0, outOfScope: 0, selected: 0 },
    interviews: 0,
    outcomes: {},
    approved: 0,
    returned: 0,
    unreviewed: 0,
    problems: {},
    failures: [],
    pending: [],
  };
  // 1. Listings: one enumerator per EA, in turn within the stratum.
  const nationalityOf = new Map<string, string>();
  const eaInfo = new Map<string, { row: FrameRow; day: number }>();
  const turn: Record<string, number> = {};
  const listed: ListedEa[] = [];
  for (const [k, { row }] of options.eas.entries()) {
    const listing = syntheticListing(seededUniform(seedFrom(row.ea_id, options.seed)), row);
    const team = teamOfStratum(row.stratum);
    const list = team.enumerators[row.stratum];
    turn[row.stratum] = (turn[row.stratum] ?? -1) + 1;
    const enumerator = list[turn[row.stratum] % list.length];
    for (const [unit, nat] of Object.entries(listing.nationality))
      nationalityOf.set(`${row.ea_id}:${unit}`, nat);
    eaInfo.set(row.ea_id, { row, day: 7 + Math.floor((k / Math.max(1, options.eas.length)) * 28) });
    listed.push({ row, listing, enumerator });
  }
  if (!options.listed) {
    // the listed sizes of the households to be drawn, from the households their interviews will meet
    withInterviewedSizes(listed, options.seed, TAKE);
    for (const { row, listing, enumerator } of listed) {
      const result = await options.listing(row.ea_id, {
        questionnaireId: 'ipei-listing',
        questionnaireVersion: 2,
        answers: listingAnswers(row, listing),
        take: TAKE,
        enumerators: [enumerator],
      });
      summary.listed.dwellings += listing.dwellings.length;
      summary.listed.eligible += result.eligible;
      summary.listed.ineligible += result.ineligible;
      summary.listed.unknown += result.unknown;
      summary.listed.outOfScope += result.outOfScope;
      summary.listed.selected += result.selected;
    }
  }
  if (!options.listed)
    log(
      `listed ${options.eas.length} EAs: ${summary.listed.eligible} eligible households, ${summary.listed.selected} selected`,
    );
  if (options.interviews === false) return summary;
  // 2. Interviews, enumerator by enumerator.
  const submitted: PendingReview[] = [];
  /** Per interview, the first roster row with an income: where a supervisor's comment on income points. */
  const incomeRow = new Map<string, number>();
  const teamOfEnumerator = new Map<string, string>();
  for (const t of DEMO_TEAMS)
    for (const list of Object.values(t.enumerators)) for (const e of list) teamOfEnumerator.set(e, t.id);
  const planted = options.problems ?? true;
  const playEnumerator = async (enumerator: string) => {
    const r = seededUniform(seedFrom(enumerator, options.seed));
    const token = await login(api, enumerator, options.password);
    const res = await api.request('GET', '/api/assignments', undefined, token);
    const assignments = res.body as Array<{
      id: string;
      ea: { code: string; stratum: string };
      preload: Record<string, unknown>;
      questionnaireId: string;
      questionnaireVersion: number;
      interviewId: string | null;
    }>;
    let previous: Record<string, unknown> | null = null;
    // this survey's assignments only (an enumerator may also work for another demo survey)
    // and never the reserve households left for a newcomer to start (practice.ts)
    const mine = assignments.filter(
      (a) => a.questionnaireId.startsWith('ipei-') && !isPracticeAssignment(a.id),
    );
    for (const [k, a] of mine.entries()) {
      if (a.interviewId) continue;
      const info = eaInfo.get(a.ea.code);
      if (!info) continue;
      // the reference person's nationality is the one the listing recorded for this household
      const visit = simulateVisit(
        r,
        a.ea.stratum,
        a.preload,
        nationalityOf.get(`${a.ea.code}:${a.preload.a05_dwelling}.${a.preload.a06_household ?? 1}`),
      );
      const { plan, generated } = visit;
      let answers = generated.answers;
      let minutes = visit.minutes;
      let lat = (info.row.centroid_lat ?? 15) + visit.dLat;
      let lon = (info.row.centroid_lon ?? -23.5) + visit.dLon;
      const complete = plan.result === 11;
      if (planted && complete && enumerator === 'enumerator1') {
        if (!summary.problems.short) {
          minutes = 4;
          summary.problems.short = a.id;
        } else if (!summary.problems.farGps) {
          lat += 0.45;
          lon -= 0.3;
          summary.problems.farGps = a.id;
        } else if (!summary.problems.nearDuplicate && previous) {
          answers = { ...previous, ...a.preload };
          summary.problems.nearDuplicate = a.id;
        }
      }
      if (complete) previous = answers;
      const start = FIELDWORK_START + (info.day + Math.floor(k / 3)) * DAY + visit.hour * 3_600_000;
      const end = start + minutes * 60_000;
      // time per page in proportion to its expected work (roster size, individual modules), +-25%
      const rows = (answers.members as Array<Record<string, unknown>> | undefined) ?? [];
      const ind = rows.filter((m) => m.z01_respondent === 1 || m.z01_respondent === 2).length;
      const selfInd = rows.filter((m) => m.z01_respondent === 1).length;
      const work: Record<string, number> = rows.length
        ? {
            a_cover: 2,
            b_screener: 2,
            c_roster: 3 * rows.length,
            h_housing: 3,
            p_respondent: 1,
            d_migration: 3 * ind,
            e_legal: 2 * ind,
            f_education: 3 * ind,
            g_work: 3 * ind,
            i_health: 2 * selfInd,
            j_remittances: 2 * selfInd,
            k_discrimination: 2 * selfInd,
            l_integration: 2 * selfInd,
            m_intentions: selfInd,
            z_closing: 1,
          }
        : { a_cover: 2, b_screener: 1, z_closing: 1 };
      const pages = PAGES.filter((p) => (work[p] ?? 0) > 0);
      const draws = visit.pageDraws;
      const pageMs = pages.map((p) => work[p] * (0.75 + 0.5 * draws[PAGES.indexOf(p)]));
      const pageTotal = pageMs.reduce((s, v) => s + v, 0);
      const envelope = {
        interviewId: visit.interviewId,
        revision: 1,
        questionnaireId: a.questionnaireId,
        questionnaireVersion: a.questionnaireVersion,
        assignmentId: a.id,
        answers:
          complete || plan.result === 12
            ? { ...answers, a06b_gps: `${lat.toFixed(6)},${lon.toFixed(6)}` }
            : answers,
        paradata: {
          deviceId: `tablet-${enumerator.replace('enumerator', '')}`,
          startedAt: new Date(start).toISOString(),
          endedAt: new Date(end).toISOString(),
          pageTimesMs: Object.fromEntries(
            pages.map((p, i) => [p, Math.round((pageMs[i] / pageTotal) * minutes * 60_000)]),
          ),
          questionTimesMs: {},
          languageSwitches: [],
          visits: Array.from({ length: plan.visit }, (_, v) => ({
            start: new Date(start - (plan.visit - 1 - v) * DAY).toISOString(),
            end: new Date(
              v === plan.visit - 1 ? end : start - (plan.visit - 1 - v) * DAY + 300_000,
            ).toISOString(),
          })),
          gps: {
            status: 'ok',
            latitude: lat,
            longitude: lon,
            accuracyM: visit.accuracyM,
            at: new Date(start).toISOString(),
          },
        },
        // the result the answers record: v3 turns a planned 11 with no eligible person interviewed into 12
        outcome: generated.result,
        locale: generated.locale,
        startedAt: new Date(start).toISOString(),
        completedAt: new Date(end).toISOString(),
        deviceId: `tablet-${enumerator.replace('enumerator', '')}`,
      };
      const put = await api.request('PUT', `/api/interviews/${envelope.interviewId}`, envelope, token);
      if (put.status !== 201 && put.status !== 200) {
        summary.failures.push(`PUT ${a.id}: HTTP ${put.status} ${JSON.stringify(put.body).slice(0, 200)}`);
        continue;
      }
      summary.interviews++;
      summary.outcomes[generated.result] = (summary.outcomes[generated.result] ?? 0) + 1;
      const members = envelope.answers.members;
      const row = Array.isArray(members)
        ? members.findIndex((m) => typeof (m as { g14_income?: unknown }).g14_income === 'number')
        : -1;
      if (row >= 0) incomeRow.set(envelope.interviewId, row);
      submitted.push({
        id: envelope.interviewId,
        team: teamOfEnumerator.get(enumerator) as string,
        // the planned result, as before v3: the supervisors' decisions (and the weights baseline) stay
        outcome: plan.result,
        decision: null,
      });
    }
  };
  // Enumerators work in parallel, each with its own seeded generator: the result does not depend on timing.
  const everyone = DEMO_TEAMS.flatMap((t) => Object.values(t.enumerators).flat());
  let next = 0;
  await Promise.all(
    Array.from({ length: options.parallel ?? 6 }, async () => {
      while (next < everyone.length) await playEnumerator(everyone[next++]);
    }),
  );
  submitted.sort((a, b) => a.id.localeCompare(b.id));
  log(`${summary.interviews} interviews received`);
  // 3. The supervisors' decisions, drawn now; they are applied once the interviews are validated.
  for (const x of submitted) {
    const u = r();
    x.decision =
      x.outcome >= 14 || u >= 0.97
        ? null
        : u < 0.03 && x.outcome === 11
          ? {
              action: 'return',
              revision: 1,
              comments: [returnComment(x.id)],
            }
          : { action: 'approve', revision: 1, comments: [] };
    if (!x.decision) summary.unreviewed++;
  }
  summary.pending = submitted.filter((x) => x.decision);
  return summary;

  /**
   * A returned interview's comment, at a path the server accepts and the tablet shows: the income of the
   * first person with one (that row of the work module's roster), else the number of residents. One draw
   * either way, so the decisions after it stay as they were.
   */
  function returnComment(id: string) {
    const row = incomeRow.get(id);
    return row === undefined
      ? {
          question: 'b01_residents',
          text: pick(r, [
            'Confirme o número de residentes.',
            'Residentes diferentes da listagem: verifique.',
          ]),
        }
      : {
          question: `members_g[${row}].g14_income`,
          text: pick(r, [
            'Confirme o rendimento: parece muito alto.',
            'Rendimento em falta: volte a perguntar.',
          ]),
        };
  }
}
