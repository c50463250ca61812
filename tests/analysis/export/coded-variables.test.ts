/**
 * Every coded variable of the microdata carries its value labels: the questionnaire's choices, the
 * derived classes, and the computed variables (eligibility flags, labour-force status) whose labels
 * tables.json gives (`valueLabels`); only counts, amounts, weights and the line number go without.
 * A `valueLabels` entry for an unknown or already labelled variable is a clear error; the first
 * nationality takes the nationality question's code list (`sameAs`), so it has one home.
 * Multiple-response questions (IPEI's d09_help and h08_assets added to the fixture's answers) are their
 * joined codes plus one 0/1 variable per option, read back from the .dta by R haven. The person file
 * has the line number and `in_individual`, 1 exactly where the person has an individual weight.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDta } from '../../../analysis/export/dta.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { surveyContextFrom } from '../../../analysis/tables/context.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');
const data = loadWeightedData(FIXTURE);
const m = buildMicrodata(data, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
const variable = (file: 'households' | 'persons', name: string) =>
  m[file].variables.find((v) => v.name === name);

describe('value labels of every coded variable', () => {
  it('the unlabelled numeric variables are only counts and amounts (int), weights and the line number', () => {
    const bare = [m.households, m.persons].flatMap((f) =>
      f.variables
        .filter((v) => v.kind === 'numeric' && v.values.length === 0 && v.role !== 'weight')
        .map((v) => `${v.name}:${ctx.labels[v.name]?.type ?? v.role}`),
    );
    expect(bare.sort()).toEqual(
      [
        'b01_residents:int',
        'h04_sleeping_rooms:int',
        'line:design',
        'c05_age:int',
        'j04_remit_amount:int',
        'd01_year_first:int',
        // household.v3's years since the latest arrival: a count, computed by the questionnaire
        'd11_years_in_cv:calc (computed)',
        'l06_life_satisfaction:int',
      ].sort(),
    );
  });
  it('computed eligibility flags and labour-force status, and the derived classes, are labelled', () => {
    expect(variable('persons', 'c13_eligible')?.values.map((v) => [v.code, v.en])).toEqual([
      [0, 'Person not eligible'],
      [1, 'Person eligible'],
    ]);
    expect(variable('persons', 'c14_individual')?.values.map((v) => v.code)).toEqual([0, 1]);
    expect(variable('persons', 'g17_lf_status')?.values.map((v) => v.en)).toEqual([
      'Employed',
      'Unemployed',
      'Outside the labour force',
    ]);
    expect(variable('persons', 'lf_status')?.values).toHaveLength(3);
  });
  it('tables.json valueLabels naming an unknown or an already labelled variable is an error naming it', () => {
    const tables = JSON.parse(readFileSync('questionnaires/ipei/tables.json', 'utf8'));
    const with_ = (valueLabels: unknown) => () =>
      surveyContextFrom('ipei', { ...tables, valueLabels }, {}, ctx.codebook);
    const yes = [{ code: 1, pt: 'Sim', en: 'Yes' }];
    expect(with_({ nope: yes })).toThrow('valueLabels.nope: no such variable');
    expect(with_({ c03_sex: yes })).toThrow(
      "valueLabels.c03_sex: the questionnaire's choices label it already",
    );
    // the context's codebook has the first nationality labelled already: as the questionnaire gives it
    const raw = ctx.codebook.map((e) => (e.name === 'c13a_first_nationality' ? { ...e, values: [] } : e));
    expect(() =>
      surveyContextFrom(
        'ipei',
        { ...tables, valueLabels: { c13a_first_nationality: { sameAs: 'c05_age' } } },
        {},
        raw,
      ),
    ).toThrow('valueLabels.c13a_first_nationality.sameAs: c05_age is not a question with choices');
  });
  it('the first nationality (computed) has the nationality question’s code list, Cabo Verde in it', () => {
    const first = ctx.labels.c13a_first_nationality?.values ?? [];
    expect(first).toEqual(ctx.labels.c07_nationality1?.values);
    expect(first.length).toBeGreaterThan(200);
    expect(first.find((v) => v.code === 'CV')?.pt).toBe('Cabo Verde');
    expect(first.find((v) => v.code === 'XX')).toBeDefined();
  });
});

describe('multiple-response questions: the joined codes and one 0/1 variable per option', () => {
  const answers = ['1;3', '0', null, '2', '1;2;3', '3'];
  const help = Array.from({ length: data.persons.person_id.length }, (_, i) => answers[i % answers.length]);
  // a household column read back from CSV where every answer is one code is numeric
  const assets = Float64Array.from({ length: data.households.household_id.length }, (_, i) =>
    i % 4 === 3 ? Number.NaN : (i % 4) + 1,
  );
  const withMulti = {
    ...data,
    persons: { ...data.persons, d09_help: help },
    households: { ...data.households, h08_assets: assets },
  };
  const mm = buildMicrodata(withMulti, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
  const names = mm.persons.variables.map((v) => v.name);
  it('the text variable is followed by d09_help_1, _2, _3, _0 (the questionnaire order of options)', () => {
    const at = names.indexOf('d09_help');
    expect(names.slice(at, at + 5)).toEqual([
      'd09_help',
      'd09_help_1',
      'd09_help_2',
      'd09_help_3',
      'd09_help_0',
    ]);
    expect(mm.persons.columns.d09_help).toEqual(help);
  });
  it('1 where the option was chosen, 0 where the question was answered without it, missing where unanswered', () => {
    for (const code of ['0', '1', '2', '3']) {
      const want = help.map((h) => (h === null ? null : h.split(';').includes(code) ? 1 : 0));
      const got = Array.from(mm.persons.columns[`d09_help_${code}`] as Float64Array, (x) =>
        Number.isNaN(x) ? null : x,
      );
      expect(got, code).toEqual(want);
    }
    expect(Array.from(mm.households.columns.h08_assets_2 as Float64Array).slice(0, 8)).toEqual([
      0,
      1,
      0,
      Number.NaN,
      0,
      1,
      0,
      Number.NaN,
    ]);
    const v = mm.persons.variables.find((x) => x.name === 'd09_help_1');
    expect(v?.values.map((x) => [x.code, x.en])).toEqual([
      [0, 'No'],
      [1, 'Yes'],
    ]);
    expect(v?.label.pt.startsWith(`${ctx.labels.d09_help.label.pt}: `)).toBe(true);
  });
  it('R haven reads the 0/1 variables with their labels and the joined codes as text', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'morabeza-multi-')), 'persons.dta');
    writeFileSync(path, writeDta(mm.persons, { lang: 'en' }));
    const r = spawnSync('Rscript', ['tests/fixtures/tables/read-dta.R', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const v = (n: string) => JSON.parse(r.stdout).vars.find((x: { name: string }) => x.name === n);
    expect(v('d09_help_3').labels).toEqual({ No: 0, Yes: 1 });
    expect(v('d09_help_3').values.slice(0, 6)).toEqual([1, 0, null, 0, 1, 1]);
    expect(v('d09_help').values.slice(0, 3)).toEqual(['1;3', '0', '']);
  });
});

describe('the person file: line number and the individual unit by name', () => {
  const pp = m.persons;
  const names = pp.variables.map((v) => v.name);
  it('line and in_individual come with the ids, labelled', () => {
    expect(names.slice(0, 4)).toEqual(['person_id', 'household_id', 'line', 'in_individual']);
    const flag = pp.variables.find((v) => v.name === 'in_individual');
    expect(flag?.label.en).toBe('In the individual unit (has an individual weight)');
    expect(flag?.values.map((v) => v.code)).toEqual([0, 1]);
    expect(Array.from(pp.columns.line as Float64Array)).toEqual(
      Array.from(data.persons.line as Float64Array),
    );
  });
  it('in_individual = 1 exactly on the rows with a positive individual weight (136 of 168)', () => {
    const w = data.persons[data.meta.persons.weights.individual.weights] as Float64Array;
    const flag = Array.from(pp.columns.in_individual as Float64Array);
    expect(flag).toEqual(Array.from(w, (x) => (x > 0 ? 1 : 0)));
    expect(flag.filter((x) => x === 1)).toHaveLength(136);
    // the persons who needed an individual interview but gave none are flagged 0 too
    const needed = data.persons.c14_individual as Float64Array;
    expect(flag.filter((x, i) => x === 0 && needed[i] === 1)).toHaveLength(16);
  });
  it('the codebook says the individual unit is in_individual = 1', () => {
    expect(m.design.find((u) => u.unit === 'individual')?.rows).toBe(
      'in_individual = 1, i.e. w_person_final > 0 (not missing)',
    );
  });
});
