/**
 * Predictive margins of a categorical variable (R survey's svypredmeans): the model is refitted
 * with the group as an extra term; for each group g every fitted row is predicted as if it were in
 * g, and the margin is the design-weighted mean of those predictions. Its variance adds the
 * design variance of that mean (predictions held fixed) and the coefficient part
 * d' V d with d = sum_i w_i mu.eta(eta_i) x_i / sum_i w_i, as R does.
 */
import type { DataFrame } from '../data.ts';
import { SurveyError } from '../errors.ts';
import { parseFormula } from '../model/formula.ts';
import { FAMILIES } from '../model/glm-fit.ts';
import { modelFrame } from '../model/model-matrix.ts';
import { meanStat } from './basic.ts';
import type { AnyDesign, Estimate } from './core.ts';
import { estimateStat, makeEstimate } from './core.ts';
import type { SvyGlmOptions, SvyGlmResult } from './glm.ts';
import { svyGlm } from './glm.ts';

/**
 * Predictive margins of `group` adjusted for the model's predictors
 * (R `svypredmeans(svyglm(formula, design), ~group)`).
 *
 * @example
 * svyPredmeans('api00 ~ ell + meals', 'stype', dclus1).estimate; // one margin per school type
 */
export function svyPredmeans(
  formula: string,
  group: string,
  design: AnyDesign,
  options: SvyGlmOptions = {},
): Estimate & { model: SvyGlmResult } {
  // R appends the group as a new term; a model that has it already is refitted as it is.
  const has = parseFormula(formula).variables.some((v) => v.name === group);
  const fit = svyGlm(has ? formula : `${formula} + factor(${group})`, design, options);
  const { frame, design: d, coef } = fit.internal;
  const levels = frame.factors[group];
  if (!levels) throw new SurveyError(`'${group}' is not a categorical predictor of the model.`, 'group');
  const fam = FAMILIES[fit.family];
  const n = d.n;
  const p = fit.names.length;
  const kept = fit.vcovNames.map((nm) => fit.names.indexOf(nm));
  const fits: Float64Array[] = [];
  const grads: number[][] = [];
  let sumW = 0;
  for (let i = 0; i < n; i++) if (frame.complete[i]) sumW += d.weights[i];
  for (const g of levels) {
    const col = new Array<string | null>(n).fill(g);
    const data: DataFrame = { ...d.data, [group]: col };
    const mf = modelFrame(frame.formula, data, frame.complete, { ...options, xlev: frame.factors });
    const mu = new Float64Array(n);
    const grad = new Array<number>(kept.length).fill(0);
    for (let i = 0; i < n; i++) {
      if (!frame.complete[i]) continue;
      let eta = frame.offset[i];
      for (let j = 0; j < p; j++) if (!Number.isNaN(coef[j])) eta += mf.columns[j][i] * coef[j];
      mu[i] = fam.linkinv(eta);
      const w = d.weights[i] * fam.muEta(eta);
      if (w !== 0)
        kept.forEach((j, a) => {
          grad[a] += w * mf.columns[j][i];
        });
    }
    fits.push(mu);
    grads.push(grad.map((v) => v / sumW));
  }
  const warnings = [...fit.warnings];
  const { estimate, vcov } = estimateStat(d, meanStat(levels, fits, n), warnings);
  const k = levels.length;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let u = 0; u < kept.length; u++)
        for (let v = 0; v < kept.length; v++) s += grads[a][u] * fit.vcov[u][v] * grads[b][v];
      vcov[a * k + b] += s;
    }
  const est = makeEstimate(
    'predmeans',
    levels,
    estimate,
    vcov,
    fit.designDf,
    levels.map(() => fit.n),
    warnings,
  );
  return { ...est, model: fit };
}
