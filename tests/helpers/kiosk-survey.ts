/**
 * "kiosk": a one-stage survey without a roster or a listing (visits of service kiosks, one text question
 * and the result code), the shared setup of the weighting tests that weigh a survey folder of their own
 * (weighting-inputs, weighting-sampled-pi2): a temporary questionnaires folder to write survey folders
 * into, the kiosk's profile with the outcome codes a test gives, and a migrated test database with one
 * enumerator (u1) into which a test inserts its clusters and visits (household, assignment, interview and
 * its first revision). Each test file keeps its own facts: codes, recipe, design, clusters and visits.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AaporClass } from '../../server/contract/survey-profile.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { freshTestDatabase, type TestDatabase } from './database.ts';

/** The kiosk's interview questionnaire, `kiosk-visit` version 1. */
export const KIOSK_VISIT = {
  title: 'Visit',
  pages: [{ name: 'p', elements: [{ type: 'text', name: 'q1' }] }],
};

/** The kiosk's profile: its outcome codes (`z_result`) and its languages (English unless given). */
export function kioskProfile(
  codes: Array<[code: number, aapor: AaporClass]>,
  languages: Array<{ code: string; name: string }> = [{ code: 'en', name: 'English' }],
) {
  const label = { en: 'x' };
  return {
    id: 'kiosk',
    title: { en: 'Kiosk exit survey' },
    languages,
    questionnaires: { interview: 'visit', listing: null },
    unit: { label: { en: 'Visit' }, cluster: { en: 'Kiosk' } },
    outcome: { variable: 'z_result', codes: codes.map(([code, aapor]) => ({ code, aapor, label })) },
  };
}

/** A temporary folder holding questionnaires/, and a writer of survey folders (JSON files) into it. */
export function surveyFolders(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const questionnaires = join(dir, 'questionnaires');
  const writeSurvey = (id: string, files: Record<string, unknown>) => {
    mkdirSync(join(questionnaires, id), { recursive: true });
    for (const [name, value] of Object.entries(files))
      writeFileSync(join(questionnaires, id, name), `${JSON.stringify(value, null, 2)}\n`);
  };
  return { dir, questionnaires, writeSurvey, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated test database with the enumerator u1 (enum1). */
export async function kioskDatabase(): Promise<{ db: TestDatabase; database: Database }> {
  const db = await freshTestDatabase();
  const database = await openDatabase({ url: db.url, authToken: db.authToken });
  await migrateDatabase(database.db);
  await database.client.execute(
    "insert into users (id, username, display_name, role, password_hash) values ('u1', 'enum1', 'E', 'enumerator', 'x')",
  );
  return { db, database };
}

export interface Cluster {
  code: string;
  stratum: string;
  pi1: number;
  certainty: 0 | 1;
}

export async function insertCluster(database: Database, c: Cluster): Promise<void> {
  await database.client.execute({
    sql: "insert into enumeration_areas (code, stratum, island, municipality, pi1, certainty) values (?, ?, 'I', 'M', ?, ?)",
    args: [c.code, c.stratum, c.pi1, c.certainty],
  });
}

export interface Visit {
  id: string;
  cluster: string;
  dwelling: number;
  pi2: number | null;
  /** The line of the eligible list a listing drew it from (null: no listing drew it). */
  eligibleLine?: number | null;
  /** The assignments' questionnaire (default `kiosk-visit`). */
  questionnaire?: string;
  /** The interview's state; null: never visited (an assignment, no interview). */
  status: string | null;
  outcome: number | null;
}

/** A household, its assignment (A-<id>, to u1) and, if visited, its interview (I-<id>) with revision 1. */
export async function insertVisit(database: Database, v: Visit): Promise<void> {
  const c = database.client;
  const questionnaire = v.questionnaire ?? 'kiosk-visit';
  await c.execute({
    sql: 'insert into households (id, ea_code, dwelling, pi2, eligible_line) values (?, ?, ?, ?, ?)',
    args: [v.id, v.cluster, v.dwelling, v.pi2, v.eligibleLine ?? null],
  });
  await c.execute({
    sql: "insert into assignments (id, household_id, questionnaire_id, questionnaire_version, enumerator_id) values (?, ?, ?, 1, 'u1')",
    args: [`A-${v.id}`, v.id, questionnaire],
  });
  if (v.status === null) return;
  await c.execute({
    sql: "insert into interviews (id, assignment_id, enumerator_id, questionnaire_id, questionnaire_version, current_revision, status, outcome) values (?, ?, 'u1', ?, 1, 1, ?, ?)",
    args: [`I-${v.id}`, `A-${v.id}`, questionnaire, v.status, v.outcome],
  });
  await c.execute({
    sql: "insert into interview_revisions (interview_id, revision, content_hash, envelope, received_by) values (?, 1, 'h', ?, 'u1')",
    args: [`I-${v.id}`, JSON.stringify({ answers: { q1: `answer ${v.id}`, z_result: v.outcome } })],
  });
}
