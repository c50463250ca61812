/**
 * The desks survey in the demo: the 18 service desks as certainty clusters, the visits sampled from
 * each desk-week's exit count as units with their pi2, one assignment per visit to the enumerator
 * stationed at the desk (demo/surveys/desks/staff.ts: accounts of the demo's existing teams), and, with
 * fieldwork, the simulated interviews sent through the engine's API by those enumerators. The
 * supervisors' decisions are drawn here and applied by demo/supervisors.ts once the validation jobs have
 * validated the interviews: complete and partial interviews approved, the planted problems returned with
 * a comment on the question at fault. Synthetic data, not official statistics.
 */
import { eq, inArray } from 'drizzle-orm';
import { seededUniform } from '../../../analysis/sampling/rng.ts';
import {
  assignments,
  enumerationAreas,
  households,
  questionnaireVersions,
  users,
} from '../../../server/db/schema.ts';
import { audit } from '../../../server/domain/audit.ts';
import { DEMO_TEAMS } from '../ipei/staff.ts';
import type { Api, DemoSurvey, PendingReview } from '../types.ts';
import { loadDesks } from './frame.ts';
import { DESKS_SEED, type DesksSimulation, simulateDesks } from './simulate.ts';
import { DESK_STAFF } from './staff.ts';

const CHUNK = 200;

/** The teams whose enumerators are stationed at a desk (the demo's existing teams). */
const deskTeams = new Set(Object.values(DESK_STAFF).map((p) => p.teamId));

async function login(api: Api, username: string, password: string): Promise<string> {
  const res = await api.request('POST', '/api/auth/login', { username, password });
  if (res.status !== 200)
    throw new Error(`login ${username}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

/** What the supervisor does with a visit's interview once it is validated (null: left unreviewed). */
function decisionFor(
  sim: DesksSimulation,
  id: string,
  outcome: number,
  u: number,
): PendingReview['decision'] {
  const planted: Record<string, { question: string; text: string }> = {};
  if (sim.problems.outOfRange)
    planted[sim.problems.outOfRange] = {
      question: 'q04_wait_minutes',
      text: 'Espera de 900 minutos? Confirme.',
    };
  if (sim.problems.hiddenAnswer)
    planted[sim.problems.hiddenAnswer] = {
      question: 'q07_interp_provided',
      text: 'Intérprete registado sem necessidade: corrija.',
    };
  if (sim.problems.wrongResult)
    planted[sim.problems.wrongResult] = {
      question: 'z01_result',
      text: 'Entrevista completa marcada como não elegível: corrija o resultado.',
    };
  const fault = planted[id];
  if (fault) return { action: 'return', revision: 1, comments: [fault] };
  if (outcome !== 11 && outcome !== 12) return null;
  return u < 0.98 ? { action: 'approve', revision: 1, comments: [] } : null;
}

/**
 * The enumerators send their visits' interviews through the API, as their tablets would; returns the
 * supervisors' decisions to apply once the interviews are validated.
 */
export async function playDesksFieldwork(
  api: Api,
  sim: DesksSimulation,
  password: string,
  log?: (line: string) => void,
): Promise<PendingReview[]> {
  const tokens = new Map<string, string>();
  const pending: PendingReview[] = [];
  const r = seededUniform(DESKS_SEED);
  const failures: string[] = [];
  for (const [i, envelope] of sim.envelopes.entries()) {
    const a = sim.assignments[i];
    if (!tokens.has(a.enumerator)) tokens.set(a.enumerator, await login(api, a.enumerator, password));
    const put = await api.request(
      'PUT',
      `/api/interviews/${envelope.interviewId}`,
      envelope,
      tokens.get(a.enumerator),
    );
    if (put.status !== 201 && put.status !== 200) {
      failures.push(`PUT ${a.id}: HTTP ${put.status} ${JSON.stringify(put.body).slice(0, 200)}`);
      continue;
    }
    const decision = decisionFor(sim, a.householdId, envelope.outcome, r());
    if (decision)
      pending.push({ id: envelope.interviewId, team: a.teamId, outcome: envelope.outcome, decision });
  }
  if (failures.length) log?.(`desks: ${failures.length} interviews refused, first: ${failures[0]}`);
  log?.(`desks: ${sim.envelopes.length - failures.length} interviews received`);
  return pending;
}

export const desksDemo: DemoSurvey = {
  survey: 'desks',
  teams: DEMO_TEAMS.filter((t) => deskTeams.has(t.id)),
  async seed({ database, api, password, fieldwork, log }) {
    const sim = simulateDesks(loadDesks());
    const questionnaireId = sim.assignments[0]?.questionnaireId;
    const exit = questionnaireId
      ? await database.db.query.questionnaireVersions.findFirst({
          where: eq(questionnaireVersions.questionnaireId, questionnaireId),
        })
      : undefined;
    if (!exit) return [];
    const usernames = [...new Set(sim.assignments.map((a) => a.enumerator))];
    const people = await database.db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, usernames));
    const idOf = new Map(people.map((p) => [p.username, p.id]));
    await database.write(async (tx) => {
      await tx.insert(enumerationAreas).values(sim.clusters);
      for (let k = 0; k < sim.units.length; k += CHUNK)
        await tx.insert(households).values(sim.units.slice(k, k + CHUNK));
      for (let k = 0; k < sim.assignments.length; k += CHUNK)
        await tx.insert(assignments).values(
          sim.assignments.slice(k, k + CHUNK).map((a) => {
            const enumeratorId = idOf.get(a.enumerator);
            if (!enumeratorId) throw new Error(`desks demo: no account ${a.enumerator}`);
            return {
              id: a.id,
              householdId: a.householdId,
              questionnaireId: a.questionnaireId,
              questionnaireVersion: a.questionnaireVersion,
              enumeratorId,
            };
          }),
        );
      await audit(tx, {
        actorId: null,
        action: 'demo.sample-seeded',
        entityType: 'survey',
        entityId: 'desks',
        details: { desks: sim.clusters.length, visits: sim.units.length },
      });
    });
    log?.(`desks: ${sim.clusters.length} desks, ${sim.units.length} visits sampled`);
    if (!fieldwork) return [];

    return playDesksFieldwork(api, sim, password, log);
  },
};
