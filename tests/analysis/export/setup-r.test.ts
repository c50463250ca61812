/**
 * An export carries its design: the codebook (JSON and Markdown) gives each unit's weight, replicate
 * columns, type, scale, rscales, mse and design variables; and the setups beside the files rebuild
 * the designs from the files alone. setup.R is run by Rscript on the CSV and on the .dta export and
 * its designs give the standard tables' numbers of R survey on the original data
 * (tests/fixtures/tables/golden.json: T1 remitters among individuals, T4 mean household size, T3 sex
 * by age group of the roster); setup.py (standard library) gives T1's proportions and SEs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { readCsv } from '../../../analysis/io/csv.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');
const data = loadWeightedData(FIXTURE);
const m = buildMicrodata(data, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
const persons = readCsv(join(FIXTURE, 'persons.csv'));
const golden = JSON.parse(readFileSync(join(FIXTURE, 'golden.json'), 'utf8')) as Record<
  string,
  { estimate: number[]; se: number[] }
>;
const root = mkdtempSync(join(tmpdir(), 'morabeza-setup-'));

async function exported(format: 'csv' | 'dta'): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = join(root, format);
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();
  for (const f of await exportMicrodata(m, format, { lang: 'en', survey: 'ipei' })) {
    writeFileSync(join(dir, f.name), f.bytes);
    files.set(f.name, new TextDecoder().decode(f.bytes));
  }
  return { dir, files };
}

const close = (got: number[], want: number[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    expect(Math.abs(g - want[i]) / Math.max(1, Math.abs(want[i]))).toBeLessThan(1e-9);
  });
};

describe('the codebook carries the design', () => {
  it('per unit: weight, replicate columns, type, scale, rscales, mse, design variables (JSON and Markdown)', async () => {
    const { files } = await exported('csv');
    const cb = JSON.parse(files.get('codebook.json') as string);
    const meta = data.meta;
    expect(cb.design.map((u: { unit: string }) => u.unit)).toEqual([
      'household',
      'roster',
      'individual',
      'member',
    ]);
    // the member unit: every rostered person, the household's weight and replicates in the person file
    expect(cb.design[3]).toMatchObject({
      file: 'persons',
      weight: 'w_hh',
      repweights: meta.households.weights.household.repweights,
    });
    const personVars = new Set(
      cb.variables
        .filter((v: { file: string }) => v.file === 'persons')
        .map((v: { variable: string }) => v.variable),
    );
    for (const c of meta.households.weights.household.repweights) expect(personVars.has(c), c).toBe(true);
    const ind = cb.design[2];
    expect(ind).toMatchObject({
      file: 'persons',
      weight: meta.persons.weights.individual.weights,
      repweights: meta.persons.weights.individual.repweights,
      type: 'JKn',
      scale: 1,
      rscales: meta.design.rscales,
      mse: false,
      combinedWeights: true,
      strata: meta.design.strata,
      psu: meta.design.ids,
    });
    expect(cb.design[0].repweights).toEqual(meta.households.weights.household.repweights);
    expect(cb.setup).toEqual(['setup.R', 'setup.do', 'setup.py']);
    const md = files.get('codebook.md') as string;
    expect(md).toContain(
      '| individual | persons | in_individual = 1, i.e. w_person_final > 0 (not missing) | w_person_final | rw_person_1 … rw_person_12 (12) | JKn | 1 | 0.666667 each | false |',
    );
    expect(md).toContain('| household | households |');
  });
  it('the .do svysets each unit with its replicate columns and one multiplier per replicate', async () => {
    const { files } = await exported('dta');
    const doFile = files.get('setup.do') as string;
    expect(doFile).toContain('use "persons.dta", clear');
    expect(doFile).toContain(
      `svyset [pweight = w_person_final], vce(jackknife) jkrweight(${data.meta.persons.weights.individual.repweights.join(' ')}, multiplier(${data.meta.design.rscales.join(' ')}))`,
    );
    expect(files.has('setup.py')).toBe(false);
    // the .dta holds .a/.b already; from CSV, setup.do decodes the codes to the same tags
    expect(doFile).not.toContain('mvdecode');
    const csvDo = (await exported('csv')).files.get('setup.do') as string;
    expect(csvDo).toContain('  mvdecode j04_remit_amount, mv(-98=.a \\ -99=.b)');
  });
});

const hasR = spawnSync('Rscript', ['--version']).status === 0;
describe.skipIf(!hasR)('setup.R rebuilds the designs from the exported files alone (Rscript)', () => {
  const tables = `source("setup.R")
library(jsonlite)
cells <- function(e) list(estimate = as.vector(coef(e)), se = unname(unlist(SE(e))))
cat(toJSON(list(
  T1_all = cells(svymean(~factor(j01_remit), individual_design)),
  T4_all = cells(svymean(~b01_residents, household_design)),
  T3_by = cells(svyby(~factor(c03_sex), ~I(cut(c05_age, c(0, 15, 35, Inf), right = FALSE, labels = FALSE)), roster_design, svymean)),
  degf = degf(individual_design),
  e05_na = sum(is.na(files$persons$e05_inps)),
  amount_na = sum(is.na(files$persons$j04_remit_amount))
), digits = NA))`;
  for (const format of ['csv', 'dta'] as const)
    it(`${format}: T1, T3 and T4 equal R survey on the original data`, async () => {
      const { dir, files } = await exported(format);
      const run = (args: string[]) => spawnSync('Rscript', args, { cwd: dir, encoding: 'utf8' });
      const r = run(['-e', tables]);
      expect(r.status, r.stderr).toBe(0);
      const got = JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
      for (const t of ['T1_all', 'T4_all', 'T3_by']) {
        close(got[t].estimate, golden[t].estimate);
        close(got[t].se, golden[t].se);
      }
      // special codes are NA from either format: setup.R recodes the CSV's codes, the .dta has .a/.b
      const missingOrCode = (name: string, codes: number[]) =>
        Array.from(persons[name] as Float64Array).filter((x) => Number.isNaN(x) || codes.includes(x)).length;
      expect(got.e05_na[0]).toBe(missingOrCode('e05_inps', [98]));
      expect(got.e05_na[0]).toBeGreaterThan(missingOrCode('e05_inps', []));
      expect(got.amount_na[0]).toBe(missingOrCode('j04_remit_amount', [-98, -99]));
      // run as a script it prints its example table (the first labelled person variable)
      const printed = run(['setup.R']);
      expect(printed.status, printed.stderr).toBe(0);
      expect(files.get('setup.R')).toContain('svymean(~factor(');
      expect(printed.stdout).toMatch(/factor\(\w+\)\S+\s+[0-9.]+\s+[0-9.]+/);
    }, 120_000);
});

const hasPython = spawnSync('python3', ['--version']).status === 0;
describe.skipIf(!hasPython)('setup.py (standard library) on the CSV export', () => {
  it('gives T1’s proportions and replicate SEs', async () => {
    const { dir } = await exported('csv');
    const r = spawnSync(
      'python3',
      ['-c', 'import json, setup; print(json.dumps(setup.proportions("individual", "j01_remit")))'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as Record<string, [number, number]>;
    const values = Object.keys(got);
    close(
      values.map((v) => got[v][0]),
      golden.T1_all.estimate,
    );
    close(
      values.map((v) => got[v][1]),
      golden.T1_all.se,
    );
  });
});
