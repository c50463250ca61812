/**
 * PPS without replacement with Brewer's approximation against R svydesign(..., pps = "brewer")
 * (scripts/r/pps-brewer.R): means, totals, a domain, svyBy, svyGlm (also in a domain) and the
 * design df on a stratified area sample; weights from the probabilities when none are given; a
 * population size as fpc is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svyGlm } from '../../analysis/estimators/glm.ts';
import type { DataFrame } from '../../analysis/index.ts';
import {
  degf,
  SurveyError,
  subsetDesign,
  svyBy,
  svyDesign,
  svyMean,
  svyTotal,
} from '../../analysis/index.ts';
import { readCsv } from '../../analysis/io/csv.ts';
import { FIXTURES } from './oracle-runner.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const R: any = JSON.parse(readFileSync(join(FIXTURES, 'extra', 'pps.json'), 'utf8'));
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const nums = (x: any): number[] => (Array.isArray(x) ? x.flat(3).map(Number) : [Number(x)]);
const data = readCsv(join(FIXTURES, 'extra', 'pps.csv'));
const dpps = svyDesign({ ids: ['ea'], strata: 'stratum', weights: 'w', fpc: ['pi_ea'], pps: 'brewer' }, data);
const female = Array.from(data.sex as string[], (s) => s === 'F');

function close(got: number[], want: number[], tol = 1e-9) {
  expect(got.length).toBe(want.length);
  got.forEach((g, j) => {
    expect(Math.abs(g - want[j]) / Math.abs(want[j]), `[${j}] ${g} vs R ${want[j]}`).toBeLessThan(tol);
  });
}

describe("PPS with Brewer's approximation = R pps = 'brewer'", () => {
  it('means, totals, a domain and svyBy', () => {
    const m = svyMean('income', dpps);
    close(m.estimate, nums(R.mean_income.estimate));
    close(m.se, nums(R.mean_income.se));
    const t = svyTotal(['size', 'sex'], dpps);
    close(t.estimate, nums(R.total_size_sex.estimate));
    close(t.se, nums(R.total_size_sex.se));
    const dm = svyMean('income', subsetDesign(dpps, female));
    close(dm.se, nums(R.mean_income_domain_F.se));
    const by = svyBy('income', ['stratum'], dpps, 'mean');
    close(by.se, nums(R.by_stratum.se));
    expect(degf(dpps)).toBe(Number(R.degf));
  });
  it('differs from the same design without pps (the per-PSU 1 - pi matters)', () => {
    const plain = svyDesign({ ids: ['ea'], strata: 'stratum', weights: 'w' }, data);
    const rel = Math.abs(svyMean('income', plain).se[0] / Number(R.mean_income.se) - 1);
    expect(rel).toBeGreaterThan(1e-3);
  });
  it('svyGlm, also in a domain', () => {
    for (const [key, f, opts] of [
      ['glm_income', 'income ~ age + size + sex', {}],
      ['glm_insured', 'insured ~ age + sex', { family: 'quasibinomial' as const }],
      ['glm_domain', 'income ~ age + size', { subset: female.map((x) => !x) }],
    ] as const) {
      const fit = svyGlm(f, dpps, opts);
      close(fit.estimate, nums(R[key].estimate), 1e-8);
      close(fit.se, nums(R[key].se), 1e-8);
      expect(fit.df).toBe(Number(R[key].df));
    }
  });
  it('an unstratified design takes its weights from the probabilities', () => {
    const rows = Array.from(data.stratum as string[], (s) => s === 'B');
    const sub: DataFrame = {};
    for (const [k, col] of Object.entries(data))
      sub[k] = Array.from(col as ArrayLike<unknown>).filter((_, i) => rows[i]) as never;
    sub.pi_ea = Float64Array.from(sub.pi_ea as ArrayLike<number>);
    const d = svyDesign({ ids: ['ea'], fpc: ['pi_ea'], pps: 'brewer' }, sub);
    close(Array.from(d.weights), nums(R.unstratified_weights));
    const m = svyMean(['income', 'insured'], d);
    close(m.se, nums(R.unstratified_mean.se));
  });
  it('refuses population sizes as fpc', () => {
    const big = { ...data, N: Float64Array.from({ length: (data.ea as Float64Array).length }, () => 100) };
    expect(() =>
      svyDesign({ ids: ['ea'], strata: 'stratum', weights: 'w', fpc: ['N'], pps: 'brewer' }, big),
    ).toThrow(SurveyError);
  });
});
