import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';

const json = JSON.parse(
  readFileSync(new URL('../fixtures/questionnaires/mini-household.json', import.meta.url), 'utf8'),
) as object;

const good = () => ({
  a04_ea: 'CV-PR-0001',
  a10_consent: 1,
  b01_residents: 2,
  h02_tenure: 1,
  members: [
    { c01_name: 'Ana', c03_sex: 2, c05_age: 34, c10_marital: 2, d01_year_arrival: 2015 },
    { c01_name: 'Rui', c03_sex: 1, c05_age: 6 },
  ],
});

const paths = (list: { path: string }[]) => list.map((x) => x.path).sort();

describe('validateAnswers', () => {
  const model = createValidationModel(json);

  it('accepts a complete response with nothing flagged', () => {
    const r = validateAnswers(model, good());
    expect(r).toMatchObject({ ok: true, valid: true, errors: [], flagged: [], warnings: [] });
  });

  it('reports a missing required answer at its path, with type required', () => {
    const a = good();
    a.members[0].c01_name = '';
    const r = validateAnswers(model, { ...a, h02_tenure: undefined });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.path, e.type]).sort()).toEqual([
      ['h02_tenure', 'required'],
      ['members[0].c01_name', 'required'],
    ]);
  });

  it('reports out-of-range values at top level and inside a roster row', () => {
    const a = good();
    a.members[1].c05_age = -3;
    const r = validateAnswers(model, { ...a, b01_residents: 40 });
    expect(paths(r.errors)).toEqual(['b01_residents', 'members[1].c05_age']);
    expect(r.ok).toBe(false);
  });

  it('flags a soft warning without making the response invalid', () => {
    const r = validateAnswers(model, { ...good(), b01_residents: 15 });
    expect(r.valid).toBe(true);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([{ path: 'b01_residents', text: 'More than 12 residents: confirm.' }]);
  });

  it('flags an answer to a skipped question inside a roster row and in a hidden roster panel', () => {
    const a = good();
    Object.assign(a.members[1], { c10_marital: 1, d01_year_arrival: 2020 });
    const r = validateAnswers(model, a);
    expect(r.valid).toBe(true);
    expect(r.flagged).toEqual([
      { path: 'members[1].c10_marital', reason: 'answered-but-hidden' },
      { path: 'members[1].d01_year_arrival', reason: 'answered-but-hidden' },
    ]);
    expect(r.ok).toBe(false);
    expect((r.cleaned.members as Record<string, unknown>[])[1]).not.toHaveProperty('c10_marital');
  });

  it('cascades: a hidden answer cannot keep its dependent question visible', () => {
    const r = validateAnswers(model, { ...good(), h03_rent: 90000, h03a_rent_note: 'high' });
    expect(paths(r.flagged)).toEqual(['h03_rent', 'h03a_rent_note']);
  });

  it('flags everything after a refused consent, because the pages are hidden', () => {
    const r = validateAnswers(model, { ...good(), a10_consent: 2 });
    expect(r.valid).toBe(true);
    expect(paths(r.flagged)).toEqual(['b01_residents', 'h02_tenure', 'members']);
  });

  it('flags a choice code that is not in the list, top level and in a roster row', () => {
    const a = good();
    a.members[0].c03_sex = 7;
    const r = validateAnswers(model, { ...a, h02_tenure: 9 });
    expect(r.flagged).toEqual([
      { path: 'h02_tenure', reason: 'choice-not-in-list' },
      { path: 'members[0].c03_sex', reason: 'choice-not-in-list' },
    ]);
  });

  it('flags unknown keys at top level and inside roster rows', () => {
    const a = good();
    Object.assign(a.members[0], { shoe_size: 42 });
    const r = validateAnswers(model, { ...a, extra_field: 'x' });
    expect(r.flagged).toEqual([
      { path: 'extra_field', reason: 'unknown-question' },
      { path: 'members[0].shoe_size', reason: 'unknown-question' },
    ]);
  });

  it('gives the same verdicts when one model is reused (bad, good, bad, good)', () => {
    const bad = { ...good(), b01_residents: 99 };
    const verdicts = [bad, good(), bad, good()].map((a) => validateAnswers(model, a).valid);
    expect(verdicts).toEqual([false, true, false, true]);
  });

  it('accepts the questionnaire JSON directly', () => {
    expect(validateAnswers(json, good()).ok).toBe(true);
  });
});
