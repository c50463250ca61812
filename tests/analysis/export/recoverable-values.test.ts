/**
 * The complementary-suppression check after local suppression (publicUse.suppress.recoverable): on a
 * constructed 10-person file where nationality was suppressed on 3 records, the language, a remittance
 * amount and a multiple-response answer each give it back on records counted by hand (and by R's
 * tapply on the same file), a variable seen with two nationalities and the household code (design, not
 * checked) do not; `blank` sets exactly those values to missing (a multiple-response question with its
 * 0/1 options), `refuse` is a SurveyError naming the variables; on a 5-person file with two keys,
 * blanking for one key makes a variable give the other back, and a second pass blanks that too. On the fixture's public export the
 * profile's `blank` leaves every flagged variable missing on at least as many more records as the check
 * counted, and codebook.md lists them and says what the file guarantees and what not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../../analysis/errors.ts';
import { codebookMarkdown } from '../../../analysis/export/codebook-markdown.ts';
import { buildMicrodata, type ExportFile, type ExportVariable } from '../../../analysis/export/microdata.ts';
import { publicGuarantees } from '../../../analysis/export/public-guarantees.ts';
import { recoverableValues } from '../../../analysis/export/recoverable-values.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const NA = Number.NaN;
const T = (s: string) => ({ pt: s, en: s });
const v = (name: string, role: ExportVariable['role'] = 'variable'): ExportVariable => ({
  name,
  label: T(name),
  kind: 'numeric',
  values: [],
  missing: [],
  role,
});
// nationality after local suppression: rows 4, 5 and 8 lost theirs; row 9 never had one
const columns: ExportFile['columns'] = {
  hid: Float64Array.of(1, 1, 2, 2, 2, 3, 3, 4, 4, 5),
  nat: ['A', 'A', 'B', 'B', null, null, 'A', 'B', null, null],
  lang: ['pt', 'pt', 'zh', 'zh', 'zh', 'pt', 'pt', 'fr', 'fr', 'de'],
  amount: Float64Array.of(100, 200, 300, 100, 500, 200, 300, 100, 900, 100),
  sex: Float64Array.of(1, 2, 1, 2, 1, 2, 1, 2, 1, 1),
  barriers: ['1', '1;2', '2', '1', '1;2', null, '2', null, null, null],
  barriers_1: Float64Array.of(1, 1, 0, 1, 1, NA, 0, NA, NA, NA),
  barriers_2: Float64Array.of(0, 1, 1, 0, 1, NA, 1, NA, NA, NA),
};
const persons: ExportFile = {
  name: 'persons',
  rows: 10,
  variables: [
    v('hid', 'design'),
    ...Object.keys(columns)
      .slice(1)
      .map((n) => v(n)),
  ],
  columns,
};
const suppressed = { nat: [4, 5, 8] };
const families = {
  barriers: ['barriers', 'barriers_1', 'barriers_2'],
  barriers_1: ['barriers', 'barriers_1', 'barriers_2'],
  barriers_2: ['barriers', 'barriers_1', 'barriers_2'],
};

describe('recoverable suppressed values on a constructed file', () => {
  // by hand, among the records that show nat: lang pt -> A only, zh -> B only, fr -> B only, so rows 4
  // (zh), 5 (pt) and 8 (fr) are given back: 3; amount 200 -> A only (row 1): row 5, 1; 500 and 900 are
  // seen nowhere else; barriers '1;2' -> A only (row 1): row 4, 1; sex and the 0/1 options are seen
  // with both A and B; hid 2 and 4 would give rows 4 and 8 back, but a design variable is not checked
  const expected = [
    { key: 'nat', variable: 'amount', records: 1 },
    { key: 'nat', variable: 'barriers', records: 1 },
    { key: 'nat', variable: 'lang', records: 3 },
  ];

  it('finds the variables that give a suppressed value back, and on how many records', () => {
    expect(recoverableValues(persons, suppressed, 'blank', families).recoveries).toEqual(expected);
    // nothing suppressed, nothing to check
    expect(recoverableValues(persons, { nat: [] }, 'refuse').recoveries).toEqual([]);
  });

  it('blank: exactly those values go, a multiple-response question with its options', () => {
    const out = recoverableValues(persons, suppressed, 'blank', families).persons;
    expect(out.columns.lang).toEqual(['pt', 'pt', 'zh', 'zh', null, null, 'pt', 'fr', null, 'de']);
    expect(Array.from(out.columns.amount as Float64Array)).toEqual([
      100,
      200,
      300,
      100,
      500,
      NA,
      300,
      100,
      900,
      100,
    ]);
    expect(out.columns.barriers).toEqual(['1', '1;2', '2', '1', null, null, '2', null, null, null]);
    expect(Array.from(out.columns.barriers_1 as Float64Array)).toEqual([1, 1, 0, 1, NA, NA, 0, NA, NA, NA]);
    expect(Array.from(out.columns.barriers_2 as Float64Array)).toEqual([0, 1, 1, 0, NA, NA, 1, NA, NA, NA]);
    expect(out.columns.sex).toBe(persons.columns.sex);
    // the input is not changed, and the blanked file has nothing left to give back
    expect(persons.columns.lang).toEqual(['pt', 'pt', 'zh', 'zh', 'zh', 'pt', 'pt', 'fr', 'fr', 'de']);
    expect(recoverableValues(out, suppressed, 'refuse').recoveries).toEqual([]);
  });

  it('refuse: a SurveyError naming the setting and the variables', () => {
    try {
      recoverableValues(persons, suppressed, 'refuse', families);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SurveyError);
      expect((e as SurveyError).field).toBe('publicUse.suppress.recoverable');
      expect((e as Error).message).toContain(
        'given back by amount (nat, 1 records), barriers (nat, 1 records), lang (nat, 3 records)',
      );
    }
  });

  it("blank: checks again until nothing is given back, as blanking changes another key's maps", () => {
    // 5 persons, nat suppressed on row 1 and edu on row 2. By hand, pass 1: among the records that
    // show nat (0, 2, 3, 4) lang x -> A only, so row 1 (x) gives nat back and lang goes on row 1;
    // among those showing edu (0, 1, 3, 4) x -> E2 (row 0) and E1 (row 1), so row 2 is safe; edu
    // E1 -> A and B, nat A -> E2 and E1: nothing else. Pass 2: row 1 no longer shows lang, so x ->
    // E2 only and row 2 (x) gives edu back: lang goes on row 2. Pass 3: nothing.
    const cols: ExportFile['columns'] = {
      nat: ['A', null, 'A', 'A', 'B'],
      edu: ['E2', 'E1', null, 'E1', 'E1'],
      lang: ['x', 'x', 'x', 'z', 'w'],
    };
    const file: ExportFile = {
      name: 'persons',
      rows: 5,
      variables: Object.keys(cols).map((n) => v(n)),
      columns: cols,
    };
    const keys = { nat: [1], edu: [2] };
    const out = recoverableValues(file, keys, 'blank');
    expect(out.recoveries).toEqual([
      { key: 'edu', variable: 'lang', records: 1 },
      { key: 'nat', variable: 'lang', records: 1 },
    ]);
    expect(out.persons.columns.lang).toEqual(['x', null, null, 'z', 'w']);
    expect(recoverableValues(out.persons, keys, 'refuse').recoveries).toEqual([]);
  });

  const hasR = spawnSync('Rscript', ['--version']).status === 0;
  it.skipIf(!hasR)(
    'R counts the same records: a value seen with one key value among the records that show it',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'morabeza-recoverable-'));
      const cols = ['nat', 'lang', 'amount', 'sex', 'barriers', 'barriers_1', 'barriers_2'];
      const cell = (x: unknown) =>
        x === null || (typeof x === 'number' && Number.isNaN(x)) ? 'NA' : String(x);
      const csv = [
        cols.join(','),
        ...Array.from({ length: 10 }, (_, i) => cols.map((c) => cell(columns[c][i])).join(',')),
      ];
      writeFileSync(join(dir, 'p.csv'), `${csv.join('\n')}\n`);
      const script = `x <- read.csv("p.csv", colClasses = "character")
s <- c(5, 6, 9)
for (v in setdiff(names(x), "nat")) {
  ok <- !is.na(x$nat) & !is.na(x[[v]])
  n <- tapply(x$nat[ok], x[[v]][ok], function(k) length(unique(k)))
  hit <- sum(!is.na(x[[v]][s]) & x[[v]][s] %in% names(n)[n == 1])
  cat(v, hit, "\\n")
}`;
      const r = spawnSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const golden = Object.fromEntries(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/))
          .map(([a, b]) => [a, Number(b)]),
      );
      expect(golden).toEqual({ lang: 3, amount: 1, sex: 0, barriers: 1, barriers_1: 0, barriers_2: 0 });
      const got = Object.fromEntries(
        recoverableValues(persons, suppressed, 'blank', families).recoveries.map((x) => [
          x.variable,
          x.records,
        ]),
      );
      for (const [name, n] of Object.entries(golden)) expect(got[name] ?? 0, name).toBe(n);
    },
    60_000,
  );
});

describe('the profile’s complementary check on the public export', () => {
  const ctx = loadSurveyContext('ipei');
  const build = (kind: 'internal' | 'public') =>
    buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind,
      publicUse: ctx.publicUse,
      publicUseKey: new Uint8Array(32).fill(5),
    });

  it('blanks each variable that gave a suppressed value back, and says so in codebook.md', () => {
    expect(ctx.publicUse?.suppress?.recoverable).toBe('blank');
    const pub = build('public');
    const int = build('internal');
    const rec = pub.disclosureControl?.recovered;
    expect(rec?.action).toBe('blank');
    expect(rec?.recoveries.length).toBeGreaterThan(0);
    const missing = (f: ExportFile, name: string) =>
      Array.from(f.columns[name] as ArrayLike<unknown>).filter(
        (x) => x === null || (typeof x === 'number' && Number.isNaN(x)),
      ).length;
    // a variable neither suppressed, recoded nor derived from a key: its extra missing values are the
    // records the check counted (a record given back for both keys counted once)
    for (const name of new Set(rec?.recoveries.map((r) => r.variable))) {
      const counted = (rec?.recoveries ?? []).filter((r) => r.variable === name).map((r) => r.records);
      const extra = missing(pub.persons, name) - missing(int.persons, name);
      expect(extra, name).toBeGreaterThanOrEqual(Math.max(...counted));
      expect(extra, name).toBeLessThanOrEqual(counted.reduce((a, b) => a + b, 0));
    }
    const md = codebookMarkdown(pub, { lang: 'en', survey: 'ipei', setups: [] });
    const first = rec?.recoveries[0];
    expect(md).toContain(
      `- ${first?.variable}: gave back the suppressed ${first?.key} on ${first?.records} records; set to missing on those records.`,
    );
    // what the file guarantees (k-anonymity on the key variables, the exact check) and what not
    expect(md).toContain('### What this file guarantees');
    expect(md).toContain(
      'Guaranteed: each person shares their combination of a02_island, c03_sex, age_group, nat_group with at least 2 others',
    );
    expect(md).toContain('Not guaranteed: a value given back by a combination of variables');
    expect(publicGuarantees(int, 'en')).toBeNull();
    expect(codebookMarkdown(int, { lang: 'en', survey: 'ipei', setups: [] })).not.toContain('guarantees');
  });
});
