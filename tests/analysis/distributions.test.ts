/**
 * Normal, t, F, chi-square and beta CDFs / quantiles agree with R to near double precision
 * (reference values from scripts/r/distributions.R), including far tails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pbeta, pchisq, pf, pnorm, pt, qbeta, qchisq, qnorm, qt } from '../../analysis/index.ts';
import { FIXTURES } from './oracle-runner.ts';

const ref: { values: { fn: string; args: string[] | string; value: string }[] } = JSON.parse(
  readFileSync(join(FIXTURES, 'extra', 'distributions.json'), 'utf8'),
);

const FNS: Record<string, (a: number[]) => number> = {
  pnorm: ([x]) => pnorm(x),
  qnorm: ([p]) => qnorm(p),
  pt: ([t, df]) => pt(t, df),
  qt: ([p, df]) => qt(p, df),
  pf_upper: ([x, d1, d2]) => pf(x, d1, d2, false),
  pchisq_upper: ([x, df]) => pchisq(x, df, false),
  qbeta: ([p, a, b]) => qbeta(p, a, b),
  pbeta: ([x, a, b]) => pbeta(x, a, b),
  qchisq: ([p, df]) => qchisq(p, df),
};

describe('distribution functions vs R', () => {
  for (const v of ref.values) {
    const args = (Array.isArray(v.args) ? v.args : [v.args]).map(Number);
    it(`${v.fn}(${args.join(', ')})`, () => {
      const expected = Number(v.value);
      const got = FNS[v.fn](args);
      const rel = Math.abs(got - expected) / Math.max(Math.abs(expected), 1e-300);
      // 1e-12 relative; 1e-10 for quantiles of extreme shapes
      expect(rel, `R ${expected}, TS ${got}`).toBeLessThan(v.fn.startsWith('q') ? 1e-10 : 1e-12);
    });
  }
});
