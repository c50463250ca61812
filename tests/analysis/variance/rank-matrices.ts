/**
 * The matrices the dqrdc2 rank's tests run on: the demo's replicate weights (454 recalibrated JKn
 * replicates times the weight) in each domain of the degf fixture, with R's df, and seeded random
 * matrices with planted rank deficiency (exact combinations, noise near the tolerance, zero
 * columns and a zero row).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { seededUniform as random } from '../../../analysis/sampling/rng.ts';

const dir = 'tests/fixtures/degf';

/** m x R rows whose columns are combinations of `basis` columns, plus noise of size `noise`. */
export function deficient(seed: number, m: number, R: number, basis: number, noise: number): Float64Array[] {
  const u = random(seed);
  const b = Array.from({ length: basis }, () => Float64Array.from({ length: m }, () => u() * 2 - 1));
  const rows = Array.from({ length: m }, () => new Float64Array(R));
  for (let r = 0; r < R; r++) {
    const zero = u() < 0.05;
    const c = Array.from({ length: basis }, () => (u() < 0.5 ? 0 : u() * 4 - 2));
    for (let i = 0; i < m; i++) {
      if (zero) continue;
      let v = 0;
      for (let k = 0; k < basis; k++) v += c[k] * b[k][i];
      rows[i][r] = v + noise * (u() * 2 - 1);
    }
  }
  if (m > 3) rows[1].fill(0);
  return rows;
}

/** The 60 seeded matrices of the tests (2-91 rows, 2-91 columns). */
export function seededMatrices(): Array<{ seed: number; rows: Float64Array[]; R: number }> {
  return Array.from({ length: 60 }, (_, s) => {
    const seed = s + 1;
    const u = random(seed * 7919);
    const m = 2 + Math.floor(u() * 90);
    const R = 2 + Math.floor(u() * 90);
    const basis = 1 + Math.floor(u() * Math.min(m, R));
    const noise = [0, 1e-9, 1e-6, 1e-5, 3e-5, 1e-4][seed % 6];
    return { seed, rows: deficient(seed, m, R, basis, noise), R };
  });
}

/** The demo's replicate weight rows in each domain of the degf fixture (not the whole), with R's df. */
export function demoDomains(): Array<{ key: string; df: number; rows: Float64Array[]; R: number }> {
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as {
    demo: { individuals: Record<string, number> };
  };
  const lines = gunzipSync(readFileSync(`${dir}/demo-individuals.csv.gz`))
    .toString('utf8')
    .trim()
    .split('\n');
  const header = lines[0].split(',');
  const table = lines.slice(1).map((l) => l.split(','));
  const first = header.indexOf('q1');
  const R = header.length - first;
  const w = table.map((row) => Number(row[header.indexOf('w')]));
  const rowsOf = (keep: (row: string[]) => boolean) =>
    table.flatMap((row, i) =>
      keep(row) ? [Float64Array.from({ length: R }, (_, r) => Number(row[first + r]) * w[i])] : [],
    );
  return Object.entries(expected.demo.individuals)
    .filter(([key]) => key !== 'all')
    .map(([key, df]) => {
      const [vars, levels] = key.split('=');
      const at = vars.split('+').map((v) => header.indexOf(v));
      const lev = levels.split('|');
      return { key, df, rows: rowsOf((row) => at.every((c, j) => row[c] === lev[j])), R };
    });
}
