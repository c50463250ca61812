/**
 * The tabulate command line: the issue's example spec on apiclus1 gives R's numbers; wrong
 * specs and data exit with status 2 and a message that names the field.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, oracle } from './oracle-runner.ts';

const DATA = join(FIXTURES, 'data', 'apiclus1.csv');
const dir = mkdtempSync(join(tmpdir(), 'tabulate-'));

function run(spec: unknown, format = 'json', data = DATA) {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const r = spawnSync('npx', ['tsx', 'analysis/cli.ts', '--data', data, '--spec', file, '--format', format], {
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const issueSpec = {
  design: {
    ids: ['dnum'],
    strata: null,
    weights: 'pw',
    probs: null,
    fpc: ['fpc'],
    nest: false,
    lonelyPsu: 'fail',
  },
  calibrate: {
    method: 'rake',
    totals: { stype: { E: 4421, H: 755, M: 1018 }, 'sch.wide': { No: 1072, Yes: 5122 } },
    bounds: null,
    maxit: 10,
  },
  estimates: [
    { statistic: 'mean', variable: 'api00', by: ['stype'], naRm: true, deff: true },
    { statistic: 'total', variable: 'stype' },
    {
      statistic: 'ciprop',
      variable: 'sch.wide',
      level: 'Yes',
      method: 'logit',
      confLevel: 0.95,
      df: 'design',
    },
    { statistic: 'ratio', numerator: 'api00', denominator: 'api99' },
    { statistic: 'quantile', variable: 'api00', probs: [0.25, 0.5] },
    { statistic: 'chisq', variables: ['stype', 'awards'], test: 'F' },
  ],
};

describe('tabulate CLI', () => {
  it("runs the issue's spec and reproduces R's raked total of stype", () => {
    const r = run(issueSpec);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.design).toMatchObject({ n: 183, df: 14, calibration: 'rake' });
    const want = oracle.cases.find((c: { id: string }) => c.id === 'dclus1_rake_total_stype').result;
    const rows = out.results[1].rows;
    expect(rows.map((x: { level: string }) => x.level)).toEqual(['E', 'H', 'M']);
    rows.forEach((row: { estimate: number; se: number }, j: number) => {
      expect(Math.abs(row.estimate - want.estimate[j]) / want.estimate[j]).toBeLessThan(1e-7);
      expect(Math.abs(row.se - want.se[j]) / want.se[j]).toBeLessThan(1e-7);
    });
    expect(out.results[0].rows).toHaveLength(3);
    expect(out.results[0].rows[0]).toHaveProperty('deff');
    expect(out.results[5]).toMatchObject({ statistic: 'chisq', test: 'F' });
    expect(out.results[5].pValue).toBeGreaterThan(0);
  }, 240_000); // CLI processes through npx tsx: slow on a loaded two-core machine

  it('prints the same rows as CSV and as a table', () => {
    const csv = run(issueSpec, 'csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(
      'index,statistic,variable,domain,level,estimate,se,ci_lower,ci_upper,cv,deff,n,test_statistic,df1,df2,p_value',
    );
    const table = run(issueSpec, 'table');
    expect(table.stdout).toMatch(/mean of api00 by stype/);
  }, 240_000); // CLI processes through npx tsx: slow on a loaded two-core machine

  it('exits 2 naming the field for an unknown column, a non-numeric weight, a lonely PSU and a misspelt key', () => {
    const base = { estimates: [{ statistic: 'mean', variable: 'api00' }] };
    const unknown = run({ design: { ids: ['dnum'], weights: 'pww' }, ...base });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/weights.*Unknown weights column 'pww'/);
    const text = run({ design: { ids: ['dnum'], weights: 'stype' }, ...base });
    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/must be numeric/);
    const lonely = run({ design: { strata: 'dnum', weights: 'pw' }, ...base });
    expect(lonely.status).toBe(2);
    expect(lonely.stderr).toMatch(/design.lonelyPsu.*Stratum \(413\)/);
    const typo = run({
      design: { ids: ['dnum'], weights: 'pw' },
      estimates: [{ statistic: 'mean', variabel: 'api00' }],
    });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/Unrecognized key.*variabel/);
  }, 240_000); // CLI processes through npx tsx: slow on a loaded two-core machine

  it('calibrates to totals of a numeric-coded category and hits them (SE ~ 0)', () => {
    const spec = {
      design: { ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true },
      calibrate: { method: 'linear', totals: { RIAGENDR: { '1': 1.4e8, '2': 1.5e8 } } },
      estimates: [{ statistic: 'total', variable: 'RIAGENDR', factor: true }],
    };
    const r = run(spec, 'json', join(FIXTURES, 'data', 'nhanes.csv'));
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).results[0].rows;
    expect(rows.map((x: { level: string }) => x.level)).toEqual(['1', '2']);
    expect(rows[0].estimate).toBeCloseTo(1.4e8, 3);
    expect(rows[1].estimate).toBeCloseTo(1.5e8, 3);
    expect(rows[0].se).toBeLessThan(1e-3);
  }, 240_000); // CLI processes through npx tsx: slow on a loaded two-core machine
});
