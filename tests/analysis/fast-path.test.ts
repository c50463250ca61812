/**
 * The PSU-aggregate fast path gives the same estimates, SEs, covariances and design effects as
 * the general influence-matrix path, for Taylor and PSU-multiplier replicate designs, with
 * domains, missing values and covmat.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { setFastPath } from '../../analysis/estimators/fast.ts';
import type { AnyDesign, Estimate } from '../../analysis/index.ts';
import { asSvrepDesign, postStratify, svyBy, svyDesign, svyMean, svyTotal } from '../../analysis/index.ts';
import { data } from './oracle-runner.ts';

const dnh = svyDesign(
  { ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true },
  data('nhanes'),
);
const dclus1 = svyDesign({ ids: ['dnum'], weights: 'pw', fpc: ['fpc'] }, data('apiclus1'));
const designs: [string, AnyDesign][] = [
  ['nhanes Taylor', dnh],
  ['nhanes JKn', asSvrepDesign(dnh, { type: 'JKn' })],
  ['apiclus1 Taylor', dclus1],
  ['apiclus1 JK1', asSvrepDesign(dclus1, { type: 'JK1' })],
  ['nhanes post-stratified', postStratify(dnh, 'race', { '1': 8e7, '2': 1.5e8, '3': 3e7, '4': 2e7 })],
  ['apiclus1 post-stratified', postStratify(dclus1, 'stype', { E: 4421, H: 755, M: 1018 })],
];

function both(f: () => Estimate): [Estimate, Estimate] {
  setFastPath(true);
  const a = f();
  setFastPath(false);
  const b = f();
  setFastPath(true);
  return [a, b];
}

function same(a: Estimate, b: Estimate) {
  expect(a.names).toEqual(b.names);
  const cmp = (xs: number[], ys: number[]): void => {
    expect(xs.length).toBe(ys.length);
    for (let j = 0; j < xs.length; j++) {
      const [x, y] = [xs[j], ys[j]];
      if (Number.isNaN(y)) expect(Number.isNaN(x)).toBe(true);
      else expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-11 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12);
    }
  };
  cmp(a.estimate, b.estimate);
  cmp(a.se, b.se);
  cmp(a.vcov.flat(), b.vcov.flat());
  cmp(a.deff ?? [], b.deff ?? []);
  expect(a.n).toEqual(b.n);
  expect(a.df).toBe(b.df);
}

afterAll(() => setFastPath(true));

describe('fast path = general path', () => {
  for (const [name, d] of designs) {
    const isNh = name.startsWith('nhanes');
    it(`${name}: means and totals of factors and numbers, deff, na.rm`, () => {
      if (isNh) {
        same(...both(() => svyMean('agecat', d, { deff: true })));
        same(
          ...both(() => svyTotal(['HI_CHOL', { name: 'race', factor: true }], d, { naRm: true, deff: true })),
        );
        same(...both(() => svyMean('HI_CHOL', d)));
      } else {
        same(...both(() => svyMean(['api00', 'stype', 'enroll'], d, { deff: true })));
        same(...both(() => svyTotal('stype', d, { deff: 'replace' })));
      }
    });
    it(`${name}: svyBy with deff and covmat`, () => {
      if (isNh) {
        same(...both(() => svyBy('HI_CHOL', ['race', 'RIAGENDR'], d, 'mean', { naRm: true, deff: true })));
        same(...both(() => svyBy({ name: 'race', factor: true }, 'agecat', d, 'total', { covmat: true })));
      } else
        same(...both(() => svyBy(['api00', 'sch.wide'], 'stype', d, 'mean', { covmat: true, deff: true })));
    });
  }
});
