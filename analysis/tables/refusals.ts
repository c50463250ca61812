/**
 * Why the analysis refuses a table or a model, as a stable code with the names it concerns (the variable,
 * the statistic, the weight column) and no words: the one list of these codes. A refusal (tables/plan.ts
 * TableIssue) keeps its English `message` for logs and files, and carries `reason` and those names, so a
 * screen says the whole sentence in its own language (client/analyst/refusal-text.ts) naming the
 * variable by its label. Every refusal the tables and models make has a reason; the field (and the
 * English message, for the details) says where a malformed plan is wrong.
 */
export const REFUSAL_REASONS = [
  /** the variable (or a domain, universe, outcome or predictor variable) is not in the unit's data */
  'unknown_variable',
  /** "multiple" asked of a variable that is not a multiple-choice (checkbox) question */
  'needs_checkbox',
  /** a multiple-choice variable asked with another statistic than "multiple" */
  'checkbox_variable',
  /** a multiple-choice variable as a domain */
  'checkbox_domain',
  /** a proportion of a variable without categories */
  'needs_categorical',
  /** a mean or median of a variable that is not numeric (categories or text) */
  'needs_numeric',
  /** a total of text */
  'needs_number_or_categories',
  /** the logit interval asked of something else than a proportion */
  'ci_logit',
  /** the Wald interval asked of a median (its interval is Woodruff's) */
  'ci_median',
  /** the unit's weight column is not in the weighted data */
  'no_weights',
  /** the universe keeps nobody with an answer to the variable */
  'no_rows',
  /** a domain variable has no respondent in the universe */
  'domain_no_rows',
  /** a model variable whose name a formula cannot hold */
  'not_formula_name',
  /** the model's outcome is also one of its predictors */
  'outcome_is_predictor',
  /** a predictor listed twice */
  'predictor_twice',
  /** the margins asked of a variable that is not a predictor */
  'margins_not_predictor',
  /** a logistic model of a categorical outcome without the category to model */
  'choose_outcome_level',
  /** a linear model of a categorical outcome */
  'categorical_outcome',
  /** a table plan (tables.json or the analyst's) that fails its schema, at the refusal's field */
  'plan_invalid',
  /** two tables of tables.json with the same id */
  'duplicate_table',
  /** "proxies": "excluded" without tables.json's proxy rule (the variable and codes of proxy interviews) */
  'proxy_rule_missing',
  /** the proxy rule's variable is not in the unit's data */
  'proxy_variable_missing',
  /** the estimation of a table (its statistic of its variable) failed on these data */
  'estimation_failed',
  /** a model's fit (of its outcome) failed on these data */
  'model_failed',
  /** omitLevels asked of a table without level rows (not a categorical proportion or total) */
  'omit_levels_no_rows',
  /** a level omitLevels leaves out is held by units of the universe (of the variable) */
  'omitted_level_held',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** What a refusal names, besides its field: the reason and the variable, statistic or column it concerns. */
export interface RefusalFacts {
  reason: RefusalReason;
  variable?: string;
  statistic?: string;
  column?: string;
}
