/**
 * The analysts' API: the table builder's catalogue, a table request (a plan without id or titles)
 * and a computed table. Shared with the client.
 */
import { z } from 'zod/mini';
import { TABLE_WARNING_CODES } from '../../analysis/tables/estimate-warnings.ts';
import { REFUSAL_REASONS } from '../../analysis/tables/refusals.ts';
import { releaseSchema } from './releases.ts';

/**
 * A text in Portuguese and English, and in French and Kriolu where the server has them (the tables' words;
 * a table's or a model's title). A language it lacks shows the survey's source language (`textIn`).
 */
export const textSchema = z.object({
  pt: z.string(),
  en: z.string(),
  fr: z.optional(z.string()),
  kea: z.optional(z.string()),
});
/** A survey's label in the four table languages (its source language's where it lacks one). */
const text = textSchema;
const words = z.object({ pt: z.string(), en: z.string(), fr: z.string(), kea: z.string() });
const valueLabel = z.object({
  code: z.union([z.string(), z.number()]),
  pt: z.string(),
  en: z.string(),
  fr: z.string(),
  kea: z.string(),
});
export const unitSchema = z.enum(['household', 'roster', 'individual', 'member']);
export const statisticSchema = z.enum(['proportion', 'mean', 'total', 'median', 'multiple']);

export const conditionSchema = z.object({
  variable: z.string().check(z.minLength(1)),
  op: z.enum(['=', '!=', '>', '>=', '<', '<=', 'in', 'notin', 'notmissing', 'missing']),
  value: z.nullish(z.union([z.string(), z.number()])),
  values: z.nullish(z.array(z.union([z.string(), z.number()]))),
});

/** A table the analyst builds: variable, domains, universe (titles default to the variable's label). */
export const tableRequestSchema = z.object({
  unit: unitSchema,
  statistic: statisticSchema,
  variable: z.string().check(z.minLength(1)),
  domains: z._default(z.array(z.string().check(z.minLength(1))).check(z.maxLength(3)), []),
  universe: z._default(z.array(conditionSchema).check(z.maxLength(10)), []),
  title: z.nullish(text),
  /** A proportion's interval: logit (svyciprop, the default) or wald. */
  ci: z.nullish(z.enum(['logit', 'wald'])),
});
export type TableRequest = z.infer<typeof tableRequestSchema>;

export const catalogueVariableSchema = z.object({
  name: z.string(),
  /** In pt, en, fr and kea: the questionnaire's or tables.json's, else the survey's source language's. */
  label: words,
  type: z.string(),
  units: z.array(unitSchema),
  categorical: z.boolean(),
  /** Whether its column holds numbers (what a mean or median needs); from the data once weighted, else its type. */
  numeric: z.boolean(),
  values: z.array(valueLabel),
});

/** `?kind=` of the microdata downloads: the internal file (default) or the public-use file. */
export const microdataKindSchema = z.enum(['internal', 'public']);

export const analysisCatalogueSchema = z.object({
  survey: z.string(),
  notice: z.nullable(text),
  /** False until a weighting run finished (or, for a folder of weighted data, until it exists). */
  dataReady: z.boolean(),
  /** The survey's releases, newest first, retired ones included (empty when read from a folder). */
  releases: z._default(z.array(releaseSchema), []),
  /** What a request without `release` reads: the latest published release, else the latest run. */
  source: z._default(
    z.nullable(
      z.object({ runId: z.number().check(z.int()), release: z.nullable(releaseSchema), label: text }),
    ),
    null,
  ),
  reliability: z.object({ cvFlag: z.number(), minN: z.number() }),
  legend: text,
  tables: z.array(z.object({ id: z.string(), title: text, unit: unitSchema, statistic: statisticSchema })),
  /** The units the builder offers: `member` only where the weighted data hold it (the household's weights). */
  units: z._default(z.array(unitSchema), ['household', 'roster', 'individual']),
  variables: z.array(catalogueVariableSchema),
  microdata: z.object({
    formats: z.array(z.enum(['csv', 'xlsx', 'dta', 'parquet'])),
    /** internal (for the office) and, where the survey declares publicUse, public (one zip per format). */
    kinds: z._default(z.array(microdataKindSchema), ['internal']),
  }),
});
export type AnalysisCatalogue = z.infer<typeof analysisCatalogueSchema>;

export const tableCellSchema = z.object({
  domain: z.array(
    z.object({ variable: z.string(), code: z.union([z.string(), z.number()]), label: z.string() }),
  ),
  level: z.nullable(z.object({ code: z.union([z.string(), z.number()]), label: z.string() })),
  estimate: z.nullable(z.number()),
  se: z.nullable(z.number()),
  ciLower: z.nullable(z.number()),
  ciUpper: z.nullable(z.number()),
  /** logit (svyciprop) for proportions unless the plan says wald; wald for means and totals; woodruff for medians. */
  ciMethod: z.enum(['logit', 'wald', 'woodruff', 'clopper-pearson']),
  /** The t quantile's degrees of freedom of a logit interval (the domain's design df); null otherwise. */
  ciDf: z.nullable(z.number()),
  cv: z.nullable(z.number()),
  deff: z.nullable(z.number()),
  n: z.number(),
  base: z.number(),
  /** suppress: fewer than min_n respondents in the cell; empty: none (no estimate); control: reproduces a calibration margin (published without SE, CI, CV). */
  reliability: z.enum(['ok', 'flag', 'suppress', 'empty', 'control']),
});

export const tableResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.nullable(z.string()),
  /** Which calibration margins the control cells (c) reproduce; null without any (absent in older stored tables). */
  controlNote: z.optional(z.nullable(z.string())),
  /** Tables of a module proxies are not asked: proxies excluded, with their weighted share (0-1). */
  proxyNote: z.optional(z.nullable(z.string())),
  proxyShare: z.optional(z.nullable(z.number())),
  unit: unitSchema,
  statistic: statisticSchema,
  variable: z.object({ name: z.string(), label: z.string() }),
  domains: z.array(z.object({ name: z.string(), label: z.string() })),
  universe: z.array(conditionSchema),
  ci: z.string(),
  respondents: z.number(),
  /** The design and estimate warnings in the request's language (analysis/tables/warning-words.ts). */
  warnings: z.array(z.string()),
  /** The same warnings as codes with their detail (a count, a stratum; `other`: the engine's English), in order. */
  warningCodes: z.optional(z.array(z.object({ code: z.enum(TABLE_WARNING_CODES), detail: z.string() }))),
  cells: z.array(tableCellSchema),
});
export type TableResultBody = z.infer<typeof tableResultSchema>;
export type TableCellBody = z.infer<typeof tableCellSchema>;

export const tableResponseSchema = z.object({
  notice: z.nullable(z.string()),
  legend: z.string(),
  /** Which interval each statistic got, e.g. "95% CI: logit (svyciprop, ...) for proportions; Wald (Normal) for means and totals." */
  ciNote: z.string(),
  tables: z.array(tableResultSchema),
  issues: z.array(z.object({ table: z.string(), field: z.string(), message: z.string() })),
});
export type TableResponse = z.infer<typeof tableResponseSchema>;

/**
 * The `details` of a 422 `table.invalid` or `model.invalid`: the table ('custom', 'model' or a standard
 * table's id), the field, the analysis's English message, and, when the analysis knows why, the reason's
 * code and the names it concerns (analysis/tables/refusals.ts), which the analyst's screen says whole in
 * its language.
 */
export const analysisRefusalSchema = z.object({
  table: z.string().check(z.describe("the table: 'custom', 'model' or a standard table's id")),
  field: z
    .string()
    .check(
      z.describe("the plan's field at fault ('variable', 'domains.1', 'universe.0.variable', 'proxies'...)"),
    ),
  message: z.string().check(z.describe("the analysis's English words, for the details line and logs")),
  reason: z
    .optional(z.enum(REFUSAL_REASONS))
    .check(
      z.describe("why, as a stable code (analysis/tables/refusals.ts); the app's sentence is chosen by it"),
    ),
  variable: z
    .optional(z.string())
    .check(
      z.describe("the variable it concerns (a model's outcome, the proxy rule's variable), by its data name"),
    ),
  statistic: z
    .optional(z.string())
    .check(z.describe("the table's statistic it concerns (proportion, mean, total, median, multiple)")),
  column: z.optional(z.string()).check(z.describe('the weight column it concerns (no_weights)')),
});
export type AnalysisRefusal = z.infer<typeof analysisRefusalSchema>;
export type RefusalReason = NonNullable<AnalysisRefusal['reason']>;

/** The whole 422 body of a refused table or model: the problem envelope with the refusal as `details`. */
export const analysisProblemSchema = z.object({
  code: z.enum(['table.invalid', 'model.invalid']),
  message: z.string(),
  details: analysisRefusalSchema,
});
