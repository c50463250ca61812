/**
 * The office codes for `npm run export`: when the survey folder declares office coding (profile.json
 * `officeCoding`), the codes in force now are read from the configured database (DATABASE_URL, as
 * `npm run weights` reads it) through the server export's own reader (server/domain/office-coding.ts,
 * `officeCodedPairs`), so the folder-based export and the server's give `<field>_office` the same way
 * (the columns themselves are added by analysis/export/office-codes.ts, `withOfficeCodes`, for both).
 * `--office-codes none` exports without them; a database that cannot be read stops the export with a
 * message saying so, rather than writing empty office columns.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OfficeCodedPair } from '../../analysis/export/office-codes.ts';
import type { Database } from '../../server/db/client.ts';
import { openDatabaseFromEnv } from '../../server/db/from-env.ts';
import { officeCodedPairs } from '../../server/domain/office-coding.ts';
import { bindSurveys, loadSurveyFolder, registryOf } from '../../server/domain/surveys.ts';
import type { Env } from '../../server/env.ts';

export const OFFICE_CODE_SOURCES = ['database', 'none'] as const;
export type OfficeCodeSource = (typeof OFFICE_CODE_SOURCES)[number];

/** The survey's coded pairs for the export (none when it declares none or `source` is none). */
export async function folderExportOfficeCodes(
  env: Env,
  questionnairesDir: string,
  survey: string,
  source: OfficeCodeSource,
): Promise<OfficeCodedPair[]> {
  if (source === 'none' || !existsSync(join(questionnairesDir, survey, 'profile.json'))) return [];
  const registry = registryOf(
    questionnairesDir,
    new Map([[survey, loadSurveyFolder(questionnairesDir, survey)]]),
  );
  if (!registry.officeCoding(survey).length) return [];
  const url = env.DATABASE_URL.split('?')[0];
  const cannot = (why: string) =>
    new Error(
      `office codes: survey '${survey}' declares office coding but the database ${url} ${why}; use --office-codes none to export without <field>_office`,
    );
  if (url.startsWith('file:') && !existsSync(url.slice('file:'.length))) throw cannot('does not exist');
  let database: Database | null = null;
  try {
    database = await openDatabaseFromEnv(env);
    bindSurveys(database, registry);
    return (await officeCodedPairs(database, survey)).pairs;
  } catch (error) {
    throw cannot(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    database?.close();
  }
}
