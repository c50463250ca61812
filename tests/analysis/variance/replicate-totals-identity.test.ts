/**
 * replicateTotals (analysis/variance/replicate.ts) reads a row-major copy of the replicate weights,
 * skips terms with u = 0 and takes a mean's denominator (u = 1) from sums shared per row set: it must
 * give the same bits as summing one replicate and one estimate at a time over the (sub)design's rows
 * in row order (the code before, written out here), on seeded designs with zero and negative values,
 * subsets, several estimates, the same row set asked twice, and an infinite replicate weight.
 */
import { describe, expect, it } from 'vitest';
import { subsetAny } from '../../../analysis/estimators/core.ts';
import { svrepDesign } from '../../../analysis/index.ts';
import type { ReplicateDesign } from '../../../analysis/replicate-design.ts';
import { seededUniform as random } from '../../../analysis/sampling/rng.ts';
import { replicateTotals } from '../../../analysis/variance/replicate.ts';

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
    Float64Array.from(w, (x) => (u() < 0.1 ? 0 : x * (0.5 + u()))),
  );
  if (inf) reps[1][3] = Number.POSITIVE_INFINITY;
  return svrepDesign({ type: 'JK1', repweights: reps, weights: 'w' }, { w });
}

const same = (a: Float64Array[], b: Float64Array[]) =>
  a.every((t, r) => t.every((v, k) => Object.is(v, b[r][k])));

describe('replicate totals', () => {
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
        const got = replicateTotals(des, us);
        const want = reference(des, us);
        expect(same(got, want)).toBe(true);
      }
    }
  });

  it('keep 0 x Inf a NaN, as the sum term by term does', () => {
    const d = design(7, 30, 5, true);
    const y = Float64Array.from({ length: d.n }, (_, i) => (i === 3 ? 0 : i));
    const got = replicateTotals(d, [y, new Float64Array(d.n).fill(1)]);
    expect(Number.isNaN(got[1][0])).toBe(true);
    expect(same(got, reference(d, [y, new Float64Array(d.n).fill(1)]))).toBe(true);
  });
});
