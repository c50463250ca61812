/**
 * The weighting pipeline: a survey's recipe (recipe.ts) applied to its units and persons: the
 * full-sample pass, the nonresponse cells decided once on the full sample, and the JKn replicates
 * each re-running every step from their base weights; every step kept as a variable, plus a report.
 */
import { collapseCells } from './cells.ts';
import {
  type WeightingDetail,
  type WeightingErrorCode,
  weightingErrorCode,
  weightingErrorDetail,
} from './errors.ts';
import { weightingError } from './failure-text.ts';
import {
  type PassCells,
  type PassResult,
  type Prepared,
  prepare,
  type RakeSummary,
  weightingPass,
} from './pipeline.ts';
import type { WeightingRecipe } from './recipe.ts';
import { jknReplicates, type Replicate, varianceUnits } from './replicates.ts';
import { summarise, type WeightSummary } from './report.ts';
import type { CellFactor, PersonInput, UnitInput } from './types.ts';
import type { Values } from './variables.ts';

export interface WeightingResult {
  /** The units (households, visits), with their recipe variables in `values`. */
  households: Array<
    UnitInput & {
      varStratum: string;
      psu: string;
      w1_base: number;
      w2_elig: number;
      w3_hhnr: number;
      w_hh: number;
    }
  >;
  persons: Array<
    PersonInput & {
      stratum: string;
      w_hh: number;
      w4_ind: number;
      w_roster_final: number;
      w_person_final: number;
    }
  >;
  /** Replicate weights per replicate (columns), aligned with households / persons. */
  replicates: {
    type: 'JKn';
    rscales: number[];
    psus: string[];
    hh: Float64Array[];
    roster: Float64Array[];
    person: Float64Array[];
  };
  report: WeightingReport;
}

export interface WeightingReport {
  sample: {
    households: number;
    respondents: number;
    nonrespondents: number;
    ineligible: number;
    persons: number;
    eligiblePersons: number;
    individuals: number;
    individualRespondents: number;
  };
  steps: WeightSummary[];
  householdCells: CellFactor[];
  personCells: CellFactor[];
  unitCalibration: RakeSummary;
  rosterRake: RakeSummary;
  personRake: RakeSummary;
  controls: Array<{
    margin: string;
    category: string;
    control: number;
    weighted: number;
    difference: number;
  }>;
  replicates: {
    count: number;
    lonelyStrata: string[];
    /** Certainty clusters taken in full (every unit selected): no replicate, no variance. */
    completeStrata: string[];
    droppedCategories: number;
    unboundedFallback: number;
    /**
     * Replicates that failed: the PSU, the pipeline's code (null for an unexpected error; absent in
     * reports written before codes were kept) and its words, which name the cell or margin.
     */
    failed: ReplicateFailure[];
  };
  recipe: WeightingRecipe;
}

const totalsBy = (values: readonly string[], w: Float64Array) => {
  const t: Record<string, number> = {};
  values.forEach((v, i) => {
    if (w[i] > 0) t[v] = (t[v] ?? 0) + w[i];
  });
  return t;
};

/** The report's name of the persons' inherited weight (report-messages.ts words it in each language). */
export const INHERITED_ROSTER_STEP = 'w_roster (inherited w_hh, eligible persons)';

function controlChecks(p: Prepared, pass: PassResult) {
  const rows: WeightingReport['controls'] = [];
  const add = (margin: string, control: Record<string, number>, got: Record<string, number>) => {
    for (const [k, c] of Object.entries(control))
      rows.push({ margin, category: k, control: c, weighted: got[k] ?? 0, difference: (got[k] ?? 0) - c });
  };
  const values = (list: Values[], variable: string) => list.map((v) => String(v[variable] ?? '(missing)'));
  const steps = [
    ['units', 'units.calibration', p.recipe.units.calibration, p.unitValues, pass.wCalibrated],
    ['roster', 'persons.roster', p.recipe.persons?.roster ?? null, p.personValues, pass.wRosterFinal],
  ] as const;
  for (const [label, key, c, list, w] of steps)
    c?.margins.forEach((m, i) => {
      const control = p.controls.get(`${key}.${i}`);
      if (control) add(`${label}: ${m.variable}`, control, totalsBy(values(list, m.variable), w));
    });
  return rows;
}

/**
 * The nonresponse cells (original 'stratum|class' -> collapsed cell), decided once on the full
 * sample's unweighted counts and kept in every replicate.
 */
export function weightingCells(p: Prepared): PassCells {
  const unit = p.recipe.units.nonresponse?.collapse;
  const person = p.recipe.persons?.nonresponse?.collapse;
  return {
    household: unit
      ? collapseCells(
          p.hhUnits.filter((_, i) => p.households[i].status !== 'ineligible'),
          unit.minRespondents,
          unit.maxFactor,
        )
      : new Map(),
    person: person
      ? collapseCells(
          p.personUnits.filter((_, k) => p.persons[k].individual),
          person.minRespondents,
          person.maxFactor,
        )
      : new Map(),
  };
}

export interface RunOptions {
  /** Compute the replicate weights the recipe asks for (default true); false for a quick look. */
  replicates?: boolean;
}

/** What the replicates need: the prepared sample, the cells, the base weights and the replicates. */
export interface ReplicateContext {
  households: readonly UnitInput[];
  persons: readonly PersonInput[];
  recipe: WeightingRecipe;
  p: Prepared;
  cells: PassCells;
  w1: Float64Array;
  reps: { replicates: Replicate[]; lonely: string[]; complete: string[] };
}

/** The replicates' context and the full-sample pass. */
export interface WeightingStart extends ReplicateContext {
  full: PassResult;
}

/**
 * A failed replicate in the report: its sentence in the report's language comes from `code`, and the
 * pipeline's words from `detail` (failure-text.ts); `error` keeps the English words (and is all a report
 * stored before details were kept, or an unexpected error, has).
 */
export interface ReplicateFailure {
  psu: string;
  code?: WeightingErrorCode | null;
  detail?: WeightingDetail | null;
  error: string;
}

/** One replicate's weights, or why it failed (in the report, as R's replicates that do not converge). */
export type ReplicateOutcome =
  | {
      psu: string;
      rscale: number;
      hh: Float64Array;
      roster: Float64Array;
      person: Float64Array;
      dropped: number;
      unbounded: boolean;
    }
  | { psu: string; code: WeightingErrorCode | null; detail: WeightingDetail | null; error: string };

/**
 * The full-sample pass and the list of JKn replicates (none when `options.replicates` is false or
 * the recipe asks for none); each replicate is then weighed by replicateOutcome, in any order or
 * thread, and finishWeighting puts them together in the replicates' order.
 */
export function startWeighting(
  households: readonly UnitInput[],
  persons: readonly PersonInput[],
  recipe: WeightingRecipe,
  design: unknown,
  options: RunOptions = {},
): WeightingStart {
  const context = replicateContext(households, persons, recipe, design, options);
  return { ...context, full: weightingPass(context.p, context.w1, context.cells) };
}

/** startWeighting without the full-sample pass: what a thread weighing replicates needs. */
export function replicateContext(
  households: readonly UnitInput[],
  persons: readonly PersonInput[],
  recipe: WeightingRecipe,
  design: unknown,
  options: RunOptions = {},
): ReplicateContext {
  if (!households.length) throw weightingError('input.no_units', {});
  for (const h of households)
    if (!(h.pi1 > 0 && h.pi1 <= 1 && h.pi2 > 0 && h.pi2 <= 1))
      throw weightingError('input.probabilities', { unit: h.id, cluster: h.cluster, pi1: h.pi1, pi2: h.pi2 });
  const p = prepare(households, persons, recipe, design);
  const cells = weightingCells(p);
  const stages = recipe.base.inclusion;
  const w1 = Float64Array.from(households, (h) => 1 / stages.reduce((x, s) => x * h[s], 1));
  const reps =
    recipe.replicates && options.replicates !== false
      ? jknReplicates(households, w1)
      : { replicates: [], lonely: [], complete: [] };
  return { households, persons, recipe, p, cells, w1, reps };
}

/** Replicate `index` of the start's list: steps 2-6 from its perturbed base weights. */
export function replicateOutcome(start: ReplicateContext, index: number): ReplicateOutcome {
  const r = start.reps.replicates[index];
  const psu = `${r.varStratum}/${r.psu}`;
  try {
    const pass = weightingPass(start.p, r.w1, start.cells, true);
    return {
      psu,
      rscale: r.rscale,
      hh: pass.wHh,
      roster: pass.wRosterFinal,
      person: pass.wPersonFinal,
      dropped: pass.rosterRake.dropped.length + pass.personRake.dropped.length,
      unbounded: pass.rosterRake.unbounded || pass.personRake.unbounded,
    };
  } catch (error) {
    return {
      psu,
      code: weightingErrorCode(error),
      detail: weightingErrorDetail(error),
      error: (error as Error).message,
    };
  }
}

/**
 * Weights a survey's sample with its recipe. `design` is the survey's parsed design.json, where the
 * recipe's margins may point for their controls.
 */
export function runWeighting(
  households: readonly UnitInput[],
  persons: readonly PersonInput[],
  recipe: WeightingRecipe,
  design: unknown,
  options: RunOptions = {},
): WeightingResult {
  const start = startWeighting(households, persons, recipe, design, options);
  return finishWeighting(
    start,
    start.reps.replicates.map((_, j) => replicateOutcome(start, j)),
  );
}

/** The result from the start and every replicate's outcome (in the start's replicate order). */
export function finishWeighting(
  start: WeightingStart,
  outcomes: readonly ReplicateOutcome[],
): WeightingResult {
  const { households, persons, recipe, p, w1, full, reps } = start;
  const failed: ReplicateFailure[] = [];
  let dropped = 0;
  let unbounded = 0;
  const hh: Float64Array[] = [];
  const roster: Float64Array[] = [];
  const person: Float64Array[] = [];
  const rscales: number[] = [];
  const psus: string[] = [];
  for (const o of outcomes) {
    if ('error' in o) {
      failed.push({ psu: o.psu, code: o.code, detail: o.detail, error: o.error });
      continue;
    }
    dropped += o.dropped;
    if (o.unbounded) unbounded++;
    hh.push(o.hh);
    roster.push(o.roster);
    person.push(o.person);
    rscales.push(o.rscale);
    psus.push(o.psu);
  }
  const report: WeightingReport = {
    sample: {
      households: households.length,
      respondents: households.filter((h) => h.status === 'respondent').length,
      nonrespondents: households.filter((h) => h.status === 'nonrespondent').length,
      ineligible: households.filter((h) => h.status === 'ineligible').length,
      persons: persons.length,
      eligiblePersons: persons.filter((q) => q.eligible).length,
      individuals: persons.filter((q) => q.individual).length,
      individualRespondents: persons.filter((q) => q.individual && q.respondent).length,
    },
    steps: [
      summarise('w1_base', w1),
      summarise('w2_elig', full.w2),
      summarise('w3_hhnr', full.w3),
      summarise('w_hh', full.wHh),
      ...(recipe.persons
        ? [
            summarise(
              INHERITED_ROSTER_STEP,
              Float64Array.from(persons, (q, k) => (q.eligible ? full.wRoster[k] : 0)),
            ),
            summarise('w4_ind', full.w4Ind),
            summarise('w_roster_final', full.wRosterFinal),
            summarise('w_person_final', full.wPersonFinal),
          ]
        : []),
    ],
    householdCells: full.hhFactors,
    personCells: full.personFactors,
    unitCalibration: full.unitCalibration,
    rosterRake: full.rosterRake,
    personRake: full.personRake,
    controls: controlChecks(p, full),
    replicates: {
      count: hh.length,
      lonelyStrata: reps.lonely,
      completeStrata: reps.complete,
      droppedCategories: dropped,
      unboundedFallback: unbounded,
      failed,
    },
    recipe,
  };
  return {
    households: households.map((h, i) => ({
      ...h,
      ...varianceUnits(h),
      w1_base: w1[i],
      w2_elig: full.w2[i],
      w3_hhnr: full.w3[i],
      w_hh: full.wHh[i],
    })),
    persons: persons.map((q, k) => ({
      ...q,
      values: p.personValues[k] as PersonInput['values'],
      stratum: p.stratumOfPerson[k],
      w_hh: full.wRoster[k],
      w4_ind: full.w4Ind[k],
      w_roster_final: full.wRosterFinal[k],
      w_person_final: full.wPersonFinal[k],
    })),
    replicates: { type: 'JKn', rscales, psus, hh, roster, person },
    report,
  };
}
