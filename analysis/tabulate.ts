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
import type { AnyDesign, VarSpec } from './estimators/core.ts';
import { degf, isReplicate } from './estimators/core.ts';
import { asSvrepDesign, svrepDesign } from './replicate-design.ts';
import { runEstimate } from './tabulate-estimate.ts';
import type { TabulateModel } from './tabulate-model.ts';
import { runModel } from './tabulate-model.ts';
import type { TabulateSpec } from './tabulate-spec.ts';
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
  results: (TabulateEstimate | TabulateTest | TabulateModel)[];
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
      const terms: VarSpec[] = [];
      const population: Record<string, number> = {};
      for (const [variable, pop] of Object.entries(cal.totals)) {
        if (variable === '(Intercept)') {
          population[variable] = pop as number;
          continue;
        }
        terms.push(
          typeof pop === 'number' ? { name: variable, factor: false } : { name: variable, factor: true },
        );
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
      if (e.statistic === 'glm') return runModel(e, design, i, warnings);
      return runEstimate(e, design, i, warnings);
    } catch (err) {
      if (err instanceof SurveyError) {
        const designField = ['lonelyPsu', 'ids', 'strata', 'weights', 'probs', 'fpc', 'nest', 'pps'].includes(
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
