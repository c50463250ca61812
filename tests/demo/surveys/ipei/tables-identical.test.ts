/**
 * Every standard table of the demo (questionnaires/ipei/tables.json on the simulated fieldwork's
 * weights with JKn replicates, as `npm run bench -- tables` computes them) is byte for byte the JSON
 * written before the tables were made faster: tests/fixtures/tables/demo-tables-before.json.gz was
 * produced by integ at e09ac36, without this work (`npm run bench -- tables --tables-out=...`), never
 * by the code under test. When the demo or tables.json change, write it again the same way from the
 * commit before the change, not from this code. Written again for T50-T54 (region-of-birth versions of
 * T03, T17, T19, T20, T21) and T45 without its Cabo Verde row: b5bb2cd's code (before `omitLevels`) on
 * the new tables.json, then the rows its `omitLevels` name (each n = 0, empty) taken out by
 * tests/fixtures/tables/omit-levels-fixture.ts; the other 48 tables stayed byte for byte those of e09ac36.
 * The replicate df (ciDf) of every domain is in it, so a faster rank that decided differently fails here.
 * Issue 18: T50 (immigrants by region of birth and stratum, T43 less its Cabo Verde row) was dropped and
 * T55-T58 (the member unit: immigrants of any nationality) added; the file is not written again: its
 * T50 is left out of the comparison and T55-T58, not in it, are checked against R by
 * tests/analysis/export/tables-from-export-r.test.ts. Every other table stays byte for byte.
 * Issue 17: a table's texts (titles, notes, labels, legends) gained French and Kriolu beside pt and en;
 * the fixture, written before, has pt and en only, so the comparison leaves out the `fr` and `kea` of a
 * pt/en text object and nothing else (tests/server/table-languages.test.ts checks those words).
 * Issue 17 again: a table's warnings became codes (analysis/tables/estimate-warnings.ts); the fixture's
 * English interval sentences are read as the codes they now are and compared apart, count for count
 * (a multiple-response table's options added up now, where the old de-duplication could drop a repeat:
 * its count is at least the old one), the rest of every table byte for byte as before.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { type TableWarning, tableWarnings } from '../../../../analysis/tables/estimate-warnings.ts';
import { weightedDataFromRun } from '../../../../analysis/tables/from-weighting.ts';
import { computeTables } from '../../../../analysis/tables/run.ts';
import { varianceWarning } from '../../../../analysis/variance/variance-warnings.ts';
import { flattenAnswers } from '../../../../server/domain/weighting/flatten.ts';
import { loadWeightingInputs } from '../../../../server/domain/weighting/inputs.ts';
import { rosterKeys } from '../../../../server/domain/weighting/roster.ts';
import { weightingSurveyOf } from '../../../../server/domain/weighting/weigh-survey.ts';
import { runWeightingInThreads } from '../../../../server/jobs/replicate-pool.ts';
import { loadSurveyContext } from '../../../../server/storage/survey-context.ts';
import { decideWithoutValidation, playFieldwork, startDemo } from '../../../helpers/simulated-demo.ts';

const root = new URL('../../../..', import.meta.url).pathname;
const survey = weightingSurveyOf({ root, survey: 'ipei' });
const dir = mkdtempSync(join(tmpdir(), 'morabeza-tables-identical-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture's English interval warnings, as the codes they now are; the variance ones as the engine codes them. */
function codedBefore(english: string[]): TableWarning[] {
  return english.map((w) => {
    const unbounded = /^(\d+) cell\(s\) where a replicate has a share of 0 or 1: /.exec(w);
    if (unbounded) return { code: 'logit_unbounded', detail: unbounded[1] };
    const edge = /^(\d+) cell\(s\) with a share of exactly 0 or 1: /.exec(w);
    if (edge) return { code: 'one_sided', detail: edge[1] };
    return varianceWarning(w);
  });
}

/** A table without its warnings (compared apart, as codes). */
const withoutWarnings = (key: string, value: unknown) => (key === 'warnings' ? undefined : value);

/** A text object (pt and en strings) without the fr and kea the fixture predates; any other value as it is. */
function ptEnOnly(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  if (typeof v.pt !== 'string' || typeof v.en !== 'string') return value;
  const { fr: _fr, kea: _kea, ...rest } = v;
  return rest;
}

it('all standard tables of the demo equal the JSON written before the speed-up', async () => {
  const started = await startDemo(dir);
  let inputs: Awaited<ReturnType<typeof loadWeightingInputs>>;
  try {
    await decideWithoutValidation(started, await playFieldwork(started));
    inputs = await loadWeightingInputs(started.database.client, survey);
  } finally {
    await started.close();
  }
  const result = await runWeightingInThreads(
    inputs.households,
    inputs.persons,
    survey.recipe,
    survey.design,
    {
      threads: 2,
    },
  );
  const rosterKey =
    survey.profile.roster && survey.recipe.persons
      ? (rosterKeys(survey.questionnaire).get(survey.profile.roster.variable) ??
        survey.profile.roster.variable)
      : null;
  const data = weightedDataFromRun(result, flattenAnswers(inputs.answers, survey.questionnaire, rosterKey), {
    survey: 'ipei',
    questionnaire: survey.questionnaireId,
  });
  const ctx = loadSurveyContext('ipei', root);
  const run = computeTables(ctx.file, data, ctx.labels, ctx.rules);
  const before = gunzipSync(readFileSync(`${root}tests/fixtures/tables/demo-tables-before.json.gz`)).toString(
    'utf8',
  );
  expect(run.tables.length).toBe(57);
  expect(run.tables.some((t) => t.cells.some((c) => typeof c.ciDf === 'number' && c.ciDf < 100))).toBe(true);
  // the fixture's JSON reads back byte for byte, so comparing its tables as JSON compares its bytes
  const old = JSON.parse(before) as typeof run;
  expect(`${JSON.stringify(old, null, 1)}\n`).toBe(before);
  const added = new Set(['T55', 'T56', 'T57', 'T58']);
  const kept = { ...run, tables: run.tables.filter((t) => !added.has(t.id)) };
  const was = { ...old, tables: old.tables.filter((t) => t.id !== 'T50') };
  expect(old.tables.length).toBe(54);
  expect(run.tables.filter((t) => added.has(t.id)).map((t) => t.unit)).toEqual([
    'member',
    'member',
    'member',
    'member',
  ]);
  const replacer = (key: string, value: unknown) => ptEnOnly(key, withoutWarnings(key, value));
  const now = `${JSON.stringify(kept, replacer, 1)}\n`;
  const then = `${JSON.stringify(was, withoutWarnings, 1)}\n`;
  kept.tables.forEach((t, i) => {
    const before = tableWarnings([], codedBefore(was.tables[i].warnings as unknown as string[]));
    expect(
      t.warnings.map((w) => w.code),
      t.id,
    ).toEqual(before.map((w) => w.code));
    t.warnings.forEach((w, k) => {
      if (t.statistic === 'multiple')
        expect(Number(w.detail), t.id).toBeGreaterThanOrEqual(Number(before[k].detail));
      else expect(w.detail, t.id).toBe(before[k].detail);
    });
  });
  if (now !== then) {
    // the first table that differs, to name it
    const differing = kept.tables.find(
      (t, i) => JSON.stringify(t, replacer) !== JSON.stringify(was.tables[i], withoutWarnings),
    );
    expect(differing?.id ?? 'issues or order', 'first differing table').toBe('none');
  }
  expect(now).toBe(then);
}, 900_000);
