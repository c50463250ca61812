/**
 * The weighting recipe as data: the schema refuses what the pipeline cannot do (naming the field),
 * controls resolve from design.json in each documented shape, derived variables (code tables, age
 * groups, crosses), the max-factor collapsing rule, and a linear or raking calibration of the units.
 */
import { describe, expect, it } from 'vitest';
import {
  collapseCells,
  deriveAll,
  parseRecipe,
  resolveControls,
  runWeighting,
  type UnitInput,
  WeightingError,
} from '../../../analysis/weighting/index.ts';

const base = {
  survey: 'demo',
  base: { inclusion: ['pi1', 'pi2'] },
  units: {},
};
const errors = (value: unknown) => {
  const r = parseRecipe(value);
  return r.ok ? [] : r.errors;
};

describe('the recipe schema', () => {
  it('accepts a units-only recipe and fills the defaults', () => {
    const r = parseRecipe(base);
    expect(r.ok && r.recipe.persons === null && r.recipe.replicates === null).toBe(true);
    expect(r.ok && r.recipe.units.ineligibleInCalibration).toBe(false);
  });
  it('names each bad field: a post-stratification on two margins, inverted bounds, an unknown stage', () => {
    const margin = { variable: 'stratum', controls: { totals: { A: 1 } } };
    expect(
      errors({
        ...base,
        base: { inclusion: ['pi3'] },
        units: { calibration: { method: 'postStratify', margins: [margin, margin], bounds: [2, 3] } },
      }),
    ).toEqual([
      expect.stringMatching(/^base\.inclusion\.0: /),
      'units.calibration.margins: postStratify takes one margin: use raking or linear for several',
      'units.calibration.bounds: bounds must be [lower < 1, upper > 1]',
    ]);
  });
  it('refuses a variable derived from one derived after it, and fromRoster outside the individuals', () => {
    expect(
      errors({
        ...base,
        variables: { sex_age: { cross: ['sex', 'age_group'] }, age_group: { cut: 'age', breaks: [0, 15] } },
        units: {
          calibration: {
            method: 'raking',
            margins: [{ variable: 'stratum', controls: { fromRoster: true } }],
          },
        },
      }),
    ).toEqual([
      "variables.sex_age: uses 'age_group', which is derived at or after it: derive 'age_group' first",
      'units.calibration.margins.0.controls: fromRoster is for persons.individuals only',
    ]);
  });
});

describe('controls from design.json', () => {
  const design = {
    margins: { stratum: { A: 10, B: 20 } },
    groups: [
      { group: 'x', total: 5 },
      { group: 'y', total: 7 },
    ],
    sexAge: [{ age: '0-14', male: 3, female: 4 }],
  };
  it('an object, a list with key and value, a list with one total per column', () => {
    expect(resolveControls({ design: 'margins.stratum' }, design, 'm')).toEqual({ A: 10, B: 20 });
    expect(resolveControls({ design: 'groups', key: 'group', value: 'total' }, design, 'm')).toEqual({
      x: 5,
      y: 7,
    });
    expect(
      resolveControls({ design: 'sexAge', key: 'age', columns: ['male', 'female'] }, design, 'm'),
    ).toEqual({
      'male:0-14': 3,
      'female:0-14': 4,
    });
  });
  it('a list without a key, and a total that is not a number, name the margin', () => {
    expect(() => resolveControls({ design: 'groups' }, design, 'units.calibration.margins.0')).toThrow(
      /units\.calibration\.margins\.0: 'groups' is a list: say which field is the category/,
    );
    expect(() => resolveControls({ design: 'groups', key: 'total', value: 'group' }, design, 'm')).toThrow(
      /the total of '5' is "x", not a number/,
    );
  });
});

describe('derived variables', () => {
  it('a code table with a fallback, age groups and a cross, in order; a value the record has is kept', () => {
    const derive = deriveAll({
      nat_group: { recode: 'nat', groups: { West: ['GW', 'SN'], Europe: ['PT'] }, otherwise: 'Other' },
      age_group: { cut: 'age', breaks: [0, 15, 65] },
      sex_age: { cross: ['sex', 'age_group'] },
    });
    expect(derive({ nat: 'SN', age: 70, sex: 'female' })).toMatchObject({
      nat_group: 'West',
      age_group: '65+',
      sex_age: 'female:65+',
    });
    expect(derive({ nat: 'BR', age: 3, sex: null })).toMatchObject({ nat_group: 'Other', sex_age: null });
    expect(derive({ nat: null, age: null })).toMatchObject({ nat_group: null, age_group: null });
  });
  it('refuses a code listed in two groups', () => {
    const derive = () => deriveAll({ g: { recode: 'x', groups: { a: ['1'], b: [1] }, otherwise: null } });
    expect(derive).toThrow(WeightingError);
    expect(derive).toThrow(/variables\.g: '1' is in groups 'a' and 'b'/);
  });
});

describe('collapsing and calibration methods', () => {
  it('maxFactor merges a cell whose eligible / respondents is too high, even with enough respondents', () => {
    const cell = (cls: string, resp: number, non: number) => [
      ...Array.from({ length: resp }, () => ({ stratum: 'S', cls, respondent: true })),
      ...Array.from({ length: non }, () => ({ stratum: 'S', cls, respondent: false })),
    ];
    const units = [...cell('a', 5, 20), ...cell('b', 10, 1), ...cell('c', 30, 2)];
    expect(collapseCells(units, 5).get('S|a')).toBe('S|a');
    expect(collapseCells(units, 5, 3).get('S|a')).toBe('S|a+b'); // 25 / 5 = 5 > 3: merged with the smallest other
    expect(collapseCells(units, 5, 3).get('S|c')).toBe('S|c');
  });
  it('linear and raking calibration of the units to two margins hit every control', () => {
    const units: UnitInput[] = Array.from({ length: 24 }, (_, i) => ({
      id: `u${i}`,
      cluster: `c${i % 6}`,
      stratum: i % 2 ? 'A' : 'B',
      pi1: 0.5,
      pi2: 0.1 + (i % 5) / 20,
      E: null,
      I: null,
      U: null,
      certainty: false,
      status: 'respondent',
      values: { size: i % 3 ? 'small' : 'large' },
    }));
    for (const method of ['linear', 'raking'] as const) {
      const parsed = parseRecipe({
        ...base,
        units: {
          calibration: {
            method,
            margins: [
              { variable: 'stratum', controls: { totals: { A: 300, B: 250 } } },
              { variable: 'size', controls: { totals: { small: 350, large: 200 } } },
            ],
            epsilon: 1e-10,
          },
        },
      });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const r = runWeighting(units, [], parsed.recipe, null);
      expect(r.report.controls).toHaveLength(4);
      for (const c of r.report.controls)
        expect(Math.abs(c.difference), `${method} ${c.category}`).toBeLessThan(1e-6);
      expect(r.households.reduce((s, h) => s + h.w_hh, 0)).toBeCloseTo(550, 6);
    }
  });
});
