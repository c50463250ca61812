/**
 * The household breaches of the public-use file are acted on, not only reported. Household risk
 * (publicUse.households.riskAction, household-risk-control.ts): on the committed file of 191 persons in
 * 61 households (tests/fixtures/sdc) `refuse` names the setting and R's count of households above the
 * threshold (20 at 0.05, household-risk.R); `blank` suppresses key values of members of those households
 * only, and afterwards every household above the threshold (measured again by the R-checked measure)
 * has no suppressible value left. On the fixture's public export with a threshold of 0.02 (its highest
 * risk is 0.032): the default refuses naming the count, `blank` leaves no household above it and the
 * guarantees say "at most 0.02". The household file read with the person file
 * (publicUse.households.linkedAction, linked-households.ts): with the size counted from the person
 * records, 13 households are below k = 3 on island × size × dwelling type; the default refuses naming
 * the setting, the count and the keys; with the profile's `blank`, dwelling type is suppressed on them
 * and the 11 left (counted again here from the released files) are exactly those with no dwelling type
 * left, as codebook.json, codebook.md and its guarantees say. The profile schema defaults both actions
 * to refuse and takes only blank or refuse.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { disclosureRisk, keyValues, recordFrequencies } from '../../../analysis/export/disclosure-risk.ts';
import { householdRisk, householdRisks, individualRisk } from '../../../analysis/export/household-risk.ts';
import { householdRiskControl } from '../../../analysis/export/household-risk-control.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import type { PublicUse } from '../../../analysis/export/public-use.ts';
import { surveyProfileSchema } from '../../../server/contract/survey-profile.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const DIR = 'tests/fixtures/sdc';
const golden = JSON.parse(readFileSync(`${DIR}/household-risk-golden.json`, 'utf8'));
const csv = readFileSync(`${DIR}/household-risk-persons.csv`, 'utf8').trim().split('\n');
const names = csv[0].split(',').map((x) => x.replaceAll('"', ''));
const persons: ExportFile = {
  name: 'persons',
  rows: csv.length - 1,
  variables: [],
  columns: Object.fromEntries(
    names.map((n, j) => [
      n,
      Float64Array.from(csv.slice(1), (line) => {
        const x = line.split(',')[j];
        return x === '' ? Number.NaN : Number(x);
      }),
    ]),
  ),
};
const link = { households: 'hid', persons: 'hid' };
const keys = ['island', 'sex', 'age', 'nat'];
const refusal = (f: () => unknown): { field?: string; message: string } | null => {
  try {
    f();
  } catch (e) {
    return { field: (e as { field?: string }).field, message: (e as Error).message };
  }
  return null;
};

describe('households above the risk threshold, on the R fixture', () => {
  const files = { households: persons, persons };
  const run = (action: 'blank' | 'refuse') =>
    householdRiskControl(files, link, keys, 'w', golden.threshold, action, { order: ['age', 'nat'] }, {});

  it('refuses by default, naming the setting and R’s count', () => {
    expect(golden.aboveThreshold).toBe(20);
    const e = refusal(() => run('refuse'));
    expect(e?.field).toBe('publicUse.households.riskAction');
    expect(e?.message).toContain('20 households have a re-identification risk above');
    expect(e?.message).toContain('publicUse.households.riskThreshold (0.05)');
  });

  it('blank suppresses members of those households only, until none above has a value left', () => {
    const out = run('blank');
    expect(out.control.before).toBe(20);
    const above = new Set(
      golden.households.filter((_: number, i: number) => golden.householdRisk[i] > golden.threshold),
    );
    const hid = persons.columns.hid as Float64Array;
    const lost = [...out.rows.age, ...out.rows.nat];
    expect(lost.length).toBeGreaterThan(0);
    for (const i of lost) expect(above.has(hid[i]), `person ${i}`).toBe(true);
    for (const v of ['age', 'nat'])
      for (const i of out.rows[v]) {
        expect(Number.isNaN((out.persons.columns[v] as Float64Array)[i])).toBe(true);
        expect(Number.isNaN((persons.columns[v] as Float64Array)[i])).toBe(false);
      }
    const after = householdRisk(out.persons, out.persons, link, keys, 'w', golden.threshold);
    expect(after.aboveThreshold).toBe(out.control.left);
    expect(after.aboveThreshold).toBeLessThan(20);
    expect(out.control.left).toBe(1);
    // the household left above has no member with an age or a nationality left to suppress
    const { fk, Fk } = recordFrequencies(
      keyValues(out.persons, out.persons, link, keys),
      persons.columns.w as Float64Array,
    );
    const still = [...householdRisks(individualRisk(fk, Fk), hid)].filter(([, x]) => x > golden.threshold);
    expect(still.length).toBe(1);
    for (let i = 0; i < persons.rows; i++)
      if (hid[i] === still[0][0])
        for (const v of ['age', 'nat'])
          expect(Number.isNaN((out.persons.columns[v] as Float64Array)[i])).toBe(true);
    expect(out.control.suppressions.map((s) => s.suppressed)).toEqual([
      out.rows.age.length,
      out.rows.nat.length,
    ]);
  });
});

describe('the fixture’s public export', () => {
  const ctx = loadSurveyContext('ipei');
  const pu = ctx.publicUse as PublicUse;
  const hs = pu.households as NonNullable<PublicUse['households']>;
  const build = (households: Partial<NonNullable<PublicUse['households']>> = {}) =>
    buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind: 'public',
      publicUse: { ...pu, households: { ...hs, ...households } },
      publicUseKey: new Uint8Array(32).fill(7),
    });
  const m = build();
  const text = async (mm: typeof m, name: string) => {
    const files = await exportMicrodata(mm, 'csv', { lang: 'en', survey: 'ipei' });
    return new TextDecoder().decode(files.find((f) => f.name === name)?.bytes);
  };
  const link = { households: 'household_id', persons: 'household_id' };
  const keys = pu.keyVariables as string[];

  it('households above a 0.02 threshold: refused by default, none left with blank', async () => {
    expect(m.householdRisk?.aboveThreshold).toBe(0);
    // measured on the export the profile makes (nothing above 0.1, so nothing was done)
    const at = householdRisk(m.persons, m.households, link, keys, 'w_roster_final', 0.02);
    expect(at.aboveThreshold).toBeGreaterThan(0);
    const e = refusal(() => build({ riskThreshold: 0.02, riskAction: undefined }));
    expect(e?.field).toBe('publicUse.households.riskAction');
    expect(e?.message).toContain(`${at.aboveThreshold} households have a re-identification risk above`);
    const b = build({ riskThreshold: 0.02 });
    expect(b.disclosureControl?.households?.risk?.before).toBe(at.aboveThreshold);
    expect(b.householdRisk?.aboveThreshold).toBe(0);
    expect(b.householdRisk?.highest).toBeLessThanOrEqual(0.02);
    // the values it suppressed are those of members of the households that were above
    const hid = m.persons.columns.household_id as Float64Array;
    const { fk, Fk } = recordFrequencies(
      keyValues(m.persons, m.households, link, keys),
      m.persons.columns.w_roster_final as Float64Array,
    );
    const risks = householdRisks(individualRisk(fk, Fk), hid);
    const above = new Set([...risks].filter(([, r]) => r > 0.02).map(([h]) => h));
    expect(above.size).toBe(at.aboveThreshold);
    let changed = 0;
    for (const v of ['age_group', 'nat_group']) {
      const [was, now] = [m.persons.columns[v], b.persons.columns[v]] as Float64Array[];
      for (let i = 0; i < m.persons.rows; i++)
        if (!Number.isNaN(was[i]) && Number.isNaN(now[i])) {
          changed++;
          expect(above.has(hid[i]), `person ${i}`).toBe(true);
        }
    }
    expect(changed).toBe(
      b.disclosureControl?.households?.risk?.suppressions.reduce((a, s) => a + s.suppressed, 0),
    );
    expect(changed).toBeGreaterThan(0);
    const md = await text(b, 'codebook.md');
    expect(md).toContain(`Households whose risk is above 0.02: ${at.aboveThreshold} before`);
    expect(md).toContain('re-identification risk from its members (1 - prod(1 - r_i)) is at most 0.02');
  });

  // the households' exact size, counted from their records in the released person file
  const counted = (mm: typeof m) => {
    const count = new Map<number, number>();
    for (const x of mm.persons.columns.household_id as Float64Array) count.set(x, (count.get(x) ?? 0) + 1);
    const h = mm.households;
    const size = Float64Array.from(h.columns.household_id as Float64Array, (x) => count.get(x) ?? 0);
    const f = { ...h, columns: { ...h.columns, hh_size: size } };
    const self = { households: 'household_id', persons: 'household_id' };
    return disclosureRisk(f, f, self, hs.keyVariables, 3, 'w_hh', 'publicUse.households');
  };

  it('the household file read with the person file: refused by default, naming the field', () => {
    const e = refusal(() => build({ linkedAction: undefined }));
    expect(e?.field).toBe('publicUse.households.linkedAction');
    expect(e?.message).toContain(
      '13 households are in combinations of fewer than 3 households on a02_island, hh_size, h01_dwelling_type when hh_size is counted from their records in the person file',
    );
    expect(e?.message).toContain('suppress their h01_dwelling_type');
  });

  it('blank suppresses dwelling type; the 11 left have none left to lose', async () => {
    const c = m.disclosureControl?.households?.linked;
    expect(c?.before.recordsBelowK).toBe(13);
    const after = counted(m);
    expect(after.recordsBelowK).toBe(11);
    expect(c?.after.recordsBelowK).toBe(11);
    expect(c?.suppressions).toEqual([{ variable: 'h01_dwelling_type', suppressed: 8, with: [] }]);
    // below k on island × exact size alone: those households have no dwelling type left
    const count = new Map<number, number>();
    for (const x of m.persons.columns.household_id as Float64Array) count.set(x, (count.get(x) ?? 0) + 1);
    const h = m.households;
    const island = h.columns.a02_island as Float64Array;
    const ids = h.columns.household_id as Float64Array;
    const dwelling = h.columns.h01_dwelling_type as Float64Array;
    const cell = (i: number) => `${island[i]}|${count.get(ids[i]) ?? 0}`;
    const n = new Map<string, number>();
    for (let i = 0; i < h.rows; i++) n.set(cell(i), (n.get(cell(i)) ?? 0) + 1);
    const rare = [...Array(h.rows).keys()].filter((i) => (n.get(cell(i)) as number) < 3);
    expect(rare.length).toBe(11);
    for (const i of rare) expect(Number.isNaN(dwelling[i]), `household ${ids[i]}`).toBe(true);
    // the household file read alone is still k-anonymous
    expect(m.householdDisclosureRisk?.recordsBelowK).toBe(0);
    const json = JSON.parse(await text(m, 'codebook.json'));
    expect(json.disclosureControl.households.linked.after.recordsBelowK).toBe(11);
    expect(json.disclosureControl.households.linked.counted).toBe('hh_size');
    const md = await text(m, 'codebook.md');
    expect(md).toContain(
      'on a02_island, hh_size, h01_dwelling_type: 13 households in combinations of fewer than 3 households before suppression, 11 after',
    );
    expect(md).toContain(
      'each household shares its combination of a02_island, hh_size, h01_dwelling_type with at least 2 others, except 11 with no suppressible value left',
    );
  });
});

describe('the profile’s household actions', () => {
  const parse = (edit: (h: Record<string, unknown>) => void) => {
    const p = JSON.parse(readFileSync('questionnaires/ipei/profile.json', 'utf8'));
    edit(p.publicUse.households);
    return surveyProfileSchema.safeParse(p);
  };

  it('default to refuse, and take only blank or refuse', () => {
    const r = parse((h) => {
      delete h.riskAction;
      delete h.linkedAction;
    });
    expect(r.success && r.data.publicUse?.households).toMatchObject({
      riskAction: 'refuse',
      linkedAction: 'refuse',
    });
    for (const field of ['riskAction', 'linkedAction']) {
      const bad = parse((h) => {
        h[field] = 'drop';
      });
      expect(bad.success ? null : bad.error.issues[0].path.join('.')).toBe(`publicUse.households.${field}`);
    }
  });
});
