/**
 * Every coded variable of the microdata carries its value labels: the questionnaire's choices, the
 * derived classes, and the computed variables (eligibility flags, labour-force status) whose labels
 * tables.json gives (`valueLabels`); only counts, amounts, weights and the line number go without.
 * A `valueLabels` entry for an unknown or already labelled variable is a clear error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
  });
});
