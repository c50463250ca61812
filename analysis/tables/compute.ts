/**
 * One table of a plan, computed through the estimation engine (svrepDesign + tabulate's
 * runEstimate) on the unit's final and replicate weights: an overall row set and one per domain
 * (the plan's domains crossed), each cell with estimate, SE, CI, CV, deff, unweighted n and its
 * reliability. Bad plans come back as a TableIssue naming the table and the field; never a throw.
 */
import type { DataFrame } from '../data.ts';
import { isMissing } from '../data.ts';
import { SurveyError } from '../errors.ts';
import type { AnyDesign } from '../estimators/core.ts';
import { subsetAny } from '../estimators/core.ts';
import { svrepDesign } from '../replicate-design.ts';
import type { TabulateEstimate } from '../tabulate.ts';
import { runEstimate } from '../tabulate-estimate.ts';
import type { EstimateSpec } from '../tabulate-spec.ts';
import type { CalibrationMargin } from './calibration-classes.ts';
import { controlMargins, controlNote } from './controls.ts';
import { universeMask } from './derive.ts';
import { type TableWarning, tableWarnings } from './estimate-warnings.ts';
import { type CiMethod, ciText, logitIntervals, tIntervals } from './intervals.ts';
import { isCategorical, type Labels, type ValueLabel } from './labels.ts';
import { type MissingCodeOptions, missingCodesFor } from './missing-codes.ts';
import { addIndicators, isMultiple, multipleCells } from './multiple-response.ts';
import type { ProxyRule, TableIssue, TablePlan, Text } from './plan.ts';
import { excludeProxies, type ProxyExclusion } from './proxies.ts';
import type { RefusalFacts } from './refusals.ts';
import { type Reliability, type ReliabilityRules, reliabilityOf } from './reliability.ts';
import type { WeightedData, WeightSet } from './weighted-data.ts';
import { unitFrame } from './weighted-data.ts';

export interface TableCell {
  /** One entry per domain variable; empty = the whole universe. */
  domain: Array<{ variable: string } & ValueLabel>;
  /** The category of a proportion (or total of a categorical variable); null for a number. */
  level: ValueLabel | null;
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  /** How the interval was made: logit (svyciprop) for proportions by default, wald, woodruff. */
  ciMethod: CiMethod;
  /** Degrees of freedom of the interval's t quantile (the domain's design df, logit and Wald); null for Woodruff (the table's `ci` says its df). */
  ciDf: number | null;
  cv: number;
  deff: number | null;
  n: number;
  /** Respondents of the cell's domain (the base of a proportion; = n otherwise). The rules count n, not this. */
  base: number;
  reliability: Reliability;
}

export interface TableResult {
  id: string;
  title: Text;
  notes: Text | null;
  /** Says which calibration margins the control cells (mark c) reproduce; null without any. */
  controlNote: Text | null;
  /** Tables of a module proxies are not asked: says they are excluded, with their weighted share. */
  proxyNote: Text | null;
  proxyShare: number | null;
  unit: TablePlan['unit'];
  statistic: TablePlan['statistic'];
  variable: { name: string; label: Text };
  domains: Array<{ name: string; label: Text }>;
  universe: TablePlan['universe'];
  /** How the intervals were made, e.g. "Wald, Normal, 95%". */
  ci: string;
  confLevel: number;
  respondents: number;
  cells: TableCell[];
  /** The design and estimate warnings as codes (estimate-warnings.ts), worded per language by warning-words.ts. */
  warnings: TableWarning[];
}

export interface ComputeOptions extends MissingCodeOptions {
  confLevel: number;
  rules: ReliabilityRules;
  /** Who answered through a proxy (tables.json `proxy`), for plans with `"proxies": "excluded"`. */
  proxy?: ProxyRule | null;
}

const issue = (p: TablePlan, field: string, message: string, facts?: RefusalFacts): TableIssue => ({
  table: p.id,
  field,
  message,
  ...facts,
});

function checkPlan(p: TablePlan, frame: DataFrame, labels: Labels): TableIssue | null {
  const file = p.unit === 'household' ? 'household file' : 'person file';
  const known = (v: string) => frame[v] !== undefined;
  const multiple = p.statistic === 'multiple';
  if (multiple && !isMultiple(labels[p.variable]?.type))
    return issue(
      p,
      'statistic',
      `'multiple' needs a multiple-choice (checkbox) question; '${p.variable}' is ${labels[p.variable]?.type ?? 'not in the codebook'}. Use proportion.`,
      { reason: 'needs_checkbox', variable: p.variable },
    );
  for (const [field, v] of [
    ['variable', p.variable],
    ...p.domains.map((d, k) => [`domains.${k}`, d]),
  ] as const)
    if (isMultiple(labels[v]?.type) && !(multiple && field === 'variable'))
      return issue(
        p,
        field,
        field === 'variable'
          ? `'${v}' is a multiple-choice variable: use "statistic": "multiple" (one row per option, the share citing it).`
          : `'${v}' is a multiple-choice variable and cannot be a domain: a unit may be in several of its options.`,
        { reason: field === 'variable' ? 'checkbox_variable' : 'checkbox_domain', variable: v },
      );
  if (!known(p.variable))
    return issue(
      p,
      'variable',
      `unknown variable '${p.variable}': not in the ${file} nor a derived variable.`,
      { reason: 'unknown_variable', variable: p.variable },
    );
  for (const [k, d] of p.domains.entries())
    if (!known(d))
      return issue(p, `domains.${k}`, `unknown domain variable '${d}' in the ${file}.`, {
        reason: 'unknown_variable',
        variable: d,
      });
  for (const [k, c] of p.universe.entries())
    if (!known(c.variable))
      return issue(p, `universe.${k}.variable`, `unknown variable '${c.variable}' in the ${file}.`, {
        reason: 'unknown_variable',
        variable: c.variable,
      });
  if (
    p.omitLevels?.length &&
    !(p.statistic === 'proportion' || (p.statistic === 'total' && isCategorical(labels[p.variable])))
  )
    return issue(
      p,
      'omitLevels',
      `omitLevels leaves out rows of a categorical proportion or total; a ${p.statistic} of '${p.variable}' has no such rows.`,
      { reason: 'omit_levels_no_rows', variable: p.variable, statistic: p.statistic },
    );
  if (multiple) return null;
  const info = labels[p.variable];
  const numeric = frame[p.variable] instanceof Float64Array;
  if (p.statistic === 'proportion' && info && !isCategorical(info))
    return issue(
      p,
      'statistic',
      `'proportion' needs a categorical variable; '${p.variable}' is ${info.type}. Use mean, total or median.`,
      { reason: 'needs_categorical', variable: p.variable, statistic: p.statistic },
    );
  if (p.statistic !== 'proportion' && p.statistic !== 'total' && ((info && isCategorical(info)) || !numeric))
    return issue(
      p,
      'statistic',
      `'${p.statistic}' needs a numeric variable; '${p.variable}' is ${info?.type ?? 'text'} (categories). Use proportion.`,
      { reason: 'needs_numeric', variable: p.variable, statistic: p.statistic },
    );
  if (p.statistic === 'total' && !numeric && !(info && isCategorical(info)))
    return issue(
      p,
      'statistic',
      `'total' needs a number or categories; '${p.variable}' is ${info?.type ?? 'text'}.`,
      { reason: 'needs_number_or_categories', variable: p.variable, statistic: p.statistic },
    );
  if (p.ci === 'logit' && p.statistic !== 'proportion')
    return issue(
      p,
      'ci',
      `'logit' (svyciprop) is an interval for proportions; a ${p.statistic} uses ${p.statistic === 'median' ? "Woodruff's interval: leave ci out" : "'wald'"}.`,
      { reason: 'ci_logit', statistic: p.statistic },
    );
  if (p.ci === 'wald' && p.statistic === 'median')
    return issue(p, 'ci', "a median's interval is Woodruff's (svyquantile): leave ci out.", {
      reason: 'ci_median',
      statistic: p.statistic,
    });
  return null;
}

/** The labelled category of a code (the code itself when the codebook has no label). */
export function levelOf(labels: Labels, variable: string, code: string): ValueLabel {
  const v = labels[variable]?.values.find((x) => String(x.code) === code);
  if (!v) return { code, pt: code, en: code };
  return { code: v.code, pt: v.pt, en: v.en, ...(v.fr && { fr: v.fr }), ...(v.kea && { kea: v.kea }) };
}

const unitRowsCache = new WeakMap<DataFrame, Map<string, DataFrame>>();

/** A column's values at the given rows, a Float64Array staying one. */
function rowsOf(col: DataFrame[string], rows: number[]): DataFrame[string] {
  if (!(col instanceof Float64Array)) return rows.map((i) => col[i]);
  const out = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = col[rows[j]];
  return out;
}

/** A property holding a column's values, as an assignment makes it. */
function columnProperty(value: DataFrame[string]): PropertyDescriptor {
  return { value, writable: true, enumerable: true, configurable: true };
}

/**
 * The unit's rows (a positive, non-missing final weight), built once per data frame and weight.
 * Each column is copied when first read (the persons' frame has ~1,000 columns, mostly replicate
 * weights of other units; a table reads a few dozen), then it is the same array for every table
 * of the run (the replicate df of a row set is cached by its columns). Copy it with tableFrame,
 * not a spread, which would read every column.
 */
function unitRows(full: DataFrame, weight: string): DataFrame {
  const byWeight = unitRowsCache.get(full) ?? new Map<string, DataFrame>();
  unitRowsCache.set(full, byWeight);
  const hit = byWeight.get(weight);
  if (hit) return hit;
  const w = full[weight];
  const rows: number[] = [];
  for (let i = 0; i < w.length; i++) if (!isMissing(w[i]) && Number(w[i]) > 0) rows.push(i);
  const frame: DataFrame = {};
  const copied = new Map<string, DataFrame[string]>();
  for (const k of Object.keys(full)) {
    Object.defineProperty(frame, k, {
      enumerable: true,
      configurable: true,
      get() {
        let col = copied.get(k);
        if (col === undefined) {
          col = rowsOf(full[k], rows);
          copied.set(k, col);
        }
        // a table's copy keeps reading through here: redefining a property of an object this
        // large costs more than the lookup
        return col;
      },
      set(this: DataFrame, value: DataFrame[string]) {
        Object.defineProperty(this, k, columnProperty(value));
      },
    });
  }
  byWeight.set(weight, frame);
  return frame;
}

const unitDescriptors = new WeakMap<DataFrame, PropertyDescriptorMap>();

/** A table's own frame over the unit's: its columns replaced there only, the unit's read lazily. */
function tableFrame(unit: DataFrame): DataFrame {
  // the unit's properties never change (its getters copy a column once), so neither do these
  let descriptors = unitDescriptors.get(unit);
  if (!descriptors) {
    descriptors = Object.getOwnPropertyDescriptors(unit);
    unitDescriptors.set(unit, descriptors);
  }
  return Object.defineProperties({}, descriptors);
}

/** A table's rows: the unit's frame (its own copy of the variable), masks and respondents. */
export interface TableRows {
  frame: DataFrame;
  weights: WeightSet;
  categorical: boolean;
  proxies: ProxyExclusion | null;
  /** Rows of the overall cells, and of the domain cells (universe and every domain known). */
  universe: Uint8Array;
  withDomains: Uint8Array;
  respondents: number;
}

/**
 * The rows a table is computed on (its plan checked): the unit's rows with a positive final weight,
 * the variable's missing codes as NA, proxies out when the plan says so, the universe and the
 * universe with every domain variable known. Also what the replicate df of its domains are ranks of.
 */
export function tableRows(
  p: TablePlan,
  data: WeightedData,
  labels: Labels,
  opts: ComputeOptions,
): TableRows | TableIssue {
  const { frame: full, weights } = unitFrame(data, p.unit);
  const problem = checkPlan(p, full, labels);
  if (problem) return problem;
  // Rows of the unit: those with a positive final weight (individual respondents for 'individual').
  const w = full[weights.weights];
  if (!w)
    return issue(p, 'unit', `weight column '${weights.weights}' is missing from the weighted data.`, {
      reason: 'no_weights',
      column: weights.weights,
    });
  // a shallow copy: the table replaces its own columns, the unit's columns are shared between tables
  // (so the replicate df of a row set is computed once per run, analysis/variance/replicate-rank.ts)
  const frame = tableFrame(unitRows(full, weights.weights));
  const categorical =
    p.statistic === 'proportion' || (p.statistic === 'total' && isCategorical(labels[p.variable]));
  if (p.statistic === 'multiple') addIndicators(p, frame, labels);
  else if (!categorical) {
    const y = frame[p.variable] as Float64Array;
    const miss = missingCodesFor(p.variable, labels, opts, p.missingCodes);
    frame[p.variable] = y.map((x) => (miss.has(x) ? Number.NaN : x));
  }
  let proxies: ProxyExclusion | null = null;
  if (p.proxies === 'excluded') {
    const r = excludeProxies(p, frame, weights.weights, opts.proxy ?? null);
    if ('facts' in r) return issue(p, 'proxies', r.message, r.facts);
    proxies = r;
  }
  const universe = universeMask(frame, proxies?.universe ?? p.universe);
  const y = frame[p.variable];
  let respondents = 0;
  for (let i = 0; i < universe.length; i++) if (universe[i] && !isMissing(y[i])) respondents++;
  if (respondents === 0)
    return issue(
      p,
      p.universe.length ? 'universe' : 'variable',
      `the universe selects nobody with an answer to '${p.variable}' (${universe.length} ${p.unit} rows, none kept).`,
      { reason: 'no_rows', variable: p.variable },
    );
  const withDomains = Uint8Array.from(universe);
  for (const [k, d] of p.domains.entries()) {
    let any = 0;
    for (let i = 0; i < withDomains.length; i++) {
      if (isMissing(frame[d][i])) withDomains[i] = 0;
      else if (withDomains[i] && !isMissing(y[i])) any++;
    }
    if (any === 0)
      return issue(p, `domains.${k}`, `domain variable '${d}' has no respondents in the universe.`, {
        reason: 'domain_no_rows',
        variable: d,
      });
  }
  return { frame, weights, categorical, proxies, universe, withDomains, respondents };
}

export function computeTable(
  p: TablePlan,
  data: WeightedData,
  labels: Labels,
  opts: ComputeOptions,
): TableResult | TableIssue {
  const rows = tableRows(p, data, labels, opts);
  if ('table' in rows) return rows;
  const { frame, weights, categorical, proxies, universe, withDomains, respondents } = rows;
  const warnings: string[] = [];
  const codes: TableWarning[] = [];
  try {
    const design: AnyDesign = svrepDesign(
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
    if (p.statistic === 'multiple') {
      const cells: TableCell[] = multipleCells(
        p,
        design,
        frame,
        labels,
        { universe, withDomains },
        (v, code) => levelOf(labels, v, code),
        opts.confLevel,
        warnings,
        codes,
      ).map((c) => ({ ...c, reliability: reliabilityOf(c.n, c.cv, opts.rules) }));
      const method = (p.ci ?? 'logit') === 'wald' ? 'wald' : 'logit';
      return result(
        p,
        labels,
        opts,
        { cells, ci: ciText(method, opts.confLevel, cells[0]?.ciDf ?? null) },
        {
          used: [],
          proxies,
          respondents,
          warnings: tableWarnings(warnings, codes),
        },
      );
    }
    const base = { naRm: true, confLevel: opts.confLevel, deff: true as const };
    const spec = (by: string[] | null): EstimateSpec =>
      p.statistic === 'median'
        ? {
            statistic: 'quantile',
            variable: p.variable,
            probs: [0.5],
            by,
            naRm: true,
            confLevel: opts.confLevel,
          }
        : {
            statistic: p.statistic === 'total' ? 'total' : 'mean',
            variable: p.variable,
            factor: categorical,
            by,
            ...base,
          };
    const runs: Array<[TabulateEstimate, string[]]> = [
      [runEstimate(spec(null), subsetAny(design, universe), 0, warnings) as TabulateEstimate, []],
    ];
    if (p.domains.length)
      runs.push([
        runEstimate(spec(p.domains), subsetAny(design, withDomains), 1, warnings) as TabulateEstimate,
        p.domains,
      ]);
    const cells: TableCell[] = [];
    for (const [est, by] of runs)
      for (const r of est.rows) {
        const codes = r.domain === null ? [] : r.domain.split('.');
        cells.push({
          domain: by.map((v, k) => ({ variable: v, ...levelOf(labels, v, codes[k]) })),
          level: categorical && r.level !== null ? levelOf(labels, p.variable, r.level) : null,
          estimate: r.estimate,
          se: r.se,
          ciLower: r.ci[0],
          ciUpper: r.ci[1],
          ciMethod: p.statistic === 'median' ? 'woodruff' : 'wald',
          ciDf: null,
          cv: r.cv,
          deff: r.deff,
          n: r.n,
          base: r.n,
          reliability: 'ok',
        });
      }
    const held = omitRows(p, cells);
    if (held) return held;
    // A proportion's base is its domain's respondents (the sum over the levels); the rule counts the
    // cell's own respondents (a level's), never the base.
    const key = (c: TableCell) => c.domain.map((d) => String(d.code)).join('\u0000');
    const bases = new Map<string, number>();
    if (categorical) for (const c of cells) bases.set(key(c), (bases.get(key(c)) ?? 0) + c.n);
    for (const c of cells) {
      if (categorical) c.base = bases.get(key(c)) ?? c.n;
      c.reliability = reliabilityOf(c.n, c.cv, opts.rules);
    }
    let ci = runs[0][0].ci;
    if (p.statistic === 'proportion' && (p.ci ?? 'logit') === 'logit') {
      codes.push(
        ...logitIntervals(cells, design, frame, p.variable, { universe, withDomains }, opts.confLevel),
      );
      ci = ciText('logit', opts.confLevel, cells[0]?.ciDf ?? null);
    } else if (p.statistic !== 'median') {
      // one convention per release: t on each domain's design df, as the logit intervals
      tIntervals(cells, design, frame, { universe, withDomains }, opts.confLevel);
      ci = ciText('wald', opts.confLevel, cells[0]?.ciDf ?? null);
    }
    // Cells whose rows are classes of a margin the unit's weights were calibrated to reproduce its
    // controls: marked, not estimates (the recipe's margins, not a small CV, decide).
    const matched = controlMargins(
      cells,
      frame,
      { statistic: p.statistic, variable: p.variable, categorical, universe, withDomains },
      data.meta.calibration?.[p.unit] ?? [],
    );
    const used: CalibrationMargin[] = [];
    cells.forEach((c, k) => {
      if (!matched[k].length || !(c.reliability === 'ok' || c.reliability === 'flag')) return;
      c.reliability = 'control';
      used.push(...matched[k]);
    });
    return result(
      p,
      labels,
      opts,
      { cells, ci },
      { used, proxies, respondents, warnings: tableWarnings(warnings, codes) },
    );
  } catch (err) {
    if (err instanceof SurveyError || err instanceof Error)
      return issue(p, (err as SurveyError).field ?? 'estimate', err.message, {
        reason: 'estimation_failed',
        variable: p.variable,
        statistic: p.statistic,
      });
    throw err;
  }
}

/**
 * Takes out of `cells` the rows of the plan's omitLevels (codes its universe rules out), which have
 * no unit: leaving them out changes no other cell. A unit of the universe with one is a refusal.
 */
function omitRows(p: TablePlan, cells: TableCell[]): TableIssue | null {
  if (!p.omitLevels?.length) return null;
  const omit = new Set(p.omitLevels.map(String));
  const out = (c: TableCell) => c.level !== null && omit.has(String(c.level.code));
  const held = cells.find((c) => out(c) && c.n > 0);
  if (held)
    return issue(
      p,
      'omitLevels',
      `level ${held.level?.code} of '${p.variable}' is left out as ruled out by the universe, but ${held.n} ${p.unit} rows of the universe have it: narrow the universe or keep the row.`,
      { reason: 'omitted_level_held', variable: p.variable },
    );
  let k = 0;
  for (const c of cells) if (!out(c)) cells[k++] = c;
  cells.length = k;
  return null;
}

/** A computed table: its plan's words, labels, notes and the cells. */
function result(
  p: TablePlan,
  labels: Labels,
  opts: ComputeOptions,
  made: { cells: TableCell[]; ci: string },
  rest: {
    used: CalibrationMargin[];
    proxies: ProxyExclusion | null;
    respondents: number;
    warnings: TableWarning[];
  },
): TableResult {
  const lab = (v: string) => labels[v]?.label ?? { pt: v, en: v };
  const { proxies } = rest;
  return {
    id: p.id,
    title: p.title,
    notes: p.notes ?? null,
    controlNote: controlNote(rest.used, p.unit),
    unit: p.unit,
    statistic: p.statistic,
    variable: { name: p.variable, label: lab(p.variable) },
    domains: p.domains.map((d) => ({ name: d, label: lab(d) })),
    universe: proxies?.universe ?? p.universe,
    proxyNote: proxies?.note ?? null,
    proxyShare: proxies?.share ?? null,
    ci: made.ci,
    confLevel: opts.confLevel,
    respondents: rest.respondents,
    cells: made.cells,
    warnings: rest.warnings,
  };
}
