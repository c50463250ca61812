/**
 * The dqrdc2 rank's panel steps in WebAssembly SIMD (analysis/variance/wasm/householder-panel.wat,
 * eight columns side by side, two per f64x2) leave the same bits as the JS loop, its oracle: the
 * rank and every number of the matrix after the loop (each pivot's Householder vector), on the
 * demo's replicate weights in each domain of the degf fixture and on seeded matrices with planted
 * deficiency near the tolerance (full and partial panels, fused and separate dot products).
 */
import { describe, expect, it } from 'vitest';
import { wasmSweepAvailable } from '../../../analysis/variance/householder-kernel.ts';
import { dqrdc2RankWith } from '../../../analysis/variance/replicate-rank.ts';
import { demoDomains, seededMatrices } from './rank-matrices.ts';

/** The two kernels' results on these rows: whether the ranks and all the matrix's bits agree. */
function same(rows: Float64Array[], R: number, tol: number): { rank: number; identical: boolean } {
  const js = dqrdc2RankWith(rows, R, tol, false);
  const wasm = dqrdc2RankWith(rows, R, tol, true);
  const a = new Uint8Array(js.x.buffer, js.x.byteOffset, js.x.byteLength);
  const b = new Uint8Array(wasm.x.buffer, wasm.x.byteOffset, wasm.x.byteLength);
  return { rank: wasm.rank, identical: js.rank === wasm.rank && Buffer.compare(a, b) === 0 };
}

describe('the Householder sweep in WebAssembly SIMD', () => {
  it('runs on this Node (else the tables take the JS loop)', () => {
    expect(wasmSweepAvailable()).toBe(true);
  });

  it('gives the JS loop’s bits on the demo’s replicate weights in every domain', () => {
    const domains = demoDomains();
    expect(domains.length).toBe(41);
    for (const { key, df, rows, R } of domains) {
      const { rank, identical } = same(rows, R, 1e-5);
      expect(identical, key).toBe(true);
      expect(rank - 1, key).toBe(df); // R's degf
    }
  });

  it('gives the JS loop’s bits on seeded deficient matrices, at two tolerances', () => {
    let cases = 0;
    for (const { seed, rows, R } of seededMatrices())
      for (const tol of [1e-5, 1e-7]) {
        expect(same(rows, R, tol).identical, `seed ${seed} tol ${tol}`).toBe(true);
        cases++;
      }
    expect(cases).toBe(120);
  });
});
