/**
 * WeightedData: what the weighting pipeline hands to tables and exports. A household file and a
 * person file (the roster, linked by household id), each with its weighting steps, final weights
 * and JKn replicate weights, and the design (ids, strata, replicate type, scales).
 *
 * On disk (what `npm run weights -- <survey>` writes; server/storage/weighted-data.ts reads and writes
 * it, from-weighting.ts builds it from runWeighting's result and the flattened answers):
 *   weights.json   this metadata; households.csv and persons.csv beside it.
 * The `member` unit is every rostered person of a responding household with its household's weight
 * and replicate weights (the household file's columns, joined by household id: `withHouseholdWeights`),
 * eligible or not; `roster` is the persons in the survey population with their calibrated weights.
 */
import type { DataFrame } from '../data.ts';
import type { CalibrationMargins } from './calibration-classes.ts';
import type { Unit } from './plan.ts';

export interface WeightSet {
  /** Final weight column. */
  weights: string;
  /** Replicate weight columns (analysis weights, not multipliers). */
  repweights: string[];
}

export interface WeightedMeta {
  survey: string;
  questionnaire: string;
  households: {
    file: string;
    id: string;
    steps: string[];
    weights: { household: WeightSet };
  };
  persons: {
    file: string;
    id: string;
    householdId: string;
    steps: string[];
    weights: { roster: WeightSet; individual: WeightSet };
  };
  design: { ids: string; strata: string; type: 'JKn' | 'JK1'; scale: number; rscales: number[] };
  /**
   * The margins each unit's weights were calibrated to (the recipe's), with the column holding each
   * row's class; absent in data weighted before it (no cell is then marked as a control).
   */
  calibration?: CalibrationMargins;
}

export interface WeightedData {
  meta: WeightedMeta;
  households: DataFrame;
  persons: DataFrame;
}

const memberFrames = new WeakMap<WeightedData, DataFrame>();

/**
 * The person file with its household's final and replicate weight columns (those it lacks), joined
 * by household id: what the `member` unit is computed on and the export's person file carries. The
 * same object for the same data (the tables of a run share its columns).
 */
export function withHouseholdWeights(data: WeightedData): DataFrame {
  const hit = memberFrames.get(data);
  if (hit) return hit;
  const hw = data.meta.households.weights.household;
  const at = new Map<string, number>();
  const hid = data.households[data.meta.households.id];
  for (let i = 0; i < hid.length; i++) at.set(String(hid[i]), i);
  const rows = Array.from(data.persons[data.meta.persons.householdId], (h) => at.get(String(h)) ?? -1);
  const frame: DataFrame = { ...data.persons };
  for (const c of [hw.weights, ...hw.repweights]) {
    const col = data.households[c];
    if (frame[c] !== undefined || col === undefined) continue;
    // a plain loop: Float64Array.from with a callback runs ~10x slower on a cold call
    const out = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      out[j] = i < 0 ? Number.NaN : Number(col[i]);
    }
    frame[c] = out;
  }
  memberFrames.set(data, frame);
  return frame;
}

/** The rows and weights of an analysis unit. */
export function unitFrame(data: WeightedData, unit: Unit): { frame: DataFrame; weights: WeightSet } {
  if (unit === 'household')
    return { frame: data.households, weights: data.meta.households.weights.household };
  if (unit === 'member')
    return { frame: withHouseholdWeights(data), weights: data.meta.households.weights.household };
  return {
    frame: data.persons,
    weights: unit === 'roster' ? data.meta.persons.weights.roster : data.meta.persons.weights.individual,
  };
}

/** Every replicate and final weight column of the metadata (they are design variables, kept in exports). */
export function weightColumns(meta: WeightedMeta): { households: string[]; persons: string[] } {
  const hw = meta.households.weights.household;
  const { roster, individual } = meta.persons.weights;
  return {
    households: [...meta.households.steps, hw.weights, ...hw.repweights],
    persons: [
      ...meta.persons.steps,
      roster.weights,
      individual.weights,
      ...roster.repweights,
      ...individual.repweights,
      // the member unit's: the household's weight and replicates (withHouseholdWeights)
      hw.weights,
      ...hw.repweights,
    ],
  };
}
