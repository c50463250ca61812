/**
 * replicateTotals (analysis/variance/replicate.ts) reads a row-major copy of the replicate weights,
 * skips terms with u = 0 and takes a mean's denominator (u = 1) from sums shared per row set, and
 * sums in WebAssembly SIMD (two replicates per f64x2, zero weights masked to +0) where it runs: both
 * that kernel and the JS loop must give the same bits as summing one replicate and one estimate at
 * a time over the (sub)design's rows in row order (the code before, written out here), on seeded
 * designs with zero, -0 and negative values, an odd and an even number of replicates, subsets,
 * several estimates, the same row set asked twice, an infinite replicate weight and a NaN estimate
 * value on a row whose weight is 0 in some replicates.
 */
import { describe, expect, it } from 'vitest';
import { subsetAny } from '../../../analysis/estimators/core.ts';
import { svrepDesign } from '../../../analysis/index.ts';
import type { ReplicateDesign } from '../../../analysis/replicate-design.ts';
import { seededUniform as random } from '../../../analysis/sampling/rng.ts';
import { replicateTotalsWith } from '../../../analysis/variance/replicate.ts';
import { wasmTotalsAvailable } from '../../../analysis/variance/totals-kernel.ts';

/** The totals one replicate and one estimate at a time, each from +0 in row order. */
function reference(design: ReplicateDesign, u: Float64Array[]): Float64Array[] {
  const reps = design.repWeights as Float64Array[];
  return reps.map((wr) =>
    Float64Array.from(u, (uk) => {
      let s = 0;
      for (let i = 0; i < design.n; i++) if (design.weights[i] !== 0 && wr[i] !== 0) s += wr[i] * uk[i];
      return s;
    }),
  );
}

function design(seed: number, n: number, R: number, inf = false): ReplicateDesign {
  const u = random(seed);
  const w = Float64Array.from({ length: n }, () => 1 + u() * 50);
  const reps = Array.from({ length: R }, () =>
    Float64Array.from(w, (x) => (u() < 0.1 ? (u() < 0.5 ? 0 : -0) : x * (0.5 + u()))),
  );
  if (inf) reps[1][3] = Number.POSITIVE_INFINITY;
  return svrepDesign({ type: 'JK1', repweights: reps, weights: 'w' }, { w });
}

const same = (a: Float64Array[], b: Float64Array[]) =>
  a.length === b.length && a.every((t, r) => t.every((v, k) => Object.is(v, b[r][k])));

/** The totals by the wasm kernel and by the JS loop, each compared with the reference. */
function bothSame(des: ReplicateDesign, us: Float64Array[]): boolean {
  const want = reference(des, us);
  return same(replicateTotalsWith(des, us, true), want) && same(replicateTotalsWith(des, us, false), want);
}

describe('replicate totals', () => {
  it('are summed by the wasm kernel on this Node (else the JS loop)', () => {
    expect(wasmTotalsAvailable()).toBe(true);
  });

  it('are the bits of one replicate and one estimate at a time, in row order', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const u = random(seed + 100);
      const d = design(seed, 40 + seed * 7, 9 + seed);
      const n = d.n;
      const keep = Float64Array.from({ length: n }, () => (u() < 0.6 ? 1 : 0));
      const sub = subsetAny(d, keep);
      const y = Float64Array.from({ length: n }, () => (u() < 0.3 ? 0 : u() * 200 - 100));
      const ind = Float64Array.from({ length: n }, () => (u() < 0.5 ? 1 : 0));
      const ones = new Float64Array(n).fill(1);
      // ones on the subset's rows only: still a denominator there
      const onesIn = Float64Array.from(keep, (k) => (k ? 1 : 7));
      for (const [des, us] of [
        [d, [y]],
        [sub, [y, ind, ones]],
        [sub, [ind, onesIn]],
        [sub, [ind, ones]], // the same row set again: the shared sums
        [d, [ones, y]],
      ] as Array<[ReplicateDesign, Float64Array[]]>) {
        expect(bothSame(des, us)).toBe(true);
      }
    }
  });

  it('keep 0 x Inf a NaN, as the sum term by term does', () => {
    const d = design(7, 30, 5, true);
    const y = Float64Array.from({ length: d.n }, (_, i) => (i === 3 ? 0 : i));
    for (const wasm of [true, false]) {
      const got = replicateTotalsWith(d, [y, new Float64Array(d.n).fill(1)], wasm);
      expect(Number.isNaN(got[1][0])).toBe(true);
      expect(same(got, reference(d, [y, new Float64Array(d.n).fill(1)]))).toBe(true);
    }
  });

  it('skip a NaN value where the replicate weight is 0, as the sum term by term does', () => {
    const d = design(11, 50, 7);
    const reps = d.repWeights as Float64Array[];
    reps[2][5] = 0;
    reps[4][5] = -0;
    const y = Float64Array.from({ length: d.n }, (_, i) => (i === 5 ? Number.NaN : i - 20));
    expect(bothSame(d, [y])).toBe(true);
    const got = replicateTotalsWith(d, [y], true);
    expect(got.map((t) => Number.isNaN(t[0]))).toEqual(reps.map((wr) => wr[5] !== 0));
    expect(got[2][0]).not.toBeNaN();
    expect(got[4][0]).not.toBeNaN();
  });
});
