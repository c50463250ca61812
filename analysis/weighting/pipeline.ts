/**
 * One pass of the weighting (ipei.md 5.9) from household base weights: eligibility-unknown
 * adjustment, household nonresponse in classes, household post-stratification, person nonresponse,
 * bounded raking of roster persons and of individual respondents with trimming. The replicate
 * weights run the same pass from perturbed base weights (replicates.ts).
 */
import { postStratifyWeights, type RakeResult, rakeWeights } from './calibration.ts';
import { cellOf, nonresponseAdjust } from './cells.ts';
import { WeightingError } from './errors.ts';
import { ageGroup, median } from './groups.ts';
import type {
  CellFactor,
  HouseholdInput,
  PersonInput,
  WeightingControls,
  WeightingOptions,
} from './types.ts';

export interface PassCells {
  household: Map<string, string>;
  person: Map<string, string>;
}

export interface RakeSummary {
  /** Trim-and-rerake rounds after the first raking. */
  trimRounds: number;
  trimmed: number;
  /** Largest weight / (trim factor x stratum median) at the end (<= 1 + tolerance when converged). */
  maxCapRatio: number;
  converged: boolean;
  gMin: number;
  gMax: number;
  dropped: string[];
  /** A replicate whose bounded raking failed and was raked without bounds. */
  unbounded: boolean;
}

export interface PassResult {
  w2: Float64Array;
  w3: Float64Array;
  wHh: Float64Array;
  /** Persons (all roster members of responding households), in input order. */
  wRoster: Float64Array;
  w4Ind: Float64Array;
  wRosterFinal: Float64Array;
  wPersonFinal: Float64Array;
  hhFactors: CellFactor[];
  personFactors: CellFactor[];
  rosterRake: RakeSummary;
  personRake: RakeSummary;
}

export interface Prepared {
  households: readonly HouseholdInput[];
  persons: readonly PersonInput[];
  /** Household index of each person. */
  hhIndex: Int32Array;
  stratumOfPerson: string[];
  sexAge: string[];
  /** Household units for the NR cells (selected eligible households: respondents + nonrespondents). */
  hhUnits: Array<{ stratum: string; cls: string | null; respondent: boolean }>;
  personUnits: Array<{ stratum: string; cls: string | null; respondent: boolean }>;
}

export function prepare(
  households: readonly HouseholdInput[],
  persons: readonly PersonInput[],
  options: WeightingOptions,
): Prepared {
  const byId = new Map(households.map((h, i) => [h.id, i]));
  const hhIndex = Int32Array.from(persons, (p) => {
    const i = byId.get(p.householdId);
    if (i === undefined)
      throw new WeightingError(
        `Person ${p.id} belongs to household ${p.householdId}, which is not in the sample.`,
        'weighting.input',
      );
    if (households[i].status !== 'respondent')
      throw new WeightingError(
        `Person ${p.id} belongs to household ${p.householdId}, which is not a respondent.`,
        'weighting.input',
      );
    return i;
  });
  const stratumOfPerson = persons.map((_, k) => households[hhIndex[k]].stratum);
  const sexAge = persons.map((p) => `${p.sex}:${ageGroup(p.age, options.ageBreaks)}`);
  return {
    households,
    persons,
    hhIndex,
    stratumOfPerson,
    sexAge,
    hhUnits: households.map((h) => ({
      stratum: h.stratum,
      cls: h.hhClass,
      respondent: h.status === 'respondent',
    })),
    personUnits: persons.map((p, k) => ({
      stratum: stratumOfPerson[k],
      cls: sexAge[k],
      respondent: p.respondent,
    })),
  };
}

function rakeWithTrim(
  w: Float64Array,
  margins: Array<{ name: string; values: readonly string[]; control: Record<string, number> }>,
  strata: readonly string[],
  options: WeightingOptions,
  dropEmpty: boolean,
): { weights: Float64Array; summary: RakeSummary } {
  let unbounded = false;
  const rk = (x: Float64Array): RakeResult => {
    try {
      return rakeWeights(x, margins, {
        bounds: unbounded ? [0, Number.POSITIVE_INFINITY] : options.bounds,
        epsilon: options.epsilon,
        maxit: options.maxit,
        dropEmpty,
      });
    } catch (error) {
      // A replicate may lose the sample that made the bounded problem feasible: rake it unbounded (reported).
      if (!dropEmpty || unbounded) throw error;
      unbounded = true;
      return rakeWeights(x, margins, {
        bounds: [0, Number.POSITIVE_INFINITY],
        epsilon: options.epsilon,
        maxit: options.maxit,
        dropEmpty,
      });
    }
  };
  let r = rk(w);
  const g = Array.from(r.g).filter((_, i) => w[i] > 0);
  let rounds = 0;
  let trimmed = 0;
  let ratio = 0;
  for (; rounds <= 20; rounds++) {
    const caps = new Map<string, number>();
    const byStratum = new Map<string, number[]>();
    r.weights.forEach((v, i) => {
      if (!(v > 0)) return;
      const list = byStratum.get(strata[i]);
      if (list) list.push(v);
      else byStratum.set(strata[i], [v]);
    });
    for (const [h, vs] of byStratum) caps.set(h, options.trimFactor * median(vs));
    ratio = 0;
    let over = 0;
    r.weights.forEach((v, i) => {
      if (v <= 0) return;
      const q = v / (caps.get(strata[i]) as number);
      ratio = Math.max(ratio, q);
      if (q > 1 + 1e-6) over++;
    });
    if (!over || rounds === 20) break;
    trimmed += over;
    const cut = Float64Array.from(r.weights, (v, i) =>
      v > 0 ? Math.min(v, caps.get(strata[i]) as number) : 0,
    );
    r = rk(cut);
  }
  return {
    weights: r.weights,
    summary: {
      trimRounds: rounds,
      trimmed,
      maxCapRatio: ratio,
      converged: ratio <= 1 + 1e-6,
      gMin: Math.min(...g),
      gMax: Math.max(...g),
      dropped: r.dropped,
      unbounded,
    },
  };
}

/** One pass from the household base weights w1 (full sample or a replicate). */
export function weightingPass(
  p: Prepared,
  w1: Float64Array,
  controls: WeightingControls,
  cells: PassCells,
  options: WeightingOptions,
  replicate = false,
): PassResult {
  const { households, persons } = p;
  // Step 2: unknown eligibility, per EA: (E + I + U) / (E + I).
  const w2 = Float64Array.from(households, (h, i) => {
    if (h.E + h.I <= 0)
      throw new WeightingError(
        `EA ${h.ea}: no screened dwelling (E + I = 0): the listing must screen at least one.`,
        'weighting.listing',
      );
    return h.status === 'ineligible' ? 0 : (w1[i] * (h.E + h.I + h.U)) / (h.E + h.I);
  });
  // Step 3: household nonresponse within (collapsed) classes; households found ineligible drop out.
  const eligibleIdx = households.flatMap((h, i) => (h.status === 'ineligible' ? [] : [i]));
  const hhNr = nonresponseAdjust(
    eligibleIdx.map((i) => p.hhUnits[i]),
    Float64Array.from(eligibleIdx, (i) => w2[i]),
    cells.household,
    'Household nonresponse',
  );
  const w3 = new Float64Array(households.length);
  eligibleIdx.forEach((i, k) => {
    w3[i] = hhNr.adjusted[k];
  });
  // Step 4: post-stratify to the household totals by stratum.
  const wHh = postStratifyWeights(
    w3,
    households.map((h) => h.stratum),
    controls.householdsByStratum,
  );
  // Step 5: roster persons inherit w_hh; individual respondents get a person nonresponse factor.
  const wRoster = Float64Array.from(persons, (_, k) => wHh[p.hhIndex[k]]);
  const indIdx = persons.flatMap((q, k) => (q.individual ? [k] : []));
  const pNr = nonresponseAdjust(
    indIdx.map((k) => p.personUnits[k]),
    Float64Array.from(indIdx, (k) => wRoster[k]),
    cells.person,
    'Person nonresponse',
  );
  const w4Ind = new Float64Array(persons.length);
  indIdx.forEach((k, j) => {
    w4Ind[k] = pNr.adjusted[j];
  });
  // Step 6a: rake the eligible roster persons (all ages) to stratum, sex x age, nationality group.
  const wElig = Float64Array.from(persons, (q, k) => (q.eligible ? wRoster[k] : 0));
  const margins = [
    { name: 'stratum', values: p.stratumOfPerson, control: controls.stratum },
    { name: 'sex_age', values: p.sexAge, control: controls.sexAge },
    { name: 'nat_group', values: persons.map((q) => q.natGroup), control: controls.natGroup },
  ];
  const roster = rakeWithTrim(wElig, margins, p.stratumOfPerson, options, replicate);
  // Step 6b: individual respondents (15+) to the 15+ margins: sex x age from the census, stratum and
  // nationality from the raked roster's 15+ persons.
  const adult = persons.map((q) => q.eligible && q.age >= options.ageBreaks[1]);
  const sum = (values: readonly string[]) => {
    const t: Record<string, number> = {};
    values.forEach((v, k) => {
      if (adult[k]) t[v] = (t[v] ?? 0) + roster.weights[k];
    });
    return t;
  };
  const adultSexAge = Object.fromEntries(
    Object.entries(controls.sexAge).filter(([k]) => !k.endsWith(`:${ageGroup(0, options.ageBreaks)}`)),
  );
  const indMargins = [
    { name: 'stratum', values: p.stratumOfPerson, control: sum(p.stratumOfPerson) },
    { name: 'sex_age', values: p.sexAge, control: adultSexAge },
    { name: 'nat_group', values: margins[2].values, control: sum(margins[2].values) },
  ];
  const person = rakeWithTrim(w4Ind, indMargins, p.stratumOfPerson, options, replicate);
  return {
    w2,
    w3,
    wHh,
    wRoster,
    w4Ind,
    wRosterFinal: roster.weights,
    wPersonFinal: person.weights,
    hhFactors: hhNr.factors,
    personFactors: pNr.factors,
    rosterRake: roster.summary,
    personRake: person.summary,
  };
}

export { cellOf };
