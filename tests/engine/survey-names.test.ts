/**
 * Engine code names no survey: every source file in server/, client/ and analysis/ is searched for the
 * survey ids (the folder names under questionnaires/), for every survey variable name that looks like one
 * (a question name of any questionnaire JSON with a letters+digits prefix, `c05_age`, `a04_ea`) and for the
 * rosters the profiles name as quoted strings (`'members'`). Comments count too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';

const ROOT = 'questionnaires';
const surveyIds = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const variables = new Set<string>();
const rosters = new Set<string>();
for (const id of surveyIds) {
  for (const file of filesUnder(join(ROOT, id)).filter((f) => f.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (Array.isArray(json.pages) || Array.isArray(json.elements))
      for (const q of walkQuestions(json))
        for (const n of [q.name, q.variable]) if (/^[a-z]+\d+[a-z]?_[a-z0-9_]+$/.test(n)) variables.add(n);
    if (file.endsWith('profile.json')) {
      const roster = (json.roster ?? null) as { variable?: string; respondent?: { roster?: string } } | null;
      for (const r of [roster?.variable, roster?.respondent?.roster]) if (r) rosters.add(r);
    }
  }
}

const patterns = [
  ...surveyIds.map((id) => ({ what: `survey id '${id}'`, re: new RegExp(`\\b${id}\\b`, 'i') })),
  ...[...variables].map((v) => ({ what: `survey variable '${v}'`, re: new RegExp(`\\b${v}\\b`) })),
  ...[...rosters].map((r) => ({ what: `roster '${r}'`, re: new RegExp(`['"\`]${r}['"\`[]`) })),
];

const sources = ['server', 'client', 'analysis']
  .flatMap(filesUnder)
  .filter((f) => /\.(ts|tsx|mjs|js|css|html)$/.test(f));

describe('engine code names no survey', () => {
  it('finds the survey ids and variables to look for', () => {
    expect(surveyIds.length).toBeGreaterThan(0);
    expect(variables.size).toBeGreaterThan(20);
  });

  it('has no survey id or survey variable in server/, client/ or analysis/', () => {
    const hits: string[] = [];
    for (const file of sources) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const p of patterns) if (p.re.test(line)) hits.push(`${file}:${i + 1}: ${p.what}`);
        });
    }
    expect(hits, hits.join('\n')).toEqual([]);
  });
});
