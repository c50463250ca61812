/**
 * Runs a `"statistic": "glm"` spec: the fit (svyGlm) in the domain, one row per coefficient with
 * its interval on the residual df, the odds ratio (quasibinomial) or rate ratio (quasipoisson)
 * with its interval, a reliability mark, the Wald F of each term (regTermTest) and, on request,
 * predictive margins (svyPredmeans). Reliability: a coefficient of a category with fewer than
 * minN respondents, or one that separation leaves infinite, is suppressed ('x', no numbers); one
 * whose SE is large is flagged ('*'): above 1 on the logit/log scale (a 95% ratio interval wider
 * than a factor of 50), or above cvFlag times the outcome's weighted SD for gaussian models.
 */
import type { DataFrame } from './data.ts';
import { qt } from './distributions/continuous.ts';
import { SurveyError } from './errors.ts';
import type { AnyDesign } from './estimators/core.ts';
import { confintGlm, svyGlm } from './estimators/glm.ts';
import { svyPredmeans } from './estimators/glm-predmeans.ts';
import { regTermTest } from './estimators/glm-terms.ts';
import { type GlmWarning, varianceWarning } from './model/glm-warnings.ts';
import { universeMask } from './tables/derive.ts';
import { type CoefficientNote, MODEL_WORDS } from './tables/model-words.ts';
import type { Condition } from './tables/plan.ts';
import type { Reliability } from './tables/reliability.ts';
import type { GlmSpec } from './tabulate-model-spec.ts';

export interface ModelCoefficient {
  name: string;
  /** The term it belongs to ('(Intercept)' for the intercept). */
  term: string;
  estimate: number | null;
  se: number | null;
  t: number | null;
  pValue: number | null;
  ci: [number, number] | null;
  /** exp(estimate) and its interval for logit / log links. */
  ratio: number | null;
  ratioCi: [number, number] | null;
  /** Respondents in the category (indicator columns) or in the fit. */
  n: number;
  reliability: Reliability;
  /** Why the numbers are missing or flagged, in plain words (English; `noteKind` for the others). */
  note: string | null;
  noteKind: CoefficientNote | null;
}

export interface TabulateModel {
  index: number;
  statistic: 'glm';
  formula: string;
  family: string;
  link: string;
  label: string | null;
  domain: Condition[] | null;
  /** 'odds ratio', 'rate ratio' or null (gaussian). */
  ratioName: string | null;
  /** How the intervals were made, e.g. "t(12), 95%". */
  ci: string;
  df: number;
  designDf: number;
  n: number;
  sumWeights: number;
  coefficients: ModelCoefficient[];
  /** Levels of each categorical predictor, reference first. */
  factors: Record<string, string[]>;
  tests: { terms: string[]; value: number; df: number; ddf: number; pValue: number }[];
  margins: {
    group: string;
    rows: { level: string; estimate: number; se: number; ci: [number, number] }[];
  } | null;
  warnings: string[];
}

function weightedSd(y: Float64Array, w: Float64Array, rows: ArrayLike<number>): number {
  let sw = 0;
  let sy = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    sw += w[i];
    sy += w[i] * y[i];
  }
  const m = sy / sw;
  let ss = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    ss += w[i] * (y[i] - m) ** 2;
  }
  return Math.sqrt(ss / sw);
}

/**
 * Fits the model of a glm spec entry on the design (the design's data must hold every column). The
 * warnings go to `warnings` in English and, when given, to `codes` as codes (model/glm-warnings.ts).
 */
export function runModel(
  s: GlmSpec,
  design: AnyDesign,
  index: number,
  warnings: string[],
  codes?: GlmWarning[],
): TabulateModel {
  const family = s.family ?? 'gaussian';
  const level = s.confLevel ?? 0.95;
  const minN = s.minN ?? 30;
  const cvFlag = s.cvFlag ?? 0.3;
  let subset: Uint8Array | null = null;
  if (s.domain && s.domain.length > 0) {
    for (const [k, c] of s.domain.entries())
      if (design.data[c.variable] === undefined)
        throw new SurveyError(`unknown variable '${c.variable}' in the domain.`, `domain.${k}.variable`);
    subset = universeMask(design.data as DataFrame, s.domain);
    if (!subset.some((v, i) => v === 1 && design.weights[i] > 0))
      throw new SurveyError('the domain selects nobody: loosen its conditions.', 'domain');
  }
  const options = { family, subset, levels: s.levels ?? undefined };
  const fit = svyGlm(s.formula, design, options);
  warnings.push(...fit.warnings);
  codes?.push(...fit.warningCodes);
  const cis = confintGlm(fit, level);
  const en = MODEL_WORDS.en;
  const ratioName = family === 'gaussian' ? null : en.ratioName[family as 'quasibinomial' | 'quasipoisson'];
  const { frame, design: d } = fit.internal;
  const rows: number[] = [];
  for (let i = 0; i < d.n; i++) if (frame.complete[i] && d.weights[i] > 0) rows.push(i);
  const sdY = family === 'gaussian' ? weightedSd(frame.y, d.weights, rows) : Number.NaN;
  const coefficients = fit.names.map((name, j): ModelCoefficient => {
    const term = fit.assign[j] === 0 ? '(Intercept)' : fit.termLabels[fit.assign[j] - 1];
    const n = fit.nPerCoefficient[j];
    const aliased = fit.aliased.includes(name);
    const separated = fit.separated.includes(name);
    let reliability: Reliability = 'ok';
    let noteKind: CoefficientNote | null = null;
    if (aliased) {
      reliability = 'suppress';
      noteKind = 'aliased';
    } else if (separated) {
      reliability = 'suppress';
      noteKind = 'separation';
    } else if (n < minN) {
      reliability = 'suppress';
      noteKind = 'fewer';
    } else if (ratioName ? fit.se[j] > 1 : fit.se[j] > cvFlag * sdY) {
      reliability = 'flag';
      noteKind = 'largeSe';
    }
    const note = noteKind ? en.note[noteKind](minN) : null;
    const show = reliability !== 'suppress';
    const ci = show ? cis[j] : null;
    const ratio = show && ratioName && term !== '(Intercept)' ? Math.exp(fit.estimate[j]) : null;
    return {
      name,
      term,
      estimate: show ? fit.estimate[j] : null,
      se: show ? fit.se[j] : null,
      t: show ? fit.t[j] : null,
      pValue: show ? fit.p[j] : null,
      ci,
      ratio,
      ratioCi: ratio !== null && ci ? [Math.exp(ci[0]), Math.exp(ci[1])] : null,
      n,
      reliability,
      note,
      noteKind,
    };
  });
  const termSets = s.tests && s.tests.length > 0 ? s.tests.map((t) => [t]) : fit.termLabels.map((t) => [t]);
  const tests =
    fit.df > 0
      ? termSets.flatMap((terms) => {
          try {
            const r = regTermTest(fit, terms);
            return [{ terms, value: r.value, df: r.df, ddf: r.ddf, pValue: r.pValue }];
          } catch (e) {
            if (e instanceof SurveyError && !s.tests) return [];
            throw e instanceof SurveyError ? new SurveyError(e.message, 'tests') : e;
          }
        })
      : [];
  let margins: TabulateModel['margins'] = null;
  if (s.margins) {
    const group = s.margins;
    const base = fit.formula;
    const pm = svyPredmeans(base, group, design, options);
    // the margins' own variance warnings (dropped replicates), after those of their refit
    const own = pm.warnings.slice(pm.model.warnings.length);
    warnings.push(...own);
    codes?.push(...own.map(varianceWarning));
    const q = qt(1 - (1 - level) / 2, fit.designDf);
    margins = {
      group,
      rows: pm.names.map((lv, k) => ({
        level: lv,
        estimate: pm.estimate[k],
        se: pm.se[k],
        ci: [pm.estimate[k] - q * pm.se[k], pm.estimate[k] + q * pm.se[k]] as [number, number],
      })),
    };
  }
  return {
    index,
    statistic: 'glm',
    formula: fit.formula,
    family,
    link: fit.link,
    label: s.label ?? null,
    domain: s.domain && s.domain.length > 0 ? s.domain : null,
    ratioName,
    ci: `t(${fit.df}), ${Math.round(level * 1000) / 10}%`,
    df: fit.df,
    designDf: fit.designDf,
    n: fit.n,
    sumWeights: fit.sumWeights,
    coefficients,
    factors: fit.factors,
    tests,
    margins,
    warnings: fit.warnings,
  };
}
