/**
 * Questionnaires and their versions. A version is the exact JSON text, hashed; once published it is
 * never changed (fielded = frozen). Files are found as questionnaires/<survey>/<name>.v<N>.json and get
 * the id `<survey>-<name>`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { questionnaires, questionnaireVersions } from '../db/schema.ts';
import { contentHash } from './tokens.ts';

export interface QuestionnaireFile {
  id: string;
  survey: string;
  version: number;
  title: string;
  text: string;
}

const FILE_PATTERN = /^([a-z0-9]+(?:[-_][a-z0-9]+)*)\.v(\d+)\.json$/;

export function titleOf(definition: unknown, fallback: string): string {
  if (!definition || typeof definition !== 'object') return fallback;
  const title = (definition as { title?: unknown }).title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const t = title as Record<string, unknown>;
    const value = t.default ?? t.pt ?? t.en;
    if (typeof value === 'string') return value;
  }
  return fallback;
}

/** Finds every questionnaire file under a folder (one level of survey folders). */
export function findQuestionnaireFiles(root: string): QuestionnaireFile[] {
  let surveys: string[];
  try {
    surveys = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());
  } catch {
    return [];
  }
  const found: QuestionnaireFile[] = [];
  for (const survey of surveys.sort()) {
    for (const file of readdirSync(join(root, survey)).sort()) {
      const match = FILE_PATTERN.exec(file);
      if (!match) continue;
      const text = readFileSync(join(root, survey, file), 'utf8');
      const id = `${survey}-${match[1].replaceAll('_', '-')}`;
      found.push({ id, survey, version: Number(match[2]), title: titleOf(JSON.parse(text), id), text });
    }
  }
  return found;
}

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
