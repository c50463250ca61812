/**
 * WeightedData from the weighting pipeline's result (analysis/weighting runWeighting) and the
 * flattened answers: responding households and their roster, each step and final weight, the JKn
 * replicate weights (rw_hh_k, rw_roster_k, rw_person_k), the design (psu within var_stratum) and
 * each row's calibration class per margin of the recipe (calibration-classes.ts).
 * `npm run weights` calls this and writeWeightedData (server/storage/weighted-data.ts) to produce
 * what tables and exports read.
 */
import type { DataFrame } from '../data.ts';
import type { WeightingResult } from '../weighting/run.ts';
import { calibrationClasses } from './calibration-classes.ts';
import type { WeightedData } from './weighted-data.ts';

export interface FlatAnswers {
  /** Household-level answers with a `household_id` column. */
  households: DataFrame;
  /** Person-level answers (the roster) with a `person_id` column. */
  persons: DataFrame;
}

function joinAnswers(ids: string[], answers: DataFrame, key: string): DataFrame {
  const keyCol = answers[key];
  const at = new Map<string, number>();
  if (keyCol) for (let i = 0; i < keyCol.length; i++) at.set(String(keyCol[i]), i);
  const out: DataFrame = {};
  for (const [name, col] of Object.entries(answers)) {
    if (name === key) continue;
    const numeric = col instanceof Float64Array;
    out[name] = numeric
      ? Float64Array.from(ids, (id) => (at.has(id) ? col[at.get(id) as number] : Number.NaN))
      : ids.map((id) => (at.has(id) ? (col[at.get(id) as number] ?? null) : null));
  }
  return out;
}

const nanIfZero = (x: number) => (x > 0 ? x : Number.NaN);

export function weightedDataFromRun(
  result: WeightingResult,
  answers: FlatAnswers,
  meta: { survey: string; questionnaire: string },
): WeightedData {
  const R = result.replicates.hh.length;
  const hRows = result.households.flatMap((h, i) => (h.status === 'respondent' && h.w_hh > 0 ? [i] : []));
  const hs = hRows.map((i) => result.households[i]);
  const hhOf = new Map(hs.map((h) => [h.id, h]));
  const households: DataFrame = {
    household_id: hs.map((h) => h.id),
    stratum: hs.map((h) => h.stratum),
    var_stratum: hs.map((h) => h.varStratum),
    psu: hs.map((h) => h.psu),
    w1_base: Float64Array.from(hs, (h) => h.w1_base),
    w2_elig: Float64Array.from(hs, (h) => h.w2_elig),
    w3_hhnr: Float64Array.from(hs, (h) => h.w3_hhnr),
    w_hh: Float64Array.from(hs, (h) => h.w_hh),
  };
  const classes = calibrationClasses(result, result.report.recipe);
  for (const [k, col] of Object.entries(classes.households)) households[k] = hRows.map((i) => col[i]);
  for (let r = 0; r < R; r++)
    households[`rw_hh_${r + 1}`] = Float64Array.from(hRows, (i) => result.replicates.hh[r][i]);
  Object.assign(
    households,
    joinAnswers(households.household_id as string[], answers.households, 'household_id'),
  );

  const pRows = result.persons.flatMap((p, k) => (hhOf.has(p.householdId) ? [k] : []));
  const ps = pRows.map((k) => result.persons[k]);
  const lineOf = new Map<string, number>();
  const persons: DataFrame = {
    person_id: ps.map((p) => p.id),
    household_id: ps.map((p) => p.householdId),
    // the member's line in its household's roster (the roster's order, 1, 2, ...)
    line: Float64Array.from(ps, (p) => {
      const n = (lineOf.get(p.householdId) ?? 0) + 1;
      lineOf.set(p.householdId, n);
      return n;
    }),
    stratum: ps.map((p) => p.stratum),
    var_stratum: ps.map((p) => hhOf.get(p.householdId)?.varStratum ?? null),
    psu: ps.map((p) => hhOf.get(p.householdId)?.psu ?? null),
    w_hh: Float64Array.from(ps, (p) => p.w_hh),
    w4_ind: Float64Array.from(ps, (p) => nanIfZero(p.w4_ind)),
    w_roster_final: Float64Array.from(ps, (p) => nanIfZero(p.w_roster_final)),
    w_person_final: Float64Array.from(ps, (p) => nanIfZero(p.w_person_final)),
  };
  for (const [k, col] of Object.entries(classes.persons)) persons[k] = pRows.map((i) => col[i]);
  for (let r = 0; r < R; r++) {
    persons[`rw_roster_${r + 1}`] = Float64Array.from(pRows, (k) => result.replicates.roster[r][k]);
    persons[`rw_person_${r + 1}`] = Float64Array.from(pRows, (k) => result.replicates.person[r][k]);
  }
  Object.assign(persons, joinAnswers(persons.person_id as string[], answers.persons, 'person_id'));
  const reps = (p: string) => Array.from({ length: R }, (_, k) => `${p}${k + 1}`);
  return {
    meta: {
      ...meta,
      households: {
        file: 'households.csv',
        id: 'household_id',
        steps: ['w1_base', 'w2_elig', 'w3_hhnr', 'w_hh'],
        weights: { household: { weights: 'w_hh', repweights: reps('rw_hh_') } },
      },
      persons: {
        file: 'persons.csv',
        id: 'person_id',
        householdId: 'household_id',
        steps: ['w_hh', 'w4_ind', 'w_roster_final', 'w_person_final'],
        weights: {
          roster: { weights: 'w_roster_final', repweights: reps('rw_roster_') },
          individual: { weights: 'w_person_final', repweights: reps('rw_person_') },
        },
      },
      design: {
        ids: 'psu',
        strata: 'var_stratum',
        type: 'JKn',
        scale: 1,
        rscales: result.replicates.rscales,
      },
      calibration: classes.margins,
    },
    households,
    persons,
  };
}
