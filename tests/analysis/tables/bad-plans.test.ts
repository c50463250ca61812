/**
 * Bad table plans: a clear issue naming the table and the field, with its reason's code and the variable
 * or statistic it concerns (for a screen to say it in its language); the other tables are still made. A
 * malformed plan, a duplicate id and a model whose fit fails have their codes too.
 */
import { describe, expect, it } from 'vitest';
import { computeModel } from '../../../analysis/tables/model.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, labels, plans, rules, table } from './helpers.ts';

const good = table('OK', { unit: 'individual', statistic: 'proportion', variable: 'j01_remit' });

function issuesOf(bad: Record<string, unknown>) {
  const run = computeTables(plans([bad, good]), data(), labels(), rules);
  expect(run.tables.map((t) => t.id)).toEqual(['OK']);
  return run.issues;
}

describe('bad table plans', () => {
  it('an unknown variable', () => {
    expect(issuesOf(table('B1', { unit: 'individual', statistic: 'proportion', variable: 'nope' }))).toEqual([
      {
        table: 'B1',
        field: 'variable',
        message: expect.stringContaining("unknown variable 'nope'"),
        reason: 'unknown_variable',
        variable: 'nope',
      },
    ]);
  });
  it('an unknown domain variable and an unknown universe variable', () => {
    const [d] = issuesOf(
      table('B2', {
        unit: 'individual',
        statistic: 'proportion',
        variable: 'j01_remit',
        domains: ['c03_sex', 'zz'],
      }),
    );
    expect(d).toMatchObject({ table: 'B2', field: 'domains.1', reason: 'unknown_variable', variable: 'zz' });
    const [u] = issuesOf(
      table('B3', {
        unit: 'individual',
        statistic: 'proportion',
        variable: 'j01_remit',
        universe: [{ variable: 'qq', op: '=', value: 1 }],
      }),
    );
    expect(u).toMatchObject({
      table: 'B3',
      field: 'universe.0.variable',
      reason: 'unknown_variable',
      variable: 'qq',
    });
  });
  it('an interval method that does not fit the statistic, or is unknown', () => {
    const [m] = issuesOf(
      table('B10', { unit: 'individual', statistic: 'mean', variable: 'j04_remit_amount', ci: 'logit' }),
    );
    expect(m).toMatchObject({
      table: 'B10',
      field: 'ci',
      message: expect.stringContaining("uses 'wald'"),
      reason: 'ci_logit',
      statistic: 'mean',
    });
    const [q] = issuesOf(
      table('B11', { unit: 'individual', statistic: 'median', variable: 'j04_remit_amount', ci: 'wald' }),
    );
    expect(q).toMatchObject({
      table: 'B11',
      field: 'ci',
      message: expect.stringContaining('Woodruff'),
      reason: 'ci_median',
    });
    const [u] = issuesOf(
      table('B12', { unit: 'individual', statistic: 'proportion', variable: 'j01_remit', ci: 'wilson' }),
    );
    expect(u).toMatchObject({ table: 'B12', field: 'ci' });
  });
  it('a universe that selects nobody', () => {
    const [i] = issuesOf(
      table('B4', {
        unit: 'individual',
        statistic: 'proportion',
        variable: 'j01_remit',
        universe: [{ variable: 'c05_age', op: '>', value: 200 }],
      }),
    );
    expect(i).toMatchObject({
      table: 'B4',
      field: 'universe',
      message: expect.stringContaining('selects nobody'),
      reason: 'no_rows',
      variable: 'j01_remit',
    });
  });
  it('a domain with no respondents in the universe', () => {
    const [i] = issuesOf(
      table('B5', {
        unit: 'individual',
        statistic: 'mean',
        variable: 'j04_remit_amount',
        domains: ['g08_occupation'],
        universe: [{ variable: 'g17_lf_status', op: '!=', value: 1 }],
      }),
    );
    expect(i).toMatchObject({
      table: 'B5',
      field: 'domains.0',
      message: expect.stringContaining('no respondents'),
      reason: 'domain_no_rows',
      variable: 'g08_occupation',
    });
  });
  it('a statistic that does not fit the variable type', () => {
    const [m] = issuesOf(table('B6', { unit: 'individual', statistic: 'mean', variable: 'j01_remit' }));
    expect(m).toMatchObject({
      table: 'B6',
      field: 'statistic',
      message: expect.stringContaining('Use proportion'),
      reason: 'needs_numeric',
      variable: 'j01_remit',
      statistic: 'mean',
    });
    const [p] = issuesOf(
      table('B7', { unit: 'household', statistic: 'proportion', variable: 'b01_residents' }),
    );
    expect(p).toMatchObject({
      table: 'B7',
      field: 'statistic',
      message: expect.stringContaining('categorical'),
      reason: 'needs_categorical',
      variable: 'b01_residents',
      statistic: 'proportion',
    });
  });
  it('a malformed plan (unknown statistic, missing title) and a duplicate id', () => {
    const [s] = issuesOf(table('B8', { unit: 'individual', statistic: 'mode', variable: 'j01_remit' }));
    expect(s).toMatchObject({ table: 'B8', field: 'statistic', reason: 'plan_invalid' });
    const [t] = issuesOf({ id: 'B9', unit: 'individual', statistic: 'proportion', variable: 'j01_remit' });
    expect(t).toMatchObject({ table: 'B9', field: 'title', reason: 'plan_invalid' });
    const run = computeTables(plans([good, good]), data(), labels(), rules);
    expect(run.issues).toEqual([
      { table: 'OK', field: 'id', message: "duplicate table id 'OK'.", reason: 'duplicate_table' },
    ]);
  });

  it('a model whose fit fails on the data (its universe keeps nobody) names its outcome', () => {
    const plan = {
      unit: 'individual' as const,
      family: 'gaussian' as const,
      outcome: 'j04_remit_amount',
      predictors: ['c05_age'],
      universe: [{ variable: 'c05_age', op: '>' as const, value: 200 }],
    };
    const r = computeModel(plan, data(), labels(), { rules, confLevel: 0.95 });
    expect(r).toMatchObject({ table: 'model', reason: 'model_failed', variable: 'j04_remit_amount' });
  });
});
