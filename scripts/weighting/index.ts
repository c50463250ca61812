/**
 * npm run weights -- ipei [--out data/weights] [--no-replicates]
 * Weights the approved interviews of DATABASE_URL (default file:data/morabeza.db) with the pipeline of
 * design.json: households, roster persons and individual respondents with every step, the final and
 * JKn replicate weights, and the weighting report (JSON and Markdown). The server runs the same
 * (POST /api/weighting/<survey>, or the demo after its supervisors finish).
 */
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { WeightingError } from '../../analysis/weighting/index.ts';
import { loadWeightingInputs } from '../../server/domain/weighting/inputs.ts';
import { weighSurvey } from '../../server/domain/weighting/weigh-survey.ts';

const args = process.argv.slice(2);
const survey = args.find((a) => !a.startsWith('--')) ?? 'ipei';
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : join('data', 'weights');
const url = process.env.DATABASE_URL ?? 'file:data/morabeza.db';
const client = createClient({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
try {
  const inputs = await loadWeightingInputs(client);
  const s = weighSurvey(inputs, {
    survey,
    outDir: out,
    replicates: !args.includes('--no-replicates'),
    source: url,
  });
  console.log(
    `${s.respondents} responding households of ${s.households}, ${s.eligiblePersons} eligible roster persons, ${s.individualRespondents} individual respondents; ${s.replicates} JKn replicates in ${s.seconds.toFixed(1)} s`,
  );
  for (const f of s.files) console.log(`wrote ${f}`);
} catch (error) {
  if (error instanceof WeightingError) {
    console.error(`weights: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
} finally {
  client.close();
}
