/**
 * npm run sample -- ipei [--seed N] [--out file.csv]
 * Draws the first-stage sample from questionnaires/<survey>/frame.csv and design.json and writes the
 * selected EAs with their inclusion probabilities (pi1, certainty) as CSV.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SamplingError } from '../../analysis/sampling/index.ts';
import { parseFrameCsv, selectIpeiSample } from '../../analysis/sampling/ipei.ts';
import { loadEnv } from '../../server/env.ts';

const args = process.argv.slice(2);
const survey = args.find((a) => !a.startsWith('--')) ?? 'ipei';
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = join(loadEnv().MORABEZA_QUESTIONNAIRES_DIR, survey);
try {
  const rows = parseFrameCsv(readFileSync(join(dir, 'frame.csv'), 'utf8'));
  const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
  const seed = opt('seed') ? Number(opt('seed')) : design.frame.seed;
  const sample = selectIpeiSample(rows, design, seed);
  const byId = new Map(rows.map((r) => [r.ea_id, r]));
  const out = opt('out') ?? join('data', `${survey}-sample.csv`);
  const lines = ['ea_id,stratum,municipality_iso,urban_rural,mos,pi1,certainty,order'];
  for (const u of sample.selected) {
    const r = byId.get(u.id);
    lines.push(
      [u.id, u.stratum, r?.municipality_iso, r?.urban_rural, u.mos, u.pi1, u.certainty ? 1 : 0, u.order].join(
        ',',
      ),
    );
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  const certain = Object.entries(sample.certaintyCount)
    .filter(([, n]) => n > 0)
    .map(([h, n]) => `${h} ${n}`)
    .join(', ');
  console.log(
    `${sample.selected.length} EAs selected (seed ${seed}); certainty EAs: ${certain}; wrote ${out}`,
  );
} catch (error) {
  if (error instanceof SamplingError) {
    console.error(`sample: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
