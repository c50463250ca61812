/**
 * The table builder's variable list fits the statistic: on the fixture's catalogue (the server's,
 * whose `numeric` comes from the weighted data's columns) a mean or median offers only numeric
 * variables (not a coded computed variable like the first nationality, which takes the nationality
 * question's code list, nor other categories), a proportion only categories (the first nationality
 * among them), a total either, 'multiple' only multiple-choice questions (which no other statistic
 * offers); before any weighting `numeric` follows the questionnaire type. The model panel offers the
 * builder's units (`member` included where the data hold it) with the same variables (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { variablesFor } from '../../client/analyst/builder.tsx';
import { modelVariables } from '../../client/analyst/model-panel.tsx';
import { offeredUnits } from '../../client/analyst/units.ts';
import { catalogue } from '../../server/domain/analysis.ts';

const withData = () => catalogue('ipei', { dataDir: () => 'tests/fixtures/tables' });
const names = (vs: Array<{ name: string }>) => vs.map((v) => v.name);

describe('the builder offers the variables a statistic can take', () => {
  it('a mean or median: numeric variables only', async () => {
    const cat = await withData();
    const coded = cat.variables.find((v) => v.name === 'c13a_first_nationality');
    expect(coded).toMatchObject({ categorical: true, numeric: false });
    for (const statistic of ['mean', 'median'] as const) {
      const offered = names(variablesFor(cat, 'individual', statistic));
      expect(offered).toEqual(expect.arrayContaining(['c05_age', 'j04_remit_amount']));
      expect(offered).not.toContain('c13a_first_nationality');
      expect(offered).not.toContain('c03_sex');
      expect(variablesFor(cat, 'individual', statistic).every((v) => v.numeric && !v.categorical)).toBe(true);
    }
    expect(names(variablesFor(cat, 'household', 'mean'))).toContain('b01_residents');
  });

  it('a proportion: categories; a total: categories and numbers', async () => {
    const cat = await withData();
    const prop = variablesFor(cat, 'individual', 'proportion');
    expect(prop.every((v) => v.categorical)).toBe(true);
    expect(names(prop)).toEqual(expect.arrayContaining(['c03_sex', 'c13a_first_nationality']));
    const total = names(variablesFor(cat, 'individual', 'total'));
    expect(total).toEqual(expect.arrayContaining(['c03_sex', 'c05_age']));
    expect(total).toContain('c13a_first_nationality');
  });

  it('multiple: the multiple-choice questions of the unit, and only there', async () => {
    const cat = await withData();
    expect(names(variablesFor(cat, 'household', 'multiple'))).toEqual(['h08_assets']);
    expect(names(variablesFor(cat, 'individual', 'multiple'))).toContain('i04_care_barriers');
    expect(variablesFor(cat, 'individual', 'multiple').every((v) => v.type.startsWith('multi'))).toBe(true);
    for (const statistic of ['proportion', 'mean', 'median', 'total'] as const)
      expect(names(variablesFor(cat, 'household', statistic))).not.toContain('h08_assets');
  });

  it('the member unit: the catalogue offers it with the person variables, not the household ones', async () => {
    const cat = await withData();
    expect(cat.units).toContain('member');
    const prop = names(variablesFor(cat, 'member', 'proportion'));
    expect(prop).toEqual(expect.arrayContaining(['c03_sex', 'cv_first', 'birth_region', 'stratum']));
    expect(names(variablesFor(cat, 'member', 'mean'))).toContain('c05_age');
    expect(names(variablesFor(cat, 'member', 'mean'))).not.toContain('b01_residents');
    // the person units offer the same variables
    expect(prop).toEqual(names(variablesFor(cat, 'roster', 'proportion')));
  });

  it('the model panel offers the member unit where tables do, with the same variables', async () => {
    const cat = await withData();
    expect(offeredUnits(cat)).toEqual(['individual', 'roster', 'member', 'household']);
    const member = names(modelVariables(cat, 'member'));
    expect(member).toEqual(expect.arrayContaining(['c03_sex', 'c05_age', 'stratum']));
    expect(member).not.toContain('b01_residents');
    // the builder's variables of the unit, bar the multiple-choice questions (tables only)
    const forTables = new Set(
      (['proportion', 'mean', 'total'] as const).flatMap((s) => names(variablesFor(cat, 'member', s))),
    );
    expect(new Set(member)).toEqual(forTables);
    expect(member).toEqual(names(modelVariables(cat, 'roster')));
    const bare = await catalogue('ipei', { dataDir: () => '/nonexistent/morabeza-weights' });
    expect(offeredUnits(bare)).toEqual(['individual', 'roster', 'household']);
  });

  it('before any weighting, numeric follows the type (int)', async () => {
    const cat = await catalogue('ipei', { dataDir: () => '/nonexistent/morabeza-weights' });
    expect(cat.dataReady).toBe(false);
    expect(cat.units).not.toContain('member');
    expect(cat.variables.find((v) => v.name === 'c05_age')?.numeric).toBe(true);
    expect(cat.variables.find((v) => v.name === 'c13a_first_nationality')?.numeric).toBe(false);
  });
});
