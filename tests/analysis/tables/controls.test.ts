/**
 * Control cells are the cells whose rows are classes of a margin the unit's weights were calibrated
 * to (the recipe's margins, recorded per row in the weighted data), not the cells with a CV near 0.
 * A hand-made roster: 2 strata x 3 PSUs x 4 persons, JKn replicates that are not recalibrated (so
 * a control cell has sampling variance here), the weights "calibrated" to sex; and a variable z
 * whose weighted share is 1/2 inside every PSU (so every replicate gives 1/2: CV 0, no control).
 */
import { describe, expect, it } from 'vitest';
import { published } from '../../../analysis/export/tables-csv.ts';
import { calibrationClasses } from '../../../analysis/tables/calibration-classes.ts';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { labelsFrom } from '../../../analysis/tables/labels.ts';
import { parseTablesFile } from '../../../analysis/tables/plan.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import type { WeightedData } from '../../../analysis/tables/weighted-data.ts';
import { weightingRecipeSchema } from '../../../analysis/weighting/recipe.ts';
import type { WeightingResult } from '../../../analysis/weighting/run.ts';
import { table } from './helpers.ts';

const rows = 24;
const psuOf = (i: number) => Math.floor(i / 4);
const stratumOf = (i: number) => (psuOf(i) < 3 ? 'S1' : 'S2');
const sexByPsu = [
  [1, 1, 2, 1],
  [2, 2, 1, 2],
  [1, 2, 2, 2],
  [1, 1, 1, 2],
  [2, 1, 2, 2],
  [1, 1, 2, 1],
];
const w = Float64Array.from({ length: rows }, (_, i) => [10, 10, 25, 25][i % 4] + 3 * psuOf(i));
const sex = Float64Array.from({ length: rows }, (_, i) => sexByPsu[psuOf(i)][i % 4]);
const z = Float64Array.from({ length: rows }, (_, i) => 1 + (i % 2));
// JKn: replicate r drops PSU r and scales the other PSUs of its stratum by 3/2.
const rep = Array.from({ length: 6 }, (_, r) =>
  Float64Array.from({ length: rows }, (_, i) =>
    psuOf(i) === r ? 0 : stratumOf(i) === stratumOf(4 * r) ? 1.5 * w[i] : w[i],
  ),
);
const repNames = rep.map((_, r) => `rw_${r + 1}`);

function data(margins: boolean): WeightedData {
  const persons: WeightedData['persons'] = {
    person_id: Array.from({ length: rows }, (_, i) => `p${i}`),
    household_id: Array.from({ length: rows }, (_, i) => `h${i}`),
    stratum: Array.from({ length: rows }, (_, i) => stratumOf(i)),
    var_stratum: Array.from({ length: rows }, (_, i) => stratumOf(i)),
    psu: Array.from({ length: rows }, (_, i) => `e${psuOf(i)}`),
    w,
    sex,
    z,
    cal_roster_sex: Array.from(sex, (s) => (s === 1 ? 'male' : 'female')),
  };
  repNames.forEach((n, r) => {
    persons[n] = rep[r];
  });
  return {
    meta: {
      survey: 'demo',
      questionnaire: 'demo/v1',
      households: {
        file: 'households.csv',
        id: 'household_id',
        steps: [],
        weights: { household: { weights: 'w', repweights: repNames } },
      },
      persons: {
        file: 'persons.csv',
        id: 'person_id',
        householdId: 'household_id',
        steps: [],
        weights: {
          roster: { weights: 'w', repweights: repNames },
          individual: { weights: 'w', repweights: repNames },
        },
      },
      design: { ids: 'psu', strata: 'var_stratum', type: 'JKn', scale: 1, rscales: rep.map(() => 2 / 3) },
      ...(margins ? { calibration: { roster: [{ variable: 'sex', column: 'cal_roster_sex' }] } } : {}),
    },
    households: { household_id: persons.household_id, w },
    persons,
  };
}

const labels = labelsFrom([
  {
    name: 'sex',
    label_pt: 'Sexo',
    label_en: 'Sex',
    type: 'single',
    values: [
      { code: 1, pt: 'Masculino', en: 'Male' },
      { code: 2, pt: 'Feminino', en: 'Female' },
    ],
  },
  {
    name: 'z',
    label_pt: 'Z',
    label_en: 'Z',
    type: 'single',
    values: [
      { code: 1, pt: 'Sim', en: 'Yes' },
      { code: 2, pt: 'Não', en: 'No' },
    ],
  },
]);
const rules = { cvFlag: 0.3, minN: 2 };
const file = parseTablesFile({
  survey: 'demo',
  questionnaire: 'demo/v1',
  tables: [
    table('SEX', { unit: 'roster', statistic: 'proportion', variable: 'sex', domains: ['stratum'] }),
    table('NSEX', { unit: 'roster', statistic: 'total', variable: 'sex' }),
    table('Z', { unit: 'roster', statistic: 'proportion', variable: 'z' }),
    table('ZI', { unit: 'individual', statistic: 'proportion', variable: 'sex' }),
  ],
});
const run = (margins: boolean) => computeTables(file, data(margins), labels, rules).tables as TableResult[];

describe('control cells, matched to the calibration margins', () => {
  const [sexT, nsex, zT, indiv] = run(true);
  it('marks the cells of a calibrated margin as controls even when their CV is not ~0', () => {
    const all = sexT.cells.filter((c) => c.domain.length === 0);
    expect(all.map((c) => c.reliability)).toEqual(['control', 'control']);
    // the replicates are not recalibrated here: the share of men varies across them
    expect(all[0].cv).toBeGreaterThan(0.01);
    expect(published(all[0])).toMatchObject({ se: null, cv: null, ciLower: null });
    expect(published(all[0]).estimate).toBeCloseTo(all[0].estimate, 15);
    expect(nsex.cells.map((c) => c.reliability)).toEqual(['control', 'control']);
    expect(sexT.controlNote?.en).toMatch(/calibrated to \(roster: sex\)/);
  });
  it('does not mark a cell that is no union of the margin classes', () => {
    // sex within a stratum: the stratum is not a margin, so the domain's count is an estimate
    const byStratum = sexT.cells.filter((c) => c.domain.length === 1);
    expect(byStratum.length).toBe(4);
    expect(byStratum.every((c) => c.reliability !== 'control')).toBe(true);
  });
  it('does not mark a cell with a CV of ~0 that no margin fixes', () => {
    expect(zT.cells.map((c) => c.estimate)).toEqual([0.5, 0.5].map((x) => expect.closeTo(x, 12)));
    expect(Math.abs(zT.cells[0].cv)).toBeLessThan(1e-12);
    expect(zT.cells.map((c) => c.reliability)).toEqual(['ok', 'ok']);
    expect(zT.controlNote).toBeNull();
  });
  it('matches the margins of the same unit only, and nothing without recorded margins', () => {
    expect(indiv.cells.every((c) => c.reliability !== 'control')).toBe(true);
    const bare = run(false);
    expect(bare.flatMap((t) => t.cells).some((c) => c.reliability === 'control')).toBe(false);
  });
});

describe('calibration classes from the recipe', () => {
  const unit = (id: string, stratum: string, status: string, w3: number) => ({
    id,
    stratum,
    status,
    w3_hhnr: w3,
    values: {},
  });
  const recipe = (ineligibleInCalibration: boolean) =>
    weightingRecipeSchema.parse({
      survey: 'demo',
      base: { inclusion: ['pi1'] },
      units: {
        ineligibleInCalibration,
        calibration: {
          method: 'postStratify',
          margins: [{ variable: 'stratum', controls: { totals: { A: 10, B: 20 } }, omit: [] }],
        },
      },
    });
  const result = {
    households: [
      unit('1', 'A', 'respondent', 5),
      unit('2', 'A', 'ineligible', 5),
      unit('3', 'B', 'respondent', 5),
    ],
    persons: [],
  } as unknown as WeightingResult;
  it("gives each unit its margin's class", () => {
    const c = calibrationClasses(result, recipe(false));
    expect(c.margins).toEqual({ household: [{ variable: 'stratum', column: 'cal_household_stratum' }] });
    expect(c.households.cal_household_stratum).toEqual(['A', 'A', 'B']);
  });
  it('gives none to a class whose control also counts units that leave after the calibration', () => {
    expect(calibrationClasses(result, recipe(true)).households.cal_household_stratum).toEqual([
      null,
      null,
      'B',
    ]);
  });
});
