/**
 * Differential test of the compiled validator on the desks exit questionnaire (its `requiredIf` beside
 * `isRequired: false` is covered by the plan): the demo's simulated desk visits (seeded, with their
 * planted problems) and two seeded corruptions of each (a changed result, a dropped answer, a code
 * outside the list, an unknown key, a value on a skipped question, a changed consent or eligibility,
 * a text where a code belongs) get from the plan exactly the errors, flags and warnings survey-core
 * gives them, computed here (the reference costs ~30 ms per desks interview, not seconds).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesks } from '../../demo/surveys/desks/frame.ts';
import { simulateDesks } from '../../demo/surveys/desks/simulate.ts';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';
import { compileValidationPlan, whyNoPlan } from '../../server/domain/validation-plan.ts';
import { agreesWithReference, VERDICT_KINDS, verdictKinds } from '../helpers/compiled-verdicts.ts';

type Answers = Record<string, unknown>;

const json = JSON.parse(readFileSync('questionnaires/desks/exit.v1.json', 'utf8'));
const names: string[] = json.pages.flatMap((p: { elements: Array<{ name: string }> }) =>
  p.elements.map((e) => e.name),
);

/** A seeded generator (a linear congruential one: enough to pick corruptions reproducibly). */
function generator(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return { next, pick: <T>(a: T[]): T => a[Math.floor(next() * a.length)] };
}

function corrupt(r: ReturnType<typeof generator>, answers: Answers): Answers {
  const out = structuredClone(answers);
  const keys = Object.keys(out);
  const key = r.pick(keys.length ? keys : names);
  switch (Math.floor(r.next() * 7)) {
    case 0:
      out.z01_result = r.pick([11, 12, 13, 14, 15, 16, 17, 99]);
      break;
    case 1:
      delete out[key];
      break;
    case 2:
      out[key] = 999;
      break;
    case 3:
      out[`zz_${key}`] = 1;
      break;
    case 4:
      out[r.pick(names)] = r.pick([1, 2, 12, 98, 'GW', '', 0, -5, 100000]);
      break;
    case 5:
      out.a05_consent = r.pick([1, 2]);
      out.s04_eligible = r.pick([1, 2, undefined]);
      break;
    default:
      out[key] = 'x';
  }
  return out;
}

describe('the compiled validator of desks/exit.v1', () => {
  const plan = compileValidationPlan(json);
  const visits = simulateDesks(loadDesks()).envelopes.map((e) => e.answers as Answers);
  const r = generator(21);
  const cases = visits.flatMap((a) => [a, corrupt(r, a), corrupt(r, corrupt(r, a))]);

  it('gets a plan', () => {
    expect(whyNoPlan(json)).toBeNull();
    expect(plan).not.toBeNull();
  });

  it('gives every visit and corruption survey-core’s errors, flags and warnings, in the same order', () => {
    if (!plan) return;
    const model = createValidationModel(json);
    const references = cases.map((answers) => validateAnswers(model, answers));
    const differing: number[] = [];
    let compiled = 0;
    cases.forEach((answers, i) => {
      const same = agreesWithReference(plan, answers, references[i]);
      if (same === null) return;
      compiled++;
      if (!same) differing.push(i);
    });
    expect(differing).toEqual([]);
    expect(compiled).toBe(cases.length);
    expect(cases.length).toBeGreaterThan(2000);
    expect([...verdictKinds(references)].sort()).toEqual(expect.arrayContaining(VERDICT_KINDS));
  }, 600_000);
});
