/**
 * ipei/household.v3 module G beyond labour force status, on constructed persons: the informality items
 * (business registration of independent workers, paid annual and sick leave of dependent workers, INPS
 * contributions already in G12) with the derived informal job g19_informal; a second job and the actual
 * hours of the reference week, each of their checks triggered; time-related underemployment
 * (g20_underemployed) against the hours threshold the questionnaire declares once; every new check message in
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
/** The household with Aminata (line 1, employee, worked 48 usual hours, INPS contributions paid) changed by `m`. */
const aminata = (m: Member): Answers => {
  const a = completeV3();
  Object.assign(a.members[0], m);
  return a;
};

type Page = { name: string; elements: { templateElements?: Member[] }[] };
const moduleG = (householdV3.pages as Page[]).find((p) => p.name === 'g_work')?.elements[0].templateElements;
/** Module G as generated, in a one-row roster, with the survey's calculated values (the hours threshold). */
const survey = new Model({
  calculatedValues: householdV3.calculatedValues,
  elements: [{ type: 'paneldynamic', name: 'members', templateElements: moduleG }],
});
const derived = (g: Member) => {
  survey.data = { members: [g] };
  const panel = (survey.getQuestionByName('members') as QuestionPanelDynamicModel).panels[0];
  return ['g19_informal', 'g20_underemployed'].map((n) => panel.getQuestionByName(n).value);
};
const employee = { g01_worked: 1, g10_icse: 4, g13a_second_job: 2, g13b_hours_main: 40, g13d_wants_more: 2 };
const ownAccount = {
  g01_worked: 1,
  g10_icse: 2,
  g13a_second_job: 2,
  g13b_hours_main: 40,
  g13d_wants_more: 2,
};

describe('household.v3 informality items', () => {
  it('asks registration of independent workers and paid leave of employees only', () => {
    const missing = (m: Member) =>
      validateAnswers(model, aminata(m))
        .errors.filter((e) => e.type === 'required')
        .map((e) => e.path);
    const base = { g12a_registered: undefined, g12b_paid_leave: undefined, g12c_sick_leave: undefined };
    expect(missing(base)).toEqual(['members[0].g12b_paid_leave', 'members[0].g12c_sick_leave']);
    expect(missing({ ...base, g10_icse: 2, g11_contract: undefined })).toEqual([
      'members[0].g12a_registered',
    ]);
  });

  const cases: [string, Member, unknown][] = [
    ['contributing family worker: informal', { ...ownAccount, g10_icse: 5 }, 1],
    ['own-account, business registered: formal', { ...ownAccount, g12a_registered: 1 }, 0],
    ['own-account, not registered: informal', { ...ownAccount, g12a_registered: 2 }, 1],
    ['own-account, registration unknown: unknown', { ...ownAccount, g12a_registered: 98 }, undefined],
    ['employee with INPS contributions: formal', { ...employee, g12_inps_job: 1, g12b_paid_leave: 2 }, 0],
    ['employee without contributions: informal', { ...employee, g12_inps_job: 2, g12b_paid_leave: 1 }, 1],
    [
      'employee, contributions unknown, paid annual and sick leave: formal',
      { ...employee, g12_inps_job: 98, g12b_paid_leave: 1, g12c_sick_leave: 1 },
      0,
    ],
    [
      'employee, contributions unknown, no paid sick leave: informal',
      { ...employee, g12_inps_job: 98, g12b_paid_leave: 1, g12c_sick_leave: 2 },
      1,
    ],
  ];
  for (const [what, g, expected] of cases)
    it(`${what} (g19_informal = ${JSON.stringify(expected)})`, () => {
      expect(derived(g)[0]).toEqual(expected);
    });

  it('keeps the INPS check: contributions paid (G12) but not registered (E05)', () => {
    expect(verdict(aminata({ e05_inps: 2 })).errors).toEqual([
      [
        'z05_hh_result',
        'Contribuições pagas ao INPS (G12), mas E05 diz que não está inscrito(a): corrija uma das respostas.',
      ],
    ]);
  });
});

describe('household.v3 second job and actual hours', () => {
  it('a worker with no second job worked at least one actual hour in the main job', () => {
    expect(verdict(aminata({ g13b_hours_main: 0 })).errors).toEqual([
      ['members[0].g13b_hours_main', 'Trabalhou na semana passada (G01): pelo menos 1 hora efetiva.'],
    ]);
    // with a second job, the hour may have been there
    const second = verdict(aminata({ g13a_second_job: 1, g13b_hours_main: 0, g13c_hours_other: 10 }));
    expect(second.errors).toEqual([]);
    expect(verdict(aminata({ g13a_second_job: 1, g13b_hours_main: 0, g13c_hours_other: 0 })).errors).toEqual([
      ['members[0].g13c_hours_other', 'Trabalhou na semana passada (G01): pelo menos 1 hora efetiva.'],
    ]);
  });

  it('a person absent from work last week has no actual hours', () => {
    const absent = { g01_worked: 2, g02_absent: 1, g03_absence_reason: 1 };
    expect(verdict(aminata({ ...absent, g13b_hours_main: 40 })).errors).toEqual([
      ['members[0].g13b_hours_main', 'Não trabalhou na semana passada (G01): 0 horas efetivas.'],
    ]);
    expect(verdict(aminata({ ...absent, g13b_hours_main: 0 })).errors).toEqual([]);
    expect(
      verdict(aminata({ ...absent, g13b_hours_main: 0, g13a_second_job: 1, g13c_hours_other: 5 })).errors,
    ).toEqual([['members[0].g13c_hours_other', 'Não trabalhou na semana passada (G01): 0 horas efetivas.']]);
  });

  it('refuses more than 112 actual hours over all jobs and hours outside 0-98', () => {
    expect(
      verdict(aminata({ g13a_second_job: 1, g13b_hours_main: 80, g13c_hours_other: 40 })).errors,
    ).toEqual([
      [
        'members[0].g13c_hours_other',
        'Mais de 112 horas efetivas na semana em todos os trabalhos (G13b + G13c): corrija.',
      ],
    ]);
    expect(verdict(aminata({ g13b_hours_main: 99 })).errors).toEqual([
      ['members[0].g13b_hours_main', 'Valor entre 0 e 98.'],
    ]);
  });
});

describe('household.v3 time-related underemployment (g20_underemployed)', () => {
  it('declares the hours threshold once, as a calculated value of the questionnaire', () => {
    expect(householdV3.calculatedValues).toContainEqual({
      name: 'g_underemployment_hours',
      expression: '40',
    });
  });
  const wants = { ...employee, g13d_wants_more: 1, g13e_available_more: 1 };
  const cases: [string, Member, unknown][] = [
    ['wants more, available, 30 actual hours: underemployed', { ...wants, g13b_hours_main: 30 }, 1],
    [
      'wants more, available, 30 + 15 hours over two jobs: not (at the threshold or above)',
      { ...wants, g13b_hours_main: 30, g13a_second_job: 1, g13c_hours_other: 15 },
      0,
    ],
    ['wants more, available, 40 hours: not', { ...wants, g13b_hours_main: 40 }, 0],
    ['wants more, not available: not', { ...wants, g13b_hours_main: 20, g13e_available_more: 2 }, 0],
    ['does not want more, 10 hours: not', { ...employee, g13b_hours_main: 10 }, 0],
    [
      'not employed: not derived',
      { g01_worked: 2, g02_absent: 2, g04_searched: 2, g06_available: 2 },
      undefined,
    ],
  ];
  for (const [what, g, expected] of cases)
    it(`${what} (${JSON.stringify(expected)})`, () => {
      expect(derived(g)[1]).toEqual(expected);
    });
});

it('has every new module G question and check message in each interview language', () => {
  const g = walkQuestions(householdV3).filter((q) => /^g1(2[abc]|3[a-e]|9)_|^g20_/.test(String(q.json.name)));
  expect(g.map((q) => q.json.name)).toHaveLength(10);
  const texts = g.flatMap((q) => [
    q.json.title as Record<string, string>,
    ...((q.json.validators ?? []) as { text: Record<string, string> }[]).map((v) => v.text),
  ]);
  for (const text of texts)
    for (const lang of ['en', 'fr', 'kea', 'wo', 'zh-Hans'])
      expect(text[lang], `${lang}: ${text.default}`).toBeTruthy();
});
