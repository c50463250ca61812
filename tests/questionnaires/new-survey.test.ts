import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isIssue, parseTablePlan, parseTablesFile } from '../../analysis/tables/plan.ts';
import { runCheck } from '../../scripts/questionnaires/lib/run.ts';
import { skeletonFiles, surveyIdProblem } from '../../scripts/questionnaires/lib/skeleton.ts';
import { surveyProfileSchema } from '../../server/contract/survey-profile.ts';
import { validateAnswers } from '../../server/domain/answers-validation.ts';

const repo = new URL('../..', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'survey-new-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the script (through `npm run survey:new` when asked, to prove the package.json line) and returns its exit code and output. */
function surveyNew(id: string, npm = false): { code: number; out: string } {
  const script = join(repo, 'scripts/questionnaires/new-survey.ts');
  const [cmd, args] = npm
    ? ['npm', ['run', '-s', 'survey:new', '--', id, '--root', root]]
    : [process.execPath, ['--import', 'tsx', script, id, '--root', root]];
  try {
    const out = execFileSync(cmd, args as string[], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

describe('npm run survey:new', () => {
  it('creates a skeleton folder that questionnaires:check passes, with a valid profile and tables', () => {
    const r = surveyNew('health2027', true);
    expect(r.code).toBe(0);
    const dir = join(root, 'health2027');
    expect(readdirSync(dir).sort()).toEqual([
      'README.md',
      'design.json',
      'frame.csv',
      'interview.v1.json',
      'profile.json',
      'tables.json',
      'weighting.json',
    ]);
    expect(runCheck(root)).toMatchObject({ problems: [], rows: [{ file: 'health2027/interview.v1.json' }] });
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const profile = surveyProfileSchema.parse(read('profile.json'));
    expect(profile).toMatchObject({
      id: 'health2027',
      questionnaires: { interview: 'interview', listing: null },
    });
    const tables = parseTablesFile(read('tables.json'));
    for (const [i, t] of tables.tables.entries()) expect(isIssue(parseTablePlan(t, i))).toBe(false);
    // the skeleton questionnaire works: a complete interview and a refusal validate, a contradiction does not
    const q = read('interview.v1.json');
    expect(
      validateAnswers(q, { a01_cluster: 'C001', a02_consent: 1, q01_example: 2, z01_result: 11 }).ok,
    ).toBe(true);
    expect(validateAnswers(q, { a01_cluster: 'C001', a02_consent: 2, z01_result: 13 }).ok).toBe(true);
    const wrong = validateAnswers(q, { a01_cluster: 'C001', a02_consent: 2, z01_result: 11 });
    expect(wrong.errors.map((e) => e.path)).toEqual(['z01_result']);
    // the result codes of the questionnaire are the profile's
    const result = q.pages[2].elements[0].choices.map((c: { value: number }) => c.value);
    expect(result).toEqual(profile.outcome.codes.map((c) => c.code));
  });

  it('refuses an existing id and changes nothing in its folder', () => {
    mkdirSync(join(root, 'taken'));
    const r = surveyNew('taken');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/taken already exists: choose another id/);
    expect(readdirSync(join(root, 'taken'))).toEqual([]);
  });

  it('refuses a bad or missing id with what to do, and writes nothing', () => {
    const r = surveyNew('my-survey');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/"my-survey" is not a survey id: use lowercase letters and digits/);
    expect(existsSync(join(root, 'my-survey'))).toBe(false);
    for (const bad of ['Health', '2027survey', 'a_b', 'é'])
      expect(surveyIdProblem(bad), bad).toMatch(/is not a survey id/);
    expect(surveyIdProblem(undefined)).toMatch(/give the new survey id/);
    expect(surveyIdProblem('x'.repeat(31))).toMatch(/too long/);
    expect(() => skeletonFiles('Bad')).toThrow(/not a survey id/);
  });
});
