/**
 * One pass of the recipe's weighting from the units' base weights (the full sample, or a replicate's
 * perturbed base weights): eligibility-unknown adjustment, unit nonresponse in cells, unit
 * calibration; then, with a roster, the persons' inherited weights, person nonresponse, calibration of
 * the roster and of the individual respondents. A step the recipe leaves out passes the weights on.
 */
import { type CalibrationMargin, calibrateStep, noCalibration, type RakeSummary } from './calibrate-step.ts';
import { type CellIndex, type CellUnit, cellOf, indexCells, nonresponseAdjustIndexed } from './cells.ts';
import { resolveControls } from './controls.ts';
import type { RecordLevel } from './errors.ts';
import { weightingError } from './failure-text.ts';
import type { Calibration, Nonresponse, WeightingRecipe } from './recipe.ts';
import type { CellFactor, PersonInput, UnitInput } from './types.ts';
import { recipeValues, type Values } from './variables.ts';

export type { RakeSummary };

export interface PassCells {
  household: Map<string, string>;
  person: Map<string, string>;
}

export interface PassResult {
  w2: Float64Array;
  w3: Float64Array;
  /** The calibrated unit weights, ineligible units included where the recipe keeps them. */
  wCalibrated: Float64Array;
  wHh: Float64Array;
  /** Persons (all roster members of responding units), in input order. */
  wRoster: Float64Array;
  w4Ind: Float64Array;
  wRosterFinal: Float64Array;
  wPersonFinal: Float64Array;
  hhFactors: CellFactor[];
  personFactors: CellFactor[];
  unitCalibration: RakeSummary;
  rosterRake: RakeSummary;
  personRake: RakeSummary;
}

export interface Prepared {
  recipe: WeightingRecipe;
  households: readonly UnitInput[];
  persons: readonly PersonInput[];
  /** Unit index of each person. */
  hhIndex: Int32Array;
  stratumOfPerson: string[];
  /** Each unit's and person's values with the recipe's variables (and stratum, sex, age). */
  unitValues: Values[];
  personValues: Values[];
  hhUnits: CellUnit[];
  personUnits: CellUnit[];
  /** The units not found ineligible, and the persons who need an individual interview (indices). */
  eligibleIdx: number[];
  individualIdx: number[];
  /** Resolved control totals per step and margin ('units.calibration.0', ...). */
  controls: Map<string, Record<string, number>>;
  /**
   * A margin variable's values as text (and the rows without one), built on first use and shared
   * by every pass (the replicates change weights, not values); keyed by variable per row set.
   */
  marginColumns: WeakMap<Values[], Map<string, { text: string[]; missing: number[] }>>;
  /** The nonresponse cells of a row set (indexCells), built on first use and shared by every pass. */
  cellIndexes: WeakMap<Map<string, string>, WeakMap<number[], CellIndex>>;
}

const cellClass = (v: Values, nr: Nonresponse | null): string | null => {
  if (!nr?.by.length) return 'all';
  const parts = nr.by.map((b) => v[b]);
  return parts.some((x) => x === null || x === undefined || x === '') ? null : parts.join(':');
};

function stepControls(
  out: Map<string, Record<string, number>>,
  step: string,
  c: Calibration | null,
  design: unknown,
): void {
  c?.margins.forEach((m, i) => {
    if ('fromRoster' in m.controls) return;
    const where = `${step}.margins.${i} (${m.variable})`;
    const all = resolveControls(m.controls, design, where);
    for (const k of m.omit) {
      if (!(k in all))
        throw weightingError('recipe.omit_unknown', { where, category: k, categories: Object.keys(all) });
      delete all[k];
    }
    out.set(`${step}.${i}`, all);
  });
}

export function prepare(
  households: readonly UnitInput[],
  persons: readonly PersonInput[],
  recipe: WeightingRecipe,
  design: unknown,
): Prepared {
  const byId = new Map(households.map((h, i) => [h.id, i]));
  const hhIndex = Int32Array.from(persons, (p) => {
    const i = byId.get(p.householdId);
    if (i === undefined) throw weightingError('input.person_outside', { person: p.id, unit: p.householdId });
    if (households[i].status !== 'respondent')
      throw weightingError('input.person_nonrespondent', { person: p.id, unit: p.householdId });
    return i;
  });
  if (persons.length && !recipe.persons)
    throw weightingError('recipe.no_persons', { persons: persons.length });
  const keep = recipeValues(recipe.variables);
  const unitValues = households.map((h) => keep({ ...h.values, stratum: h.stratum }));
  const stratumOfPerson = persons.map((_, k) => households[hhIndex[k]].stratum);
  const personValues = persons.map((p, k) =>
    keep({ ...p.values, stratum: stratumOfPerson[k], sex: p.sex, age: p.age }),
  );
  const controls = new Map<string, Record<string, number>>();
  stepControls(controls, 'units.calibration', recipe.units.calibration, design);
  stepControls(controls, 'persons.roster', recipe.persons?.roster ?? null, design);
  stepControls(controls, 'persons.individuals', recipe.persons?.individuals ?? null, design);
  return {
    recipe,
    households,
    persons,
    eligibleIdx: households.flatMap((h, i) => (h.status === 'ineligible' ? [] : [i])),
    individualIdx: persons.flatMap((q, k) => (q.individual ? [k] : [])),
    controls,
    marginColumns: new WeakMap(),
    cellIndexes: new WeakMap(),
    hhIndex,
    stratumOfPerson,
    unitValues,
    personValues,
    hhUnits: households.map((h, i) => ({
      stratum: h.stratum,
      cls: cellClass(unitValues[i], recipe.units.nonresponse),
      respondent: h.status === 'respondent',
    })),
    personUnits: persons.map((p, k) => ({
      stratum: stratumOfPerson[k],
      cls: cellClass(personValues[k], recipe.persons?.nonresponse ?? null),
      respondent: p.respondent,
    })),
  };
}

/** The values of a margin's variable; a weighted record without one is an error. */
function marginValues(
  p: Prepared,
  values: Values[],
  w: Float64Array,
  variable: string,
  what: RecordLevel,
  ids: readonly { id: string }[],
): string[] {
  let byVariable = p.marginColumns.get(values);
  if (!byVariable) {
    byVariable = new Map();
    p.marginColumns.set(values, byVariable);
  }
  let column = byVariable.get(variable);
  if (!column) {
    const missing: number[] = [];
    const text = values.map((v, i) => {
      const x = v[variable];
      if (x === null || x === undefined || x === '') {
        missing.push(i);
        return '(missing)';
      }
      return String(x);
    });
    column = { text, missing };
    byVariable.set(variable, column);
  }
  for (const i of column.missing)
    if (w[i] > 0) throw weightingError('margin.missing_value', { level: what, id: ids[i].id, variable });
  return column.text;
}

function margins(
  p: Prepared,
  step: string,
  c: Calibration,
  values: Values[],
  w: Float64Array,
  what: RecordLevel,
  ids: readonly { id: string }[],
  fromRoster?: (values: readonly string[]) => Record<string, number>,
): CalibrationMargin[] {
  return c.margins.map((m, i) => {
    const v = marginValues(p, values, w, m.variable, what, ids);
    const control =
      'fromRoster' in m.controls
        ? (fromRoster as (x: readonly string[]) => Record<string, number>)(v)
        : (p.controls.get(`${step}.${i}`) as Record<string, number>);
    return { name: m.variable, values: v, control };
  });
}

function adjust(
  p: Prepared,
  units: CellUnit[],
  idx: number[],
  w: Float64Array,
  cells: Map<string, string>,
  nr: Nonresponse | null,
  what: RecordLevel,
  n: number,
): { adjusted: Float64Array; factors: CellFactor[] } {
  const out = new Float64Array(n);
  if (!nr) {
    for (const i of idx) out[i] = units[i].respondent ? w[i] : 0;
    return { adjusted: out, factors: [] };
  }
  let byRows = p.cellIndexes.get(cells);
  if (!byRows) {
    byRows = new WeakMap();
    p.cellIndexes.set(cells, byRows);
  }
  let index = byRows.get(idx);
  if (!index) {
    index = indexCells(
      idx.map((i) => units[i]),
      cells,
      what,
    );
    byRows.set(idx, index);
  }
  const ws = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) ws[k] = w[idx[k]];
  const r = nonresponseAdjustIndexed(index, ws, what);
  for (let k = 0; k < idx.length; k++) out[idx[k]] = r.adjusted[k];
  return { adjusted: out, factors: r.factors };
}

/** One pass from the unit base weights w1 (full sample or a replicate). */
export function weightingPass(
  p: Prepared,
  w1: Float64Array,
  cells: PassCells,
  replicate = false,
): PassResult {
  const { households, persons, recipe } = p;
  // Eligibility unknown, per cluster: (E + I + U) / (E + I); units found ineligible drop out.
  const keepIneligible = recipe.units.ineligibleInCalibration;
  const w2 = new Float64Array(households.length);
  for (let i = 0; i < households.length; i++) {
    const h = households[i];
    if (h.status === 'ineligible' && !keepIneligible) continue;
    if (!recipe.eligibilityUnknown) {
      w2[i] = w1[i];
      continue;
    }
    const E = h.E ?? Number.NaN;
    const I = h.I ?? Number.NaN;
    const U = h.U ?? Number.NaN;
    if (!(E + I > 0)) throw weightingError('listing.none_screened', { cluster: h.cluster, screened: E + I });
    w2[i] = (w1[i] * (E + I + U)) / (E + I);
  }
  // Unit nonresponse within (collapsed) cells.
  const nr = recipe.units.nonresponse;
  const hhNr = adjust(p, p.hhUnits, p.eligibleIdx, w2, cells.household, nr, 'unit', households.length);
  const w3 = hhNr.adjusted;
  if (keepIneligible)
    households.forEach((h, i) => {
      if (h.status === 'ineligible') w3[i] = w2[i];
    });
  const unitStrata = households.map((h) => h.stratum);
  let wCalibrated: Float64Array = w3;
  let unitCalibration = noCalibration();
  const uc = recipe.units.calibration;
  if (uc) {
    const r = calibrateStep(
      w3,
      margins(p, 'units.calibration', uc, p.unitValues, w3, 'unit', households),
      unitStrata,
      uc,
      replicate,
    );
    wCalibrated = r.weights;
    unitCalibration = r.summary;
  }
  // Ineligible units kept through the calibration leave the analysis weights after it.
  const wHh = keepIneligible
    ? Float64Array.from(wCalibrated, (v, i) => (households[i].status === 'ineligible' ? 0 : v))
    : wCalibrated;
  // Roster persons inherit the unit weight; individual respondents get a person nonresponse factor.
  const wRoster = new Float64Array(persons.length);
  for (let k = 0; k < persons.length; k++) wRoster[k] = wHh[p.hhIndex[k]];
  const pr = recipe.persons;
  const pNr = adjust(
    p,
    p.personUnits,
    p.individualIdx,
    wRoster,
    cells.person,
    pr?.nonresponse ?? null,
    'person',
    persons.length,
  );
  const w4Ind = pNr.adjusted;
  // The roster's persons in the population, calibrated to the person margins.
  const wElig = new Float64Array(persons.length);
  for (let k = 0; k < persons.length; k++) if (persons[k].eligible) wElig[k] = wRoster[k];
  let wRosterFinal: Float64Array = wElig;
  let rosterRake = noCalibration();
  if (pr?.roster) {
    const m = margins(p, 'persons.roster', pr.roster, p.personValues, wElig, 'person', persons);
    const r = calibrateStep(wElig, m, p.stratumOfPerson, pr.roster, replicate);
    wRosterFinal = r.weights;
    rosterRake = r.summary;
  }
  // The individual respondents: fromRoster margins take the calibrated roster's totals over the
  // persons who need an individual interview.
  let wPersonFinal: Float64Array = w4Ind;
  let personRake = noCalibration();
  if (pr?.individuals) {
    const sum = (values: readonly string[]) => {
      const t: Record<string, number> = {};
      values.forEach((v, k) => {
        if (persons[k].individual) t[v] = (t[v] ?? 0) + wRosterFinal[k];
      });
      return t;
    };
    const m = margins(
      p,
      'persons.individuals',
      pr.individuals,
      p.personValues,
      w4Ind,
      'person',
      persons,
      sum,
    );
    const r = calibrateStep(w4Ind, m, p.stratumOfPerson, pr.individuals, replicate);
    wPersonFinal = r.weights;
    personRake = r.summary;
  }
  return {
    w2,
    w3,
    wCalibrated,
    wHh,
    wRoster,
    w4Ind,
    wRosterFinal,
    wPersonFinal,
    hhFactors: hhNr.factors,
    personFactors: pNr.factors,
    unitCalibration,
    rosterRake,
    personRake,
  };
}

export { cellOf };
