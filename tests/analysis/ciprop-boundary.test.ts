/**
 * Morabeza's own behaviour where R has none: Wilson intervals (not in R survey) reduce to the
 * textbook Wilson score interval under SRS with replacement and Normal quantiles; a proportion of
 * exactly 0 or 1 gets the one-sided Clopper-Pearson bound instead of R's NaN; trimming a
 * replicate design trims every replicate.
 */
import { describe, expect, it } from 'vitest';
import {
  asSvrepDesign,
  qnorm,
  qt,
  svyCiprop,
  svyDesign,
  svyMean,
  trimWeights,
} from '../../analysis/index.ts';
import { data } from './oracle-runner.ts';

describe('svyCiprop beyond R', () => {
  const n = 40;
  const y = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0));
  const srs = svyDesign({ ids: [], weights: 'w' }, { y, w: new Float64Array(n).fill(1) });
  it('wilson with SRS and df = Inf is the textbook Wilson score interval', () => {
    const r = svyCiprop('y', srs, { method: 'wilson', df: Number.POSITIVE_INFINITY });
    const p = 0.25;
    const z = 1.959963984540054;
    // design variance of the mean under SRS-WR is p(1-p)/(n-1); the Wilson n is p(1-p)/V = n-1
    const m = n - 1;
    const centre = (p + (z * z) / (2 * m)) / (1 + (z * z) / m);
    const half = (z / (1 + (z * z) / m)) * Math.sqrt((p * (1 - p)) / m + (z * z) / (4 * m * m));
    expect(r.ci[0][0]).toBeCloseTo(centre - half, 12);
    expect(r.ci[0][1]).toBeCloseTo(centre + half, 12);
  });
  it('a proportion of 0 gets [0, 1 - (alpha/2)^(1/n_eff)] and a warning, for every method but mean', () => {
    // n_eff = n (t_{n-1} / z)^2: the Korn-Graubard df adjustment with df = Inf
    const nEff = n * (qt(0.025, n - 1) / qnorm(0.025)) ** 2;
    const zero = svyDesign(
      { ids: [], weights: 'w' },
      { y: new Float64Array(n), w: new Float64Array(n).fill(1) },
    );
    for (const method of ['logit', 'beta', 'xlogit', 'asin', 'wilson'] as const) {
      const r = svyCiprop('y', zero, { method, df: Number.POSITIVE_INFINITY });
      expect(r.ci[0][0]).toBe(0);
      expect(r.ci[0][1]).toBeCloseTo(1 - 0.025 ** (1 / nEff), 12);
      expect(r.warnings.join(' ')).toMatch(/one-sided Clopper-Pearson/);
    }
    const ones = svyDesign(
      { ids: [], weights: 'w' },
      { y: new Float64Array(n).fill(1), w: new Float64Array(n).fill(1) },
    );
    const r1 = svyCiprop('y', ones, { method: 'beta', df: Number.POSITIVE_INFINITY });
    expect(r1.ci[0][1]).toBe(1);
    expect(r1.ci[0][0]).toBeCloseTo(0.025 ** (1 / nEff), 12);
  });
});

describe('trimWeights on a replicate design', () => {
  it('trims the full-sample weights and every replicate to the bounds, keeping each total', () => {
    const dclus1 = svyDesign({ ids: ['dnum'], weights: 'pw', fpc: ['fpc'] }, data('apiclus1'));
    const rep = asSvrepDesign(dclus1, { type: 'JK1' });
    const t = trimWeights(rep, { upper: 35 });
    const sum = (w: ArrayLike<number>) => Array.from(w).reduce((s, v) => s + v, 0);
    expect(Math.max(...t.weights)).toBeLessThanOrEqual(35 + 1e-9);
    expect(sum(t.weights)).toBeCloseTo(sum(rep.weights), 6);
    for (const w of t.repWeights ?? []) expect(Math.max(...w)).toBeLessThanOrEqual(35 + 1e-9);
    expect(svyMean('api00', t).se[0]).toBeGreaterThan(0);
  });
});
