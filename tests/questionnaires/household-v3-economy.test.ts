/**
 * ipei/household.v3 economic condition and education order, on constructed households: the household's
 * monthly income in bands (required, with "don't know" and refusal) and the ability to make ends meet; the
 * warning when the band is below the members' job incomes added up (codes -98/-99 left out); the ordered
 * education level f02b_edu_level derived from F02's codes (which are not in order); every new string in
 * each interview language.
 */
import { Model, type QuestionPanelDynamicModel } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../server/domain/answers-validation.ts';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';
import { type Answers, completeV3, householdV3, type Member, v3Model } from '../helpers/ipei-households.ts';

const model = v3Model();
const verdict = (a: Answers) => {
  const r = validateAnswers(model, a);
  return { errors: r.errors.map((e) => [e.path, e.text]), warnings: r.warnings.map((w) => [w.path, w.text]) };
};
const BELOW =
  'O rendimento do agregado (H10) é menor que a soma dos rendimentos do trabalho dos membros (G14): confirme.';
/** The complete household (Aminata earns 28 000 CVE, Moussa has no job) with `m` at household level. */
const household = (m: Answers, aminata: Member = {}): Answers => {
  const a = completeV3();
  Object.assign(a.members[0], aminata);
  return { ...a, ...m };
};

describe('household.v3 household income and economic condition', () => {
  it('requires the income band and the ability to make ends meet', () => {
    const r = validateAnswers(
      model,
      household({ h10_hh_income_band: undefined, h11_make_ends_meet: undefined }),
    );
    expect(r.errors.map((e) => [e.path, e.type])).toEqual([
      ['h10_hh_income_band', 'required'],
      ['h11_make_ends_meet', 'required'],
    ]);
  });

  it('accepts "don\'t know" and refusal in the band, without the income warning', () => {
    for (const code of [98, 99])
      expect(verdict(household({ h10_hh_income_band: code, h11_make_ends_meet: 98 }))).toEqual({
        errors: [],
        warnings: [],
      });
  });

  it('warns when the band is below the members’ job incomes added up', () => {
    expect(verdict(household({ h10_hh_income_band: 1 }))).toEqual({
      errors: [],
      warnings: [['z05_hh_result', BELOW]],
    });
    // 28 000 + Moussa's 40 000 = 68 000: band 3 (30 000-49 999) is below, band 4 is not
    const moussaWorks = (band: number) => {
      const a = household({ h10_hh_income_band: band });
      const m = a.members?.[2] as Member;
      for (const k of ['g02_absent', 'g04_searched', 'g05_search_methods', 'g06_available']) delete m[k];
      Object.assign(m, {
        g01_worked: 1,
        g08_occupation: 'vendedor',
        g08a_isco: 5,
        g09_activity: 'comércio',
        g09a_isic: 'G',
        g10_icse: 2,
        g12_inps_job: 2,
        g12a_registered: 2,
        g13_hours: 50,
        g13a_second_job: 2,
        g13b_hours_main: 50,
        g13d_wants_more: 2,
        g14_income: 40000,
        g15_skills_match: 1,
      });
      return verdict(a);
    };
    expect(moussaWorks(3)).toEqual({ errors: [], warnings: [['z05_hh_result', BELOW]] });
    expect(moussaWorks(4)).toEqual({ errors: [], warnings: [] });
  });

  it('leaves the income codes -98/-99 out of the sum', () => {
    expect(verdict(household({ h10_hh_income_band: 1 }, { g14_income: -99, g14a_income_band: 2 }))).toEqual({
      errors: [],
      warnings: [],
    });
  });
});

describe('household.v3 ordered education level (f02b_edu_level)', () => {
  type Page = { name: string; elements: { templateElements?: Member[] }[] };
  const moduleF = (householdV3.pages as Page[]).find((p) => p.name === 'f_education')?.elements[0]
    .templateElements;
  const survey = new Model({
    elements: [{ type: 'paneldynamic', name: 'members', templateElements: moduleF }],
  });
  const level = (f02: number) => {
    survey.data = { members: [{ f02_education: f02 }] };
    return (survey.getQuestionByName('members') as QuestionPanelDynamicModel).panels[0].getQuestionByName(
      'f02b_edu_level',
    ).value;
  };

  it('orders F02 from none to doctorate, general and vocational secondary at one level, "don\'t know" empty', () => {
    const byLevel = [0, 10, 1, 2, 31, 32, 4, 5, 6, 7, 8].map(level);
    expect(byLevel).toEqual([0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 9]);
    expect(level(98)).toBeUndefined();
  });
});

it('has the new questions, choices and the warning in each interview language', () => {
  const qs = walkQuestions(householdV3).filter((q) =>
    ['h10_hh_income_band', 'h11_make_ends_meet', 'f02b_edu_level'].includes(String(q.json.name)),
  );
  expect(qs).toHaveLength(3);
  const z05 = walkQuestions(householdV3).find((q) => q.json.name === 'z05_hh_result')?.json as {
    validators: { text: Record<string, string> }[];
  };
  const texts = [
    ...qs.flatMap((q) => [
      q.json.title as Record<string, string>,
      ...((q.json.choices ?? []) as { text: Record<string, string> }[]).map((c) => c.text),
    ]),
    z05.validators.find((v) => v.text.default === BELOW)?.text ?? {},
  ];
  for (const text of texts)
    for (const lang of ['en', 'fr', 'kea', 'wo', 'zh-Hans'])
      expect(text[lang], `${lang}: ${text.default}`).toBeTruthy();
});
