/**
 * The household re-identification risk (household-risk.ts, sdcMicro's measure_risk with hid): on a
 * committed file of 191 persons in 61 households (tests/fixtures/sdc, keys with missing values, one
 * household of weight-1 persons unique on their island) every person's fk, Fk and individual risk, every
 * household's 1 - prod(1 - r_i), the highest, the count above the threshold and the expected
 * re-identifications equal R's (household-risk.R, sdcMicro's definitions written out) to 1e-12; a
 * household of persons each common alone has a higher risk than any member; a bad threshold is refused
 * naming publicUse.households.riskThreshold; the fixture's public export reports it in codebook.json
 * and codebook.md, the internal file does not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { keyValues, recordFrequencies } from '../../../analysis/export/disclosure-risk.ts';
import { householdRisk, householdRisks, individualRisk } from '../../../analysis/export/household-risk.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const DIR = 'tests/fixtures/sdc';
const golden = JSON.parse(readFileSync(`${DIR}/household-risk-golden.json`, 'utf8'));
const csv = readFileSync(`${DIR}/household-risk-persons.csv`, 'utf8').trim().split('\n');
const names = csv[0].split(',').map((x) => x.replaceAll('"', ''));
const cols = names.map((_, j) =>
  Float64Array.from(csv.slice(1), (line) => {
    const x = line.split(',')[j];
    return x === '' ? Number.NaN : Number(x);
  }),
);
const persons: ExportFile = {
  name: 'persons',
  rows: csv.length - 1,
  variables: [],
  columns: Object.fromEntries(names.map((n, j) => [n, cols[j]])),
};
const link = { households: 'hid', persons: 'hid' };
const keys = ['island', 'sex', 'age', 'nat'];
const close = (a: readonly number[], b: readonly number[]) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]), `at ${i}`).toBeLessThan(1e-12);
};

describe('household risk against R (sdcMicro’s definitions)', () => {
  const { fk, Fk } = recordFrequencies(
    keyValues(persons, persons, link, keys),
    persons.columns.w as Float64Array,
  );
  const r = individualRisk(fk, Fk);

  it('gives each person R’s fk, Fk and individual risk', () => {
    expect(fk).toEqual(golden.fk);
    close(Fk, golden.Fk);
    close(r, golden.risk);
    // every branch is exercised: fk = 1, 2, > 2, and fk == Fk (the weight-1 household)
    expect(new Set(fk.map((f) => Math.min(f, 3)))).toEqual(new Set([1, 2, 3]));
    expect(fk.some((f, i) => f === Fk[i])).toBe(true);
  });

  it('gives each household R’s 1 - prod(1 - r_i) and the report R’s figures', () => {
    const hh = householdRisks(r, persons.columns.hid);
    expect([...hh.keys()]).toEqual(golden.households);
    close([...hh.values()], golden.householdRisk);
    const rep = householdRisk(persons, persons, link, keys, 'w', golden.threshold);
    expect([rep.households, rep.persons, rep.aboveThreshold]).toEqual([61, 191, golden.aboveThreshold]);
    close(
      [rep.highest, rep.expectedPersons, rep.expectedHouseholds],
      [golden.highest, golden.globalRiskER, golden.householdsExpected],
    );
    expect(rep.highest).toBe(1);
  });

  it('a household is riskier than any of its members', () => {
    const hh = householdRisks([0.1, 0.2, 0.3], [7, 7, 7]);
    expect(hh.get(7)).toBeCloseTo(1 - 0.9 * 0.8 * 0.7, 15);
    expect(hh.get(7)).toBeGreaterThan(0.3);
  });

  it('refuses a threshold outside (0, 1), naming the setting', () => {
    try {
      householdRisk(persons, persons, link, keys, 'w', 1.5);
      expect.unreachable();
    } catch (e) {
      expect((e as { field?: string }).field).toBe('publicUse.households.riskThreshold');
      expect((e as Error).message).toContain('publicUse.households.riskThreshold: 1.5');
    }
  });
});

describe('the household risk of the fixture’s public export', () => {
  const ctx = loadSurveyContext('ipei');
  const build = (kind: 'internal' | 'public') =>
    buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind,
      publicUse: ctx.publicUse,
      publicUseKey: new Uint8Array(32).fill(7),
    });

  it('is in codebook.json and codebook.md; none for the internal file', async () => {
    const m = build('public');
    const h = m.householdRisk;
    expect(h?.households).toBe(72);
    expect(h?.persons).toBe(168);
    expect(h?.weight).toBe('w_roster_final');
    const files = await exportMicrodata(m, 'csv', { lang: 'en', survey: 'ipei' });
    const text = (n: string) => new TextDecoder().decode(files.find((f) => f.name === n)?.bytes);
    expect(JSON.parse(text('codebook.json')).householdRisk).toEqual(h);
    expect(text('codebook.md')).toContain(`72 households; the highest risk is ${h?.highest.toFixed(3)}`);
    expect(build('internal').householdRisk).toBeNull();
  });
});
