/**
 * Table plans (questionnaires/<survey>/tables.json): the standard tables of the thematic studies,
 * validated with zod. A plan names a row variable, domains, a statistic and a universe, with titles
 * and notes in Portuguese and English, and in French and Kriolu when the survey gives them.
 */
import { z } from 'zod';
import type { RefusalFacts } from './refusals.ts';

/**
 * A survey's text: Portuguese and English required, French and Kriolu optional; a language it lacks
 * is shown in the survey's source language (analysis/tables/table-words.ts textIn).
 */
const text = z
  .object({
    pt: z.string().min(1),
    en: z.string().min(1),
    fr: z.string().min(1).optional(),
    kea: z.string().min(1).optional(),
  })
  .strict();
/** A code's label in the languages of `text` (French and Kriolu optional). */
const valueLabel = z
  .object({
    code: z.number(),
    pt: z.string(),
    en: z.string(),
    fr: z.string().min(1).optional(),
    kea: z.string().min(1).optional(),
  })
  .strict();
const code = z.union([z.string(), z.number()]);

export const conditionSchema = z
  .object({
    variable: z.string().min(1),
    op: z.enum(['=', '!=', '>', '>=', '<', '<=', 'in', 'notin', 'notmissing', 'missing']),
    value: code.nullish(),
    values: z.array(code).nullish(),
  })
  .strict();

/** A variable made from another: numeric classes (`cut`, lower bounds) or a recode of codes. */
export const derivedSchema = z
  .object({
    from: z.string().min(1),
    label: text,
    cut: z.array(z.number()).min(1).nullish(),
    recode: z.record(z.string(), z.array(code)).nullish(),
    otherwise: z.union([z.number(), z.null()]).nullish(),
    values: z.array(valueLabel).min(1),
  })
  .strict()
  .refine((d) => (d.cut ? 1 : 0) + (d.recode ? 1 : 0) === 1, {
    message: 'give exactly one of cut (numeric lower bounds) or recode (code -> source codes)',
  });

/**
 * household: the responding households (w_hh); roster: the members in the survey population
 * (calibrated w_roster_final); individual: the individual respondents; member: every rostered member
 * of a responding household, eligible or not, with the household's weight and replicates.
 */
export const unitSchema = z.enum(['household', 'roster', 'individual', 'member']);

export const tablePlanSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/),
    title: text,
    notes: text.nullish(),
    unit: unitSchema,
    /**
     * 'multiple': a multiple-response (checkbox) question, one row per option with the share of the
     * units that answered the question citing it (svymean of the option's 0/1 indicator, na.rm).
     */
    statistic: z.enum(['proportion', 'mean', 'total', 'median', 'multiple']),
    variable: z.string().min(1),
    domains: z.array(z.string().min(1)).default([]),
    universe: z.array(conditionSchema).default([]),
    /** Codes read as missing for mean, total and median (default: the variable's special codes). */
    missingCodes: z.array(z.number()).nullish(),
    /**
     * Interval of a proportion (or of a multiple-response share): 'logit' (R svyciprop's default, the default here) or 'wald'
     * (confint of svymean on t with the domain's design df). Means and totals are always 'wald'
     * (t on the domain's design df); medians Woodruff.
     */
    ci: z.enum(['logit', 'wald']).nullish(),
    /**
     * 'excluded': the table's module is not asked of proxy respondents, so proxy interviews (the
     * file's `proxy`) leave the universe, which says so, and the note gives their weighted share
     * (the weights are not adjusted for them: the estimates describe those who answered themselves).
     */
    proxies: z.enum(['excluded']).nullish(),
    /**
     * Codes of the row variable that the universe rules out by definition (a structural zero: region
     * of birth "Cabo Verde" in a table of those born abroad): their rows are not shown. A unit of the
     * universe with such a code is a refusal, so a row with data is never hidden. Categorical
     * proportions and totals only.
     */
    omitLevels: z.array(code).min(1).nullish(),
  })
  .strict();

/** Who answered through a proxy: the variable of the unit's data and its proxy codes. */
export const proxySchema = z.object({ variable: z.string().min(1), values: z.array(code).min(1) }).strict();

export const tablesFileSchema = z
  .object({
    survey: z.string(),
    questionnaire: z.string(),
    notice: text.nullish(),
    confLevel: z.number().gt(0).lt(1).default(0.95),
    /**
     * Deprecated: codes read as missing for mean, total and median in every variable. Without it
     * (the default) each variable's special codes are missing: the profile's `specialCodes` that
     * the variable declares (analysis/tables/missing-codes.ts).
     */
    missingCodes: z.array(z.number()).nullish(),
    derived: z.record(z.string(), derivedSchema).default({}),
    /**
     * Value labels of the questionnaire's computed variables, which have no choices to carry them
     * (eligibility flags, labour-force status): the home of their codes' meaning for tables and exports.
     * A computed variable that takes a question's codes (a first nationality, one of the nationality
     * questions' answers) names that question instead (`{ "sameAs": question }`), so the code list keeps
     * its one home, the questionnaire's choices.
     */
    valueLabels: z
      .record(z.string(), z.union([z.array(valueLabel).min(1), z.object({ sameAs: z.string() }).strict()]))
      .default({}),
    /** Proxy interviews (for tables with `"proxies": "excluded"`); none by default. */
    proxy: proxySchema.nullish(),
    tables: z.array(z.unknown()).min(1),
  })
  .strict();

export type Text = z.infer<typeof text>;
export type Condition = z.infer<typeof conditionSchema>;
export type Derived = z.infer<typeof derivedSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type TablePlan = z.infer<typeof tablePlanSchema>;
export type ProxyRule = z.infer<typeof proxySchema>;
export type TablesFile = Omit<z.infer<typeof tablesFileSchema>, 'tables'> & { tables: unknown[] };

/**
 * A problem with one table: which table, which field, what to do (`message`, English); when the analysis
 * knows why, also the reason's code and the names it concerns (refusals.ts), for a screen to say it.
 */
export interface TableIssue extends Partial<RefusalFacts> {
  table: string;
  field: string;
  message: string;
}

/** Parses the file; the tables themselves are parsed one by one so that one bad table spares the rest. */
export function parseTablesFile(raw: unknown): TablesFile {
  const r = tablesFileSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`tables.json: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data;
}

export function parseTablePlan(raw: unknown, index: number): TablePlan | TableIssue {
  const id =
    raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : `tables[${index}]`;
  const r = tablePlanSchema.safeParse(raw);
  if (r.success) return r.data;
  const i = r.error.issues[0];
  return { table: id, field: i.path.join('.') || '(table)', message: i.message, reason: 'plan_invalid' };
}

export const isIssue = (x: unknown): x is TableIssue =>
  typeof x === 'object' && x !== null && 'field' in x && 'message' in x && 'table' in x;
