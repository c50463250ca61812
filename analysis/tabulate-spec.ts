/** The analysts' tabulation spec (the `tabulate` command line), validated with zod. */
import { z } from 'zod';
import { glmSpecSchema } from './tabulate-model-spec.ts';

const strList = z.union([z.string(), z.array(z.string())]);

export const designSpecSchema = z
  .object({
    ids: strList.nullish(),
    strata: strList.nullish(),
    weights: z.string().nullish(),
    probs: z.string().nullish(),
    fpc: strList.nullish(),
    nest: z.boolean().nullish(),
    pps: z.literal('brewer').nullish(),
    lonelyPsu: z.enum(['fail', 'remove', 'certainty', 'adjust', 'average']).nullish(),
    ultimateCluster: z.boolean().nullish(),
    adjustDomainLonely: z.boolean().nullish(),
  })
  .strict();

export const replicatesSchema = z
  .object({
    type: z.enum(['JK1', 'JKn', 'BRR', 'Fay', 'bootstrap', 'other']),
    columns: z.array(z.string()).nullish(),
    scale: z.number().positive().nullish(),
    rscales: z.array(z.number()).nullish(),
    mse: z.boolean().nullish(),
    combinedWeights: z.boolean().nullish(),
    rho: z.number().nullish(),
    replicates: z.number().int().positive().nullish(),
  })
  .strict();

export const calibrateSchema = z
  .object({
    method: z.enum(['poststratify', 'rake', 'linear', 'raking', 'logit']),
    totals: z.record(z.string(), z.union([z.number(), z.record(z.string(), z.number())])),
    bounds: z.tuple([z.number(), z.number()]).nullish(),
    maxit: z.number().int().positive().nullish(),
    epsilon: z.number().positive().nullish(),
    partial: z.boolean().nullish(),
  })
  .strict();

const dfSchema = z.union([z.literal('design'), z.literal('normal'), z.number().positive()]).nullish();
const common = {
  by: strList.nullish(),
  naRm: z.boolean().nullish(),
  deff: z.union([z.boolean(), z.literal('replace')]).nullish(),
  confLevel: z.number().gt(0).lt(1).nullish(),
  df: dfSchema,
  label: z.string().nullish(),
};

export const estimateSchema = z.discriminatedUnion('statistic', [
  z
    .object({ statistic: z.literal('mean'), variable: strList, factor: z.boolean().nullish(), ...common })
    .strict(),
  z
    .object({ statistic: z.literal('total'), variable: strList, factor: z.boolean().nullish(), ...common })
    .strict(),
  z.object({ statistic: z.literal('var'), variable: strList, ...common }).strict(),
  z
    .object({
      statistic: z.literal('ciprop'),
      variable: z.string(),
      level: z.union([z.string(), z.number()]).nullish(),
      method: z.enum(['logit', 'likelihood', 'asin', 'beta', 'mean', 'xlogit', 'wilson']).nullish(),
      ...common,
    })
    .strict(),
  z
    .object({ statistic: z.literal('ratio'), numerator: z.string(), denominator: z.string(), ...common })
    .strict(),
  z
    .object({
      statistic: z.literal('quantile'),
      variable: z.string(),
      probs: z.array(z.number().min(0).max(1)).min(1),
      qrule: z.enum(['math', 'school', 'hf7']).nullish(),
      intervalType: z.enum(['mean', 'quantile']).nullish(),
      ...common,
    })
    .strict(),
  z
    .object({
      statistic: z.literal('chisq'),
      variables: z.tuple([z.string(), z.string()]),
      test: z.enum(['F', 'Chisq', 'Wald', 'adjWald']).nullish(),
      label: z.string().nullish(),
    })
    .strict(),
  glmSpecSchema,
]);

export const tabulateSpecSchema = z
  .object({
    design: designSpecSchema,
    replicates: replicatesSchema.nullish(),
    calibrate: calibrateSchema.nullish(),
    estimates: z.array(estimateSchema).min(1),
  })
  .strict();

export type TabulateSpec = z.infer<typeof tabulateSpecSchema>;
export type EstimateSpec = z.infer<typeof estimateSchema>;
