/**
 * `npm run export -- <survey> --kind`: public writes the public-use files (random household codes that
 * join, codebook kind public; its report asked for in English) to public-<format>/ beside the internal folder, the same files on a second
 * export of the same data (the codes come from the folder's public-use.key); a bad kind exits 2 naming
 * the option and its values, writing nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../analysis/io/csv.ts';

// a copy of the fixture: the public-use key is written beside the data
const data = mkdtempSync(join(tmpdir(), 'morabeza-export-data-'));
cpSync('tests/fixtures/tables', data, { recursive: true });
const run = (out: string, kind: string) =>
  spawnSync(
    'npx',
    [
      'tsx',
      'scripts/export/index.ts',
      'ipei',
      '--format',
      'csv',
      '--kind',
      kind,
      '--data',
      data,
      '--out',
      out,
      '--office-codes',
      'none',
      '--lang',
      'en',
    ],
    { encoding: 'utf8' },
  );

describe('npm run export --kind', () => {
  it('public: the public-use files in public-csv/', () => {
    const out = mkdtempSync(join(tmpdir(), 'morabeza-export-kind-'));
    const r = run(out, 'public');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /Disclosure risk on the key variables a02_island, c03_sex, age_group, nat_group \(k = 3\): 168 persons/,
    );
    expect(r.stdout).toMatch(/age_group: \d+ values suppressed \(with c05_age\)/);
    expect(r.stdout).toMatch(/h01_dwelling_type: \d+ values suppressed so that each household/);
    expect(r.stdout).toMatch(
      /Disclosure risk on the key variables a02_island, hh_size, h01_dwelling_type \(k = 3\): \d+ households/,
    );
    expect(r.stdout).toMatch(/hh_size: household size \(members in the person file\) in classes/);
    expect(r.stdout).toMatch(
      /The household file read with the person file .*: \d+ households in combinations of fewer than 3 households before suppression, 11 after/,
    );
    expect(r.stdout).toMatch(
      /Household risk \(sdcMicro, measure_risk with hid\).*72 households; the highest risk is/,
    );
    const dir = join(out, 'public-csv');
    expect(JSON.parse(readFileSync(join(dir, 'codebook.json'), 'utf8')).kind).toBe('public');
    const hh = readCsv(join(dir, 'households.csv'));
    const pp = readCsv(join(dir, 'persons.csv'));
    expect(pp.g08a_isco_office).toBeUndefined(); // --office-codes none
    expect(hh.household_id).toBeInstanceOf(Float64Array);
    const codes = new Set(hh.household_id as Float64Array);
    for (const id of pp.household_id as Float64Array) expect(codes.has(id)).toBe(true);
    expect(existsSync(join(out, 'csv'))).toBe(false);
    const again = mkdtempSync(join(tmpdir(), 'morabeza-export-kind-'));
    expect(run(again, 'public').status).toBe(0);
    for (const f of ['households.csv', 'persons.csv'])
      expect(readFileSync(join(again, 'public-csv', f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  }, 120_000);
  it('a bad kind exits 2 naming the option', () => {
    const out = mkdtempSync(join(tmpdir(), 'morabeza-export-kind-'));
    const r = run(out, 'open');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--kind open: use internal or public');
    expect(existsSync(join(out, 'open-csv'))).toBe(false);
    expect(existsSync(join(out, 'csv'))).toBe(false);
  }, 60_000);
});
