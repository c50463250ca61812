import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebookMarkdown } from '../../scripts/questionnaires/codebook.ts';
import { buildCodebook, inWords } from '../../server/domain/codebook.ts';

const repo = new URL('../..', import.meta.url).pathname;
const household = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/household.v1.json'), 'utf8'));
const book = buildCodebook(household, 'household', 'members');
const entry = (name: string) => {
  const e = book.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return e;
};

describe('codebook of ipei/household.v1', () => {
  it('has one entry per variable, names unique, roster variables at person level', () => {
    expect(new Set(book.map((e) => e.name)).size).toBe(book.length);
    expect(entry('a10_consent').level).toBe('household');
    expect(entry('c05_age').level).toBe('person');
    expect(entry('d01_year_first')).toMatchObject({ level: 'person', roster: 'members', type: 'int' });
  });

  it('gives labels in pt and en and the value labels of a single choice', () => {
    expect(entry('c03_sex')).toMatchObject({ label_pt: 'Sexo', label_en: 'Sex', type: 'single' });
    expect(entry('c03_sex').values).toEqual([
      { code: 1, pt: 'Masculino', en: 'Male' },
      { code: 2, pt: 'Feminino', en: 'Female' },
    ]);
    expect(entry('c07_nationality1').values.length).toBeGreaterThan(240);
  });

  it('states the universe in words, with the page and roster conditions', () => {
    expect(entry('h03_rent').universe).toContain('h02_tenure = 3 "Arrendado"');
    const d01 = entry('d01_year_first').universe;
    expect(d01).toContain('c14_individual (same person) = 1');
    expect(d01).toContain("c06_birth_country (same person) ≠ 'CV'");
    expect(entry('a10_consent').universe).toBe('all');
  });

  it('records ranges with the special codes and the formulas of computed variables', () => {
    expect(entry('g14_income').range).toBe('0..5000000; special codes -98, -99');
    expect(entry('c14_individual').expression).toContain('{panel.c13_eligible} = 1');
    expect(entry('hh_n_individual').type).toBe('calc (computed)');
  });

  it('renders conditions readably', () => {
    expect(inWords('{panel.c05_age} >= 15 and {x} notempty', new Map())).toBe(
      'c05_age (same person) ≥ 15 and x is answered',
    );
  });

  it('writes JSON and Markdown from the command line', () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-'));
    execFileSync(
      join(repo, 'node_modules/.bin/tsx'),
      [join(repo, 'scripts/questionnaires/codebook.ts'), 'ipei/listing.v1', '--out', out],
      { cwd: repo },
    );
    const json = JSON.parse(readFileSync(join(out, 'ipei/listing.v1.codebook.json'), 'utf8'));
    expect(json.variables.find((v: { name: string }) => v.name === 'l05_disposition').values).toHaveLength(6);
    expect(readFileSync(join(out, 'ipei/listing.v1.codebook.md'), 'utf8')).toContain('| `l05_disposition` |');
    expect(codebookMarkdown('x', 't', [])).toContain('0 variables');
  });
});
