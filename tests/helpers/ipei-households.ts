/**
 * Constructed IPEI households for the tests of ipei/household.v3 (tests/questionnaires/household-v3-*):
 * the realistic three-member household of tests/fixtures/questionnaires/household-complete.json (two
 * foreign adults, a Cabo Verdean spouse) completed with what v3 asks beyond v2, plus small builders for
 * the cover and for roster rows, so each test states only the answers its point is about.
 */
import { readFileSync } from 'node:fs';
import { createValidationModel } from '../../server/domain/answers-validation.ts';

export type Member = Record<string, unknown>;
export type Answers = Record<string, unknown> & { members?: Member[] };

const read = (p: string) => JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8'));

export const householdV3 = read('questionnaires/ipei/household.v3.json');
export const v3Model = () => createValidationModel(householdV3);

/** A complete, valid v3 household: result 11, members 0 and 2 foreign nationals 15+, member 1 Cabo Verdean. */
export function completeV3(): Answers & { members: Member[] } {
  const a = {
    ...read('tests/fixtures/questionnaires/household-complete.json'),
    ...firstVisit(),
    // the household's economic condition: 15 000-29 999 CVE a month (Aminata earns 28 000), with difficulty
    h10_hh_income_band: 2,
    h11_make_ends_meet: 2,
  };
  // individual consent of each adult interviewed (v3 asks it before the modules)
  for (const m of [a.members[0], a.members[2]]) m.z01b_consent = 1;
  Object.assign(a.members[0], personV3(9), {
    j09_remit_total_12m: 120000,
    j10_remit_recipient: 3,
    j11_last_amount: 10000,
    j12_last_fee: 600,
  });
  Object.assign(a.members[2], personV3(12));
  // Aminata's job (an employee with INPS contributions): leave, no second job, actual hours, more hours
  Object.assign(a.members[0], {
    g12b_paid_leave: 1,
    g12c_sick_leave: 1,
    g13a_second_job: 2,
    g13b_hours_main: 48,
    g13d_wants_more: 2,
  });
  return a;
}

/** What v3 asks a self-respondent beyond v2 outside remittances: years of schooling, health, WG-SS, voting. */
export const personV3 = (years: number): Member => ({
  f02a_years_school: years,
  i06_self_health: 2,
  i07a_wg_seeing: 1,
  i07b_wg_hearing: 1,
  i07c_wg_walking: 1,
  i07d_wg_remembering: 1,
  i07e_wg_selfcare: 1,
  i07f_wg_communicating: 1,
  l07_vote_registered: 2,
});

/** What v3 adds to the cover of a first visit with contact: the interview date and the visit log. */
export const firstVisit = (): Answers => ({
  a07a_date: '2026-10-01',
  a07b_visits: [{ a07c_visit_date: '2026-10-01', a07e_visit_result: 1 }],
  a07f_contact: 1,
});

/** The cover of a household that agreed to the interview (first visit). */
export const cover = (): Answers => ({
  a02_island: 4,
  a03_municipality: 'CV-SL',
  a04_ea: 'CV-SL-0007',
  a05_dwelling: 3,
  a06_household: 1,
  a07_visit: 1,
  ...firstVisit(),
  a08_language: 1,
  a10_consent: 1,
});

/** A roster row of a Cabo Verdean national born in `birth` (no individual interview). */
export const caboVerdean = (name: string, age: number, birth = 'CV', relationship = 1): Member => ({
  c01_name: name,
  c02_relationship: relationship,
  c03_sex: 1,
  c05_age: age,
  c06_birth_country: birth,
  ...(birth === 'CV' ? { c06a_birth_island: 4 } : {}),
  c07_nationality1: 'CV',
  c08_other_nationality: 2,
  ...(age >= 15 ? { c10_marital: 1 } : {}),
  ...(age >= 4 && age <= 24 ? { c12_in_school: 1 } : {}),
});
