/**
 * The questionnaire files of the survey folders: questionnaires/<survey>/<name>.v<N>.json, each with the
 * id `<survey>-<name>`, its version number, its title and its exact text. File reading only (no database),
 * so the Vite build (scripts/build/omit-question-types.ts) can use it at config time without loading
 * drizzle and the schema; server/domain/questionnaires.ts publishes what it finds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
