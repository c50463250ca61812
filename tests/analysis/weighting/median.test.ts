/**
 * The trimming rule's median (analysis/weighting/variables.ts) finds the middle order statistics
 * by selection: on random vectors with ties, odd and even lengths, it equals the median of the
 * numerically sorted values exactly (the mean of the two middle ones for an even count).
 */
import { describe, expect, it } from 'vitest';
import { median } from '../../../analysis/weighting/variables.ts';

const sorted = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

describe('median', () => {
  it('equals the sorted middle on random vectors with ties', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let t = 0; t < 500; t++) {
      const n = 1 + Math.floor(rnd() * 60);
      const ties = rnd() < 0.5;
      const values = Array.from({ length: n }, () => (ties ? Math.floor(rnd() * 5) : rnd() * 1000));
      expect(median(values), `${values}`).toBe(sorted(values));
    }
  });

  it('handles the small cases and leaves its input alone', () => {
    const v = [5, 1, 4, 2];
    expect(median(v)).toBe(3);
    expect(v).toEqual([5, 1, 4, 2]);
    expect(median([9])).toBe(9);
    expect(median([2, 1])).toBe(1.5);
    expect(median([])).toBeNaN();
  });
});
