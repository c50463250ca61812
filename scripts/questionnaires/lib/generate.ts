/**
 * The generic half of a survey's generated files. A survey whose content is written in code keeps that
 * code in questionnaires/<id>/src/, and its src/index.ts exports `generators`: for each kind of output
 * (the questionnaires; the frame and design), a function returning file name -> content (a string is
 * written as is, anything else as 2-space JSON). This module finds a survey's generators and writes
 * their files into questionnaires/<id>/, refusing to change a locked (fielded) file.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readLocks, sha256 } from './locks.ts';

export type GeneratedFiles = Record<string, unknown>;
export const GENERATOR_KINDS = ['questionnaires', 'frame'] as const;
export type GeneratorKind = (typeof GENERATOR_KINDS)[number];
export type SurveyGenerators = Partial<Record<GeneratorKind, () => GeneratedFiles>>;

const SURVEY_ID = /^[a-z][a-z0-9-]*$/;

/** The surveys under `dir` that have generator sources (questionnaires/<id>/src/index.ts). */
export function surveysWithSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory() && existsSync(join(dir, d, 'src', 'index.ts')))
    .sort();
}

/** Loads questionnaires/<survey>/src/index.ts; throws a message naming the fix when there is none. */
export async function loadGenerators(dir: string, survey: string): Promise<SurveyGenerators> {
  const known = surveysWithSources(dir);
  if (!SURVEY_ID.test(survey) || !known.includes(survey))
    throw new Error(
      `no survey "${survey}" with sources in ${dir}/<id>/src/index.ts; surveys with sources: ${known.join(', ') || 'none'}`,
    );
  const module = (await import(pathToFileURL(join(dir, survey, 'src', 'index.ts')).href)) as {
    generators?: SurveyGenerators;
  };
  if (!module.generators)
    throw new Error(`${dir}/${survey}/src/index.ts does not export \`generators\` (see this file's header)`);
  return module.generators;
}

export const fileText = (content: unknown): string =>
  typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;

/**
 * Writes `files` into `dir`/<survey>/. A file locked in `dir`/locks.json whose bytes would change is not
 * written: it is returned in `refused` (publish a new version instead).
 */
export function writeSurveyFiles(
  dir: string,
  survey: string,
  files: GeneratedFiles,
): { written: string[]; refused: string[] } {
  const locks = readLocks(join(dir, 'locks.json'));
  const written: string[] = [];
  const refused: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, survey, name);
    const rel = relative(dir, path);
    const text = fileText(content);
    if (locks[rel] && locks[rel] !== sha256(text)) {
      refused.push(rel);
      continue;
    }
    writeFileSync(path, text);
    written.push(rel);
  }
  return { written, refused };
}
