/**
 * calibrationWeights (the weighting pipeline's calibration, without a design) gives the weights of
 * calibrate() on a design, and says how far it got when it stops.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, calibrationWeights, svyDesign } from '../../../analysis/index.ts';
import { readCsv } from '../../../analysis/io/csv.ts';
import { FIXTURES } from '../oracle-runner.ts';

const apiclus1 = readCsv(join(FIXTURES, 'extra', 'apiclus1.csv'));
const dclus1 = svyDesign({ ids: ['dnum'], weights: 'pw', fpc: ['fpc'] }, apiclus1);
const population = { '(Intercept)': 6194, stypeH: 755, stypeM: 1018, 'sch.wideYes': 5122 };

describe('calibrationWeights', () => {
  for (const options of [
    { calfun: 'raking' as const },
    { calfun: 'raking' as const, bounds: [0.7, 1.7] as const },
    { calfun: 'linear' as const, bounds: [0.7, 1.7] as const },
  ])
    it(`equals calibrate(design).weights (${JSON.stringify(options)})`, () => {
      const viaDesign = calibrate(dclus1, ['stype', 'sch.wide'], population, options).weights;
      const direct = calibrationWeights(
        dclus1.data,
        dclus1.weights,
        ['stype', 'sch.wide'],
        population,
        options,
      );
      expect(direct.weights).toHaveLength(viaDesign.length);
      const gap = Math.max(...direct.weights.map((w, i) => Math.abs(w - viaDesign[i])));
      expect(gap).toBeLessThan(1e-9);
      const total = direct.weights.reduce((s, w) => s + w, 0);
      expect(Math.abs(total - 6194)).toBeLessThan(6194 * 1e-7);
      const gGap = Math.max(...direct.g.map((g, i) => Math.abs(g * dclus1.weights[i] - direct.weights[i])));
      expect(gGap).toBeLessThan(1e-9);
    });

  it('stops at maxit with the misfit it reached in the message', () => {
    expect(() =>
      calibrationWeights(dclus1.data, dclus1.weights, ['stype', 'sch.wide'], population, {
        calfun: 'raking',
        maxit: 1,
      }),
    ).toThrow(/Failed to converge: eps=[0-9.e-]+ in \d+ iterations/);
  });
});
