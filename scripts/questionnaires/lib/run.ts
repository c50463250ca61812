/** Runs every check over a questionnaires folder: each `<survey>/<name>.vN.json`, then the locks. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Json } from '../../../server/domain/questionnaire-walk.ts';
import { checkQuestionnaire, type Problem } from './checks.ts';
import { type Coverage, coverage } from './coverage.ts';
import { catalogueCoverage, type LanguageCoverage } from './fielding.ts';
import { surveysWithSources } from './generate.ts';
import { checkInterfaces, type InterfaceCoverage } from './interface-check.ts';
import { checkLocks, readLocks } from './locks.ts';

export const VERSIONED = /^[a-z0-9]+(-[a-z0-9]+)*\.v[1-9][0-9]*\.json$/;

export function questionnaireFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) visit(p);
      else if (VERSIONED.test(entry)) out.push(p);
    }
  };
  visit(dir);
  return out;
}

export interface CheckResult {
  problems: Problem[];
  rows: { file: string; coverage: Coverage }[];
  /** translation catalogues by survey and language: strings by status, flagged back-translations */
  translations: LanguageCoverage[];
  /** survey-core's interface strings per survey and interview language */
  interfaces: InterfaceCoverage[];
}

export function runCheck(dir: string, locksPath = join(dir, 'locks.json')): CheckResult {
  const problems: Problem[] = [];
  const rows: CheckResult['rows'] = [];
  for (const path of questionnaireFiles(dir)) {
    const file = relative(dir, path);
    const text = readFileSync(path, 'utf8');
    const found = checkQuestionnaire(file, text);
    problems.push(...found);
    if (!found.some((p) => p.question === '(file)'))
      rows.push({ file, coverage: coverage(JSON.parse(text) as Json) });
  }
  try {
    problems.push(...checkLocks(dir, readLocks(locksPath)));
  } catch (e) {
    problems.push({
      file: relative(dir, locksPath),
      question: '(file)',
      reason: `locks file unreadable: ${(e as Error).message}`,
    });
  }
  let translations: LanguageCoverage[] = [];
  try {
    translations = catalogueCoverage(dir, surveysWithSources(dir));
  } catch (e) {
    problems.push({ file: 'translations', question: '(file)', reason: (e as Error).message });
  }
  const interfaces = checkInterfaces(dir);
  problems.push(...interfaces.problems);
  return { problems, rows, translations, interfaces: interfaces.rows };
}
