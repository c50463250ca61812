/**
 * The duration statistics of the quality flags and the dashboard (server/domain/quality/stats.ts, on
 * simple-statistics) against R: median and the default quantile (type 7) on the vectors of
 * scripts/r/quantiles.R (tests/fixtures/quality/quantiles.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { median, quantileOfSorted } from '../../server/domain/quality/stats.ts';

const cases = JSON.parse(
  readFileSync(new URL('../fixtures/quality/quantiles.json', import.meta.url), 'utf8'),
) as Array<{ x: number | number[]; median: number; p: number[]; quantile: number[] }>;

describe('duration statistics agree with R', () => {
  it.each(cases.map((c) => [[c.x].flat(), c] as const))('median and type-7 quantiles of %j', (x, c) => {
    expect(median(x)).toBeCloseTo(c.median, 12);
    const sorted = [...x].sort((a, b) => a - b);
    c.p.forEach((p, k) => {
      expect(quantileOfSorted(sorted, p)).toBeCloseTo(c.quantile[k], 12);
    });
  });

  it('gives null, not a number, for no durations', () => {
    expect(median([])).toBeNull();
    expect(quantileOfSorted([], 0.5)).toBeNull();
  });
});
