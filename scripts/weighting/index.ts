/**
 * npm run weights -- <survey> [--out <dir>] [--no-replicates]
 * Weights the analysed interviews (the state table's ANALYSIS_STATES) of one survey of the configured
 * database with the survey's recipe (questionnaires/<survey>/weighting.json): every step of the units
 * (and of the roster persons and individual respondents where the recipe has them), the final and
 * replicate weights, and the weighting report (JSON and Markdown). Configuration comes from the
 * environment through server/env.ts (DATABASE_URL, DATABASE_AUTH_TOKEN, DATABASE_SYNC_URL,
 * DATABASE_BUSY_TIMEOUT_MS, MORABEZA_WEIGHTS_DIR) and the database is opened by the engine's client.
 * The server runs the same (POST /api/weighting/<survey>, or the demo after its supervisors finish).
 */
import { WeightingError } from '../../analysis/weighting/index.ts';
import type { Database } from '../../server/db/client.ts';
import { openDatabaseFromEnv } from '../../server/db/from-env.ts';
import { loadWeightingInputs } from '../../server/domain/weighting/inputs.ts';
import { weighSurvey, weightingSurveyOf } from '../../server/domain/weighting/weigh-survey.ts';
import { loadEnv } from '../../server/env.ts';

const args = process.argv.slice(2);
const survey = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
if (!survey) {
  console.error('weights: name the survey: npm run weights -- <survey> (a folder of questionnaires/)');
  process.exit(2);
}
const env = loadEnv();
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : env.MORABEZA_WEIGHTS_DIR;
const source = env.DATABASE_URL.split('?')[0];
let database: Database | null = null;
try {
  const questionnairesDir = env.MORABEZA_QUESTIONNAIRES_DIR;
  const files = weightingSurveyOf({ survey, questionnairesDir });
  database = await openDatabaseFromEnv(env);
  const inputs = await loadWeightingInputs(database.client, files);
  const { summary: s } = await weighSurvey(inputs, {
    survey,
    outDir: out,
    questionnairesDir,
    replicates: !args.includes('--no-replicates'),
    source,
  });
  const people = files.recipe.persons
    ? `, ${s.eligiblePersons} eligible roster persons, ${s.individualRespondents} individual respondents`
    : '';
  console.log(
    `${survey}: ${s.respondents} responding units of ${s.households}${people}; ${s.replicates} replicates in ${s.seconds.toFixed(1)} s`,
  );
  for (const f of s.files) console.log(`wrote ${f}`);
} catch (error) {
  if (error instanceof WeightingError) {
    console.error(`weights: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
} finally {
  database?.close();
}
