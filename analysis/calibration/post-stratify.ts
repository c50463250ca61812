/**
 * Post-stratification and raking (R survey's postStratify and rake). The variance of the new
 * design uses the post-stratum residuals; replicate designs are reweighted replicate by replicate.
 */
import type { DataFrame } from '../data.ts';
import { factorColumn, interactionCodes } from '../data.ts';
import type { SurveyDesign } from '../design.ts';
import { SurveyError } from '../errors.ts';
import type { AnyDesign } from '../estimators/core.ts';
import { isReplicate } from '../estimators/core.ts';
import type { ReplicateDesign } from '../replicate-design.ts';
import type { CalibrationStep } from '../variance/calibration-steps.ts';
import { replicateRank, replicateWeightColumn } from '../variance/replicate.ts';

/** Population counts per level (one variable) or per combination label 'a.b' (several). */
export type PopulationTable = Record<string, number>;

function strataCodes(data: DataFrame, vars: readonly string[]) {
  const factors = vars.map((v) => factorColumn(data, v, undefined, 'calibrate.totals'));
  for (const f of factors)
    for (let i = 0; i < f.codes.length; i++)
      if (f.codes[i] < 0)
        throw new SurveyError(
          `Missing value in post-stratification variable at row ${i + 1}: impute it or drop the row before calibrating.`,
          'calibrate.totals',
        );
  const inter = interactionCodes(factors);
  return { codes: inter.codes, labels: inter.labels.map((l) => l.join('.')) };
}

function reweightFactors(
  codes: Int32Array,
  labels: string[],
  w: Float64Array,
  population: PopulationTable,
  partial: boolean,
  warnings: string[],
): Float64Array {
  const sample = new Float64Array(labels.length);
  for (let i = 0; i < codes.length; i++) sample[codes[i]] += w[i];
  const rw = new Float64Array(labels.length);
  labels.forEach((lab, k) => {
    const pop = population[lab];
    if (pop === undefined || pop === 0) {
      if (sample[k] !== 0)
        throw new SurveyError(
          `Stratum '${lab}' is in the sample but absent from the population totals: add its total.`,
          'calibrate.totals',
        );
    }
    rw[k] = (pop as number) / sample[k];
  });
  for (const lab of Object.keys(population))
    if (!labels.includes(lab) && population[lab] !== 0) {
      if (!partial)
        throw new SurveyError(
          `Population stratum '${lab}' has no sample rows: remove it from the totals or use partial: true.`,
          'calibrate.totals',
        );
      warnings.push('Some strata absent from sample: ignored');
    }
  return rw;
}

export function materialise(design: ReplicateDesign): Float64Array[] {
  return Array.from({ length: design.nReplicates }, (_, r) => replicateWeightColumn(design, r));
}

export function withRepWeights(
  design: ReplicateDesign,
  weights: Float64Array,
  reps: Float64Array[],
): ReplicateDesign {
  const d: ReplicateDesign = { ...design, weights, repWeights: reps, multipliers: undefined, degf: 0 };
  return { ...d, degf: replicateRank(d) - 1 };
}

/**
 * Post-stratification (R `postStratify`) on one or more categorical variables.
 *
 * @example
 * postStratify(dclus1, 'stype', { E: 4421, H: 755, M: 1018 });
 */
export function postStratify<D extends AnyDesign>(
  design: D,
  strata: string | readonly string[],
  population: PopulationTable,
  options: { partial?: boolean } = {},
): D {
  const vars = typeof strata === 'string' ? [strata] : [...strata];
  const { codes, labels } = strataCodes(design.data, vars);
  const warnings = [...design.warnings];
  const rw = reweightFactors(codes, labels, design.weights, population, options.partial ?? false, warnings);
  const n = design.n;
  const neww = new Float64Array(n);
  for (let i = 0; i < n; i++) neww[i] = design.weights[i] * rw[codes[i]];
  if (isReplicate(design)) {
    const reps = materialise(design).map((wr) => {
      const tot = new Float64Array(labels.length);
      for (let i = 0; i < n; i++) if (design.weights[i] !== 0) tot[codes[i]] += wr[i];
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++)
        out[i] = wr[i] === 0 ? 0 : (wr[i] * (population[labels[codes[i]]] ?? 0)) / tot[codes[i]];
      return out;
    });
    return { ...withRepWeights(design, neww, reps), warnings } as D;
  }
  const d = design as SurveyDesign;
  const step: CalibrationStep = {
    kind: 'poststratify',
    index: codes,
    nLevels: labels.length,
    weights: neww,
    oldWeights: Float64Array.from(design.weights),
  };
  return { ...d, weights: neww, calibration: [...d.calibration, step], warnings } as D;
}

/** A raking margin: a categorical variable (or several, crossed) and its population counts. */
export interface RakeMargin {
  variables: string | readonly string[];
  population: PopulationTable;
}

/**
 * Raking by iterative proportional fitting (R `rake`, default control maxit = 10, epsilon = 1 on
 * the joint weighted table).
 */
export function rake<D extends AnyDesign>(
  design: D,
  margins: readonly RakeMargin[],
  control: { maxit?: number; epsilon?: number } = {},
): D {
  const maxit = control.maxit ?? 10;
  let epsilon = control.epsilon ?? 1;
  if (epsilon < 1) epsilon *= design.weights.reduce((s, w) => s + w, 0);
  const allVars = margins.flatMap((m) =>
    typeof m.variables === 'string' ? [m.variables] : [...m.variables],
  );
  const joint = strataCodes(design.data, allVars);
  const table = (w: Float64Array) => {
    const t = new Float64Array(joint.labels.length);
    for (let i = 0; i < w.length; i++) t[joint.codes[i]] += w[i];
    return t;
  };
  const base = design;
  let cur: D = design;
  let old = table(design.weights);
  let iter = 0;
  let converged = false;
  let steps: CalibrationStep[] = [];
  while (iter < maxit) {
    // Each sweep starts from the current weights but only the last sweep's steps are kept.
    let d: D = isReplicate(cur) ? cur : ({ ...(cur as SurveyDesign), calibration: [] } as unknown as D);
    for (const m of margins) d = postStratify(d, m.variables, m.population);
    if (!isReplicate(d)) steps = (d as SurveyDesign).calibration;
    cur = d;
    const now = table(cur.weights);
    let delta = 0;
    for (let k = 0; k < now.length; k++) delta = Math.max(delta, Math.abs(old[k] - now[k]));
    if (delta < epsilon) {
      converged = true;
      break;
    }
    old = now;
    iter++;
  }
  const warnings = [...cur.warnings];
  if (!converged) warnings.push(`Raking did not converge after ${iter} iterations.`);
  if (isReplicate(cur)) return { ...cur, warnings } as D;
  const raking: CalibrationStep = {
    kind: 'raking',
    margins: steps.map((s) => {
      if (s.kind !== 'poststratify') throw new Error('unreachable');
      return { index: s.index, nLevels: s.nLevels, weights: s.weights };
    }),
  };
  const b = base as SurveyDesign;
  return { ...(cur as SurveyDesign), calibration: [...b.calibration, raking], warnings } as unknown as D;
}
