/**
 * The logistic model of discrimination the models API tests post (analysis-models, model-languages):
 * having felt discriminated (k02 = 1) on nationality, sex and age, on individuals, margins by sex; R's
 * case `ipei_discrimination` in scripts/r/svyglm.R.
 */
export const DISCRIMINATION_MODEL = {
  unit: 'individual',
  family: 'quasibinomial',
  outcome: 'k02_felt_discriminated',
  outcomeLevel: 1,
  predictors: ['c07_nationality1', 'c03_sex', 'c05_age'],
  margins: 'c03_sex',
};
