/**
 * The IPEI simulator's household.v3 answers validate clean on household.v3 with the result they record:
 * seeded households of every outcome, among them "complete" plans whose eligible persons were all
 * non-interviews (v3 forbids result 11 then: the simulator records 12, partial). The v3 and v2 shapes draw
 * the same random numbers, and v2 still records the plan's result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../../../analysis/sampling/rng.ts';
import {
  type GeneratedHousehold,
  type HouseholdPlan,
  householdAnswers,
  planHousehold,
} from '../../../../demo/surveys/ipei/answers.ts';
import { createValidationModel, validateAnswers } from '../../../../server/domain/answers-validation.ts';

const STRATA = ['SA', 'SV', 'SL', 'BV', 'MA', 'PR', 'ST', 'FO', 'BR', 'SN'];
const SEED = 20261206;
const HOUSEHOLDS = 600;

function simulate(version: 2 | 3): Array<{ plan: HouseholdPlan; generated: GeneratedHousehold }> {
  const r = seededUniform(SEED);
  return Array.from({ length: HOUSEHOLDS }, (_, k) => {
    const preload = {
      a02_island: 7,
      a03_municipality: 'CV-PR',
      a04_ea: 'CV-PR-1',
      a05_dwelling: 1 + k,
      a06_household: 1,
    };
    const plan = planHousehold(r, STRATA[k % STRATA.length], preload);
    return { plan: { ...plan }, generated: householdAnswers(r, plan, version) };
  });
}

describe('the IPEI simulator on household.v3', () => {
  const v3 = simulate(3);
  const v2 = simulate(2);

  it('draws the same households in both shapes; only v3 moves an 11 with nobody interviewed to 12', () => {
    expect(v3.map((h) => h.plan)).toEqual(v2.map((h) => h.plan));
    for (const h of v2) expect(h.generated.answers.z05_hh_result).toBe(h.plan.result);
    const moved = v3.filter((h) => h.generated.result !== h.plan.result);
    expect(moved.length).toBeGreaterThan(0);
    for (const h of moved) {
      expect([h.plan.result, h.generated.result, h.generated.answers.z05_hh_result]).toEqual([11, 12, 12]);
      const people = (h.generated.answers.members as Array<Record<string, unknown>>).filter(
        (m) => m.z05p_person_result !== undefined,
      );
      expect(people.length).toBeGreaterThan(0);
      for (const m of people) expect([23, 24, 25]).toContain(m.z05p_person_result);
    }
  });

  it('validates clean (no error, nothing flagged): two households of each result and four moved ones', () => {
    const model = createValidationModel(
      JSON.parse(readFileSync('questionnaires/ipei/household.v3.json', 'utf8')),
    );
    const chosen = [
      ...[2, 11, 12, 13, 14, 15, 16].flatMap((result) =>
        v3.filter((h) => h.plan.result === result && h.generated.result === result).slice(0, 2),
      ),
      ...v3.filter((h) => h.generated.result !== h.plan.result).slice(0, 4),
    ];
    expect(new Set(chosen.map((h) => h.generated.result))).toEqual(new Set([2, 11, 12, 13, 14, 15, 16]));
    const verdicts = chosen.map((h) => {
      const v = validateAnswers(model, h.generated.answers);
      return { plan: h.plan.result, result: h.generated.result, errors: v.errors, flagged: v.flagged };
    });
    expect(verdicts.filter((v) => v.errors.length || v.flagged.length)).toEqual([]);
  }, 300_000);
});
