/**
 * Models in the tabulation spec and the tabulate command line: a "glm" entry gives R's svyglm
 * numbers (scripts/r/svyglm.R) with odds ratios, term tests and margins; a domain is R's subset;
 * reliability marks suppress categories with few respondents or separation; bad input exits 2
 * naming the field (unknown variable, text outcome for gaussian, outcome outside [0, 1], one-level
 * factor).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../analysis/io/csv.ts';
import { tabulate } from '../../analysis/tabulate.ts';
import type { TabulateModel } from '../../analysis/tabulate-model.ts';
import { FIXTURES } from './oracle-runner.ts';

const DATA = join(FIXTURES, 'data', 'apiclus1.csv');
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const golden: any[] = JSON.parse(readFileSync(join(FIXTURES, 'extra', 'svyglm.json'), 'utf8')).cases;
const R = (id: string) => golden.find((c) => c.id === id);
const design = { ids: ['dnum'], weights: 'pw', fpc: ['fpc'] };
const dir = mkdtempSync(join(tmpdir(), 'tabulate-glm-'));

function cli(spec: unknown, format = 'json') {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const r = spawnSync('npx', ['tsx', 'analysis/cli.ts', '--data', DATA, '--spec', file, '--format', format], {
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('"statistic": "glm" in the spec', () => {
  const data = readCsv(DATA);
  it("gives R's coefficients, odds ratios, tests and margins", () => {
    const c = R('clus1_logit');
    const r = tabulate(data, {
      design,
      estimates: [
        { statistic: 'glm', formula: c.formula, family: 'quasibinomial', margins: 'stype', minN: 10 },
      ],
    });
    const m = r.results[0] as TabulateModel;
    expect(m.coefficients.map((k) => k.name)).toEqual(c.names);
    m.coefficients.forEach((k, j) => {
      expect(Math.abs((k.estimate as number) / Number(c.estimate[j]) - 1)).toBeLessThan(1e-8);
      expect(Math.abs((k.se as number) / Number(c.se[j]) - 1)).toBeLessThan(1e-8);
      if (j > 0) expect(k.ratio).toBeCloseTo(Math.exp(Number(c.estimate[j])), 10);
    });
    expect(m.df).toBe(Number(c.df));
    expect(m.ratioName).toBe('odds ratio');
    expect(m.tests.map((t) => t.terms[0])).toEqual(['ell', 'stype']);
    expect(m.margins?.rows.map((x) => x.level)).toEqual(['E', 'H', 'M']);
  });
  it('a domain is R subset(), and few respondents suppress a category', () => {
    const c = R('clus1_domain_E');
    const r = tabulate(data, {
      design,
      estimates: [
        { statistic: 'glm', formula: c.formula, domain: [{ variable: 'stype', op: '=', value: 'E' }] },
        { statistic: 'glm', formula: 'api00 ~ ell + stype' },
      ],
    });
    const m = r.results[0] as TabulateModel;
    m.coefficients.forEach((k, j) => {
      expect(Math.abs((k.se as number) / Number(c.se[j]) - 1)).toBeLessThan(1e-8);
    });
    const small = (r.results[1] as TabulateModel).coefficients.find((k) => k.name === 'stypeH');
    expect(small?.n).toBe(14);
    expect(small?.reliability).toBe('suppress');
    expect(small?.estimate).toBeNull();
  });
  it('separation suppresses the category and warns', () => {
    const d2 = {
      ...data,
      allyes: Float64Array.from(data.stype as string[], (s, i) => (s === 'E' ? 1 : i % 2)),
    };
    const r = tabulate(d2, {
      design,
      estimates: [{ statistic: 'glm', formula: 'allyes ~ stype', family: 'quasibinomial', minN: 5 }],
    });
    const m = r.results[0] as TabulateModel;
    expect(m.coefficients[0].reliability).toBe('suppress');
    expect(m.coefficients[0].note).toContain('separation');
    expect(r.warnings.join(' ')).toContain('Separation');
  });
});

describe('tabulate command line with a model', () => {
  it('prints the model as CSV', () => {
    const r = cli({ design, estimates: [{ statistic: 'glm', formula: 'api00 ~ ell + meals' }] }, 'csv');
    expect(r.status).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes(',ell,'));
    expect(line).toMatch(/^0,glm:gaussian,api00 ~ ell \+ meals,,ell,/);
  });
  for (const [what, entry, message] of [
    ['an unknown variable', { formula: 'api00 ~ ell + nosuch' }, "'nosuch'"],
    ['a text outcome for gaussian', { formula: 'stype ~ ell' }, "'stype' must be numeric"],
    ['an outcome outside [0, 1]', { formula: 'api00 ~ ell', family: 'quasibinomial' }, 'between 0 and 1'],
    [
      'a one-level factor',
      { formula: 'api00 ~ ell + sch.wide', domain: [{ variable: 'sch.wide', op: '=', value: 'Yes' }] },
      'only one level',
    ],
  ] as const)
    it(`exits 2 naming the field for ${what}`, () => {
      const r = cli({ design, estimates: [{ statistic: 'glm', ...entry }] });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('error in estimates.0.formula');
      expect(r.stderr).toContain(message);
    });
});
