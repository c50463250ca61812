/**
 * The raking problem shared by a trimming loop's rounds (`raker`) is rebuilt whenever the rows with
 * weight change: reusing one raker on other rows gives the same weights as a fresh raking of those
 * rows (rakeWeights), including a category the new rows lost (dropped, its control spread).
 */
import { describe, expect, it } from 'vitest';
import { raker, rakeWeights } from '../../../analysis/weighting/calibration.ts';

const sex = ['m', 'f', 'm', 'f', 'm', 'f', 'm', 'f', 'm', 'f'];
const age = ['y', 'y', 'o', 'o', 'y', 'o', 'y', 'o', 'o', 'y'];
const margins: Array<{ name: string; values: string[]; control: Record<string, number> }> = [
  { name: 'sex', values: sex, control: { m: 60, f: 50 } },
  { name: 'age', values: age, control: { y: 45, o: 65 } },
];
const options = { bounds: [0.3, 3] as const, epsilon: 1e-9, maxit: 100, dropEmpty: true };
const w = Float64Array.from([10, 12, 9, 11, 10, 13, 8, 12, 11, 10]);

describe('raker', () => {
  it('rakes cut weights of the same rows as a fresh raking does', () => {
    const rake = raker(margins, options);
    rake(w);
    const cut = Float64Array.from(w, (v) => Math.min(v, 11));
    expect(Array.from(rake(cut).weights)).toEqual(Array.from(rakeWeights(cut, margins, options).weights));
  });
  it('rebuilds the problem when rows lose their weight (a replicate dropping a category)', () => {
    const rake = raker(margins, options);
    const first = rake(w);
    // the first row out (a replicate without its PSU): no category lost, but the rows differ
    const fewer = Float64Array.from(w, (v, i) => (i === 0 ? 0 : v));
    const got = rake(fewer);
    const fresh = rakeWeights(fewer, margins, options);
    expect(Array.from(got.weights)).toEqual(Array.from(fresh.weights));
    expect(got.weights[0]).toBe(0);
    expect(first.weights[0]).toBeGreaterThan(0);
    // every man out: the sex margin loses 'm', its control spread over 'f'
    const women = Float64Array.from(w, (v, i) => (sex[i] === 'f' ? v : 0));
    const lost = rake(women);
    expect(lost.dropped).toEqual(['sex=m']);
    expect(Array.from(lost.weights)).toEqual(Array.from(rakeWeights(women, margins, options).weights));
    expect(lost.weights.reduce((s, v) => s + v, 0)).toBeCloseTo(110, 6);
  });
});
