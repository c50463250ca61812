/**
 * Replicate degrees of freedom equal R survey's degf() exactly: qr(weights(design, "analysis"),
 * tol = 1e-5)$rank - 1 on the rows of the (sub)design, golden from scripts/r/degf.R on the demo's
 * weights (individual respondents, 454 JKn replicates that redo the weighting; whole and
 * by sex, stratum, age group and their crossings) and on calibrated replicate designs of R's api
 * data whose rank is not their number of PSUs (post-stratified JK1, raked bootstrap, bounded linear
 * calibration, raked JKn), whole and by domain.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { degf, subsetAny } from '../../../analysis/estimators/core.ts';
import { svrepDesign } from '../../../analysis/index.ts';

const dir = 'tests/fixtures/degf';
type Ranks = Record<string, number>;
interface ApiCase {
  by: string[];
  weights: number[];
  repweights: number[][];
  psus: number;
  replicates: number;
  degf: Ranks;
}
const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as {
  demo: { individuals: Ranks };
  api: Record<string, ApiCase>;
};
const { rscales } = JSON.parse(readFileSync(`${dir}/demo-rscales.json`, 'utf8')) as { rscales: number[] };

/** Our degf of every domain R computed ("sex+stratum=female|CV-BR"), by the same row selection. */
function ours(
  design: ReturnType<typeof svrepDesign>,
  column: (name: string) => string[],
  keys: string[],
): Ranks {
  const out: Ranks = {};
  for (const key of keys) {
    if (key === 'all') {
      out.all = degf(design);
      continue;
    }
    const [vars, levels] = key.split('=');
    const cols = vars.split('+').map(column);
    const lev = levels.split('|');
    const keep = Float64Array.from(cols[0], (_, i) => (cols.every((c, j) => c[i] === lev[j]) ? 1 : 0));
    out[key] = degf(subsetAny(design, keep));
  }
  return out;
}

function demo(file: string, want: Ranks): Ranks {
  const lines = gunzipSync(readFileSync(`${dir}/${file}`))
    .toString('utf8')
    .trim()
    .split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const w = rows.map((r) => Number(r[header.indexOf('w')]));
  const first = header.indexOf('q1');
  const reps = Array.from({ length: header.length - first }, (_, r) =>
    Float64Array.from(rows, (row, i) => Number(row[first + r]) * w[i]),
  );
  const design = svrepDesign({ type: 'JKn', repweights: reps, weights: 'w', scale: 1, rscales }, { w });
  const column = (name: string) => rows.map((r) => r[header.indexOf(name)]);
  return ours(design, column, Object.keys(want));
}

describe('replicate df as R degf()', () => {
  it('the demo’s individual respondents, whole and in every domain R computed', () => {
    const want = expected.demo.individuals;
    const got = demo('demo-individuals.csv.gz', want);
    expect(Object.keys(want).length).toBeGreaterThan(40);
    expect(got).toEqual(want);
  });
  for (const [name, c] of Object.entries(expected.api))
    it(`${name}: ${c.replicates} replicates of ${c.psus} PSUs, rank ${c.degf.all + 1}, and its domains`, () => {
      const reps = Array.from({ length: c.replicates }, (_, r) =>
        Float64Array.from(c.repweights, (row) => row[r]),
      );
      const design = svrepDesign(
        { type: 'other', repweights: reps, weights: 'w', scale: 1 },
        { w: c.weights },
      );
      expect(ours(design, () => c.by, Object.keys(c.degf))).toEqual(c.degf);
    });
});
