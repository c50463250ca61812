/**
 * Seeds the demo on an empty database (demo/start.ts calls it from the engine's onEmptyDatabase hook):
 * accounts for every role (password MORABEZA_DEMO_PASSWORD, default "demo"): admin, coordinator,
 * analyst, and each demo survey's supervisors and enumerators in their teams; then each survey in
 * demo/surveys/ lays out its sample, listings and assignments. With { fieldwork: true } the simulator also
 * plays the enumerators through the API in-process, and the supervisors apply their decisions as the
 * validation jobs validate the interviews (demo/supervisors.ts); `npm run simulate` plays the fieldwork
 * on an existing demo database instead. Synthetic data, not official statistics.
 */
import { createApp } from '../server/app.ts';
import type { Database } from '../server/db/client.ts';
import { type Role, teams } from '../server/db/schema.ts';
import { createUser } from '../server/domain/accounts.ts';
import { audit } from '../server/domain/audit.ts';
import { unthrottled } from '../server/domain/login-throttle.ts';
import { hashPassword } from '../server/domain/passwords.ts';
import { demoApi } from './api.ts';
import { emptySummary, loadDemoReviews, saveDemoReviews, startDemoSupervisors } from './supervisors.ts';
import { DEMO_SURVEYS } from './surveys/index.ts';
import type { DemoTeam, PendingReview } from './surveys/types.ts';

export interface DemoAccount {
  username: string;
  role: Role;
}

/** The accounts the start page suggests (every demo account exists, with the same password). */
const FEATURED = [
  'admin',
  'coordinator',
  'analyst',
  'supervisor1',
  'supervisor2',
  'enumerator1',
  'enumerator2',
  'enumerator3',
];

/** The supervisors applying their decisions after the last seed (tests wait on `done` or call `stop`). */
export let lastDemoSupervisors: ReturnType<typeof startDemoSupervisors> | null = null;

/** Every demo survey's teams, each team once (surveys may share a team). */
function demoTeams(): DemoTeam[] {
  const byId = new Map<string, DemoTeam>();
  for (const s of DEMO_SURVEYS) for (const t of s.teams) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()];
}

/** The demo's field staff, as the start-up message tells it. */
export const DEMO_STAFF = {
  teams: demoTeams().length,
  supervisors: demoTeams().reduce((n, t) => n + t.supervisors.length, 0),
  enumerators: demoTeams().reduce((n, t) => n + Object.values(t.enumerators).flat().length, 0),
};

export interface SeedOptions {
  /**
   * Also run the fieldwork simulator in-process (interviews, then the supervisors' decisions as the
   * interviews are validated). Default false: the sample, listings and assignments only, which keeps
   * start-up fast for tests; `npm run simulate` plays the fieldwork into an existing demo database.
   */
  fieldwork?: boolean;
  /** Only the first n selected EAs get a listing and fieldwork (tests). */
  maxEas?: number;
  log?: (line: string) => void;
}

/** The engine's API in-process, as the simulated staff use it (no port, no network). */
function inProcessApi(database: Database) {
  const app = createApp({
    database,
    settings: {
      sessionTtlMs: 3_600_000,
      bodyLimitBytes: 10_000_000,
      reassignedListMs: 30 * 86_400_000,
      mode: 'demo',
    },
    throttle: unthrottled,
    kickJobs: () => {},
  });
  return demoApi(app);
}

export async function seedDemo(
  database: Database,
  password: string,
  options: SeedOptions = {},
): Promise<DemoAccount[]> {
  const { db } = database;
  const staff = demoTeams();
  for (const team of staff) await db.insert(teams).values({ id: team.id, name: team.name });
  const accounts: Array<DemoAccount & { displayName: string; teamId: string | null }> = [
    { username: 'admin', role: 'admin', displayName: 'Administrador', teamId: null },
    { username: 'coordinator', role: 'coordinator', displayName: 'Coordenação nacional', teamId: null },
    { username: 'analyst', role: 'analyst', displayName: 'Observatório das Migrações', teamId: null },
  ];
  for (const team of staff) {
    for (const s of team.supervisors)
      accounts.push({
        username: s,
        role: 'supervisor',
        displayName: `Supervisor ${s.replace('supervisor', '')} (${team.name})`,
        teamId: team.id,
      });
    for (const [stratum, list] of Object.entries(team.enumerators))
      for (const e of list)
        accounts.push({
          username: e,
          role: 'enumerator',
          displayName: `Inquiridor ${e.replace('enumerator', '')} (${stratum})`,
          teamId: team.id,
        });
  }
  const passwordHash = await hashPassword(password);
  const ids = new Map<string, string>();
  for (const a of accounts)
    ids.set(a.username, await createUser(db, { ...a, password, passwordHash, isDemo: true }));
  await database.write((tx) =>
    audit(tx, {
      actorId: null,
      action: 'demo.seeded',
      entityType: 'database',
      details: { accounts: accounts.length, surveys: DEMO_SURVEYS.map((s) => s.survey) },
    }),
  );

  const coordinator = {
    id: ids.get('coordinator') as string,
    username: 'coordinator',
    displayName: 'Coordenação nacional',
    role: 'coordinator' as const,
    teamId: null,
  };
  const api = inProcessApi(database);
  const pending: PendingReview[] = [];
  for (const survey of DEMO_SURVEYS)
    pending.push(
      ...(await survey.seed({
        database,
        api,
        password,
        coordinator,
        fieldwork: options.fieldwork ?? false,
        maxEas: options.maxEas,
        log: options.log,
      })),
    );
  if (options.fieldwork) {
    await saveDemoReviews(database, pending);
    lastDemoSupervisors = startDemoSupervisors(database, api, pending, password, emptySummary());
  }
  return accounts
    .filter((a) => FEATURED.includes(a.username))
    .map(({ username, role }) => ({ username, role }));
}

/**
 * A demo database restarted before its supervisors had decided every interview: they go on with the
 * decisions still stored (the validation jobs resume on their own). Null when none is left.
 */
export async function resumeDemoSupervisors(
  database: Database,
  password: string,
  log?: (line: string) => void,
): Promise<ReturnType<typeof startDemoSupervisors> | null> {
  const pending = await loadDemoReviews(database);
  if (!pending.length) return null;
  log?.(`the demo supervisors resume: ${pending.length} decisions left`);
  lastDemoSupervisors = startDemoSupervisors(
    database,
    inProcessApi(database),
    pending,
    password,
    emptySummary(),
  );
  return lastDemoSupervisors;
}
