/**
 * Seeds the demo on an empty database (demo mode only): the IPEI-DEMO fieldwork of ipei.md 5.4-5.6.
 * Accounts for every role (password MORABEZA_DEMO_PASSWORD, default "demo"): admin, coordinator,
 * analyst, 7 supervisors and 36 enumerators in six teams; the 814-EA frame with the 120 EAs drawn by
 * systematic PPS (analysis/sampling); each EA's synthetic listing (server/seed/simulate/listing.ts) and its
 * selected households as assignments. With { fieldwork: true } the simulator also plays the enumerators
 * and supervisors through the API in-process (about 15 s); `npm run simulate` does the same on an existing
 * demo database. Synthetic data, not official statistics.
 */
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import {
  parseFrameCsv,
  type SamplingDesign,
  type FrameRow as SamplingFrameRow,
  selectSample,
} from '../../analysis/sampling/index.ts';
import { createApp } from '../app.ts';
import { type ListingSubmission, listingSubmissionSchema } from '../contract/listing.ts';
import type { Database } from '../db/client.ts';
import { enumerationAreas, questionnaireVersions, type Role, teams, users } from '../db/schema.ts';
import { createUser } from '../domain/accounts.ts';
import { audit } from '../domain/audit.ts';
import { recordListing } from '../domain/listing.ts';
import { createLoginThrottle } from '../domain/login-throttle.ts';
import { hashPassword } from '../domain/passwords.ts';
import { demoApi } from './demo-api.ts';
import { emptySummary, loadDemoReviews, saveDemoReviews, startDemoSupervisors } from './demo-supervisors.ts';
import { simulateFieldwork } from './simulate/fieldwork.ts';
import type { FrameRow } from './simulate/frame-row.ts';
import { DEMO_TEAMS, teamOfStratum } from './simulate/staff.ts';

export const DEMO_QUESTIONNAIRE = 'ipei-household';
export const DEMO_SEED = 20221215;
const IPEI_DIR = new URL('../../questionnaires/ipei/', import.meta.url);

export interface DemoAccount {
  username: string;
  role: Role;
}

/** The accounts the start page suggests (all 46 demo accounts exist, with the same password). */
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

/** The demo's field staff, as the start-up message tells it. */
export const DEMO_STAFF = {
  teams: DEMO_TEAMS.length,
  supervisors: DEMO_TEAMS.reduce((n, t) => n + t.supervisors.length, 0),
  enumerators: DEMO_TEAMS.reduce((n, t) => n + Object.values(t.enumerators).flat().length, 0),
};

export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.db.select({ n: sql<number>`count(*)` }).from(users);
  return (rows[0]?.n ?? 0) === 0;
}

export function loadIpeiFrame(): { rows: FrameRow[]; design: SamplingDesign } {
  return {
    rows: parseFrameCsv(readFileSync(new URL('frame.csv', IPEI_DIR), 'utf8')) as unknown as FrameRow[],
    design: JSON.parse(readFileSync(new URL('design.json', IPEI_DIR), 'utf8')),
  };
}

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

export async function seedDemo(
  database: Database,
  password: string,
  options: SeedOptions = {},
): Promise<DemoAccount[]> {
  const { db } = database;
  for (const team of DEMO_TEAMS) await db.insert(teams).values({ id: team.id, name: team.name });
  const accounts: Array<DemoAccount & { displayName: string; teamId: string | null }> = [
    { username: 'admin', role: 'admin', displayName: 'Administrador', teamId: null },
    { username: 'coordinator', role: 'coordinator', displayName: 'Coordenação nacional', teamId: null },
    { username: 'analyst', role: 'analyst', displayName: 'Observatório das Migrações', teamId: null },
  ];
  for (const team of DEMO_TEAMS) {
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

  // The first stage: all 814 EAs, the 120 selected with pi1 and their team.
  const { rows, design } = loadIpeiFrame();
  const sample = selectSample(rows as unknown as SamplingFrameRow[], design, DEMO_SEED);
  const selected = new Map(sample.selected.map((u) => [u.id, u]));
  await database.write(async (tx) => {
    for (let k = 0; k < rows.length; k += 200) {
      await tx.insert(enumerationAreas).values(
        rows.slice(k, k + 200).map((r) => {
          const s = selected.get(r.ea_id);
          return {
            code: r.ea_id,
            stratum: r.stratum,
            island: r.island,
            municipality: r.municipality_iso,
            urbanRural: r.urban_rural,
            measureOfSize: r.foreign_persons_2021,
            pi1: s ? s.pi1 : null,
            certainty: s?.certainty ?? false,
            centroidLat: r.centroid_lat,
            centroidLon: r.centroid_lon,
            teamId: s ? teamOfStratum(r.stratum).id : null,
          };
        }),
      );
    }
    await audit(tx, {
      actorId: null,
      action: 'demo.seeded',
      entityType: 'database',
      details: { accounts: accounts.length, eas: rows.length, selected: sample.selected.length },
    });
  });
  const household = await db.query.questionnaireVersions.findFirst({
    where: eq(questionnaireVersions.questionnaireId, DEMO_QUESTIONNAIRE),
  });
  const result = accounts
    .filter((a) => FEATURED.includes(a.username))
    .map(({ username, role }) => ({ username, role }));
  if (!household) return result;

  const byId = new Map(rows.map((r) => [r.ea_id, r]));
  const eas = sample.selected
    .slice(0, options.maxEas ?? sample.selected.length)
    .map((u) => ({ row: byId.get(u.id) as FrameRow }));
  const coordinator = {
    id: ids.get('coordinator') as string,
    username: 'coordinator',
    displayName: 'Coordenação nacional',
    role: 'coordinator' as const,
    teamId: null,
  };
  const listing = (eaCode: string, body: ListingSubmission) =>
    recordListing(database, coordinator, eaCode, listingSubmissionSchema.parse(body));
  const app = createApp({
    database,
    settings: { sessionTtlMs: 3_600_000, bodyLimitBytes: 10_000_000, mode: 'demo' },
    throttle: createLoginThrottle(1000),
    kickJobs: () => {},
    log: options.log,
  });
  const api = demoApi(app);
  const summary = await simulateFieldwork(api, {
    seed: DEMO_SEED,
    password,
    eas,
    listing,
    interviews: options.fieldwork ?? false,
    log: options.log,
  });
  if (options.fieldwork) {
    await saveDemoReviews(database, summary.pending);
    lastDemoSupervisors = startDemoSupervisors(database, api, summary.pending, password, summary);
  }
  return result;
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
  const app = createApp({
    database,
    settings: { sessionTtlMs: 3_600_000, bodyLimitBytes: 10_000_000, mode: 'demo' },
    throttle: createLoginThrottle(1000),
    kickJobs: () => {},
    log,
  });
  log?.(`the demo supervisors resume: ${pending.length} decisions left`);
  lastDemoSupervisors = startDemoSupervisors(database, demoApi(app), pending, password, emptySummary());
  return lastDemoSupervisors;
}

/** Production refuses to run while demo accounts exist. */
export async function demoAccountsPresent(database: Database): Promise<string[]> {
  const rows = await database.db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.isDemo, true));
  return rows.map((r) => r.username);
}
