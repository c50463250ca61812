/**
 * Writes survey-core's verdicts (the reference path, server/domain/answers-validation.ts) on simulated
 * interviews to a fixture for the differential test of the compiled validator:
 *   npx tsx scripts/validation/reference-verdicts.ts household.v2 <seed> <count>
 * The interviews are regenerated from the seed by sample-interviews.ts, so only the verdicts are
 * stored, one JSON line per interview in tests/fixtures/validation/<version>.seed-<seed>.jsonl. The
 * reference path costs seconds per interview on a shared machine; the script appends and resumes, so
 * it can be run again to extend a file. A fourth argument writes the file to another directory.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';
import { sampleInterviews, shapeOf } from './sample-interviews.ts';

const [version = 'household.v2', seedText = '1', countText = '100', dir] = process.argv.slice(2);
const seed = Number(seedText);
const count = Number(countText);
const json = JSON.parse(
  readFileSync(new URL(`../../questionnaires/ipei/${version}.json`, import.meta.url), 'utf8'),
);
const out = dir
  ? `${dir}/${version}.seed-${seed}.jsonl`
  : new URL(`../../tests/fixtures/validation/${version}.seed-${seed}.jsonl`, import.meta.url);
const done = existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).length : 0;
const sample = sampleInterviews(seed, count, 0.5, shapeOf(version));
const model = createValidationModel(json);
const t0 = performance.now();
for (let i = done; i < count; i++) {
  const { errors, flagged, warnings } = validateAnswers(model, sample[i].answers);
  appendFileSync(out, `${JSON.stringify({ i, errors, flagged, warnings })}\n`);
  if (i % 50 === 0) {
    const s = (performance.now() - t0) / 1000;
    console.error(`${version} seed ${seed}: ${i + 1}/${count} (${((i + 1 - done) / s).toFixed(2)}/s)`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
