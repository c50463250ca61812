/**
 * dqrdc2Rank (analysis/variance/replicate-rank.ts) gives the same rank as LINPACK's dqrdc2 run in
 * full (tests/analysis/variance/dqrdc2-linpack.ts: every step, moved columns transformed too) on
 * the demo's replicate weights in every domain of the degf fixture and on seeded random matrices
 * with planted rank deficiency: exact combinations, columns dependent up to noise near the 1e-5
 * tolerance, zero columns and rows, fewer and more rows than columns.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dqrdc2Rank } from '../../../analysis/variance/replicate-rank.ts';
import { dqrdc2RankLinpack } from './dqrdc2-linpack.ts';

const dir = 'tests/fixtures/degf';

/** Seeded uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** m x R rows whose columns are combinations of `basis` columns, plus noise of size `noise`. */
function deficient(seed: number, m: number, R: number, basis: number, noise: number): Float64Array[] {
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

describe('dqrdc2Rank as LINPACK dqrdc2 in full', () => {
  it('the demo’s replicate weights, whole and in every domain of the degf fixture', () => {
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
    let deficientCases = 0;
    for (const [key, df] of Object.entries(expected.demo.individuals)) {
      if (key === 'all') continue;
      const [vars, levels] = key.split('=');
      const at = vars.split('+').map((v) => header.indexOf(v));
      const lev = levels.split('|');
      const rows = rowsOf((row) => at.every((c, j) => row[c] === lev[j]));
      const rank = dqrdc2Rank(rows, R, 1e-5);
      expect(rank, key).toBe(dqrdc2RankLinpack(rows, R, 1e-5));
      expect(rank - 1, key).toBe(df); // and R's degf
      if (rank < Math.min(rows.length, R)) deficientCases++;
    }
    expect(deficientCases).toBeGreaterThan(30); // the steps the fast path leaves out were run
  });

  it('seeded random matrices with planted deficiency, near the tolerance too', () => {
    let cases = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const u = random(seed * 7919);
      const m = 2 + Math.floor(u() * 90);
      const R = 2 + Math.floor(u() * 90);
      const basis = 1 + Math.floor(u() * Math.min(m, R));
      const noise = [0, 1e-9, 1e-6, 1e-5, 3e-5, 1e-4][seed % 6];
      const rows = deficient(seed, m, R, basis, noise);
      for (const tol of [1e-5, 1e-7]) {
        expect(dqrdc2Rank(rows, R, tol), `seed ${seed} tol ${tol}`).toBe(dqrdc2RankLinpack(rows, R, tol));
        cases++;
      }
    }
    expect(cases).toBe(120);
  });
});
