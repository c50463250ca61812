/**
 * Local suppression of the public file (publicUse.suppress): on a constructed file of 8 persons in 3
 * households, k = 2, order nat then age_group, the values suppressed are derived by hand (p3 loses its
 * nationality; p4 its nationality then its age group, which frees p5; p8 loses both and stays alone,
 * island and sex not being suppressible), the age it is derived from goes with age_group, and the
 * variables declared `with` a key variable go with it (a region of birth with its country of birth: with
 * the region as one more key, 2 records below k before, 1 after, by hand), the after-suppression fk of every record equals
 * R's count with a missing value matching any value
 * (Rscript on the output). A bad order is refused naming the setting. On the fixture's public export the
 * profile's suppression leaves no record below k that still had a value to lose, the same download
 * twice gives the same file, codebook.md counts the values suppressed, the weights, ids and design
 * variables are those of the file without suppression, and the internal file has no value suppressed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../../analysis/errors.ts';
import { codebookMarkdown } from '../../../analysis/export/codebook-markdown.ts';
import { disclosureRisk, keyCells, keyValues } from '../../../analysis/export/disclosure-risk.ts';
import { localSuppression } from '../../../analysis/export/local-suppression.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import type { Derived } from '../../../analysis/tables/plan.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const file = (name: 'households' | 'persons', columns: ExportFile['columns']): ExportFile => ({
  name,
  rows: Object.values(columns)[0].length,
  variables: [],
  columns,
});
const NA = Number.NaN;
const households = file('households', { hh: Float64Array.of(1, 2, 3), island: Float64Array.of(1, 1, 2) });
// (island, sex, age_group, nat): p1 p2 (1,1,2,A); p3 (1,1,2,B); p4 (1,2,3,A); p5 (1,2,4,A);
// p6 p7 (2,1,2,A); p8 (2,2,5,C)
const persons = file('persons', {
  hid: Float64Array.of(1, 1, 2, 2, 2, 3, 3, 3),
  sex: Float64Array.of(1, 1, 1, 2, 2, 1, 1, 2),
  age: Float64Array.of(20, 21, 22, 40, 50, 23, 24, 70),
  age_group: Float64Array.of(2, 2, 2, 3, 4, 2, 2, 5),
  nat: ['A', 'A', 'B', 'A', 'A', 'A', 'A', 'C'],
});
const link = { households: 'hh', persons: 'hid' };
const keys = ['island', 'sex', 'age_group', 'nat'];
const T = (s: string) => ({ pt: s, en: s });
const derived: Record<string, Derived> = {
  age_group: { from: 'age', label: T('Age group'), cut: [0, 15, 35, 45, 65], values: [] },
};
const run = (order: string[], k = 2) =>
  localSuppression({ households, persons }, link, keys, k, { order }, derived);

describe('localSuppression on a constructed file', () => {
  it('suppresses in the declared order until each record has fk >= k or nothing left to lose', () => {
    const before = disclosureRisk(persons, households, link, keys, 2);
    expect([before.sampleUniques, before.recordsBelowK]).toEqual([4, 4]);
    const out = run(['nat', 'age_group']);
    expect(out.suppressions).toEqual([
      { variable: 'nat', suppressed: 3, with: [] },
      { variable: 'age_group', suppressed: 2, with: ['age'] },
    ]);
    expect(out.persons.columns.nat).toEqual(['A', 'A', null, null, 'A', 'A', 'A', null]);
    expect(Array.from(out.persons.columns.age_group as Float64Array)).toEqual([2, 2, 2, NA, 4, 2, 2, NA]);
    expect(Array.from(out.persons.columns.age as Float64Array)).toEqual([20, 21, 22, NA, 50, 23, 24, NA]);
    // the input is not changed
    expect(persons.columns.nat).toEqual(['A', 'A', 'B', 'A', 'A', 'A', 'A', 'C']);
    const after = disclosureRisk(out.persons, households, link, keys, 2);
    expect([after.sampleUniques, after.recordsBelowK, after.cellsBelowK]).toEqual([1, 1, 1]);
    // the same input gives the same suppression
    expect(run(['nat', 'age_group'])).toEqual(out);
  });

  it('blanks the variables declared as restating a key variable with it', () => {
    const out = localSuppression(
      { households, persons },
      link,
      keys,
      2,
      { order: ['nat', 'age_group'], with: { nat: ['sex'] } },
      derived,
    );
    expect(out.suppressions[0]).toEqual({ variable: 'nat', suppressed: 3, with: ['sex'] });
    // p3, p4 and p8 lost their nationality, and with it their sex
    expect(Array.from(out.persons.columns.sex as Float64Array)).toEqual([1, 1, NA, NA, 2, 1, 1, NA]);
  });

  it('a region of birth declared with the nationality goes with it, and its country of birth too', () => {
    // p3 (B) is the only person born in region 2, p8 (C) the only one in region 3: a released region of
    // birth points at the nationality that was suppressed
    const born = file('persons', {
      ...persons.columns,
      birth: ['X', 'X', 'Y', 'X', 'X', 'X', 'X', 'Z'],
      birth_region: Float64Array.of(1, 1, 2, 1, 1, 1, 1, 3),
    });
    const regions: Record<string, Derived> = {
      ...derived,
      birth_region: {
        from: 'birth',
        label: T('Region'),
        recode: { '1': ['X'], '2': ['Y'], '3': ['Z'] },
        values: [],
      },
    };
    const suppress = (w: string[]) =>
      localSuppression(
        { households, persons: born },
        link,
        keys,
        2,
        { order: ['nat', 'age_group'], with: { nat: w } },
        regions,
      );
    const withKeys = [...keys, 'birth_region'];
    // the risk with the region of birth as one more key (a missing value matching any value), by hand:
    // without it declared, after suppression p3 (1,1,2,*,2) and p8 (2,2,*,*,3) are alone: 2 below k = 2,
    // and the 3 records whose nationality went (p3, p4, p8) still show their region
    const before = suppress([]);
    expect(before.persons.columns.nat).toEqual(['A', 'A', null, null, 'A', 'A', 'A', null]);
    expect(disclosureRisk(before.persons, households, link, withKeys, 2).recordsBelowK).toBe(2);
    const hinted = (f: ExportFile) =>
      (f.columns.nat as (string | null)[]).filter(
        (n, i) => n === null && Number.isFinite((f.columns.birth_region as Float64Array)[i]),
      ).length;
    expect(hinted(before.persons)).toBe(3);
    // declared: p3 (1,1,2,*,*) now matches p1 and p2; only p8 stays alone (nothing left to lose): 1
    const after = suppress(['birth_region']);
    expect(after.suppressions[0]).toEqual({
      variable: 'nat',
      suppressed: 3,
      with: ['birth', 'birth_region'],
    });
    expect(Array.from(after.persons.columns.birth_region as Float64Array)).toEqual([
      1,
      1,
      NA,
      NA,
      1,
      1,
      1,
      NA,
    ]);
    expect(after.persons.columns.birth).toEqual(['X', 'X', null, null, 'X', 'X', 'X', null]);
    expect(disclosureRisk(after.persons, households, link, withKeys, 2).recordsBelowK).toBe(1);
    expect(hinted(after.persons)).toBe(0);
  });

  it('in the other order, age groups go first', () => {
    const out = run(['age_group', 'nat']);
    // p3 (1,1,*,B) stays alone, then loses nat: (1,1,*,*) matches p1-p3; p4 (1,2,*,A) matches p5
    expect(out.suppressions.map((s) => s.suppressed)).toEqual([3, 2]);
    expect(out.persons.columns.nat).toEqual(['A', 'A', null, 'A', 'A', 'A', 'A', null]);
    expect(Array.from(out.persons.columns.age_group as Float64Array)).toEqual([2, 2, NA, NA, 4, 2, 2, NA]);
  });

  const hasR = spawnSync('Rscript', ['--version']).status === 0;
  it.skipIf(!hasR)(
    'the after-suppression frequencies are R’s, a missing value matching any value',
    () => {
      const out = run(['nat', 'age_group']);
      const rows = keyValues(out.persons, households, link, keys);
      const dir = mkdtempSync(join(tmpdir(), 'morabeza-suppress-'));
      const csv = ['island,sex,age_group,nat', ...rows.map((r) => r.map((x) => x ?? 'NA').join(','))];
      writeFileSync(join(dir, 'keys.csv'), `${csv.join('\n')}\n`);
      const script = `x <- read.csv("keys.csv", colClasses = "character")
ok <- function(a, b) is.na(a) | is.na(b) | a == b
fk <- sapply(seq_len(nrow(x)), function(i) sum(Reduce(\`&\`, lapply(names(x), function(v) ok(x[[v]][i], x[[v]])))))
cat(fk, "\\n")`;
      const r = spawnSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const golden = r.stdout.trim().split(/\s+/).map(Number);
      expect(golden).toEqual([3, 3, 3, 2, 2, 2, 2, 1]);
      const { cells, cellOf } = keyCells(rows);
      expect(cellOf.map((c) => cells.get(c)?.fk)).toEqual(golden);
    },
    60_000,
  );

  it('refuses a bad order, naming the setting', () => {
    const field = (order: string[]) => {
      try {
        run(order);
      } catch (e) {
        expect(e).toBeInstanceOf(SurveyError);
        return [(e as SurveyError).field, (e as Error).message];
      }
      return null;
    };
    expect(field(['religion'])).toEqual([
      'publicUse.suppress.order',
      'publicUse.suppress.order: religion is not one of publicUse.keyVariables',
    ]);
    expect(field(['island'])?.[1]).toContain('island is not a variable of the person file');
    expect(field(['nat', 'nat'])?.[1]).toContain('nat is named twice');
    const withBad = (w: Record<string, string[]>) => {
      try {
        localSuppression({ households, persons }, link, keys, 2, { order: ['nat'], with: w }, derived);
      } catch (e) {
        return [(e as SurveyError).field, (e as Error).message];
      }
      return null;
    };
    expect(withBad({ age_group: ['age'] })).toEqual([
      'publicUse.suppress.with',
      'publicUse.suppress.with: age_group is not in publicUse.suppress.order',
    ]);
    expect(withBad({ nat: ['passport'] })?.[1]).toContain(
      'passport (with nat) is not a variable of the person file',
    );
  });
});

const ctx = loadSurveyContext('ipei');
const build = () =>
  buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
    kind: 'public',
    publicUse: ctx.publicUse,
    publicUseKey: new Uint8Array(32).fill(5),
  });

describe('the profile’s suppression on the public export', () => {
  it('leaves below k only records with no suppressible value left, the same on every build', () => {
    const pu = ctx.publicUse;
    if (!pu?.suppress) throw new Error('ipei declares publicUse.suppress');
    const keys = pu.keyVariables ?? [];
    const k = pu.k ?? 3;
    const m = build();
    const sup = m.disclosureControl?.suppressions ?? [];
    expect(sup.map((s) => s.variable)).toEqual(pu.suppress.order);
    expect(sup.reduce((a, s) => a + s.suppressed, 0)).toBeGreaterThan(0);
    const before = m.disclosureControl?.riskBefore?.recordsBelowK ?? 0;
    const after = m.disclosureRisk?.recordsBelowK ?? 0;
    expect(after).toBeLessThan(before);
    // every record still below k has each suppressible key variable missing
    const rows = keyValues(
      m.persons,
      m.households,
      { households: 'household_id', persons: 'household_id' },
      keys,
    );
    const { cells, cellOf } = keyCells(rows);
    const at = pu.suppress.order.map((v) => keys.indexOf(v));
    const stuck = rows.filter((_, i) => (cells.get(cellOf[i])?.fk ?? 0) < k);
    expect(stuck.length).toBe(after);
    for (const r of stuck) expect(at.map((j) => r[j])).toEqual(at.map(() => null));
    expect(build().persons.columns).toEqual(m.persons.columns);
    const md = codebookMarkdown(m, { lang: 'en', survey: 'ipei', setups: [] });
    expect(md).toContain(`- ${sup[0].variable}: ${sup[0].suppressed} values suppressed`);
  });

  it('a suppressed nationality group leaves no region or country of birth behind', () => {
    const m = build();
    const col = (v: string) => Array.from(m.persons.columns[v] as Float64Array);
    const nat = col('nat_group');
    const gone = nat.flatMap((x, i) => (Number.isNaN(x) ? [i] : []));
    expect(gone.length).toBe(m.disclosureControl?.suppressions?.[1].suppressed);
    for (const v of ['birth_region', 'c06_birth_country', 'c07_nationality1', 'c13a_first_nationality'])
      expect(
        gone.filter((i) => !Number.isNaN(col(v)[i])),
        v,
      ).toEqual([]);
    expect(m.disclosureControl?.suppressions?.[1].with).toEqual(
      expect.arrayContaining(['birth_region', 'c06_birth_country', 'c07_nationality1']),
    );
  });

  it('touches no weight, id or design variable, and leaves the internal file as it was', () => {
    const m = build();
    const without = buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind: 'public',
      publicUse: { ...(ctx.publicUse as NonNullable<typeof ctx.publicUse>), suppress: null },
      publicUseKey: new Uint8Array(32).fill(5),
    });
    const kept = m.persons.variables.filter((v) => v.role !== 'variable').map((v) => v.name);
    expect(kept).toContain('w_roster_final');
    for (const v of kept) expect(m.persons.columns[v], v).toEqual(without.persons.columns[v]);
    // one loaded data set: the public build must not change what the internal build reads
    const d = data();
    const of = (kind: 'internal' | 'public') =>
      buildMicrodata(d, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
        kind,
        publicUse: ctx.publicUse,
        publicUseKey: new Uint8Array(32).fill(5),
      });
    const before = of('internal');
    expect(Array.from(before.persons.columns.age_group as Float64Array).some(Number.isNaN)).toBe(false);
    expect(Array.from(of('public').persons.columns.age_group as Float64Array).some(Number.isNaN)).toBe(true);
    expect(of('internal').persons.columns).toEqual(before.persons.columns);
    expect(of('internal').households.columns).toEqual(before.households.columns);
  });
});
