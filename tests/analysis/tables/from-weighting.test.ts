import { readFileSync } from 'node:fs';
/**
 * The weighting pipeline's result (runWeighting on the small hand-checked example) turned into
 * WeightedData, then tabulated: the roster total reproduces the control total, the sex shares
 * reproduce the sex x age margins (both marked as controls, published without SE, CI or CV), and
 * the microdata carry every step. Writing it to disk and
 * reading it back: tests/server/storage/weighted-data.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { published, tablesJson } from '../../../analysis/export/tables-csv.ts';
import { weightedDataFromRun } from '../../../analysis/tables/from-weighting.ts';
import { labelsFrom } from '../../../analysis/tables/labels.ts';
import { legend } from '../../../analysis/tables/reliability.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { runWeighting } from '../../../analysis/weighting/index.ts';
import { controls, households, persons, recipe } from '../weighting/small-example.ts';
import { plans, rules, table } from './helpers.ts';

const result = runWeighting(households, persons, recipe, null);
const answers = {
  households: {
    household_id: households.map((h) => h.id),
    h04_sleeping_rooms: Float64Array.from(households, (_, i) => 1 + (i % 3)),
  },
  persons: {
    person_id: persons.map((p) => p.id),
    c03_sex: Float64Array.from(persons, (p) => (p.sex === 'male' ? 1 : 2)),
    one: new Float64Array(persons.length).fill(1),
    c01_name: persons.map(() => 'Maria'),
  },
};
const data = weightedDataFromRun(result, answers, { survey: 'demo', questionnaire: 'demo/household.v1' });
const labels = labelsFrom([
  {
    name: 'c03_sex',
    label_pt: 'Sexo',
    label_en: 'Sex',
    type: 'single',
    values: [
      { code: 1, pt: 'Masculino', en: 'Male' },
      { code: 2, pt: 'Feminino', en: 'Female' },
    ],
  },
  { name: 'one', label_pt: 'Um', label_en: 'One', type: 'int', values: [] },
  { name: 'h04_sleeping_rooms', label_pt: 'Quartos', label_en: 'Rooms', type: 'int', values: [] },
  { name: 'c01_name', label_pt: 'Nome', label_en: 'Name', type: 'text', values: [] },
]);

describe('WeightedData from the weighting pipeline', () => {
  it('keeps responding households, their roster, every step and the replicates', () => {
    const R = result.replicates.hh.length;
    expect(R).toBeGreaterThan(0);
    expect(data.meta.design.rscales).toEqual(result.replicates.rscales);
    expect(data.households.household_id.length).toBe(
      households.filter((h) => h.status === 'respondent').length,
    );
    expect(Object.keys(data.persons)).toContain(`rw_person_${R}`);
  });
  it("numbers each person's line in its household's roster: 1, 2, ... restarting in each household", () => {
    const hh = data.persons.household_id as string[];
    const line = Array.from(data.persons.line as Float64Array);
    const sizes = new Map<string, number>();
    for (const h of hh) sizes.set(h, (sizes.get(h) ?? 0) + 1);
    for (const [h, n] of sizes)
      expect(
        hh.flatMap((x, i) => (x === h ? [line[i]] : [])),
        h,
      ).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    expect(Math.max(...line)).toBeGreaterThan(1);
  });
  it('tabulates: the roster total equals the control total with no replicate variance; sex shares hit the margins', () => {
    const run = computeTables(
      plans([
        table('N', { unit: 'roster', statistic: 'total', variable: 'one' }),
        table('S', { unit: 'roster', statistic: 'proportion', variable: 'c03_sex' }),
        table('H', { unit: 'household', statistic: 'total', variable: 'h04_sleeping_rooms' }),
      ]),
      data,
      labels,
      // the small example has 21 men and 21 women: a floor of 20 on each cell's own n keeps them
      { ...rules, minN: 20 },
    );
    expect(run.issues).toEqual([]);
    const [n, s] = run.tables;
    const total = controls.stratum.A + controls.stratum.B;
    expect(n.cells[0].estimate).toBeCloseTo(total, 6);
    expect(n.cells[0].se).toBeLessThan(1e-6);
    const male = Object.entries(controls.sexAge)
      .filter(([k]) => k.startsWith('male'))
      .reduce((a, [, v]) => a + v, 0);
    expect(s.cells[0].estimate).toBeCloseTo(male / total, 6);
    // both reproduce calibration controls: marked 'c', published without SE, CI, CV or deff
    const h = run.tables[2];
    expect(n.cells[0].reliability).toBe('control');
    expect(s.cells.map((c) => c.reliability)).toEqual(['control', 'control']);
    expect(published(s.cells[0])).toEqual({
      estimate: s.cells[0].estimate,
      se: null,
      ciLower: null,
      ciUpper: null,
      cv: null,
      deff: null,
    });
    const json = JSON.parse(tablesJson(run.tables, 'en', { legend: legend(rules, 'en') }));
    expect(json.legend).toContain('c reproduces a calibration control (no sampling error)');
    expect(json.tables[1].cells[0]).toMatchObject({ reliability: 'control', se: null, cv: null });
    // a household total that no control fixes is an estimate with its sampling error
    expect(h.cells[0].cv).toBeGreaterThan(0.01);
    expect(h.cells[0].reliability).not.toBe('control');
  });
  it('exports var_stratum, psu, every step and the replicate weights; the name column is left out', () => {
    const { identifiers } = JSON.parse(readFileSync('questionnaires/ipei/profile.json', 'utf8'));
    const m = buildMicrodata(data, labels, {}, identifiers);
    const names = m.persons.variables.map((v) => v.name);
    for (const c of [
      'person_id',
      'household_id',
      'var_stratum',
      'psu',
      'w_hh',
      'w4_ind',
      'w_roster_final',
      'w_person_final',
      'rw_roster_1',
      'line',
      'in_individual',
    ])
      expect(names).toContain(c);
    expect(m.dropped.persons).toEqual(['c01_name']);
  });
});
