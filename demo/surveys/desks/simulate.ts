/**
 * The desks survey's demo data, pure and seeded: what the demo's seeding inserts and sends for the
 * second survey. Clusters = the desks (certainty, pi1 = 1, each its own stratum), in the shape of the
 * clusters table (today `enumeration_areas`); units = the sampled visits with their pi2, in the shape
 * of the units table (today `households`: `dwelling` holds the week and `household` the visitor's
 * number in the week's exit count, the profile's `period` and `position`); one assignment per visit to
 * the enumerator stationed at the desk; one interview envelope per visit for PUT /api/interviews/:id,
 * with a few planted problems for the validation and the supervisors. The coordinator plugs this into
 * the demo's seeding (demo/); nothing here touches a database or the network.
 */
import { seededUniform, seedFrom } from '../../../analysis/sampling/rng.ts';
import type { InterviewEnvelope } from '../../../server/contract/interview.ts';
import type { SurveyProfile } from '../../../server/contract/survey-profile.ts';
import type { enumerationAreas, households } from '../../../server/db/schema.ts';
import { seededUuid } from '../seeded-uuid.ts';
import { planVisit, visitAnswers } from './answers.ts';
import type { DeskRow, DesksInput } from './frame.ts';
import { type DeskWeek, type SampledVisit, selectDesksSample } from './sample.ts';
import { postOf } from './staff.ts';

export const DESKS_SEED = 20261005;

export interface DesksAssignment {
  id: string;
  householdId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  /** The enumerator's username (the seeding maps it to the user id). */
  enumerator: string;
  teamId: string;
}

export interface DesksSimulation {
  clusters: Array<typeof enumerationAreas.$inferInsert>;
  units: Array<typeof households.$inferInsert>;
  deskWeeks: DeskWeek[];
  assignments: DesksAssignment[];
  envelopes: InterviewEnvelope[];
  /** Interview ids of the planted problems. */
  problems: { outOfRange?: string; hiddenAnswer?: string; wrongResult?: string; short?: string };
  outcomes: Record<number, number>;
}

export interface DesksOptions {
  seed?: number;
  /** Plant the deliberate problems (default true). */
  problems?: boolean;
}

const DAY = 86_400_000;

/** The profile's preloaded items of one visit: `cluster` = desk, `period` = week, `position` = visitor number. */
export function preloadOf(
  profile: SurveyProfile,
  desk: DeskRow,
  visit: SampledVisit,
): Record<string, string | number> {
  const source: Record<string, string | number> = {
    islandCode: desk.islandCode,
    island: desk.island,
    municipality: desk.municipalityIso,
    cluster: desk.code,
    period: visit.week,
    position: visit.position,
  };
  const out: Record<string, string | number> = {};
  for (const p of profile.preload) {
    if (!(p.from in source)) throw new Error(`preload ${p.item}: a visit sample has no '${p.from}'`);
    out[p.item] = source[p.from];
  }
  return out;
}

const PAGES = ['a_cover', 's_screening', 'q_visit', 'r_satisfaction', 'd_visitor', 'z_closing'];

export function simulateDesks(input: DesksInput, options: DesksOptions = {}): DesksSimulation {
  const seed = options.seed ?? DESKS_SEED;
  const planted = options.problems ?? true;
  const { profile } = input;
  const questionnaireId = `${profile.id}-${profile.questionnaires.interview}`;
  const sample = selectDesksSample(input.desks, seed);
  const byCode = new Map(input.desks.map((d) => [d.code, d]));
  const clusters = input.desks.map((d) => ({
    code: d.code,
    stratum: d.code,
    island: d.island,
    municipality: d.municipalityIso,
    urbanRural: null,
    measureOfSize: d.total,
    pi1: 1,
    certainty: true,
    centroidLat: d.lat,
    centroidLon: d.lon,
    teamId: postOf(d.code).teamId,
  }));
  const units = sample.visits.map((v) => ({
    id: v.id,
    eaCode: v.desk,
    dwelling: v.week,
    household: v.position,
    pi2: v.pi2,
    eligibleLine: v.position,
    hhClass: null,
  }));
  const assignments: DesksAssignment[] = sample.visits.map((v) => ({
    id: `a-${v.id}`,
    householdId: v.id,
    questionnaireId,
    questionnaireVersion: 1,
    enumerator: postOf(v.desk).enumerator,
    teamId: postOf(v.desk).teamId,
  }));
  const tallied = new Map(sample.deskWeeks.map((w) => [`${w.desk}-${w.week}`, w.tallied]));
  const monday = Date.parse(`${input.fieldworkStart}T00:00:00Z`);
  const problems: DesksSimulation['problems'] = {};
  const outcomes: Record<number, number> = {};
  const envelopes = sample.visits.map((v, i): InterviewEnvelope => {
    const desk = byCode.get(v.desk) as DeskRow;
    const r = seededUniform(seedFrom(v.id, seed));
    const plan = planVisit(r, desk);
    const answers = visitAnswers(r, desk, plan, preloadOf(profile, desk, v));
    // the visitor's time of leaving: spread over the week's five working days, 08:30 to 15:30 (UTC = local + 1)
    const share = (v.position - 0.5) / (tallied.get(`${v.desk}-${v.week}`) ?? v.position);
    const day = Math.min(4, Math.floor(share * 5));
    const start = monday + ((v.week - 1) * 7 + day) * DAY + (9.5 + (share * 5 - day) * 7) * 3_600_000;
    let seconds = plan.result === 11 ? 240 + 180 * r() : plan.result === 12 ? 150 + 60 * r() : 20 + 40 * r();
    const complete = plan.result === 11;
    if (planted && complete && i % 7 === 3) {
      if (!problems.outOfRange && answers.q04_wait_minutes !== -98) {
        answers.q04_wait_minutes = 900;
        problems.outOfRange = v.id;
      } else if (!problems.hiddenAnswer && answers.q06_interp_needed === 2) {
        answers.q07_interp_provided = 1;
        problems.hiddenAnswer = v.id;
      } else if (!problems.wrongResult) {
        answers.z01_result = 17;
        problems.wrongResult = v.id;
      } else if (!problems.short) {
        seconds = 35;
        problems.short = v.id;
      }
    }
    const outcome = Number(answers.z01_result);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const end = start + seconds * 1000;
    const visited = PAGES.filter((p) =>
      p === 'a_cover' || p === 'z_closing'
        ? true
        : p === 's_screening'
          ? answers.a05_consent === 1
          : p === 'q_visit'
            ? answers.q01_purpose !== undefined
            : p === 'r_satisfaction'
              ? answers.r01_sat_overall !== undefined
              : answers.d01_nationality !== undefined,
    );
    const draws = PAGES.map(() => 0.75 + 0.5 * r());
    const total = visited.reduce((s, p) => s + draws[PAGES.indexOf(p)], 0);
    const device = `tablet-${postOf(v.desk).enumerator.replace('enumerator', '')}`;
    const envelope: InterviewEnvelope = {
      interviewId: seededUuid(r),
      revision: 1,
      questionnaireId,
      questionnaireVersion: 1,
      assignmentId: `a-${v.id}`,
      answers,
      paradata: {
        deviceId: device,
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(end).toISOString(),
        pageTimesMs: Object.fromEntries(
          visited.map((p) => [p, Math.round((draws[PAGES.indexOf(p)] / total) * seconds * 1000)]),
        ),
        questionTimesMs: {},
        languageSwitches: [],
        visits: [{ start: new Date(start).toISOString(), end: new Date(end).toISOString() }],
        gps: {
          status: 'ok',
          latitude: desk.lat + (r() - 0.5) * 0.0004,
          longitude: desk.lon + (r() - 0.5) * 0.0004,
          accuracyM: Math.round(5 + r() * 15),
          at: new Date(start).toISOString(),
        },
      },
      outcome: outcome as InterviewEnvelope['outcome'],
      locale: plan.locale,
      startedAt: new Date(start).toISOString(),
      completedAt: new Date(end).toISOString(),
      deviceId: device,
    };
    if (problems.wrongResult === v.id) envelope.outcome = 17 as InterviewEnvelope['outcome'];
    return envelope;
  });
  return { clusters, units, deskWeeks: sample.deskWeeks, assignments, envelopes, problems, outcomes };
}
