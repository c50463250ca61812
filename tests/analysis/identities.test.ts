/**
 * Identities that must hold whatever the data: a domain mean by svyBy = by a zero-weighted
 * subset = by a ratio of totals; permuting rows changes nothing; equal weights without
 * clustering give the textbook SRS formula; filtering rows instead of zero-weighting is wrong.
 */
import { describe, expect, it } from 'vitest';
import type { AnyDesign, DataFrame } from '../../analysis/index.ts';
import {
  asSvrepDesign,
  subsetAny,
  svyBy,
  svyDesign,
  svyMean,
  svyRatio,
  svyTotal,
} from '../../analysis/index.ts';
import { data } from './oracle-runner.ts';

function close(a: number, b: number, rel = 1e-12): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b)));
}

const apiclus1 = data('apiclus1');
const nhanes = data('nhanes');
const dclus1 = svyDesign({ ids: ['dnum'], weights: 'pw', fpc: ['fpc'] }, apiclus1);
const dnh = svyDesign({ ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true }, nhanes);

function domainThreeWays(d: AnyDesign, y: string, byVar: string, level: string) {
  const by = svyBy(y, byVar, d, 'mean');
  const k = by.domains?.labels.findIndex((l) => l[0] === level) ?? -1;
  const keep = Array.from({ length: d.n }, (_, i) => String(d.data[byVar][i]) === level);
  const sub = svyMean(y, subsetAny(d, keep));
  const ind = Float64Array.from(keep, (b) => (b ? 1 : 0));
  const yv = d.data[y] as Float64Array;
  const yInd = Float64Array.from(yv, (v, i) => v * ind[i]);
  const withCols = { ...d, data: { ...d.data, __y: yInd, __ind: ind } as DataFrame } as AnyDesign;
  const ratio = svyRatio('__y', '__ind', withCols);
  return {
    by: [by.estimate[k], by.se[k]],
    sub: [sub.estimate[0], sub.se[0]],
    ratio: [ratio.estimate[0], ratio.se[0]],
  };
}

describe('domain estimation identities', () => {
  for (const [name, d] of [
    ['Taylor cluster design', dclus1],
    ['JK1 replicate design', asSvrepDesign(dclus1, { type: 'JK1' })],
  ] as const) {
    it(`${name}: svyBy = subset = ratio for the mean of api00 among high schools`, () => {
      const r = domainThreeWays(d, 'api00', 'stype', 'H');
      close(r.by[0], r.sub[0]);
      close(r.by[0], r.ratio[0]);
      close(r.by[1], r.sub[1], 1e-10);
      close(r.by[1], r.ratio[1], 1e-10);
    });
  }

  it('filtering rows instead of zero-weighting changes the SE (a small domain that misses PSUs)', () => {
    const keep = Array.from(
      { length: dnh.n },
      (_, i) => nhanes.race[i] === 4 && nhanes.agecat[i] === '(59,Inf]',
    );
    const domain = svyMean('RIAGENDR', subsetAny(dnh, keep));
    const rows = keep.map((k, i) => (k ? i : -1)).filter((i) => i >= 0);
    const filtered: DataFrame = {};
    for (const [k, col] of Object.entries(nhanes)) filtered[k] = rows.map((i) => col[i]) as never;
    const dFiltered = svyDesign(
      { ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true, lonelyPsu: 'adjust' },
      filtered,
    );
    const naive = svyMean('RIAGENDR', dFiltered);
    close(domain.estimate[0], naive.estimate[0]);
    expect(Math.abs(domain.se[0] - naive.se[0])).toBeGreaterThan(1e-6);
  });
});

describe('permutation invariance', () => {
  it('reversing and shuffling rows leaves estimates, SEs and covariances unchanged', () => {
    const n = nhanes.SDMVPSU.length;
    const perm = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    expect(new Set(perm).size).toBe(n);
    const permuted: DataFrame = {};
    for (const [k, col] of Object.entries(nhanes))
      permuted[k] =
        col instanceof Float64Array ? Float64Array.from(perm, (i) => col[i]) : perm.map((i) => col[i]);
    const d2 = svyDesign({ ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true }, permuted);
    for (const f of [
      (d: AnyDesign) => svyMean('agecat', d),
      (d: AnyDesign) => svyTotal('HI_CHOL', d, { naRm: true }),
      (d: AnyDesign) => svyBy('HI_CHOL', ['race', 'RIAGENDR'], d, 'mean', { naRm: true }),
    ]) {
      const a = f(dnh);
      const b = f(d2);
      for (let j = 0; j < a.estimate.length; j++) {
        close(a.estimate[j], b.estimate[j], 1e-11);
        close(a.se[j], b.se[j], 1e-10);
      }
    }
  });
});

describe('simple random sampling', () => {
  const y = Float64Array.from({ length: 50 }, (_, i) => ((i * 37) % 23) + 0.5 * i);
  const n = y.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const s2 = y.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  it('equal weights, no clusters, no fpc: se(mean) = s / sqrt(n), se(total) = N s / sqrt(n)', () => {
    const d = svyDesign({ ids: [], weights: 'w' }, { y, w: new Float64Array(n).fill(20) });
    const m = svyMean('y', d);
    close(m.estimate[0], mean);
    close(m.se[0], Math.sqrt(s2 / n));
    close(svyTotal('y', d).se[0], 20 * n * Math.sqrt(s2 / n));
  });
  it('with fpc N = 1000: se(mean) = sqrt((1 - n/N) s^2 / n), and deff = 1', () => {
    const d = svyDesign({ ids: [], fpc: 'N' }, { y, N: new Float64Array(n).fill(1000) });
    const m = svyMean('y', d, { deff: true });
    close(m.se[0], Math.sqrt((1 - n / 1000) * (s2 / n)));
    close(m.deff?.[0] ?? Number.NaN, 1);
  });
});
