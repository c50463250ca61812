/**
 * Differential test of the compiled validator against survey-core (the reference): simulated IPEI
 * households (the demo's fieldwork simulator, seeded) with planted problems and random corruptions
 * get, from the fast path, exactly the errors, flags and warnings survey-core gave them. survey-core's
 * verdicts were written once by scripts/validation/reference-verdicts.ts into
 * tests/fixtures/validation/<version>.seed-<seed>.jsonl (the reference costs seconds per interview);
 * the interviews are regenerated here from the seed, in the version's answer shape.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleInterviews, shapeOf } from '../../scripts/validation/sample-interviews.ts';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';
import { validateCompiled } from '../../server/domain/compiled-validation.ts';
import { compileValidationPlan } from '../../server/domain/validation-plan.ts';
import { createVersionValidator } from '../../server/domain/version-validator.ts';
import {
  agreesWithReference,
  VERDICT_KINDS,
  type Verdict,
  verdictKinds,
} from '../helpers/compiled-verdicts.ts';

interface Reference extends Verdict {
  i: number;
}

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const FIXTURES = [
  { version: 'household.v1', seed: 2, compiledShare: 0.9 },
  { version: 'household.v2', seed: 1, compiledShare: 0.9 },
  // v3's members roster has a minimum of one row: households without members go to survey-core only
  // when that roster is shown (see validateCompiled); no contact and refusals, where it is hidden, do not
  { version: 'household.v3', seed: 3, compiledShare: 0.9 },
];

describe.each(FIXTURES)('the compiled validator of ipei/$version', ({ version, seed, compiledShare }) => {
  const json = JSON.parse(read(`../../questionnaires/ipei/${version}.json`));
  const base = `../fixtures/validation/${version}.seed-${seed}`;
  const reference = read(`${base}.jsonl`)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Reference);
  const sample = sampleInterviews(seed, reference.length, 0.5, shapeOf(version));
  const plan = compileValidationPlan(json);

  it('regenerates the very interviews survey-core judged (the simulator is unchanged)', () => {
    const digest = createHash('sha256')
      .update(JSON.stringify(sample.map((s) => s.answers)))
      .digest('hex');
    const sealed = JSON.parse(read(`${base}.seal.json`)) as { count: number; sha256: string };
    expect(sealed.count).toBe(reference.length);
    expect(digest).toBe(sealed.sha256);
  });

  it('covers every kind of verdict: required, custom, warnings and each flag reason', () => {
    expect([...verdictKinds(reference)].sort()).toEqual(
      expect.arrayContaining([...VERDICT_KINDS, 'warning']),
    );
  });

  it('gives every interview survey-core’s errors, flags and warnings, in the same order', () => {
    expect(plan).not.toBeNull();
    if (!plan) return;
    let compiled = 0;
    const differing: number[] = [];
    for (const ref of reference) {
      const same = agreesWithReference(plan, sample[ref.i].answers, ref);
      if (same === null) continue; // answers of a shape only survey-core judges (it then does)
      compiled++;
      if (!same) differing.push(ref.i);
    }
    expect(differing).toEqual([]);
    // the fast path judges nearly all of them itself (the rest are odd shapes from the corruptions)
    expect(compiled).toBeGreaterThan(compiledShare * reference.length);
  });
});

describe('the default date of ipei/household.v3 (defaultValueExpression today())', () => {
  const json = JSON.parse(read('../../questionnaires/ipei/household.v3.json'));
  const plan = compileValidationPlan(json);
  const model = createValidationModel(json);
  // a simulated household as the tablet sends it, its date then removed or changed
  const household = sampleInterviews(3, 1, 0, 3)[0].answers;
  const onDate = (date: Record<string, unknown>) => {
    const answers = { ...household, ...date };
    if (date.a07a_date === undefined) delete answers.a07a_date;
    const ref = validateAnswers(model, answers);
    const want = { errors: ref.errors, flagged: ref.flagged, warnings: ref.warnings };
    return {
      got: plan && validateCompiled(plan, answers),
      want,
      date: ref.errors.filter((e) => e.path === 'a07a_date'),
    };
  };

  it('gets a plan', () => expect(plan).not.toBeNull());

  it('is required when absent: survey-core does not fill a default into given answers', () => {
    const { got, want, date } = onDate({ a07a_date: undefined });
    expect(date.map((e) => e.type)).toEqual(['required']);
    expect(got).toEqual(want);
  });

  it('keeps a given date, past or future, as survey-core does', () => {
    for (const a07a_date of ['2020-01-02', '2999-01-02']) {
      const { got, want, date } = onDate({ a07a_date });
      expect(date.map((e) => e.type)).toEqual(a07a_date < '2500' ? [] : ['custom']);
      expect(got).toEqual(want);
    }
  });
});

describe('a questionnaire version the compiled validator does not cover', () => {
  it('gets no plan and is judged by survey-core itself', () => {
    // the listing's roster of dwellings uses keyName, outside the plan's list
    const listing = JSON.parse(read('../../questionnaires/ipei/listing.v2.json'));
    expect(compileValidationPlan(listing)).toBeNull();
    expect(createVersionValidator(listing).compiled).toBe(false);
  });

  it('sends answers of a shape the plan does not reproduce to survey-core', () => {
    const json = JSON.parse(read('../../questionnaires/ipei/household.v2.json'));
    const plan = compileValidationPlan(json);
    expect(plan).not.toBeNull();
    if (!plan) return;
    expect(validateCompiled(plan, { a10_consent: 1, members: 'three people' })).toBeNull();
    expect(validateCompiled(plan, { a10_consent: 1, members: [{ c05_age: 30 }] })).not.toBeNull();
  });
});
