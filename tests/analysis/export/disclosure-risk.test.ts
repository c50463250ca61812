/**
 * The public file's disclosure risk on its key variables: on a constructed file of 8 persons in 3
 * households whose cells are known by hand (island from the household, sex and age group from the
 * person, a missing age group a category of its own), the sample uniques, records and cells below k for
 * k = 3 and k = 2, and each record's weighted frequency Fk (sdcMicro's freqCalc: the weights of the
 * records agreeing with it, a missing value matching any) worked by hand; an unknown key variable and
 * k < 2 are refused naming the setting; on the fixture's public export (after local suppression) the
 * counts and the smallest Fk equal R's of the same key variables, a missing value matching any value
 * (Rscript on the public CSV; sdcMicro is not installed here), and
 * codebook.md and codebook.json carry them while the internal file has none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { disclosureRisk, recordFrequencies } from '../../../analysis/export/disclosure-risk.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';

const file = (name: 'households' | 'persons', columns: ExportFile['columns']): ExportFile => ({
  name,
  rows: Object.values(columns)[0].length,
  variables: [],
  columns,
});
// cells (island, sex, age group): (1,1,2) p1 p3 p5; (1,2,2) p2 p4; (2,1,2) p6 p7; (2,2,missing) p8
const households = file('households', {
  hh: Float64Array.from([1, 2, 3]),
  island: Float64Array.from([1, 1, 2]),
});
const persons = file('persons', {
  hid: Float64Array.from([1, 1, 2, 2, 2, 3, 3, 3]),
  sex: Float64Array.from([1, 2, 1, 2, 1, 1, 1, 2]),
  age_group: Float64Array.from([2, 2, 2, 2, 2, 2, 2, Number.NaN]),
  w: Float64Array.from([10, 20, 30, 40, 50, 60, 70, 80]),
});
const link = { households: 'hh', persons: 'hid' };
const keys = ['island', 'sex', 'age_group'];

describe('disclosureRisk', () => {
  it('counts the sample uniques and the records in cells below k', () => {
    expect(disclosureRisk(persons, households, link, keys, 3)).toEqual({
      unit: 'persons',
      keyVariables: keys,
      k: 3,
      records: 8,
      cells: 4,
      sampleUniques: 1,
      recordsBelowK: 5,
      cellsBelowK: 3,
      recordsBySize: [1, 4],
      weight: null,
      smallestFk: null,
    });
    const k2 = disclosureRisk(persons, households, link, keys, 2);
    expect([k2.sampleUniques, k2.recordsBelowK, k2.cellsBelowK, k2.recordsBySize]).toEqual([1, 1, 1, [1]]);
    // on sex alone: 5 men, 3 women, nobody at risk
    expect(disclosureRisk(persons, households, link, ['sex']).recordsBelowK).toBe(0);
  });

  it('sums the weights of the agreeing records into Fk, by hand', () => {
    // (1,1,2) p1 p3 p5: 10 + 30 + 50 = 90; (1,2,2) p2 p4: 20 + 40 = 60; (2,1,2) p6 p7: 130; p8 alone: 80
    const r = disclosureRisk(persons, households, link, keys, 3, 'w');
    expect([r.weight, r.smallestFk]).toEqual(['w', 60]);
    // a missing value matches any: (1,*) agrees with both (1,A); (2,A) is alone
    const rows = [
      ['1', 'A'],
      ['1', null],
      ['2', 'A'],
      ['1', 'A'],
    ];
    expect(recordFrequencies(rows, [1, 2, 4, 8])).toEqual({ fk: [3, 3, 1, 3], Fk: [11, 11, 4, 11] });
    // a missing weight counts 0
    expect(recordFrequencies(rows, [1, Number.NaN, 4, 8]).Fk).toEqual([9, 9, 4, 9]);
    expect(() => disclosureRisk(persons, households, link, keys, 3, 'nope')).toThrow(/weight nope/);
  });

  it('refuses an unknown key variable and a k below 2, naming the setting', () => {
    expect(() => disclosureRisk(persons, households, link, ['religion'])).toThrow(
      /publicUse.keyVariables: religion/,
    );
    expect(() => disclosureRisk(persons, households, link, keys, 1)).toThrow(/publicUse.k/);
  });
});

const ctx = loadSurveyContext('ipei');
const build = (kind: 'internal' | 'public') =>
  buildMicrodata(loadWeightedData(FIXTURE), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
    kind,
    publicUse: ctx.publicUse,
    publicUseKey: new Uint8Array(32).fill(1),
  });

describe('the public export reports its risk', () => {
  const pub = build('public');
  it('in codebook.json and codebook.md; the internal file has none', async () => {
    const risk = pub.disclosureRisk;
    expect(risk?.keyVariables).toEqual(ctx.publicUse?.keyVariables);
    expect(risk?.records).toBe(168);
    const files = await exportMicrodata(pub, 'csv', { lang: 'en', survey: 'ipei' });
    const text = (n: string) => new TextDecoder().decode(files.find((f) => f.name === n)?.bytes);
    expect(JSON.parse(text('codebook.json')).disclosureRisk).toEqual(risk);
    expect(text('codebook.md')).toContain(`${risk?.sampleUniques} sample uniques`);
    expect(build('internal').disclosureRisk).toBeNull();
  });

  const hasR = spawnSync('Rscript', ['--version']).status === 0;
  it.skipIf(!hasR)(
    'gives the counts of R on the public CSV, a missing value matching any value',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'morabeza-risk-'));
      for (const f of await exportMicrodata(pub, 'csv', { lang: 'en', survey: 'ipei' }))
        writeFileSync(join(dir, f.name), f.bytes);
      // fk as sdcMicro counts it: the records agreeing wherever both values are known
      const script = `p <- read.csv("persons.csv"); h <- read.csv("households.csv")
x <- merge(p, h[, c("household_id", "a02_island")], by = "household_id")[, c("a02_island", "c03_sex", "age_group", "nat_group")]
ok <- function(a, b) is.na(a) | is.na(b) | a == b
fk <- sapply(seq_len(nrow(x)), function(i) sum(Reduce(\`&\`, lapply(names(x), function(v) ok(x[[v]][i], x[[v]])))))
w <- merge(p, h[, c("household_id", "a02_island")], by = "household_id")$w_roster_final
Fk <- sapply(seq_len(nrow(x)), function(i) sum(w[Reduce(\`&\`, lapply(names(x), function(v) ok(x[[v]][i], x[[v]])))]))
cat(nrow(x), nrow(unique(x)), sum(fk == 1), sum(fk < 3), sum(is.na(x)), sprintf("%.9f", min(Fk)), "\\n")`;
      const r = spawnSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const [records, cells, uniques, below, suppressed, smallestFk] = r.stdout
        .trim()
        .split(/\s+/)
        .map(Number);
      // the profile's local suppression left missing key values in the file
      expect(suppressed).toBe(pub.disclosureControl?.suppressions?.reduce((a, s) => a + s.suppressed, 0));
      const risk = pub.disclosureRisk;
      expect([risk?.records, risk?.cells, risk?.sampleUniques, risk?.recordsBelowK]).toEqual([
        records,
        cells,
        uniques,
        below,
      ]);
      expect(risk?.weight).toBe('w_roster_final');
      expect(risk?.smallestFk).toBeCloseTo(smallestFk, 6);
    },
    60_000,
  );
});
