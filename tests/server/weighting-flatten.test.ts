import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenAnswers } from '../../server/domain/weighting/flatten.ts';

const household = JSON.parse(
  readFileSync(new URL('../../questionnaires/ipei/household.v1.json', import.meta.url), 'utf8'),
);

describe('the approved answers flattened for tables and exports', () => {
  const flat = flattenAnswers(
    [
      {
        householdId: 'CV-PR-0012-004-1',
        answers: {
          b01_residents: 2,
          a08_language: 'pt',
          members: [
            {
              c01_name: 'Ana',
              c03_sex: 2,
              c05_age: 34,
              c07_nationality1: 'GW',
              c08_other_nationality: 2,
              g01_worked: 1,
              g05_search_methods: [1, 3],
            },
            { c01_name: 'Rui', c03_sex: 1, c05_age: 9, c07_nationality1: 'CV', c08_other_nationality: 2 },
          ],
        },
      },
      {
        householdId: 'CV-SL-0003-011-1',
        answers: {
          b01_residents: 1,
          members: [
            {
              c03_sex: 1,
              c05_age: 51,
              c07_nationality1: 'PT',
              c08_other_nationality: 1,
              c09_first_nationality: 2,
              c08a_nationality2: 'CV',
            },
          ],
        },
      },
    ],
    household,
    'members',
  );

  it('gives one household row per interview and one person row per roster member, keyed as the weights are', () => {
    expect(flat.households.household_id).toEqual(['CV-PR-0012-004-1', 'CV-SL-0003-011-1']);
    expect(flat.persons.person_id).toEqual([
      'CV-PR-0012-004-1-1',
      'CV-PR-0012-004-1-2',
      'CV-SL-0003-011-1-1',
    ]);
    expect(flat.households.members).toBeUndefined();
  });

  it('keeps numbers numeric (missing as NaN), codes as text, and joins multiple answers', () => {
    expect(flat.persons.c05_age).toBeInstanceOf(Float64Array);
    expect(Array.from(flat.persons.c05_age as Float64Array)).toEqual([34, 9, 51]);
    expect(Array.from(flat.persons.g05_search_methods)).toEqual(['1;3', null, null]);
    expect(Array.from(flat.households.a08_language)).toEqual(['pt', null]);
  });

  it("computes the questionnaire's expressions (survey-core) when the answers lack them", () => {
    // a member whose first nationality is the second one declared (c09 = 2) takes c08a_nationality2
    expect(Array.from(flat.persons.c13a_first_nationality)).toEqual(['GW', 'CV', 'CV']);
    expect(Array.from(flat.persons.c13_eligible as Float64Array)).toEqual([1, 0, 0]);
    expect(Array.from(flat.persons.c14_individual as Float64Array)).toEqual([1, 0, 0]);
    // and any other computed question, e.g. the ILO labour-force status of one who worked
    expect(Array.from(flat.persons.g17_lf_status as Float64Array)).toEqual([1, Number.NaN, Number.NaN]);
  });

  it("household.v3's years since the latest arrival read the unit's interview date (A07a)", () => {
    const v3 = JSON.parse(
      readFileSync(new URL('../../questionnaires/ipei/household.v3.json', import.meta.url), 'utf8'),
    );
    const member = (m: Record<string, unknown>) => ({
      c03_sex: 1,
      c05_age: 40,
      c07_nationality1: 'SN',
      ...m,
    });
    const flat3 = flattenAnswers(
      [
        {
          householdId: 'H1',
          answers: {
            a07a_date: '2027-03-02',
            members: [
              member({ d01_year_first: 2010, d02_abroad_12m: 2 }),
              // back after 12 months or more abroad: counted from D03, the most recent arrival
              member({ d01_year_first: 2005, d02_abroad_12m: 1, d03_year_recent: 2020 }),
              member({}),
            ],
          },
        },
        { householdId: 'H2', answers: { members: [member({ d01_year_first: 2010, d02_abroad_12m: 2 })] } },
      ],
      v3,
      'members',
    );
    // 2027 - 2010, 2027 - 2020; no arrival year, or no interview date: missing
    expect(Array.from(flat3.persons.d11_years_in_cv as Float64Array)).toEqual([
      17,
      7,
      Number.NaN,
      Number.NaN,
    ]);
  });
});
