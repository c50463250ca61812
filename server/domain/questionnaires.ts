/**
 * Questionnaires and their versions in the database. A version is the exact JSON text, hashed; once
 * published it is never changed (fielded = frozen). The files are found by questionnaire-files.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { questionnaires, questionnaireVersions } from '../db/schema.ts';
import type { QuestionnaireFile } from './questionnaire-files.ts';
import { contentHash } from './tokens.ts';

/**
 * Registers a questionnaire version as published. The same content again changes nothing; different
 * content under a version number already stored is refused (returns 'frozen').
 */
export async function publishVersion(
  db: Db,
  file: QuestionnaireFile,
): Promise<'added' | 'unchanged' | 'frozen'> {
  const hash = contentHash(JSON.parse(file.text));
  const existing = await db.query.questionnaireVersions.findFirst({
    where: and(
      eq(questionnaireVersions.questionnaireId, file.id),
      eq(questionnaireVersions.version, file.version),
    ),
  });
  if (existing) return existing.contentHash === hash ? 'unchanged' : 'frozen';
  await db
    .insert(questionnaires)
    .values({ id: file.id, survey: file.survey, title: file.title })
    .onConflictDoUpdate({ target: questionnaires.id, set: { title: file.title } });
  await db.insert(questionnaireVersions).values({
    questionnaireId: file.id,
    version: file.version,
    status: 'published',
    contentHash: hash,
    definition: file.text,
  });
  return 'added';
}

export async function listQuestionnaires(db: Db) {
  const rows = await db
    .select({
      id: questionnaires.id,
      title: questionnaires.title,
      version: questionnaireVersions.version,
      status: questionnaireVersions.status,
    })
    .from(questionnaires)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .orderBy(asc(questionnaires.id), asc(questionnaireVersions.version));
  const byId = new Map<string, { id: string; title: string; versions: number[] }>();
  for (const row of rows) {
    if (row.status === 'draft') continue;
    const entry = byId.get(row.id) ?? { id: row.id, title: row.title, versions: [] };
    entry.versions.push(row.version);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

export async function getVersion(db: Db, id: string, version: number) {
  return db.query.questionnaireVersions.findFirst({
    where: and(eq(questionnaireVersions.questionnaireId, id), eq(questionnaireVersions.version, version)),
  });
}
