/**
 * ipei/household.v3 for the enumerator, read from the generated questionnaire: the main job's occupation and
 * the workplace's activity are free texts kept for office coding, each followed by its field code, and the
 * questions that need one carry a brief enumerator instruction (a description) in every interview language.
 */
import { describe, expect, it } from 'vitest';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';
import { householdV3 } from '../helpers/ipei-households.ts';

type Q = Record<string, unknown>;
const LANGS = ['en', 'fr', 'kea', 'wo', 'zh-Hans'];
const questions = walkQuestions(householdV3).map((q) => q.json as Q);
const names = questions.map((q) => q.name);
const byName = (name: string) => questions.find((q) => q.name === name) as Q;
const inEveryLanguage = (t: unknown) => {
  const text = t as Record<string, string>;
  expect(text.default).toBeTruthy();
  for (const lang of LANGS) expect(text[lang], `${lang}: ${text.default}`).toBeTruthy();
};

describe('household.v3 occupation and industry for office coding', () => {
  it('keeps the occupation and activity as free text (required), each followed by its field code', () => {
    for (const [textName, codeName] of [
      ['g08_occupation', 'g08a_isco'],
      ['g09_activity', 'g09a_isic'],
    ]) {
      // required unless the person stopped part-way (result 26)
      expect(byName(textName)).toMatchObject({
        type: 'text',
        requiredIf: '{panel.z05p_person_result} <> 26',
      });
      expect(byName(textName).inputType).toBeUndefined();
      expect(byName(codeName)).toMatchObject({ type: 'dropdown' });
      expect(names.indexOf(codeName)).toBe(names.indexOf(textName) + 1);
      expect((byName(textName).description as Record<string, string>).default).toMatch(/escritório/);
      inEveryLanguage(byName(textName).description);
    }
  });
});

describe('household.v3 enumerator instructions', () => {
  const INSTRUCTED = [
    'e01_residence_status',
    'g01_worked',
    'g02_absent',
    'g04_searched',
    'g06_available',
    'g10_icse',
    'g13_hours',
    'g13b_hours_main',
    'g14_income',
    'h10_hh_income_band',
    'z01_respondent',
  ];

  it('puts a brief instruction on the labour, income, proxy and residence questions, in every language', () => {
    for (const name of INSTRUCTED) {
      const description = byName(name).description as Record<string, string>;
      expect(description, name).toBeDefined();
      expect(description.default.length, name).toBeLessThan(260);
      inEveryLanguage(description);
    }
  });

  it('states the definitions the interviewer needs: 1 hour, net income, proxy limits', () => {
    const pt = (name: string) => (byName(name).description as Record<string, string>).default;
    expect(pt('g01_worked')).toMatch(/1 hora.*negócio da família/);
    expect(pt('g14_income')).toMatch(/impostos e contribuições.*-98 ou -99/);
    expect(pt('z01_respondent')).toMatch(/D a G.*15 anos/);
  });
});
