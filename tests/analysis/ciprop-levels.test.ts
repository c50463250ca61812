/**
 * svyCipropLevels (every level of a categorical column at once, as the tables' logit intervals ask)
 * gives svyCiprop's result for each level to the bit, warnings included: on the tables fixture's
 * JKn design, whole and in each stratum, for a variable with missing values, in seven methods.
 */
import { describe, expect, it } from 'vitest';
import { svyCipropLevels } from '../../analysis/estimators/ciprop.ts';
import { subsetAny } from '../../analysis/estimators/core.ts';
import { svyCiprop } from '../../analysis/index.ts';
import { individualDesign, individualFrame } from '../helpers/individual-fixture.ts';

const frame = individualFrame(['stratum', 'j01_remit', 'c11_cv_ancestry']);
// a copy of a variable with every fifth answer missing
frame.remit_na = (frame.j01_remit as unknown[]).map((v, i) => (i % 5 === 2 ? Number.NaN : v));
const design = individualDesign(frame);
const strata = [...new Set(frame.stratum as string[])].sort();
// 'likelihood' included: it aborted the process on a replicate share of 0 (stratum PR, level 98)
// before ciprop-likelihood-degenerate.test.ts
const methods = ['logit', 'likelihood', 'asin', 'beta', 'mean', 'xlogit', 'wilson'] as const;

describe('svyCipropLevels equals one svyCiprop per level', () => {
  for (const variable of ['remit_na', 'c11_cv_ancestry'])
    it(`${variable}: whole design and each stratum, seven methods, same bits`, () => {
      const col = frame[variable] as unknown[];
      const levels = [...new Set(col.filter((v) => v !== null && !Number.isNaN(v)).map(String))].sort();
      expect(levels.length).toBeGreaterThan(1);
      if (variable === 'remit_na') expect(col.some((v) => Number.isNaN(v))).toBe(true); // dropped
      const subs = [
        design,
        ...strata.map((s) =>
          subsetAny(
            design,
            Float64Array.from(frame.stratum as string[], (x) => (x === s ? 1 : 0)),
          ),
        ),
      ];
      for (const sub of subs)
        for (const method of methods) {
          const options = { method, naRm: true, df: 7 };
          const all = svyCipropLevels(variable, sub, options, [...levels, 'no-such-level']);
          [...levels, 'no-such-level'].forEach((level, k) => {
            expect(all[k]).toEqual(svyCiprop(variable, sub, options, level));
          });
        }
    });
});
