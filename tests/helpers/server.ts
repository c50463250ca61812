/**
 * A fresh Morabeza per test: a temporary libSQL file with the migrations applied, the test
 * questionnaires published, two teams with a supervisor and enumerators each, a coordinator, an admin
 * and an analyst, and an assignment for each enumerator. Requests go through app.request(): no port.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import type { AppSettings } from '../../server/context.ts';
import type { InterviewEnvelope } from '../../server/contract/interview.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { assignments, enumerationAreas, households, type Role, teams } from '../../server/db/schema.ts';
import { createUser } from '../../server/domain/accounts.ts';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import { createLoginThrottle } from '../../server/domain/login-throttle.ts';
import { hashPassword } from '../../server/domain/passwords.ts';
import { findQuestionnaireFiles } from '../../server/domain/questionnaire-files.ts';
import { publishVersion } from '../../server/domain/questionnaires.ts';
import { loadSurveys, type SurveyRegistry } from '../../server/domain/surveys.ts';
import { createWeightingRuns } from '../../server/domain/weighting/runs.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { validationJob } from '../../server/jobs/validate-answers.ts';
import { createValidationThread } from '../../server/jobs/validation-thread.ts';
import { weighInWorker } from '../../server/jobs/weighting-thread.ts';
import { createLogger, type Logger } from '../../server/log.ts';
import { freshTestDatabase } from './database.ts';

export const TEST_QUESTIONNAIRES = fileURLToPath(
  new URL('../fixtures/server/questionnaires', import.meta.url),
);
export const PASSWORD = 'correct horse battery staple';

export const PEOPLE: Record<string, { role: Role; team: string | null }> = {
  admin: { role: 'admin', team: null },
  coord: { role: 'coordinator', team: null },
  analyst: { role: 'analyst', team: null },
  sup_a: { role: 'supervisor', team: 'team-a' },
  enum_a1: { role: 'enumerator', team: 'team-a' },
  enum_a2: { role: 'enumerator', team: 'team-a' },
  sup_b: { role: 'supervisor', team: 'team-b' },
  enum_b1: { role: 'enumerator', team: 'team-b' },
};
export type Person = keyof typeof PEOPLE;

let sharedHash: string | undefined;

export interface TestContext {
  database: Database;
  /** The database's URL and token, for a command run in another process against it. */
  databaseUrl: string;
  databaseAuthToken?: string;
  app: ReturnType<typeof createApp>;
  userIds: Record<string, string>;
  /** The assignment id of each enumerator ("A-enum_a1", ...). */
  assignmentOf: (person: Person) => string;
  /** The enumerator's next assignment for a new interview (see `assignmentsPerEnumerator`). */
  nextAssignment: (person: Person) => string;
  token: (person: Person) => Promise<string>;
  request: (
    method: string,
    path: string,
    options?: { as?: Person; body?: unknown; raw?: string; token?: string },
  ) => Promise<Response>;
  jobs: ReturnType<typeof createJobRunner>;
  close: () => Promise<void>;
}

/** The surveys of several folders in one registry (the test survey and, e.g., a stand-in with a listing). */
export function surveysFrom(...dirs: string[]): SurveyRegistry {
  const all = new Map<string, SurveyRegistry>();
  for (const dir of dirs) {
    const one = loadSurveys(dir);
    for (const p of one.list()) all.set(p.id, one);
  }
  const of = (id: string) => all.get(id) ?? loadSurveys(dirs[0]);
  return {
    dir: dirs[0],
    list: () => [...all.entries()].flatMap(([id, r]) => r.get(id) ?? []),
    get: (id) => all.get(id)?.get(id),
    require: (id) => of(id).require(id),
    ofQuestionnaire: (q) => all.get(q.split('-')[0])?.ofQuestionnaire(q),
    geography: (id) => of(id).geography(id),
    interfaceStrings: (id) => of(id).interfaceStrings(id),
    dataKey: (id, name) => of(id).dataKey(id, name),
    officeCoding: (id) => of(id).officeCoding(id),
  };
}

export async function createTestContext(
  settings: Partial<AppSettings> = {},
  options: {
    surveyDirs?: string[];
    /**
     * Assignments (households) per enumerator, for tests that upload several interviews: an assignment
     * takes one live interview, so envelope() hands out the next one each time (and the last again).
     */
    assignmentsPerEnumerator?: number;
    /** The database's busy timeout (tests of a lock held by another process). */
    busyTimeoutMs?: number;
    /** The app's JSON log (default: none, or stderr with TEST_LOG set). */
    logger?: Logger;
  } = {},
): Promise<TestContext> {
  const testDb = await freshTestDatabase();
  const database = await openDatabase({
    url: testDb.url,
    authToken: testDb.authToken,
    busyTimeoutMs: options.busyTimeoutMs,
  });
  await migrateDatabase(database.db);
  const surveyDirs = [TEST_QUESTIONNAIRES, ...(options.surveyDirs ?? [])];
  for (const dir of surveyDirs)
    for (const file of findQuestionnaireFiles(dir)) await publishVersion(database.db, file);
  await database.db.insert(teams).values([
    { id: 'team-a', name: 'A' },
    { id: 'team-b', name: 'B' },
  ]);
  const userIds: Record<string, string> = {};
  sharedHash ??= await hashPassword(PASSWORD);
  const passwordHash = sharedHash;
  for (const [username, p] of Object.entries(PEOPLE)) {
    userIds[username] = await createUser(database.db, {
      username,
      displayName: username,
      role: p.role,
      teamId: p.team,
      password: PASSWORD,
      passwordHash,
    });
  }
  await database.db.insert(enumerationAreas).values([
    {
      code: 'CV-PR-0001',
      stratum: 'PR',
      island: 'Santiago',
      municipality: 'CV-PR',
      teamId: 'team-a',
      pi1: 0.2,
    },
    { code: 'CV-SL-0001', stratum: 'SL', island: 'Sal', municipality: 'CV-SL', teamId: 'team-b', pi1: 1 },
  ]);
  const perEnumerator = Math.max(1, options.assignmentsPerEnumerator ?? 1);
  const pool: Record<string, string[]> = {};
  for (const person of ['enum_a1', 'enum_a2', 'enum_b1'] as const) {
    const ea = person === 'enum_b1' ? 'CV-SL-0001' : 'CV-PR-0001';
    pool[person] = [];
    for (let k = 0; k < perEnumerator; k++) {
      const dwelling = (person === 'enum_a2' ? 2 : 1) + 100 * k;
      const householdId = `${ea}-${dwelling}`;
      const id = k === 0 ? `A-${person}` : `A-${person}-${k + 1}`;
      await database.db
        .insert(households)
        .values({ id: householdId, eaCode: ea, dwelling, household: 1, pi2: 0.5 });
      await database.db.insert(assignments).values({
        id,
        householdId,
        questionnaireId: 'test-household',
        questionnaireVersion: 1,
        enumeratorId: userIds[person],
      });
      pool[person].push(id);
    }
  }
  const used: Record<string, number> = {};
  const validation = createValidationThread();
  const jobs = createJobRunner(database, { [VALIDATION_JOB]: validationJob(database, validation) });
  // created only by a weighting run (most test contexts never weight)
  const weightsDir = join(tmpdir(), `morabeza-weights-${randomUUID()}`);
  const app = createApp({
    database,
    surveys: surveysFrom(...surveyDirs),
    weighting: createWeightingRuns(database, { outDir: weightsDir, source: 'test', weigh: weighInWorker }),
    settings: {
      sessionTtlMs: 3_600_000,
      bodyLimitBytes: 256 * 1024,
      reassignedListMs: 30 * 86_400_000,
      mode: 'demo',
      ...settings,
    },
    throttle: createLoginThrottle(database),
    kickJobs: () => {},
    logger: options.logger ?? (process.env.TEST_LOG ? createLogger('info') : undefined),
  });
  const tokens = new Map<string, string>();
  const token = async (person: Person) => {
    const cached = tokens.get(person);
    if (cached) return cached;
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: person, password: PASSWORD }),
    });
    const body = (await res.json()) as { token: string };
    tokens.set(person, body.token);
    return body.token;
  };
  const request: TestContext['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    const bearer = options.token ?? (options.as ? await token(options.as) : undefined);
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    return app.request(path, { method, headers, body });
  };
  return {
    databaseUrl: testDb.url,
    databaseAuthToken: testDb.authToken,
    database,
    app,
    userIds,
    assignmentOf: (person) => `A-${person}`,
    nextAssignment: (person) => {
      const list = pool[person] ?? [`A-${person}`];
      const i = used[person] ?? 0;
      used[person] = i + 1;
      return list[Math.min(i, list.length - 1)];
    },
    token,
    request,
    jobs,
    close: async () => {
      await jobs.stop();
      await validation.close();
      database.close();
      await testDb.dispose();
    },
  };
}

/** A well-formed envelope for an enumerator's assignment; override any field. */
export function envelope(
  ctx: TestContext,
  person: Person,
  overrides: Partial<InterviewEnvelope> = {},
): InterviewEnvelope {
  return {
    interviewId: randomUUID(),
    revision: 1,
    questionnaireId: 'test-household',
    questionnaireVersion: 1,
    assignmentId: overrides.assignmentId ?? ctx.nextAssignment(person),
    answers: { a04_ea: 'CV-PR-0001', b01_consent: 1, b03_size: 3 },
    paradata: { device: 'tablet-07', pages: [{ name: 'cover', ms: 41_000 }] },
    outcome: 11,
    locale: 'pt',
    startedAt: '2026-09-03T09:12:00.000-01:00',
    completedAt: '2026-09-03T09:51:30.000-01:00',
    deviceId: 'tablet-07',
    ...overrides,
  };
}
