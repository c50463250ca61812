/**
 * ipei/household.v3 module G measures work as the 19th ICLS does, on constructed persons: the derived
 * labour force status (g17_lf_status) and potential labour force (g18_potential_lf) of one case per ILO
 * branch (worked; absent for an ILO reason; absent for another reason, back within 3 months, paid, or
 * neither; seasonal off-season; searching and available; a future starter; unavailable jobseeker;
 * available non-seeker; neither), and the main question names own-business and family work in every
 * interview language.
 */
import { Model, type QuestionPanelDynamicModel } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../server/domain/answers-validation.ts';
import { completeV3, householdV3, type Member, v3Model } from '../helpers/ipei-households.ts';

/** Moussa (line 3) with only the work answers `g` (module G's other items left out). */
const withWork = (g: Member) => {
  const a = completeV3();
  a.members[2] = {
    ...Object.fromEntries(Object.entries(a.members[2]).filter(([k]) => !/^g\d/.test(k))),
    g16_work_before: 2,
    ...g,
  };
  return a;
};
type Page = { name: string; elements: { templateElements?: Member[] }[] };
/** Module G of v3 exactly as generated, alone in a one-row roster (its expressions name only G's items). */
const moduleG = (householdV3.pages as Page[]).find((p) => p.name === 'g_work')?.elements[0].templateElements;
const survey = new Model({
  elements: [{ type: 'paneldynamic', name: 'members', templateElements: moduleG }],
});
const status = (g: Member) => {
  survey.data = { members: [g] };
  const panel = (survey.getQuestionByName('members') as QuestionPanelDynamicModel).panels[0];
  return ['g02e_employed', 'g17_lf_status', 'g18_potential_lf'].map((n) => panel.getQuestionByName(n).value);
};
const notWorked = { g01_worked: 2, g02_absent: 2 };

describe('household.v3 labour force status (19th ICLS)', () => {
  const cases: [string, Member, unknown[]][] = [
    ['worked at least one hour', { g01_worked: 1 }, [1, 1, 0]],
    ['absent on holiday (ILO reason)', { g01_worked: 2, g02_absent: 1, g03_absence_reason: 1 }, [1, 1, 0]],
    [
      'absent on parental leave (ILO reason)',
      { g01_worked: 2, g02_absent: 1, g03_absence_reason: 4 },
      [1, 1, 0],
    ],
    [
      'absent for lack of work, back within 3 months',
      { g01_worked: 2, g02_absent: 1, g03_absence_reason: 6, g03a_return_3m: 1 },
      [1, 1, 0],
    ],
    [
      'absent for another reason, longer, still paid',
      { g01_worked: 2, g02_absent: 1, g03_absence_reason: 96, g03a_return_3m: 2, g03b_paid: 1 },
      [1, 1, 0],
    ],
    [
      'absent for lack of work, longer, unpaid, searching and available: unemployed',
      {
        g01_worked: 2,
        g02_absent: 1,
        g03_absence_reason: 6,
        g03a_return_3m: 2,
        g03b_paid: 2,
        g04_searched: 1,
        g05_search_methods: [2],
        g06_available: 1,
      },
      [0, 2, 0],
    ],
    [
      'seasonal worker off-season, not searching, not available: outside',
      {
        g01_worked: 2,
        g02_absent: 1,
        g03_absence_reason: 3,
        g04_searched: 2,
        g06a_future_start: 2,
        g07_not_search_reason: 96,
        g06_available: 2,
      },
      [0, 3, 0],
    ],
    [
      'searching and available: unemployed',
      { ...notWorked, g04_searched: 1, g05_search_methods: [1], g06_available: 1 },
      [0, 2, 0],
    ],
    [
      'future starter, available, not searching: unemployed',
      { ...notWorked, g04_searched: 2, g06a_future_start: 1, g06_available: 1 },
      [0, 2, 0],
    ],
    [
      'searching but not available: outside, potential labour force',
      { ...notWorked, g04_searched: 1, g05_search_methods: [1], g06_available: 2 },
      [0, 3, 1],
    ],
    [
      'available but not searching (no future start): outside, potential labour force',
      { ...notWorked, g04_searched: 2, g06a_future_start: 2, g07_not_search_reason: 6, g06_available: 1 },
      [0, 3, 1],
    ],
    [
      'neither searching nor available: outside',
      { ...notWorked, g04_searched: 2, g06a_future_start: 2, g07_not_search_reason: 1, g06_available: 2 },
      [0, 3, 0],
    ],
  ];
  for (const [what, g, expected] of cases)
    it(`${what}: employed, status, potential = ${expected.join(', ')}`, () => {
      expect(status(g)).toEqual(expected);
    });

  it('asks the search questions of a seasonal worker off-season and no job details', () => {
    const model = v3Model();
    const off = { g01_worked: 2, g02_absent: 1, g03_absence_reason: 3, g13_hours: 40 };
    const r = validateAnswers(model, withWork(off));
    expect(r.errors.map((e) => e.path).sort()).toEqual([
      'members[2].g04_searched',
      'members[2].g06_available',
    ]);
    expect(r.flagged).toEqual([{ path: 'members[2].g13_hours', reason: 'answered-but-hidden' }]);
  });
});

describe('household.v3 main work question', () => {
  it('names work for pay or profit, own business and family business in every language', () => {
    const g01 = (
      householdV3.pages
        .flatMap((p: { elements: { templateElements?: Member[] }[] }) => p.elements)
        .flatMap((e: { templateElements?: Member[] }) => e.templateElements ?? [])
        .find((q: Member) => q.name === 'g01_worked') as { title: Record<string, string> }
    ).title;
    const named: Record<string, RegExp[]> = {
      default: [/lucro/, /seu negócio/, /negócio familiar/],
      en: [/profit/, /own business/, /family business/],
      fr: [/profit/, /propre affaire/, /affaire familiale/],
      kea: [/lukru/, /bu negósiu/, /negósiu di família/],
      wo: [/njariñ/, /sa njaay/, /njaayu sa njaboot/],
      'zh-Hans': [/利润/, /自己的生意/, /家族生意/],
    };
    for (const [lang, words] of Object.entries(named))
      for (const w of words) expect(g01[lang], `${lang} ${w}`).toMatch(w);
  });
});
