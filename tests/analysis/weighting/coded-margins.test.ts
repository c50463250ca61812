/**
 * The weighting's raking numbers each margin's categories once and builds the model matrix's
 * distinct rows from those numbers (analysis/weighting/calibration.ts), not from the rows' text as
 * the generic calibration does (calibrationWeights). Both must give the same weights bit for bit:
 * levels in R's order (numeric labels numerically, ties in order of first appearance; text by code
 * unit), whatever order the categories first appear in, and a label R reads as missing left to the
 * generic path. The units' post-stratification likewise equals the engine's postStratify.
 */
import { describe, expect, it } from 'vitest';
import { calibrationWeights } from '../../../analysis/calibration/calibrate.ts';
import { postStratify } from '../../../analysis/calibration/post-stratify.ts';
import { svyDesign } from '../../../analysis/design.ts';
import { postStratifyWeights, rakeWeights } from '../../../analysis/weighting/calibration.ts';

type Margin = { name: string; values: string[]; control: Record<string, number> };

/** The generic calibration of the same rows to the same totals. */
function generic(w: Float64Array, margins: Margin[], options: { bounds: readonly [number, number] }) {
  const population: Record<string, number> = {};
  for (const m of margins) for (const [k, v] of Object.entries(m.control)) population[`${m.name}${k}`] = v;
  population['(Intercept)'] = Object.values(margins[0].control).reduce((s, v) => s + v, 0);
  const columns = Object.fromEntries(margins.map((m) => [m.name, m.values]));
  return calibrationWeights(columns, w, Object.keys(columns), population, {
    calfun: 'raking',
    bounds: options.bounds,
    epsilon: 1e-9,
    maxit: 100,
  }).weights;
}

const n = 40;
const pick = (list: string[], i: number) => list[(i * 7 + (i >> 2)) % list.length];
const w = Float64Array.from({ length: n }, (_, i) => 8 + ((i * 13) % 9));
const options = { bounds: [0.3, 3] as const, epsilon: 1e-9, maxit: 100 };

describe('raking on numbered categories', () => {
  it('equals the generic calibration: text labels first seen out of order, numeric labels with a tie', () => {
    const margins: Margin[] = [
      // numeric labels: '10' sorts after '9'; '01' and '1' are both 1 (kept in order of appearance)
      {
        name: 'grp',
        values: Array.from({ length: n }, (_, i) => pick(['10', '9', '01', '1'], i)),
        control: { '10': 120, '9': 110, '01': 100, '1': 90 },
      },
      {
        name: 'region',
        values: Array.from({ length: n }, (_, i) => pick(['south', 'north', 'east'], i + 1)),
        control: { south: 150, north: 140, east: 130 },
      },
    ];
    const got = rakeWeights(w, margins, options);
    expect(Array.from(got.weights)).toEqual(Array.from(generic(w, margins, options)));
    expect(got.weights.reduce((s, v) => s + v, 0)).toBeCloseTo(420, 6);
  });
  it('equals the generic calibration when a label reads as missing (NA) and when rows have no weight', () => {
    const margins: Margin[] = [
      {
        name: 'nat',
        values: Array.from({ length: n }, (_, i) => pick(['PT', 'NA', 'CV'], i)),
        control: { PT: 100, NA: 90, CV: 110 },
      },
      {
        name: 'sex',
        values: Array.from({ length: n }, (_, i) => pick(['m', 'f'], i + 3)),
        control: { m: 150, f: 150 },
      },
    ];
    // 'NA' is missing to R's factor: both paths must fail the same way, with the same words
    const fail = (f: () => unknown) => {
      try {
        f();
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(fail(() => rakeWeights(w, margins, options))).not.toBe('no error');
    const clean = margins.map((m) => ({
      ...m,
      values: m.values.map((v) => (v === 'NA' ? 'NAm' : v)),
      control: Object.fromEntries(Object.entries(m.control).map(([k, v]) => [k === 'NA' ? 'NAm' : k, v])),
    }));
    const some = Float64Array.from(w, (v, i) => (i % 5 === 0 ? 0 : v));
    const got = rakeWeights(some, clean, options).weights;
    const idx = Array.from(some.keys()).filter((i) => some[i] > 0);
    const rows = clean.map((m) => ({ ...m, values: idx.map((i) => m.values[i]) }));
    const want = generic(
      Float64Array.from(idx, (i) => some[i]),
      rows,
      options,
    );
    expect(idx.map((i) => got[i])).toEqual(Array.from(want));
  });
  it("post-stratifies as the engine's postStratify on the rows with weight, and fails as it does on 'NA'", () => {
    const strata = Array.from({ length: n }, (_, i) => pick(['b', 'a', 'c'], i));
    const control = { a: 130, b: 140, c: 150 };
    const some = Float64Array.from(w, (v, i) => (i % 6 === 1 ? 0 : v));
    const got = postStratifyWeights(some, strata, control);
    const idx = Array.from(some.keys()).filter((i) => some[i] > 0);
    const d = svyDesign(
      { ids: null, weights: 'w' },
      { w: Float64Array.from(idx, (i) => some[i]), s: idx.map((i) => strata[i]) },
    );
    const want = postStratify(d, 's', control).weights;
    expect(idx.map((i) => got[i])).toEqual(Array.from(want));
    expect(got[1]).toBe(0);
    const na = strata.map((v) => (v === 'c' ? 'NA' : v));
    expect(() => postStratifyWeights(some, na, { a: 130, b: 140, NA: 150 })).toThrow(/Missing value/);
  });
});
