/**
 * npm run sample -- <survey> [--seed N] [--out file.csv]
 * Draws the first-stage sample from questionnaires/<survey>/frame.csv and the `sampling` section of
 * its design.json (frame columns, measure of size, sort order, allocation) and writes the selected
 * clusters with their inclusion probabilities (pi1, certainty) as CSV.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  parseFrameCsv,
  type SamplingDesign,
  SamplingError,
  samplingRule,
  selectSample,
} from '../../analysis/sampling/index.ts';
import { loadEnv } from '../../server/env.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const survey = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!survey) {
  console.error('sample: name the survey: npm run sample -- <survey> (a folder of questionnaires/)');
  process.exit(2);
}
const dir = join(loadEnv().MORABEZA_QUESTIONNAIRES_DIR, survey);
try {
  const rows = parseFrameCsv(readFileSync(join(dir, 'frame.csv'), 'utf8'));
  const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8')) as SamplingDesign;
  const rule = samplingRule(design);
  const seed = opt('seed') ? Number(opt('seed')) : design.frame.seed;
  const sample = selectSample(rows, design, seed);
  const byId = new Map(rows.map((r) => [String(r[rule.frame.id]), r]));
  const out = opt('out') ?? join('data', `${survey}-sample.csv`);
  const lines = [
    [
      rule.frame.id,
      'stratum',
      ...rule.sortBy.filter((c) => c !== rule.size),
      'mos',
      'pi1',
      'certainty',
      'order',
    ].join(','),
  ];
  for (const u of sample.selected) {
    const r = byId.get(u.id);
    const keys = rule.sortBy.filter((c) => c !== rule.size).map((c) => r?.[c]);
    lines.push([u.id, u.stratum, ...keys, u.mos, u.pi1, u.certainty ? 1 : 0, u.order].join(','));
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  const certain = Object.entries(sample.certaintyCount)
    .filter(([, n]) => n > 0)
    .map(([h, n]) => `${h} ${n}`)
    .join(', ');
  console.log(
    `${sample.selected.length} clusters selected (seed ${seed}); certainty: ${certain || 'none'}; wrote ${out}`,
  );
} catch (error) {
  if (error instanceof SamplingError) {
    console.error(`sample: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
