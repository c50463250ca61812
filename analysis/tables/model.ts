/**
 * A model the analyst builds on the weighted data (the "Model" beside "Table"): an outcome (a
 * number, or one category of a categorical variable for a logistic model), predictors from the
 * catalogue (categorical ones as factors, reference = first category), the unit and a universe.
 * It runs through tabulate-model.ts (svyGlm on the unit's final and JKn replicate weights, the
 * universe as R's subset) and comes back labelled in pt, en, fr and kea (the survey's labels, in its
 * source language where the questionnaire lacks one; the engine's words and warnings from
 * model-words.ts, each warning with its code), with the tables' reliability rule.
 * A model that cannot be made is a TableIssue naming the field, never a throw.
 */
import type { DataFrame } from '../data.ts';
import { isMissing } from '../data.ts';
import { SurveyError } from '../errors.ts';
import type { GlmFamily } from '../model/glm-fit.ts';
import type { GlmWarning, GlmWarningCode } from '../model/glm-warnings.ts';
import { svrepDesign } from '../replicate-design.ts';
import type { ModelCoefficient } from '../tabulate-model.ts';
import { runModel } from '../tabulate-model.ts';
import { levelOf } from './compute.ts';
import { isCategorical, type Labels, type ValueLabel } from './labels.ts';
import { type MissingCodeOptions, missingCodesFor } from './missing-codes.ts';
import { MODEL_WORDS } from './model-words.ts';
import type { Condition, TableIssue, Text, Unit } from './plan.ts';
import type { RefusalFacts } from './refusals.ts';
import type { ReliabilityRules } from './reliability.ts';
import { each, type SourceLang, type TableLang, textIn } from './table-words.ts';
import type { WeightedData } from './weighted-data.ts';
import { unitFrame } from './weighted-data.ts';

export interface ModelPlan {
  unit: Unit;
  family: GlmFamily;
  outcome: string;
  /** The category that codes 1 in a quasibinomial model of a categorical outcome. */
  outcomeLevel?: string | number | null;
  predictors: string[];
  universe: Condition[];
  /** A categorical predictor whose predictive margins to give. */
  margins?: string | null;
  title?: Text | null;
}

/** A text of the model in every language it is given in. */
export type Words = Record<TableLang, string>;
/** A category's code and its label in every language. */
export type Level = Words & { code: string | number };

export interface ModelCoefficientResult extends Omit<ModelCoefficient, 'ci' | 'ratioCi' | 'note'> {
  label: Words;
  /** The reference category it is compared with (categorical predictors). */
  reference: Words | null;
  /** Why the numbers are missing or flagged (model-words.ts). */
  note: Words | null;
  ciLower: number | null;
  ciUpper: number | null;
  ratioLower: number | null;
  ratioUpper: number | null;
}

export interface ModelResult {
  title: Words;
  unit: Unit;
  family: GlmFamily;
  formula: string;
  outcome: { name: string; label: Words; level: Level | null };
  predictors: Array<{ name: string; label: Words; categorical: boolean }>;
  universe: Condition[];
  ratioName: Words | null;
  ci: string;
  confLevel: number;
  df: number;
  designDf: number;
  n: number;
  sumWeights: number;
  coefficients: ModelCoefficientResult[];
  tests: Array<{ variable: string; label: Words; value: number; df: number; ddf: number; pValue: number }>;
  margins: {
    variable: string;
    label: Words;
    rows: Array<{ level: Level; estimate: number; se: number; ciLower: number; ciUpper: number }>;
  } | null;
  /** The fit's warnings: the code a client acts on, and its sentence in every language. */
  warnings: Array<{ code: GlmWarningCode; text: Words }>;
}

const issue = (field: string, message: string, facts?: RefusalFacts): TableIssue => ({
  table: 'model',
  field,
  message,
  ...facts,
});
const NAME = /^[A-Za-z.][A-Za-z0-9._]*$/;

export function computeModel(
  p: ModelPlan,
  data: WeightedData,
  labels: Labels,
  opts: {
    rules: ReliabilityRules;
    confLevel: number;
    /** The language of the survey's labels where the questionnaire lacks fr or kea (pt by default). */
    sourceLang?: SourceLang;
  } & MissingCodeOptions,
): ModelResult | TableIssue {
  const { frame: full, weights } = unitFrame(data, p.unit);
  const source = opts.sourceLang ?? 'pt';
  const inEach = (t: Text | ValueLabel): Words => each((_, lang) => textIn(t, lang, source));
  const lab = (v: string): Words => (labels[v] ? inEach(labels[v].label) : each(() => v));
  const level = (v: string, code: string): Level => {
    const lv = levelOf(labels, v, code);
    return { code: lv.code, ...inEach(lv) };
  };
  for (const [field, v] of [
    ['outcome', p.outcome],
    ...p.predictors.map((x, k) => [`predictors.${k}`, x]),
  ] as const) {
    if (!full[v])
      return issue(field, `unknown variable '${v}' for ${p.unit} rows.`, {
        reason: 'unknown_variable',
        variable: v,
      });
    if (!NAME.test(v))
      return issue(field, `'${v}' cannot be used in a model formula.`, {
        reason: 'not_formula_name',
        variable: v,
      });
  }
  if (p.predictors.includes(p.outcome))
    return issue('predictors', 'the outcome cannot also be a predictor.', {
      reason: 'outcome_is_predictor',
      variable: p.outcome,
    });
  if (new Set(p.predictors).size !== p.predictors.length)
    return issue('predictors', 'a predictor is listed twice.', { reason: 'predictor_twice' });
  for (const [k, c] of p.universe.entries())
    if (!full[c.variable])
      return issue(`universe.${k}.variable`, `unknown variable '${c.variable}'.`, {
        reason: 'unknown_variable',
        variable: c.variable,
      });
  if (p.margins && !p.predictors.includes(p.margins))
    return issue('margins', `'${p.margins}' is not one of the predictors.`, {
      reason: 'margins_not_predictor',
      variable: p.margins,
    });
  const catOutcome = isCategorical(labels[p.outcome]);
  if (p.family === 'quasibinomial' && catOutcome && (p.outcomeLevel === null || p.outcomeLevel === undefined))
    return issue(
      'outcomeLevel',
      `choose the category of '${p.outcome}' to model (the outcome is 1 there, 0 elsewhere).`,
      { reason: 'choose_outcome_level', variable: p.outcome },
    );
  if (p.family !== 'quasibinomial' && catOutcome)
    return issue(
      'family',
      `'${p.outcome}' is categorical: model one of its categories with the logistic family.`,
      { reason: 'categorical_outcome', variable: p.outcome },
    );
  // The unit's rows (positive final weight), missing codes read as missing.
  const w = full[weights.weights];
  if (!w)
    return issue('unit', `weight column '${weights.weights}' is missing from the weighted data.`, {
      reason: 'no_weights',
      column: weights.weights,
    });
  const rows: number[] = [];
  for (let i = 0; i < w.length; i++) if (!isMissing(w[i]) && Number(w[i]) > 0) rows.push(i);
  const frame: DataFrame = {};
  const miss = new Map([p.outcome, ...p.predictors].map((v) => [v, missingCodesFor(v, labels, opts)]));
  for (const [k, col] of Object.entries(full)) {
    const m = miss.get(k);
    if (col instanceof Float64Array)
      frame[k] = Float64Array.from(rows, (i) => (m?.has(col[i]) ? Number.NaN : col[i]));
    else frame[k] = rows.map((i) => col[i]);
  }
  const lhs =
    p.outcomeLevel !== null && p.outcomeLevel !== undefined
      ? `I(${p.outcome} == ${typeof p.outcomeLevel === 'number' ? p.outcomeLevel : JSON.stringify(String(p.outcomeLevel))})`
      : p.outcome;
  const categorical = new Set(p.predictors.filter((v) => isCategorical(labels[v])));
  const rhs = p.predictors.map((v) => (categorical.has(v) ? `factor(${v})` : v)).join(' + ');
  const formula = `${lhs} ~ ${rhs || '1'}`;
  const warnings: string[] = [];
  const codes: GlmWarning[] = [];
  try {
    const design = svrepDesign(
      {
        type: data.meta.design.type,
        repweights: weights.repweights,
        weights: weights.weights,
        combinedWeights: true,
        scale: data.meta.design.scale,
        rscales: data.meta.design.rscales,
      },
      frame,
    );
    const m = runModel(
      {
        statistic: 'glm',
        formula,
        family: p.family,
        domain: p.universe,
        margins: p.margins ?? null,
        confLevel: opts.confLevel,
        minN: opts.rules.minN,
        cvFlag: opts.rules.cvFlag,
      },
      design,
      0,
      warnings,
      codes,
    );
    const varOf = (term: string) => term.replace(/^factor\((.*)\)$/, '$1');
    const coefficients = m.coefficients.map((c): ModelCoefficientResult => {
      const { ci, ratioCi, note: _english, ...rest } = c;
      const why = c.noteKind;
      let label: Words = each((_, l) => MODEL_WORDS[l].intercept);
      let reference: Words | null = null;
      if (c.term !== '(Intercept)') {
        const parts = c.term.split(':');
        const names = c.name.split(':');
        const pieces = parts.map((t, k) => {
          const v = varOf(t);
          if (!m.factors[v]) return lab(v);
          const lv = level(v, names[k].slice(t.length));
          return each((_, l) => `${lab(v)[l]}: ${lv[l]}`);
        });
        label = each((_, l) => pieces.map((x) => x[l]).join(' × '));
        const v = varOf(parts[0]);
        if (parts.length === 1 && m.factors[v]) {
          const { code: _code, ...ref } = level(v, m.factors[v][0]);
          reference = ref;
        }
      }
      return {
        ...rest,
        label,
        reference,
        note: why ? each((_, l) => MODEL_WORDS[l].note[why](opts.rules.minN)) : null,
        ciLower: ci?.[0] ?? null,
        ciUpper: ci?.[1] ?? null,
        ratioLower: ratioCi?.[0] ?? null,
        ratioUpper: ratioCi?.[1] ?? null,
      };
    });
    // Aliased and separated coefficients are named by their labels in the language.
    const termsIn = (w: GlmWarning, l: TableLang) =>
      w.code === 'aliased' || w.code === 'separation'
        ? w.detail
            .split(', ')
            .map((name) => coefficients.find((c) => c.name === name)?.label[l] ?? name)
            .join(', ')
        : w.detail;
    return {
      title: p.title ? inEach(p.title) : each((_, l) => MODEL_WORDS[l].title(lab(p.outcome)[l])),
      unit: p.unit,
      family: p.family,
      formula,
      outcome: {
        name: p.outcome,
        label: lab(p.outcome),
        level:
          p.outcomeLevel !== null && p.outcomeLevel !== undefined
            ? level(p.outcome, String(p.outcomeLevel))
            : null,
      },
      predictors: p.predictors.map((v) => ({ name: v, label: lab(v), categorical: categorical.has(v) })),
      universe: p.universe,
      ratioName:
        p.family === 'gaussian'
          ? null
          : each((_, l) => MODEL_WORDS[l].ratioName[p.family as 'quasibinomial' | 'quasipoisson']),
      ci: m.ci,
      confLevel: opts.confLevel,
      df: m.df,
      designDf: m.designDf,
      n: m.n,
      sumWeights: m.sumWeights,
      coefficients,
      tests: m.tests.map((t) => ({
        variable: varOf(t.terms[0]),
        label: lab(varOf(t.terms[0])),
        value: t.value,
        df: t.df,
        ddf: t.ddf,
        pValue: t.pValue,
      })),
      margins: m.margins
        ? {
            variable: m.margins.group,
            label: lab(m.margins.group),
            rows: m.margins.rows.map((r) => ({
              level: level(m.margins?.group as string, r.level),
              estimate: r.estimate,
              se: r.se,
              ciLower: r.ci[0],
              ciUpper: r.ci[1],
            })),
          }
        : null,
      warnings: [...new Map(codes.map((w) => [`${w.code} ${w.detail}`, w])).values()].map((w) => ({
        code: w.code,
        text: each((_, l) => MODEL_WORDS[l].warning[w.code](termsIn(w, l))),
      })),
    };
  } catch (err) {
    if (err instanceof SurveyError) {
      const f = err.field ?? 'model';
      const field = f === 'formula' ? (err.message.includes(`'${p.outcome}'`) ? 'outcome' : 'predictors') : f;
      return issue(field, err.message, { reason: 'model_failed', variable: p.outcome });
    }
    throw err;
  }
}
