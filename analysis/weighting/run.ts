/**
 * The weighting pipeline: the full-sample pass, the cells decided once on the full sample, and the
 * JKn replicates each re-running steps 2-6; every step kept as a variable, plus a report.
 */
import { collapseCells } from './cells.ts';
import { WeightingError } from './errors.ts';
import {
  type PassCells,
  type PassResult,
  type Prepared,
  prepare,
  type RakeSummary,
  weightingPass,
} from './pipeline.ts';
import { jknReplicates, varianceUnits } from './replicates.ts';
import { summarise, type WeightSummary } from './report.ts';
import type {
  CellFactor,
  HouseholdInput,
  PersonInput,
  WeightingControls,
  WeightingOptions,
} from './types.ts';

export interface WeightingResult {
  households: Array<
    HouseholdInput & {
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
      sex_age: string;
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
    droppedCategories: number;
    unboundedFallback: number;
    failed: Array<{ psu: string; error: string }>;
  };
  options: WeightingOptions;
}

const totalsBy = (values: readonly string[], w: Float64Array) => {
  const t: Record<string, number> = {};
  values.forEach((v, i) => {
    if (w[i] > 0) t[v] = (t[v] ?? 0) + w[i];
  });
  return t;
};

function controlChecks(p: Prepared, pass: PassResult, controls: WeightingControls) {
  const rows: WeightingReport['controls'] = [];
  const add = (margin: string, control: Record<string, number>, got: Record<string, number>) => {
    for (const [k, c] of Object.entries(control))
      rows.push({ margin, category: k, control: c, weighted: got[k] ?? 0, difference: (got[k] ?? 0) - c });
  };
  add(
    'households by stratum',
    controls.householdsByStratum,
    totalsBy(
      p.households.map((h) => h.stratum),
      pass.wHh,
    ),
  );
  add('persons: stratum', controls.stratum, totalsBy(p.stratumOfPerson, pass.wRosterFinal));
  add('persons: sex x age', controls.sexAge, totalsBy(p.sexAge, pass.wRosterFinal));
  add(
    'persons: nationality group',
    controls.natGroup,
    totalsBy(
      p.persons.map((q) => q.natGroup),
      pass.wRosterFinal,
    ),
  );
  return rows;
}

/**
 * The nonresponse cells (original 'stratum|class' -> collapsed cell), decided once on the full
 * sample's unweighted counts and kept in every replicate.
 */
export function weightingCells(p: Prepared, options: WeightingOptions): PassCells {
  return {
    household: collapseCells(
      p.hhUnits.filter((_, i) => p.households[i].status !== 'ineligible'),
      options.collapseBelow,
    ),
    person: collapseCells(
      p.personUnits.filter((_, k) => p.persons[k].individual),
      options.collapseBelow,
    ),
  };
}

export function runWeighting(
  households: readonly HouseholdInput[],
  persons: readonly PersonInput[],
  controls: WeightingControls,
  options: WeightingOptions,
): WeightingResult {
  if (!households.length) throw new WeightingError('No sampled household to weight.', 'weighting.input');
  for (const h of households)
    if (!(h.pi1 > 0 && h.pi1 <= 1 && h.pi2 > 0 && h.pi2 <= 1))
      throw new WeightingError(
        `Household ${h.id} (EA ${h.ea}) has inclusion probabilities pi1 = ${h.pi1}, pi2 = ${h.pi2}: both must be in (0, 1]; record the EA's selection and listing first.`,
        'weighting.input',
      );
  const p = prepare(households, persons, options);
  const cells = weightingCells(p, options);
  const w1 = Float64Array.from(households, (h) => 1 / (h.pi1 * h.pi2));
  const full = weightingPass(p, w1, controls, cells, options);
  const reps = options.replicates ? jknReplicates(households, w1) : { replicates: [], lonely: [] };
  const failed: Array<{ psu: string; error: string }> = [];
  let dropped = 0;
  let unbounded = 0;
  const hh: Float64Array[] = [];
  const roster: Float64Array[] = [];
  const person: Float64Array[] = [];
  const rscales: number[] = [];
  const psus: string[] = [];
  for (const r of reps.replicates) {
    try {
      const pass = weightingPass(p, r.w1, controls, cells, options, true);
      dropped += pass.rosterRake.dropped.length + pass.personRake.dropped.length;
      if (pass.rosterRake.unbounded || pass.personRake.unbounded) unbounded++;
      hh.push(pass.wHh);
      roster.push(pass.wRosterFinal);
      person.push(pass.wPersonFinal);
      rscales.push(r.rscale);
      psus.push(`${r.varStratum}/${r.psu}`);
    } catch (error) {
      failed.push({ psu: `${r.varStratum}/${r.psu}`, error: (error as Error).message });
    }
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
      summarise(
        'w_roster (inherited w_hh, eligible persons)',
        Float64Array.from(persons, (q, k) => (q.eligible ? full.wRoster[k] : 0)),
      ),
      summarise('w4_ind', full.w4Ind),
      summarise('w_roster_final', full.wRosterFinal),
      summarise('w_person_final', full.wPersonFinal),
    ],
    householdCells: full.hhFactors,
    personCells: full.personFactors,
    rosterRake: full.rosterRake,
    personRake: full.personRake,
    controls: controlChecks(p, full, controls),
    replicates: {
      count: hh.length,
      lonelyStrata: reps.lonely,
      droppedCategories: dropped,
      unboundedFallback: unbounded,
      failed,
    },
    options,
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
      stratum: p.stratumOfPerson[k],
      sex_age: p.sexAge[k],
      w_hh: full.wRoster[k],
      w4_ind: full.w4Ind[k],
      w_roster_final: full.wRosterFinal[k],
      w_person_final: full.wPersonFinal[k],
    })),
    replicates: { type: 'JKn', rscales, psus, hh, roster, person },
    report,
  };
}
