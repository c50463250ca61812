/**
 * The `"statistic": "glm"` entry of a tabulation spec: a survey-weighted regression (R svyglm) with
 * its formula, family, domain (conditions on the rows, R's subset), level order, the terms to test
 * (R regTermTest) and the factor whose predictive margins to give (R svypredmeans).
 */
import { z } from 'zod';
import { conditionSchema } from './tables/plan.ts';

export const glmSpecSchema = z
  .object({
    statistic: z.literal('glm'),
    /** R formula, e.g. "I(k02 == 1) ~ factor(sex) + age + nationality". */
    formula: z.string().min(3),
    family: z.enum(['gaussian', 'quasibinomial', 'quasipoisson']).nullish(),
    /** Domain: the rows where every condition holds (the design keeps its PSUs and strata). */
    domain: z.array(conditionSchema).nullish(),
    /** Level order per categorical predictor, reference first. */
    levels: z.record(z.string(), z.array(z.string()).min(1)).nullish(),
    /** Terms to test jointly, each with a Wald F (R regTermTest); default every term. */
    tests: z.array(z.string().min(1)).nullish(),
    /** A categorical variable whose predictive margins to give (R svypredmeans). */
    margins: z.string().min(1).nullish(),
    confLevel: z.number().gt(0).lt(1).nullish(),
    /** Reliability rule: fewest respondents per category and the SE flag (see tabulate-model.ts). */
    minN: z.number().int().nonnegative().nullish(),
    cvFlag: z.number().positive().nullish(),
    label: z.string().nullish(),
  })
  .strict();

export type GlmSpec = z.infer<typeof glmSpecSchema>;
