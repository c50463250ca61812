/**
 * npm run weights -- ipei [--out data/weights] [--no-replicates]
 * Weights the approved interviews of DATABASE_URL (default file:data/morabeza.db) with the pipeline of
 * design.json: households, roster persons and individual respondents with every step, the final and
 * JKn replicate weights, and the weighting report (JSON and Markdown).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { weightedDataFromRun } from '../../analysis/tables/from-weighting.ts';
import {
  ipeiControls,
  ipeiOptions,
  reportMarkdown,
  runWeighting,
  WeightingError,
} from '../../analysis/weighting/index.ts';
import { writeWeightedData } from '../../server/storage/weighted-data.ts';
import { flattenAnswers } from './flatten.ts';
import { loadWeightingInputs } from './inputs.ts';
import { writeWeightFiles } from './output.ts';

/** The latest household questionnaire of the survey (its expressions complete the flattened answers). */
function householdQuestionnaire(survey: string): unknown {
  const dir = join('questionnaires', survey);
  const versions = readdirSync(dir)
    .map((f) => /^household\.v(\d+)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  return versions.length ? JSON.parse(readFileSync(join(dir, versions[0][0]), 'utf8')) : {};
}

const args = process.argv.slice(2);
const survey = args.find((a) => !a.startsWith('--')) ?? 'ipei';
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : join('data', 'weights');
const url = process.env.DATABASE_URL ?? 'file:data/morabeza.db';
const client = createClient({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
try {
  const design = JSON.parse(readFileSync(join('questionnaires', survey, 'design.json'), 'utf8'));
  const { households, persons, skipped, answers } = await loadWeightingInputs(client);
  if (!households.length)
    throw new WeightingError(
      `No listed household in ${url}: run the sample, the listings and the fieldwork first.`,
      'weighting.input',
    );
  const t0 = Date.now();
  const result = runWeighting(
    households,
    persons,
    ipeiControls(design),
    ipeiOptions(design, !args.includes('--no-replicates')),
  );
  mkdirSync(out, { recursive: true });
  const files = writeWeightFiles(result, out, survey);
  // what `npm run tables` / `npm run export` and the analysts' API read: data/weights/<survey>/
  writeWeightedData(
    join(out, survey),
    weightedDataFromRun(result, flattenAnswers(answers, householdQuestionnaire(survey)), {
      survey,
      questionnaire: `${survey}-household`,
    }),
  );
  files.push(join(survey, 'weights.json'));
  const report = {
    survey,
    database: url,
    generatedAt: new Date().toISOString(),
    seconds: (Date.now() - t0) / 1000,
    skipped,
    ...result.report,
    replicateScales: result.replicates.rscales,
    replicatePsus: result.replicates.psus,
  };
  writeFileSync(join(out, `${survey}-weighting-report.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    join(out, `${survey}-weighting-report.md`),
    reportMarkdown(result.report, `Weighting report: ${survey} (synthetic demonstration data)`),
  );
  const s = result.report.sample;
  console.log(
    `${s.respondents} responding households of ${s.households}, ${s.eligiblePersons} eligible roster persons, ${s.individualRespondents} individual respondents; ${result.report.replicates.count} JKn replicates in ${report.seconds.toFixed(1)} s`,
  );
  for (const f of [...files, `${survey}-weighting-report.json`, `${survey}-weighting-report.md`])
    console.log(`wrote ${join(out, f)}`);
} catch (error) {
  if (error instanceof WeightingError) {
    console.error(`weights: ${error.message}`);
    process.exit(2);
  }
  throw error;
} finally {
  client.close();
}
