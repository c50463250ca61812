/**
 * The review's read-only interview computes what the questionnaire computes: answers without computed
 * values (as the demo's simulator sends them) show every module their computed values open.
 */
import { readFileSync } from 'node:fs';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { reviewModel, withComputedValues } from '../../client/review/computed.ts';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const household = read('../../questionnaires/ipei/household.v2.json');
/** A complete 3-person household (2 foreign adults, 1 Cabo Verdean) with no computed value in it. */
const answers = read('../fixtures/questionnaires/household-complete.json');

/** Shown: the question and every page or panel around it visible. */
const visible = (m: Model, name: string) => {
  const q = m.getQuestionByName(name);
  return Boolean(q?.isVisible && q.isParentVisible);
};

describe('the review computes what the questionnaire computes', () => {
  it('a plain read-only model of such answers hides the roster modules (the bug)', () => {
    const m = new Model(household);
    m.mode = 'display';
    m.data = answers;
    expect(visible(m, 'members_d')).toBe(false);
  });

  it('computes eligibility per person and per household from the answers alone', () => {
    const out = withComputedValues(household, answers);
    expect(out.b05_eligible).toBe(1);
    const members = out.members as Array<Record<string, unknown>>;
    expect(members.map((p) => p.c13_eligible)).toEqual([1, 0, 1]);
    expect(members.map((p) => p.c14_individual)).toEqual([1, 0, 1]);
    expect(out.hh_n_individual).toBe(2);
    // the answers given are kept as they were
    expect(members.map((p) => p.c01_name)).toEqual(
      (answers.members as Array<Record<string, unknown>>).map((p) => p.c01_name),
    );
  });

  it('shows the individual modules and the housing section, read-only', () => {
    const m = reviewModel(household, answers);
    expect(m.mode).toBe('display');
    for (const q of ['members', 'h01_dwelling_type', 'members_p', 'members_d', 'members_g', 'members_m'])
      expect(visible(m, q), q).toBe(true);
  });

  it('changes nothing in answers that already carry their computed values', () => {
    const once = withComputedValues(household, answers);
    expect(withComputedValues(household, once)).toEqual(once);
  });
});
