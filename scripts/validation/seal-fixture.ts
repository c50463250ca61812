/**
 * Seals a reference-verdict fixture: writes <fixture>.seal.json with the number of interviews and the
 * SHA-256 of their regenerated answers, so the differential test notices when the simulator changed
 * and the stored verdicts no longer belong to the interviews it regenerates:
 *   npx tsx scripts/validation/seal-fixture.ts household.v2 <seed>
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { sampleInterviews, shapeOf } from './sample-interviews.ts';

const [version = 'household.v2', seedText = '1'] = process.argv.slice(2);
const seed = Number(seedText);
const base = new URL(`../../tests/fixtures/validation/${version}.seed-${seed}`, import.meta.url).pathname;
const count = readFileSync(`${base}.jsonl`, 'utf8').split('\n').filter(Boolean).length;
const answers = sampleInterviews(seed, count, 0.5, shapeOf(version)).map((s) => s.answers);
const sha256 = createHash('sha256').update(JSON.stringify(answers)).digest('hex');
writeFileSync(`${base}.seal.json`, `${JSON.stringify({ version, seed, count, sha256 }, null, 2)}\n`);
console.log(`${version} seed ${seed}: ${count} interviews sealed`);
