/**
 * svyGlm, regTermTest and svyPredmeans against R survey 4.1-1 (scripts/r/svyglm.R): 42 models on
 * Taylor designs (SRS, clusters, strata, two stages, FPC, calibrated) and replicate designs (JK1,
 * JKn, BRR, Fay, bootstrap, recalibrated JK1), with factors, interactions, offsets, missing values
 * and domains. Coefficients, SEs, t, CIs, vcov within 1e-8 relative; p values within 1e-8 on the
 * log scale; the residual df exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SvyGlmResult } from '../../analysis/estimators/glm.ts';
import { confintGlm, svyGlm } from '../../analysis/estimators/glm.ts';
import { svyPredmeans } from '../../analysis/estimators/glm-predmeans.ts';
import { regTermTest } from '../../analysis/estimators/glm-terms.ts';
import { glmDesign, glmDomain } from './glm-designs.ts';
import { FIXTURES } from './oracle-runner.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const golden: any = JSON.parse(readFileSync(join(FIXTURES, 'extra', 'svyglm.json'), 'utf8'));
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const nums = (x: any): number[] => (Array.isArray(x) ? x.flat(3).map(Number) : [Number(x)]);
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const cases: any[] = golden.cases;

function close(got: number[], want: number[], tol: number, what: string) {
  expect(got.length, what).toBe(want.length);
  got.forEach((g, j) => {
    const w = want[j];
    const rel = Math.abs(g - w) / Math.max(Math.abs(w), 1e-300);
    expect(rel, `${what}[${j}]: ${g} vs R ${w}`).toBeLessThan(tol);
  });
}
function closeLog(got: number[], want: number[], tol: number, what: string) {
  got.forEach((g, j) => {
    expect(Math.abs(Math.log(g) - Math.log(want[j])), `${what}[${j}]: ${g} vs R ${want[j]}`).toBeLessThan(
      tol,
    );
  });
}

const fits = new Map<string, SvyGlmResult>();
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
function fitCase(c: any): SvyGlmResult {
  const d = glmDomain(glmDesign(c.design), c.domain);
  const f = svyGlm(c.formula, d, { family: c.family });
  fits.set(c.id, f);
  return f;
}

describe('svyGlm = R svyglm', () => {
  for (const c of cases.filter((k) => k.kind === 'glm'))
    it(`${c.id}: ${c.formula} (${c.family}) on ${c.design}${c.domain ? ' in a domain' : ''}`, () => {
      const f = fitCase(c);
      const ok = f.names.map((_, j) => !f.aliased.includes(f.names[j]));
      expect(f.names.filter((_, j) => ok[j])).toEqual([c.names].flat());
      const pick = (xs: number[]) => xs.filter((_, j) => ok[j]);
      close(pick(f.estimate), nums(c.estimate), 1e-8, 'estimate');
      close(pick(f.se), nums(c.se), 1e-8, 'se');
      close(pick(f.t), nums(c.t), 1e-8, 't');
      closeLog(pick(f.p), nums(c.p), 1e-8, 'p');
      expect(f.df).toBe(Number(c.df));
      const ci = pick(confintGlm(f) as never) as unknown as [number, number][];
      close(
        ci.map((x) => x[0]),
        nums(c.lower),
        1e-8,
        'lower',
      );
      close(
        ci.map((x) => x[1]),
        nums(c.upper),
        1e-8,
        'upper',
      );
      const v = f.vcov.flat();
      const want = nums(c.vcov);
      const scale = Math.max(...want.map(Math.abs));
      v.forEach((x, k) => {
        expect(Math.abs(x - want[k]) / scale, `vcov[${k}]`).toBeLessThan(1e-8);
      });
    });
});

describe('regTermTest = R regTermTest', () => {
  for (const c of cases.filter((k) => k.kind === 'regTermTest'))
    it(`${c.id}: ${c.terms}`, () => {
      const model = fits.get(c.fit) ?? fitCase(cases.find((k) => k.id === c.fit));
      const r = regTermTest(model, c.terms, c.df_given === 'Inf' ? { df: Number.POSITIVE_INFINITY } : {});
      expect(r.test).toBe(c.test);
      expect(r.df).toBe(Number(c.df));
      if (c.test === 'F') expect(r.ddf).toBe(Number(c.ddf));
      close([r.value], nums(c.statistic), 1e-8, 'statistic');
      closeLog([r.pValue], nums(c.p), 1e-8, 'p');
    });
});

describe('svyPredmeans = R svypredmeans', () => {
  for (const c of cases.filter((k) => k.kind === 'predmeans'))
    it(`${c.id}: margins of ${c.group}`, () => {
      const model = cases.find((k) => k.id === c.fit);
      const d = glmDesign(model.design);
      const r = svyPredmeans(model.formula, c.group, d, { family: model.family });
      // R lists the groups in order of appearance; compare by name.
      const names: string[] = [c.names].flat();
      const order = names.map((nm) => r.names.indexOf(nm));
      expect([...order].sort((a, b) => a - b)).toEqual(names.map((_, k) => k));
      close(
        order.map((k) => r.estimate[k]),
        nums(c.estimate),
        1e-8,
        'estimate',
      );
      close(
        order.map((k) => r.se[k]),
        nums(c.se),
        1e-8,
        'se',
      );
    });
});
