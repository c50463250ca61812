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
