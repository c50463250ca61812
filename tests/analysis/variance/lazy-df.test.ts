/**
 * A replicate design's df and an estimate's df are computed when first read (analysis/lazy-df.ts):
 * read, spread or serialised they are the same numbers as R degf of the (sub)design, and a subset
 * made before the whole design's df was read still gives the whole design's df.
 */
import { describe, expect, it } from 'vitest';
import { degf, subsetAny } from '../../../analysis/estimators/core.ts';
import { svrepDesign, svyBy, svyMean } from '../../../analysis/index.ts';

// 6 rows in 3 PSUs of 2 rows, JK1 with one replicate per PSU (the PSU deleted, the others x 3/2).
const psu = [0, 0, 1, 1, 2, 2];
const reps = [0, 1, 2].map((r) => psu.map((p, i) => (p === r ? 0 : 1.5 * (1 + i / 10))));
const data = { y: [1, 2, 3, 4, 5, 6], g: ['a', 'a', 'a', 'b', 'b', 'b'], w: psu.map((_, i) => 1 + i / 10) };

describe('df computed when first read', () => {
  it('is the rank - 1 of the rows’ replicate weights, read, spread or serialised', () => {
    const design = svrepDesign({ type: 'JK1', repweights: reps, weights: 'w' }, data);
    const sub = subsetAny(design, [1, 1, 1, 1, 0, 0]);
    expect(sub.degf).toBe(2); // the whole design's: 3 independent replicates
    expect({ ...design }.degf).toBe(2);
    const est = svyMean('y', sub);
    expect(est.df).toBe(1); // PSUs 0 and 1: replicate 2 = replicate 0 + replicate 1
    expect(est.df).toBe(degf(sub));
    expect(JSON.parse(JSON.stringify(est)).df).toBe(1);
    expect(Object.keys(est)).toContain('df');
    const by = svyBy('y', 'g', design, 'mean');
    expect({ ...by }.df).toBe(2);
  });
});
