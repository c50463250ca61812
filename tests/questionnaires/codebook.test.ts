import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODEBOOK_WORDS, CODEBOOK_WORDS_STATUS } from '../../analysis/export/codebook-words.ts';
import { TABLE_LANGS } from '../../analysis/tables/table-words.ts';
import { codebookMarkdown } from '../../scripts/questionnaires/codebook.ts';
import { buildCodebook, inWords } from '../../server/domain/codebook.ts';
import { catalogueStrings } from '../helpers/catalogue-strings.ts';

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

describe('the codebook in pt, en, fr and kea (npm run codebook --lang)', () => {
  const codebookCli = (...args: string[]) => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-'));
    execFileSync(
      join(repo, 'node_modules/.bin/tsx'),
      [join(repo, 'scripts/questionnaires/codebook.ts'), ...args, '--out', out],
      { cwd: repo, stdio: 'pipe' },
    );
    return out;
  };

  it('every language has every word, none empty, the French and Kriolu translated and marked draft', () => {
    const en = catalogueStrings(CODEBOOK_WORDS.en, 7, 3);
    for (const lang of TABLE_LANGS) {
      const w = catalogueStrings(CODEBOOK_WORDS[lang], 7, 3);
      expect(Object.keys(w), lang).toEqual(Object.keys(en));
      for (const [k, v] of Object.entries(w)) expect(v.trim(), `${lang} ${k}`).not.toBe('');
    }
    for (const lang of ['fr', 'kea'] as const) {
      const w = catalogueStrings(CODEBOOK_WORDS[lang], 7, 3);
      const same = Object.keys(en).filter((k) => w[k] === en[k]);
      // words French shares with English; the design table's scale, rscales and mse are R survey's
      // argument names in every language
      const r = ['microdata.designHead.6', 'microdata.designHead.7', 'microdata.designHead.8'];
      expect(same, lang).toEqual(
        lang === 'fr'
          ? [
              'columns.variable',
              'columns.type',
              'versions',
              'microdata.designHead.5',
              ...r,
              'microdata.variables',
            ]
          : r,
      );
      expect(CODEBOOK_WORDS_STATUS[lang]).toBe('draft');
    }
  });

  it('--lang kea: Kriolu headings, the questionnaire’s Kriolu labels and values, the versions in Kriolu', () => {
    const out = codebookCli('ipei/household.v2', '--lang', 'kea');
    const md = readFileSync(join(out, 'ipei/household.v2.codebook.kea.md'), 'utf8');
    expect(md.startsWith('# Livru di kódigus: ipei/household.v2\n\nIPEI: Inkéritu')).toBe(true);
    expect(md).toContain(
      '| variavel | rótulu (pt) | rótulu (en) | rótulu (kea) | tipu | nível | valoris | univérsu |',
    );
    expect(md).toContain('| `c03_sex` | Sexo | Sex | Séxu | single | person | 1 = Ómi; 2 = Mudjer |');
    expect(md).toContain('## Versons');
    expect(md).toContain('### v2 (di v1)');
    expect(md).toContain('4 testu mudadu (en 4, fr 4, kea 4, pt 4, wo 4, zh-Hans 4).');
    // no English heading or note left
    for (const english of [
      '# Codebook',
      'label (',
      '## Versions',
      'string(s) changed',
      'full list in the JSON',
    ])
      expect(md, english).not.toContain(english);
    // the JSON carries the French and Kriolu labels the questionnaire gives
    const json = JSON.parse(readFileSync(join(out, 'ipei/household.v2.codebook.json'), 'utf8'));
    const sex = json.variables.find((v: { name: string }) => v.name === 'c03_sex');
    expect(sex.labels).toEqual({ fr: 'Sexe', kea: 'Séxu' });
    expect(sex.values[1]).toEqual({ code: 2, pt: 'Feminino', en: 'Female', fr: 'Féminin', kea: 'Mudjer' });
  });

  it('--lang fr names the long code lists in French; English stays the default; an unknown language is refused', () => {
    const out = codebookCli('ipei/household.v2', '--lang', 'fr');
    const fr = readFileSync(join(out, 'ipei/household.v2.codebook.fr.md'), 'utf8');
    expect(fr).toContain('| `c03_sex` | Sexo | Sex | Sexe | single | person | 1 = Masculin; 2 = Féminin |');
    expect(fr).toMatch(/\| [0-9]+ codes \([^)]*; …\) — liste complète dans le dictionnaire JSON/);
    const en = readFileSync(join(codebookCli('ipei/household.v2'), 'ipei/household.v2.codebook.md'), 'utf8');
    expect(en).toContain('# Codebook: ipei/household.v2');
    expect(en).toContain('| variable | label (pt) | label (en) | type | level | values | universe |');
    expect(() => codebookCli('ipei/household.v2', '--lang', 'de')).toThrow();
  });
});
