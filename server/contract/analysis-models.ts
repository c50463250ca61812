/**
 * The analysts' models (the "Model" tab beside "Table"): the request (outcome, predictors from the
 * catalogue, unit, universe, family) and the computed model. Shared with the client.
 */
import { z } from 'zod/mini';
import { GLM_WARNING_CODES } from '../../analysis/model/glm-warnings.ts';
import { conditionSchema, textSchema, unitSchema } from './analysis.ts';

export const modelFamilySchema = z.enum(['gaussian', 'quasibinomial', 'quasipoisson']);

export const modelRequestSchema = z.object({
  unit: unitSchema,
  /** gaussian: linear; quasibinomial: logistic (one category of the outcome = 1); quasipoisson: counts. */
  family: modelFamilySchema,
  outcome: z.string().check(z.minLength(1)),
  /** The category of a categorical outcome that a logistic model predicts. */
  outcomeLevel: z.nullish(z.union([z.string(), z.number()])),
  predictors: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(12)),
  universe: z._default(z.array(conditionSchema).check(z.maxLength(10)), []),
  /** A categorical predictor whose predictive margins (R svypredmeans) to give. */
  margins: z.nullish(z.string()),
  /** The analyst's title, pt and en with optional fr and kea (a missing one shows the survey's source language's). */
  title: z.nullish(textSchema),
});
export type ModelRequest = z.infer<typeof modelRequestSchema>;

const num = z.nullable(z.number());
export const modelResponseSchema = z.object({
  notice: z.nullable(z.string()),
  legend: z.string(),
  title: z.string(),
  unit: unitSchema,
  family: modelFamilySchema,
  familyLabel: z.string(),
  formula: z.string(),
  outcome: z.object({ name: z.string(), label: z.string(), level: z.nullable(z.string()) }),
  predictors: z.array(z.object({ name: z.string(), label: z.string(), categorical: z.boolean() })),
  universe: z.array(conditionSchema),
  /** 'odds ratio' / 'rate ratio' (in the language), null for a linear model. */
  ratioName: z.nullable(z.string()),
  ci: z.string(),
  df: z.number(),
  designDf: z.number(),
  n: z.number(),
  coefficients: z.array(
    z.object({
      name: z.string(),
      term: z.string(),
      label: z.string(),
      reference: z.nullable(z.string()),
      estimate: num,
      se: num,
      ciLower: num,
      ciUpper: num,
      t: num,
      pValue: num,
      ratio: num,
      ratioLower: num,
      ratioUpper: num,
      n: z.number(),
      reliability: z.enum(['ok', 'flag', 'suppress']),
      note: z.nullable(z.string()),
    }),
  ),
  tests: z.array(
    z.object({
      variable: z.string(),
      label: z.string(),
      F: z.number(),
      df: z.number(),
      ddf: z.number(),
      pValue: z.number(),
    }),
  ),
  margins: z.nullable(
    z.object({
      variable: z.string(),
      label: z.string(),
      rows: z.array(
        z.object({
          code: z.union([z.string(), z.number()]),
          label: z.string(),
          estimate: z.number(),
          se: z.number(),
          ciLower: z.number(),
          ciUpper: z.number(),
        }),
      ),
    }),
  ),
  /** The fit's warnings: a code to act on (analysis/model/glm-warnings.ts) and its sentence in the language. */
  warnings: z.array(z.object({ code: z.enum(GLM_WARNING_CODES), message: z.string() })),
});
export type ModelResponse = z.infer<typeof modelResponseSchema>;
