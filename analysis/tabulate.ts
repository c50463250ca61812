/**
 * Runs a tabulation spec on a data set: builds the design, optional replicates and calibration,
 * and every requested estimate as flat rows (domain x level) with estimate, se, ci, cv, deff, n.
 * Pure: no file or network access (the command line in cli.ts does the I/O).
 */
import { calibrate, postStratify, rake } from './calibration/index.ts';
import type { DataFrame } from './data.ts';
import { factorColumn } from './data.ts';
import type { DesignSpec } from './design.ts';
import { svyDesign } from './design.ts';
import { SurveyError } from './errors.ts';
import { svyMean, svyRatio, svyTotal, svyVar } from './estimators/basic.ts';
import { svyBy } from './estimators/by.ts';
import { svyChisq } from './estimators/chisq.ts';
import { confint, svyCiprop } from './estimators/ciprop.ts';
import type { AnyDesign, Estimate } from './estimators/core.ts';
import { degf, isReplicate, subsetAny } from './estimators/core.ts';
import { svyQuantile } from './estimators/quantile.ts';
import { asSvrepDesign, svrepDesign } from './replicate-design.ts';
import type { EstimateSpec, TabulateSpec } from './tabulate-spec.ts';
import { tabulateSpecSchema } from './tabulate-spec.ts';

/** One output row: an estimate for one domain and one level. */
export interface TabulateRow {
  domain: string | null;
  level: string | null;
  estimate: number;
  se: number;
  ci: [number, number];
  cv: number;
  deff: number | null;
  n: number;
}

export interface TabulateEstimate {
  index: number;
  statistic: string;
  variable: string;
  label: string | null;
  by: string[] | null;
  /** How the intervals were made, e.g. "t(14), 95%". */
  ci: string;
  rows: TabulateRow[];
}

export interface TabulateTest {
  index: number;
  statistic: 'chisq';
  variables: [string, string];
  label: string | null;
  test: string;
  method: string;
  value: number;
  df: number[];
  pValue: number;
}

export interface TabulateResult {
  design: {
    type: string;
    n: number;
    df: number;
    sumWeights: number;
    replicates: number | null;
    calibration: string | null;
  };
  results: (TabulateEstimate | TabulateTest)[];
  warnings: string[];
}

/** Validates a spec object; the error names the field. */
export function parseTabulateSpec(raw: unknown): TabulateSpec {
  const r = tabulateSpecSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((issue) => {
      // biome-ignore lint/suspicious/noExplicitAny: zod issue variants
      const extra = (issue as any).keys ? ` (${(issue as any).keys.join(', ')})` : '';
      return `spec.${issue.path.join('.')}: ${issue.message}${extra}`;
    });
    const path = r.error.issues[0].path.join('.');
    throw new SurveyError(`${issues.join('; ')}. Fix these fields of the spec.`, path);
  }
  return r.data;
}

function clean<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

function buildDesign(spec: TabulateSpec, data: DataFrame, warnings: string[]): AnyDesign {
  const ds = clean(spec.design) as DesignSpec;
  let design: AnyDesign = svyDesign(ds, data);
  warnings.push(...design.warnings);
  const rep = spec.replicates;
  if (rep) {
    if (rep.columns && rep.columns.length > 0)
      design = svrepDesign(
        {
          type: rep.type,
          repweights: rep.columns,
          weights: ds.weights ?? null,
          combinedWeights: rep.combinedWeights ?? true,
          scale: rep.scale ?? undefined,
          rscales: rep.rscales ?? undefined,
          mse: rep.mse ?? undefined,
          rho: rep.rho ?? undefined,
        },
        data,
      );
    else {
      if (rep.type === 'other')
        throw new SurveyError("replicates.type 'other' needs replicates.columns.", 'replicates.columns');
      design = asSvrepDesign(design as never, {
        type: rep.type,
        mse: rep.mse ?? undefined,
        fayRho: rep.rho ?? undefined,
        replicates: rep.replicates ?? undefined,
      });
    }
    warnings.push(...design.warnings);
  }
  const cal = spec.calibrate;
  if (cal) {
    const before = design.warnings.length;
    if (cal.method === 'poststratify' || cal.method === 'rake') {
      const margins = Object.entries(cal.totals).map(([variable, pop]) => {
        if (typeof pop === 'number')
          throw new SurveyError(
            `calibrate.totals.${variable}: ${cal.method} needs counts per level of a categorical variable.`,
            `calibrate.totals.${variable}`,
          );
        return { variables: variable, population: pop };
      });
      if (cal.method === 'poststratify') {
        if (margins.length !== 1)
          throw new SurveyError(
            "calibrate.totals: 'poststratify' takes one variable (cross variables into one column, or use 'rake').",
            'calibrate.totals',
          );
        design = postStratify(design, margins[0].variables, margins[0].population, {
          partial: cal.partial ?? false,
        });
      } else design = rake(design, margins, { maxit: cal.maxit ?? 10, epsilon: cal.epsilon ?? 1 });
    } else {
      const terms: string[] = [];
      const population: Record<string, number> = {};
      for (const [variable, pop] of Object.entries(cal.totals)) {
        if (variable === '(Intercept)') {
          population[variable] = pop as number;
          continue;
        }
        terms.push(variable);
        if (typeof pop === 'number') population[variable] = pop;
        else {
          const f = factorColumn(data, variable, undefined, `calibrate.totals.${variable}`);
          for (const lev of f.levels)
            if (pop[lev] === undefined)
              throw new SurveyError(
                `calibrate.totals.${variable}: no total for level '${lev}' (levels: ${f.levels.join(', ')}).`,
                `calibrate.totals.${variable}`,
              );
          const levTotal = f.levels.reduce((s, l) => s + pop[l], 0);
          if (population['(Intercept)'] === undefined) population['(Intercept)'] = levTotal;
          f.levels.slice(1).forEach((l) => {
            population[`${variable}${l}`] = pop[l];
          });
        }
      }
      if (population['(Intercept)'] === undefined)
        throw new SurveyError(
          'calibrate.totals: give the population size as "(Intercept)" or a categorical variable with totals per level.',
          'calibrate.totals',
        );
      design = calibrate(design, terms, population, {
        calfun: cal.method,
        bounds: cal.bounds ?? undefined,
        maxit: cal.maxit ?? 50,
        epsilon: cal.epsilon ?? 1e-7,
      });
    }
    warnings.push(...design.warnings.slice(before));
  }
  return design;
}

function dfOf(
  spec: { df?: 'design' | 'normal' | number | null },
  design: AnyDesign,
  fallback: 'design' | 'normal',
): number {
  const df = spec.df ?? fallback;
  if (df === 'normal') return Number.POSITIVE_INFINITY;
  if (df === 'design') return degf(design);
  return df;
}

function ciLabel(df: number, level: number): string {
  return `${Number.isFinite(df) ? `t(${df})` : 'Normal'}, ${Math.round(level * 1000) / 10}%`;
}

function rowsOf(
  est: Estimate,
  df: number,
  level: number,
  byDomains: boolean,
  levelNames: (name: string) => string | null,
): TabulateRow[] {
  const cis = confint(est, { level, df });
  return est.estimate.map((e, j) => {
    let domain: string | null = null;
    let stat = est.names[j];
    if (byDomains && est.domains) {
      const D = est.domains.labels.length;
      domain = est.domains.labels[j % D].join('.');
      stat = est.domains.statisticNames[Math.floor(j / D)];
    }
    return {
      domain,
      level: levelNames(stat),
      estimate: e,
      se: est.se[j],
      ci: cis[j],
      cv: est.cv[j],
      deff: est.deff ? est.deff[j] : null,
      n: est.n[j],
    };
  });
}

function runEstimate(
  s: EstimateSpec,
  design: AnyDesign,
  index: number,
  warnings: string[],
): TabulateEstimate | TabulateTest {
  const label = s.label ?? null;
  if (s.statistic === 'chisq') {
    const r = svyChisq(s.variables, design, s.test ?? 'F');
    warnings.push(...r.warnings);
    return {
      index,
      statistic: 'chisq',
      variables: s.variables,
      label,
      test: s.test ?? 'F',
      method: r.method,
      value: r.statistic,
      df: r.parameter,
      pValue: r.pValue,
    };
  }
  const level = s.confLevel ?? 0.95;
  const by = s.by ? (typeof s.by === 'string' ? [s.by] : s.by) : null;
  if (s.statistic === 'mean' || s.statistic === 'total' || s.statistic === 'var') {
    const vars = typeof s.variable === 'string' ? [s.variable] : s.variable;
    const specs =
      s.statistic !== 'var' && 'factor' in s && s.factor
        ? vars.map((name) => ({ name, factor: true }))
        : vars;
    const opts = { naRm: s.naRm ?? false, deff: s.deff ?? false };
    let est: Estimate;
    if (s.statistic === 'var') {
      if (by)
        throw new SurveyError(
          `estimates.${index}.by: 'var' by domain is not supported; use subsets.`,
          `estimates.${index}.by`,
        );
      est = svyVar(vars, design, opts);
    } else if (by) est = svyBy(specs, by, design, s.statistic, opts);
    else est = (s.statistic === 'mean' ? svyMean : svyTotal)(specs, design, opts);
    warnings.push(...est.warnings);
    const df = dfOf(s, design, 'normal');
    const levelName = (stat: string) => {
      for (const v of vars) if (stat !== v && stat.startsWith(v)) return stat.slice(v.length);
      return vars.length > 1 ? stat : null;
    };
    return {
      index,
      statistic: s.statistic,
      variable: vars.join('+'),
      label,
      by,
      ci: ciLabel(df, level),
      rows: rowsOf(est, df, level, by !== null, levelName),
    };
  }
  if (s.statistic === 'ratio') {
    const est = by
      ? svyBy(s.numerator, by, design, { ratio: s.denominator }, { naRm: s.naRm ?? false })
      : svyRatio(s.numerator, s.denominator, design, { naRm: s.naRm ?? false });
    warnings.push(...est.warnings);
    const df = dfOf(s, design, 'normal');
    return {
      index,
      statistic: 'ratio',
      variable: `${s.numerator}/${s.denominator}`,
      label,
      by,
      ci: ciLabel(df, level),
      rows: rowsOf(est, df, level, by !== null, () => null),
    };
  }
  if (s.statistic === 'quantile') {
    if (by)
      throw new SurveyError(
        `estimates.${index}.by: quantiles by domain are not supported yet.`,
        `estimates.${index}.by`,
      );
    const df = dfOf(s, design, 'design');
    const est = svyQuantile(s.variable, design, s.probs, {
      qrule: s.qrule ?? 'math',
      intervalType: s.intervalType ?? 'mean',
      alpha: 1 - level,
      naRm: s.naRm ?? false,
      df,
    });
    warnings.push(...est.warnings);
    return {
      index,
      statistic: 'quantile',
      variable: s.variable,
      label,
      by: null,
      ci: `Woodruff, ${ciLabel(df, level)}`,
      rows: est.estimate.map((e, j) => ({
        domain: null,
        level: String(s.probs[j]),
        estimate: e,
        se: est.se[j],
        ci: est.ci[j],
        cv: est.cv[j],
        deff: null,
        n: est.n[j],
      })),
    };
  }
  // ciprop
  const df = dfOf(s, design, 'design');
  const lev = s.level === null || s.level === undefined ? undefined : String(s.level);
  const method = s.method ?? 'logit';
  const runOne = (d: AnyDesign) =>
    svyCiprop(s.variable, d, { method, level, df, naRm: s.naRm ?? false }, lev);
  const rows: TabulateRow[] = [];
  if (by) {
    const est = svyBy({ name: '__ind', factor: false }, by, withIndicator(design, s.variable, lev), 'mean', {
      naRm: s.naRm ?? false,
    });
    const D = est.estimate.length;
    const labels = est.domains?.labels ?? [];
    for (let d = 0; d < D; d++) {
      const keep = domainMask(design, by, labels[d]);
      const r = runOne(subsetOf(design, keep));
      warnings.push(...r.warnings);
      rows.push({
        domain: labels[d].join('.'),
        level: lev ?? '1',
        estimate: r.estimate,
        se: r.se,
        ci: r.ci,
        cv: r.se / r.estimate,
        deff: null,
        n: est.n[d],
      });
    }
  } else {
    const r = runOne(design);
    warnings.push(...r.warnings);
    rows.push({
      domain: null,
      level: lev ?? '1',
      estimate: r.estimate,
      se: r.se,
      ci: r.ci,
      cv: r.se / r.estimate,
      deff: null,
      n: nonzero(design),
    });
  }
  return {
    index,
    statistic: 'ciprop',
    variable: s.variable,
    label,
    by,
    ci: `${method}, ${ciLabel(df, level)}`,
    rows,
  };
}

function subsetOf(d: AnyDesign, keep: Uint8Array): AnyDesign {
  return subsetAny(d, keep);
}
function nonzero(d: AnyDesign): number {
  let k = 0;
  for (let i = 0; i < d.n; i++) if (d.weights[i] !== 0) k++;
  return k;
}
function withIndicator(d: AnyDesign, v: string, lev: string | undefined): AnyDesign {
  const col = d.data[v];
  const ind = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    const x = col[i];
    ind[i] =
      x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x))
        ? Number.NaN
        : lev === undefined
          ? Number(x)
          : String(x) === lev
            ? 1
            : 0;
  }
  return { ...d, data: { ...d.data, __ind: ind } } as AnyDesign;
}
function domainMask(d: AnyDesign, by: string[], labels: string[]): Uint8Array {
  const keep = new Uint8Array(d.n).fill(1);
  by.forEach((b, k) => {
    const col = d.data[b];
    for (let i = 0; i < d.n; i++) if (String(col[i]) !== labels[k]) keep[i] = 0;
  });
  return keep;
}

/**
 * Runs a spec (already parsed or raw JSON) on columnar data.
 *
 * @example
 * tabulate(readCsv('apiclus1.csv'), { design: { ids: ['dnum'], weights: 'pw', fpc: ['fpc'] },
 *   estimates: [{ statistic: 'mean', variable: 'api00', by: ['stype'] }] });
 */
export function tabulate(data: DataFrame, rawSpec: unknown): TabulateResult {
  const spec = parseTabulateSpec(rawSpec);
  const warnings: string[] = [];
  const design = buildDesign(spec, data, warnings);
  const results = spec.estimates.map((e, i) => {
    try {
      return runEstimate(e, design, i, warnings);
    } catch (err) {
      if (err instanceof SurveyError) {
        const designField = ['lonelyPsu', 'ids', 'strata', 'weights', 'probs', 'fpc', 'nest'].includes(
          err.field ?? '',
        );
        const field = designField ? `design.${err.field}` : `estimates.${i}.${err.field ?? ''}`;
        throw new SurveyError(`spec.estimates.${i} (${e.statistic}): ${err.message}`, field);
      }
      throw err;
    }
  });
  let sumWeights = 0;
  for (let i = 0; i < design.n; i++) sumWeights += design.weights[i];
  return {
    design: {
      type: isReplicate(design) ? `replicate (${design.type}, ${design.nReplicates} replicates)` : 'taylor',
      n: design.n,
      df: degf(design),
      sumWeights,
      replicates: isReplicate(design) ? design.nReplicates : null,
      calibration: spec.calibrate ? spec.calibrate.method : null,
    },
    results,
    warnings: [...new Set(warnings)],
  };
}
