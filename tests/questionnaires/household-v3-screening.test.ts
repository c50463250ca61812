/**
 * ipei/household.v3 screening and eligibility, on constructed households: "don't know" at the screener
 * (B02 = 98) is unknown eligibility and the interview goes on to the roster; the household's eligibility
 * is derived from the roster (any eligible member), so a roster without one is result 2 and never 11;
 * Cabo Verdean nationals born abroad are rostered (extended universe, from the country of birth) instead
 * of ending the interview; a clear "no" on all three screener items still ends it.
 */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../server/domain/answers-validation.ts';
import { type Answers, caboVerdean, completeV3, cover, v3Model } from '../helpers/ipei-households.ts';

const model = v3Model();
const screener = (b02: number, b04: number): Answers => ({
  b01_residents: 2,
  b02_foreign_nat: b02,
  b03_stateless: 2,
  b04_foreign_born: b04,
  z03_understanding: 1,
});
const errorPaths = (a: Answers) => validateAnswers(model, a).errors.map((e) => e.path);

describe('household.v3 screening: unknown eligibility goes on to the roster', () => {
  it('a screener "don\'t know" whose roster finds foreign members is an eligible, complete household', () => {
    const r = validateAnswers(model, { ...completeV3(), b02_foreign_nat: 98, b04_foreign_born: 2 });
    expect(r).toMatchObject({ ok: true, errors: [] });
    expect(r.cleaned).toMatchObject({ b05s_screen: 98, b05_eligible: 1, hh_n_eligible: 2 });
  });

  it('a screener "don\'t know" needs the roster: without it the interview cannot end', () => {
    expect(errorPaths({ ...cover(), ...screener(98, 2), z05_hh_result: 2 })).toContain('members');
  });

  it('a roster without an eligible member is result 2: result 11 is refused at z05_hh_result', () => {
    const household = {
      ...cover(),
      ...screener(98, 2),
      members: [caboVerdean('Ana', 40), caboVerdean('Rui', 12, 'CV', 3)],
    };
    const ineligible = validateAnswers(model, { ...household, z05_hh_result: 2 });
    expect(ineligible).toMatchObject({ ok: true, errors: [] });
    expect(ineligible.cleaned).toMatchObject({ b05_eligible: 0, hh_n_eligible: 0, b05a_extended_only: 0 });
    const complete = validateAnswers(model, { ...household, z05_hh_result: 11 });
    expect(complete.errors.map((e) => [e.path, e.text])).toEqual([
      ['z05_hh_result', 'Nenhum membro elegível no roster (B05): o resultado é 2, não 11 nem 12.'],
    ]);
  });

  it('rosters Cabo Verdean nationals born abroad (extended universe, country of birth) and asks no housing', () => {
    const household = {
      ...cover(),
      ...screener(2, 1),
      members: [caboVerdean('Ana', 40, 'PT'), caboVerdean('Rui', 12, 'CV', 3)],
      z05_hh_result: 2,
      h01_dwelling_type: 1,
    };
    const r = validateAnswers(model, household);
    expect(r.errors).toEqual([]);
    expect(r.flagged).toEqual([{ path: 'h01_dwelling_type', reason: 'answered-but-hidden' }]);
    expect(r.cleaned).toMatchObject({ b05s_screen: 3, b05_eligible: 0, b05a_extended_only: 1 });
    expect((r.cleaned.members as Answers[]).map((m) => [m.c13b_born_abroad, m.c13c_extended])).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it('a clear "no" on the screener ends the interview with result 2 and no roster', () => {
    const r = validateAnswers(model, {
      ...cover(),
      ...screener(2, 2),
      members: [caboVerdean('Ana', 40)],
      z05_hh_result: 2,
    });
    expect(r.errors).toEqual([]);
    expect(r.flagged).toEqual([{ path: 'members', reason: 'answered-but-hidden' }]);
    expect(r.cleaned).toMatchObject({ b05s_screen: 0, b05_eligible: 0 });
  });
});
