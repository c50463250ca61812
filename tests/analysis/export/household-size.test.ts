/**
 * Household size as a key variable of the household file (publicUse.households.size): on a constructed
 * island of 7 households (three of 1 person, three of 2, one of 7; k = 3) worked by hand, the household
 * of 7 is unique on (island, size) in classes 1 … 5, 6+; the top-code merges the top occupied class down
 * until it holds k households (1, 2+: the 7 now shares 2+ with the three pairs), capping the declared
 * number of residents at 2 too (a special code left alone); without the top-code, local suppression
 * blanks that household's size and its residents instead. Bad settings are refused naming
 * publicUse.households.size (the code and the profile schema). On the fixture's public export with the
 * profile's settings, every household's size class is its members' count in the internal person file,
 * and no household is left below k (31 before the control; 11 with dwelling-type suppression alone);
 * with the size counted from the person file instead, 11 households are still below k on island × size,
 * and no more on island × size × the released dwelling type (13 before the profile's linkedAction
 * suppressed the dwelling type on them; linked-households.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disclosureRisk } from '../../../analysis/export/disclosure-risk.ts';
import { addHouseholdSize, topCodeHouseholdSize } from '../../../analysis/export/household-size.ts';
import { localSuppression } from '../../../analysis/export/local-suppression.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import type { PublicUse } from '../../../analysis/export/public-use.ts';
import { surveyProfileSchema } from '../../../server/contract/survey-profile.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const T = (s: string) => ({ pt: s, en: s });
const households: ExportFile = {
  name: 'households',
  rows: 7,
  variables: [
    {
      name: 'residents',
      label: T('Residents'),
      kind: 'numeric',
      values: [],
      missing: [{ code: 98, kind: 'dontKnow', tag: 'a', pt: 'NS', en: 'DK' }],
      role: 'variable',
    },
  ],
  columns: {
    hid: Float64Array.of(1, 2, 3, 4, 5, 6, 7),
    island: Float64Array.of(1, 1, 1, 1, 1, 1, 1),
    residents: Float64Array.of(1, 1, 98, 2, 2, 2, 7),
    w: Float64Array.of(10, 10, 10, 10, 10, 10, 10),
  },
};
// members: households 1-3 one each, 4-6 two each, 7 seven (three of them children under 5)
const hidOf = [1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 7, 7, 7, 7, 7, 7];
const persons: ExportFile = {
  name: 'persons',
  rows: hidOf.length,
  variables: [],
  columns: { hid: Float64Array.from(hidOf) },
};
const link = { households: 'hid', persons: 'hid' };
const self = { households: 'hid', persons: 'hid' };
const keys = ['island', 'hh_size'];
const size = { variable: 'hh_size', cut: [1, 2, 3, 4, 5, 6], restates: ['residents'] };
const HH = 'publicUse.households';

describe('household size on a constructed island', () => {
  const sized = addHouseholdSize({ households, persons }, link, size, keys);

  it('makes the household of 7 unique on its size class', () => {
    expect(Array.from(sized.households.columns.hh_size as Float64Array)).toEqual([1, 1, 1, 2, 2, 2, 6]);
    expect(sized.counts).toEqual([1, 1, 1, 2, 2, 2, 7]);
    const r = disclosureRisk(sized.households, sized.households, self, keys, 3, 'w', HH);
    expect([r.sampleUniques, r.recordsBelowK]).toEqual([1, 1]);
    const v = sized.households.variables.find((x) => x.name === 'hh_size');
    expect(v?.values.map((x) => x.en)).toEqual(['1', '2', '3', '4', '5', '6+']);
  });

  it('top-codes it into 2+ with the pairs, capping the residents at 2 but not their special code', () => {
    const t = topCodeHouseholdSize(sized.households, sized.counts, { ...size, topCode: true }, keys, 3);
    expect(t.treatment.cut).toEqual([1, 2]);
    expect(t.treatment.households).toEqual([3, 4]);
    expect(t.treatment.capped).toEqual({ residents: 1 });
    expect(Array.from(t.households.columns.hh_size as Float64Array)).toEqual([1, 1, 1, 2, 2, 2, 2]);
    expect(Array.from(t.households.columns.residents as Float64Array)).toEqual([1, 1, 98, 2, 2, 2, 2]);
    const r = disclosureRisk(t.households, t.households, self, keys, 3, 'w', HH);
    expect([r.sampleUniques, r.recordsBelowK, r.smallestFk]).toEqual([0, 0, 30]);
    expect(t.households.variables.find((x) => x.name === 'hh_size')?.values.map((x) => x.en)).toEqual([
      '1',
      '2+',
    ]);
  });

  it('without the top-code, local suppression blanks that household’s size and residents', () => {
    const t = topCodeHouseholdSize(sized.households, sized.counts, size, keys, 3);
    expect(t.treatment.cut).toEqual(size.cut);
    const out = localSuppression(
      { households: t.households, persons: t.households },
      self,
      keys,
      3,
      { order: ['hh_size'], with: { hh_size: ['residents'] } },
      {},
      HH,
    );
    expect(out.suppressions).toEqual([{ variable: 'hh_size', suppressed: 1, with: ['residents'] }]);
    expect(Array.from(out.persons.columns.hh_size as Float64Array)).toEqual([1, 1, 1, 2, 2, 2, Number.NaN]);
    expect(Array.from(out.persons.columns.residents as Float64Array)).toEqual([
      1,
      1,
      98,
      2,
      2,
      2,
      Number.NaN,
    ]);
    const r = disclosureRisk(out.persons, out.persons, self, keys, 3, 'w', HH);
    expect(r.recordsBelowK).toBe(0);
  });

  it('refuses bad settings naming publicUse.households.size', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as { field?: string }).field, (e as Error).message];
      }
      return null;
    };
    expect(field(() => addHouseholdSize({ households, persons }, link, size, ['island']))).toEqual([
      'publicUse.households.size.variable',
      'publicUse.households.size.variable: hh_size is not one of publicUse.households.keyVariables',
    ]);
    expect(
      field(() => addHouseholdSize({ households, persons }, link, { ...size, cut: [0, 2] }, keys))?.[0],
    ).toBe('publicUse.households.size.cut');
    expect(
      field(() =>
        topCodeHouseholdSize(sized.households, sized.counts, { ...size, restates: ['island_name'] }, keys, 3),
      )?.[0],
    ).toBe('publicUse.households.size.restates');
    const issue = (edit: (h: Record<string, unknown>) => void) => {
      const p = JSON.parse(readFileSync('questionnaires/ipei/profile.json', 'utf8'));
      edit(p.publicUse.households);
      const r = surveyProfileSchema.safeParse(p);
      return r.success
        ? null
        : { path: r.error.issues[0].path.join('.'), message: r.error.issues[0].message };
    };
    expect(issue(() => {})).toBeNull();
    expect(
      issue((h) => {
        (h.size as { cut: number[] }).cut = [1, 3, 2];
      }),
    ).toEqual({ path: 'publicUse.households.size.cut', message: 'cut must be increasing lower bounds' });
    expect(
      issue((h) => {
        (h.size as { cut: number[] }).cut = [2, 3];
      }),
    ).toEqual({ path: 'publicUse.households.size.cut', message: 'cut must start at 1 (one member)' });
    expect(
      issue((h) => {
        (h.size as { variable: string }).variable = 'hh_members';
      }),
    ).toEqual({
      path: 'publicUse.households.size.variable',
      message: 'the size variable must be one of publicUse.households.keyVariables',
    });
    expect(
      issue((h) => {
        h.riskThreshold = 1;
      })?.path,
    ).toBe('publicUse.households.riskThreshold');
  });
});

describe('the profile’s household size on the fixture’s public export', () => {
  const ctx = loadSurveyContext('ipei');
  const pu = ctx.publicUse as PublicUse;
  const build = (kind: 'internal' | 'public', publicUse: PublicUse = pu) =>
    buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind,
      publicUse,
      publicUseKey: new Uint8Array(32).fill(7),
    });
  const m = build('public');

  it('gives each household the class of its members’ count, and none stays below k', () => {
    const t = m.disclosureControl?.households?.size;
    const top = t?.cut.at(-1) as number;
    // the internal person file, counted by household id (the public codes are a permutation of them)
    const internal = build('internal');
    const count = new Map<number, number>();
    for (const h of internal.persons.columns.household_id as Float64Array)
      count.set(h, (count.get(h) ?? 0) + 1);
    const byNumber = (a: number, b: number) => a - b;
    const classes = [...count.values()].map((n) => Math.min(n, top)).sort(byNumber);
    const own = new Map<number, number>();
    for (const h of m.persons.columns.household_id as Float64Array) own.set(h, (own.get(h) ?? 0) + 1);
    const col = m.households.columns.hh_size as Float64Array;
    const ids = m.households.columns.household_id as Float64Array;
    const mine = Array.from(ids, (h) => Math.min(own.get(h) ?? 0, top));
    expect([...mine].sort(byNumber)).toEqual(classes);
    let gone = 0;
    col.forEach((x, i) => {
      if (Number.isNaN(x)) gone++;
      else expect(x, `household ${ids[i]}`).toBe(mine[i]);
    });
    expect(gone).toBe(
      m.disclosureControl?.households?.suppressions?.find((s) => s.variable === 'hh_size')?.suppressed,
    );
    expect(t?.households.reduce((a, b) => a + b, 0)).toBe(72);
    expect(m.disclosureControl?.households?.riskBefore?.recordsBelowK).toBe(31);
    expect(m.householdDisclosureRisk?.recordsBelowK).toBe(0);
    // with the dwelling type alone suppressible (last session's setting on b01_residents): 11 left
    const hs = pu.households;
    const old = build('public', {
      ...pu,
      households: {
        keyVariables: ['a02_island', 'b01_residents', 'h01_dwelling_type'],
        suppress: { order: ['h01_dwelling_type'], recoverable: 'blank' },
        riskThreshold: hs?.riskThreshold,
        riskAction: hs?.riskAction,
        linkedAction: hs?.linkedAction,
      },
    });
    expect(old.householdDisclosureRisk?.recordsBelowK).toBe(11);
    expect(internal.households.columns.hh_size).toBeUndefined();
  });

  it('the size counted from the person file: 11 below k on island × size, dwelling type adds none', () => {
    const h = m.households;
    const count = new Map<number, number>();
    for (const x of m.persons.columns.household_id as Float64Array) count.set(x, (count.get(x) ?? 0) + 1);
    const counted = Float64Array.from(h.columns.household_id as Float64Array, (x) => count.get(x) ?? 0);
    const f = { ...h, columns: { ...h.columns, counted } };
    const self = { households: 'household_id', persons: 'household_id' };
    const risk = (keys: string[]) => disclosureRisk(f, f, self, keys, 3, 'w_hh', HH).recordsBelowK;
    expect(risk(['a02_island', 'counted'])).toBe(11);
    // 13 before publicUse.households.linkedAction suppressed the dwelling type on them (household-breaches.test.ts)
    expect(risk(['a02_island', 'counted', 'h01_dwelling_type'])).toBe(11);
  });
});
