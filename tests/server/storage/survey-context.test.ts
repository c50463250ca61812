/**
 * A survey's tables context read from questionnaires/<survey>/: the plans of tables.json, the
 * reliability rules and strata names of design.json, the codebook (labels and level) of the
 * questionnaire tables.json names; a survey name that is not a folder name is refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';

const design = JSON.parse(readFileSync('questionnaires/ipei/design.json', 'utf8'));

describe('loadSurveyContext', () => {
  const ctx = loadSurveyContext('ipei');
  it('reads the plans, the reliability rules and the strata names', () => {
    expect(ctx.file.questionnaire).toBe('ipei/household.v3');
    expect(ctx.file.tables.length).toBeGreaterThanOrEqual(25);
    expect(ctx.rules).toEqual({ cvFlag: design.reliability.cv_flag, minN: design.reliability.min_n });
    expect(ctx.labels.stratum.values.map((v) => v.code)).toEqual(
      design.strata.map((s: { code: string }) => s.code),
    );
  });
  it('builds the codebook of the questionnaire: labels in pt and en, household and person levels', () => {
    const sex = ctx.codebook.find((e) => e.name === 'c03_sex');
    expect(sex?.level).toBe('person');
    expect(ctx.labels.c03_sex.label.en.length).toBeGreaterThan(0);
    expect(new Set(ctx.codebook.map((e) => e.level))).toContain('household');
  });
  it('refuses a survey name that is not a folder name', () => {
    expect(() => loadSurveyContext('../ipei')).toThrow(/use the survey's folder name/);
  });
});
