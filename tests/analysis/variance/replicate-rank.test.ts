/**
 * The df of a replicate (sub)design is the rank of its rows' replicate weights - 1 (R degf); it is
 * computed once per row set, so a second domain with other rows must get its own rank.
 */
import { describe, expect, it } from 'vitest';
import { degf, subsetAny } from '../../../analysis/estimators/core.ts';
import { svrepDesign } from '../../../analysis/index.ts';

// 6 rows in 3 PSUs of 2 rows, JK1 with one replicate per PSU (the PSU deleted, the others x 3/2).
const psu = [0, 0, 1, 1, 2, 2];
const reps = [0, 1, 2].map((r) => psu.map((p, i) => (p === r ? 0 : 1.5 * (1 + i / 10))));
const data = { y: [1, 2, 3, 4, 5, 6], w: psu.map((_, i) => 1 + i / 10) };
const design = svrepDesign({ type: 'JK1', repweights: reps, weights: 'w' }, data);
const keep = (rows: number[]) =>
  subsetAny(
    design,
    Float64Array.from(psu, (_, i) => (rows.includes(i) ? 1 : 0)),
  );

describe('replicate df of a domain', () => {
  it('is the rank of the domain rows’ replicate weights - 1, for each domain on its own', () => {
    expect(degf(design)).toBe(2); // 3 independent replicate columns
    // rows of PSUs 0 and 1 only: there replicate 2 = replicate 0 + replicate 1, rank 2
    expect(degf(keep([0, 1, 2, 3]))).toBe(1);
    // one PSU's rows: replicate 0 is 0 there, replicates 1 and 2 are proportional: rank 1
    expect(degf(keep([0, 1]))).toBe(0);
    // asked again, and after the other domains, the same numbers
    expect(degf(keep([0, 1, 2, 3]))).toBe(1);
    expect(degf(keep([0, 1]))).toBe(0);
    // one row of each of two PSUs
    expect(degf(keep([0, 2]))).toBe(1);
  });
});
