/**
 * dqrdc2Rank (analysis/variance/replicate-rank.ts) gives the same rank as LINPACK's dqrdc2 run in
 * full (tests/analysis/variance/dqrdc2-linpack.ts: every step, moved columns transformed too) on
 * the demo's replicate weights in every domain of the degf fixture and on seeded random matrices
 * with planted rank deficiency: exact combinations, columns dependent up to noise near the 1e-5
 * tolerance, zero columns and rows, fewer and more rows than columns.
 */
import { describe, expect, it } from 'vitest';
import { dqrdc2Rank } from '../../../analysis/variance/replicate-rank.ts';
import { dqrdc2RankLinpack } from './dqrdc2-linpack.ts';
import { demoDomains, seededMatrices } from './rank-matrices.ts';

describe('dqrdc2Rank as LINPACK dqrdc2 in full', () => {
  it('the demo’s replicate weights, whole and in every domain of the degf fixture', () => {
    let deficientCases = 0;
    for (const { key, df, rows, R } of demoDomains()) {
      const rank = dqrdc2Rank(rows, R, 1e-5);
      expect(rank, key).toBe(dqrdc2RankLinpack(rows, R, 1e-5));
      expect(rank - 1, key).toBe(df); // and R's degf
      if (rank < Math.min(rows.length, R)) deficientCases++;
    }
    expect(deficientCases).toBeGreaterThan(30); // the steps the fast path leaves out were run
  });

  it('seeded random matrices with planted deficiency, near the tolerance too', () => {
    let cases = 0;
    for (const { seed, rows, R } of seededMatrices()) {
      for (const tol of [1e-5, 1e-7]) {
        expect(dqrdc2Rank(rows, R, tol), `seed ${seed} tol ${tol}`).toBe(dqrdc2RankLinpack(rows, R, tol));
        cases++;
      }
    }
    expect(cases).toBe(120);
  });
});
