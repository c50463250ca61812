/**
 * Domain intervals of svyCiprop's other methods equal R's svyby(~I(x == 1), ~stratum, design,
 * svyciprop, method = ...) on the tables fixture's JKn design (scripts/r/tables-ciprop.R, key
 * `svyby`): Clopper-Pearson ("beta", whose effective size uses nrow(design) - 1 of the domain's
 * subset, as R's subset of a replicate design keeps only the domain's rows), asin, mean, xlogit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subsetAny } from '../../analysis/estimators/core.ts';
import { svyCiprop } from '../../analysis/index.ts';
import { individualDesign, individualFrame } from '../helpers/individual-fixture.ts';

const dir = 'tests/fixtures/tables';
const golden = JSON.parse(readFileSync(`${dir}/ciprop-golden.json`, 'utf8')).svyby as Array<{
  method: 'beta' | 'asin' | 'mean' | 'xlogit';
  variable: string;
  level: number;
  strata: string[];
  estimate: number[];
  lower: number[];
  upper: number[];
}>;
const frame = individualFrame(['stratum', 'j01_remit', 'c11_cv_ancestry']);
const design = individualDesign(frame);

describe('svyCiprop in domains as R svyby(..., svyciprop, method)', () => {
  it('covers four methods on two variables', () => {
    expect(new Set(golden.map((g) => g.method))).toEqual(new Set(['beta', 'asin', 'mean', 'xlogit']));
  });
  for (const g of golden)
    it(`${g.method}: share of ${g.variable} = ${g.level} by stratum, limits to 1e-9`, () => {
      g.strata.forEach((s, k) => {
        const sub = subsetAny(
          design,
          Float64Array.from(frame.stratum as string[], (x) => (x === s ? 1 : 0)),
        );
        const r = svyCiprop(g.variable, sub, { method: g.method, naRm: true }, String(g.level));
        expect(r.estimate[0]).toBeCloseTo(g.estimate[k], 12);
        expect(Math.abs(r.ci[0][0] - g.lower[k])).toBeLessThan(1e-9);
        expect(Math.abs(r.ci[0][1] - g.upper[k])).toBeLessThan(1e-9);
      });
    });
});
