/**
 * Wald tests that one or more terms of a survey GLM are zero (R survey's regTermTest, method
 * "Wald"): beta' V^-1 beta over the term's coefficients, as F = chisq / k on (k, residual df), or as
 * a chi-square on k df when df = Infinity.
 */
import { pchisq, pf } from '../distributions/continuous.ts';
import { SurveyError } from '../errors.ts';
import { solve } from '../linalg.ts';
import type { SvyGlmResult } from './glm.ts';

export interface RegTermTestResult {
  statistic: 'regTermTest';
  terms: string[];
  /** 'F' (finite df) or 'Chisq' (df = Infinity). */
  test: 'F' | 'Chisq';
  /** F = chisq / df, or the Wald chi-square. */
  value: number;
  /** Number of coefficients tested. */
  df: number;
  /** Denominator df (the model's residual df) for F. */
  ddf: number;
  pValue: number;
}

const canonical = (label: string) =>
  label
    .split(':')
    .map((s) => s.trim())
    .sort()
    .join(':');

/**
 * Tests terms of a fitted model (R `regTermTest(model, ~stype)`).
 *
 * @example
 * regTermTest(svyGlm('api00 ~ ell + stype', dclus1), '~stype'); // F on (2, 12) df
 */
export function regTermTest(
  fit: SvyGlmResult,
  terms: string | readonly string[],
  options: { df?: number } = {},
): RegTermTestResult {
  const wanted = (typeof terms === 'string' ? terms.replace(/^\s*~/, '').split('+') : [...terms])
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (wanted.length === 0) throw new SurveyError('Name at least one term to test.', 'terms');
  const labels = fit.termLabels.map(canonical);
  const termIndex = wanted.map((t) => {
    const k = labels.indexOf(canonical(t));
    if (k < 0)
      throw new SurveyError(
        `The model has no term '${t}'. Its terms: ${fit.termLabels.join(', ')}.`,
        'terms',
      );
    return k + 1;
  });
  const index: number[] = [];
  fit.vcovNames.forEach((name, a) => {
    const j = fit.names.indexOf(name);
    if (termIndex.includes(fit.assign[j])) index.push(a);
  });
  if (index.length === 0) throw new SurveyError('The terms have no estimable coefficient.', 'terms');
  const beta = index.map((a) => [fit.estimate[fit.names.indexOf(fit.vcovNames[a])]]);
  const V = index.map((a) => index.map((b) => fit.vcov[a][b]));
  const x = solve(V, beta);
  const chisq = beta.reduce((s, b, k) => s + b[0] * x[k][0], 0);
  const df = options.df ?? fit.df;
  const k = index.length;
  if (Number.isFinite(df)) {
    const F = chisq / k;
    return {
      statistic: 'regTermTest',
      terms: wanted,
      test: 'F',
      value: F,
      df: k,
      ddf: df,
      pValue: pf(F, k, df, false),
    };
  }
  return {
    statistic: 'regTermTest',
    terms: wanted,
    test: 'Chisq',
    value: chisq,
    df: k,
    ddf: Number.POSITIVE_INFINITY,
    pValue: pchisq(chisq, k, false),
  };
}
