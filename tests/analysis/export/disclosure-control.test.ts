/**
 * The public file's disclosure control (publicUse.topCode and publicUse.recode): on a constructed
 * 6-person file, a declared cap and a percentile cap (R's quantile type 1, golden values from Rscript)
 * leave special codes and missing values alone, a percentile cap of a variable in both files is one cap
 * from their values together, a recode takes a derived variable's groups and labels,
 * and a variable in neither file, a non-numeric top-code or unknown groups are refused naming the
 * setting. On the fixture's public export: the disclosure risk is counted after treatment (fewer records
 * below k once age is top-coded; the before count kept too, both in codebook.md), a treated variable's
 * mean differs from the internal file's while an untreated variable's estimate and replicate SE are the
 * internal file's to 1e-12. Cabo Verdeans on the roster are nat_group's Cabo Verde, in both files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SurveyError } from '../../../analysis/errors.ts';
import { codebookMarkdown } from '../../../analysis/export/codebook-markdown.ts';
import { disclosureControl, percentileType1 } from '../../../analysis/export/disclosure-control.ts';
import { buildMicrodata, type ExportFile, type Microdata } from '../../../analysis/export/microdata.ts';
import type { Labels } from '../../../analysis/tables/labels.ts';
import type { Derived } from '../../../analysis/tables/plan.ts';
import { surveyProfileSchema } from '../../../server/contract/survey-profile.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const T = (s: string) => ({ pt: s, en: s });
const dk = { code: 98, kind: 'dontKnow' as const, tag: 'a' as const, pt: 'NS', en: 'DK' };

function files(): { households: ExportFile; persons: ExportFile } {
  return {
    households: {
      name: 'households',
      rows: 2,
      variables: [
        { name: 'size', label: T('Size'), kind: 'numeric', values: [], missing: [], role: 'variable' },
      ],
      columns: { hh: Float64Array.of(1, 2), size: Float64Array.of(3, 14) },
    },
    persons: {
      name: 'persons',
      rows: 6,
      variables: [
        { name: 'age', label: T('Age'), kind: 'numeric', values: [], missing: [dk], role: 'variable' },
        { name: 'nat', label: T('Nationality'), kind: 'string', values: [], missing: [], role: 'variable' },
        { name: 'income', label: T('Income'), kind: 'numeric', values: [], missing: [], role: 'variable' },
      ],
      columns: {
        age: Float64Array.of(20, 85, 90, 98, Number.NaN, 80),
        nat: ['GW', 'PT', 'XX', null, 'GW', 'SN'],
        income: Float64Array.of(1, 2, 3, 4, 5, 100),
      },
    },
  };
}

const groups: Record<string, Derived> = {
  nat_group: {
    from: 'nationality',
    label: T('Group'),
    recode: { '1': ['GW', 'SN'], '2': ['PT'] },
    values: [
      { code: 1, pt: 'África', en: 'Africa' },
      { code: 2, pt: 'Portugal', en: 'Portugal' },
    ],
  },
};

describe('disclosure control on a constructed file', () => {
  it('caps at a declared value and at a percentile, special codes and missing values untouched', () => {
    const input = files();
    const out = disclosureControl(
      input,
      {
        topCode: [
          { variable: 'age', at: 80 },
          { variable: 'size', at: 10 },
          { variable: 'income', percentile: 50 },
        ],
      },
      groups,
    );
    expect(Array.from(out.persons.columns.age as Float64Array)).toEqual([20, 80, 80, 98, Number.NaN, 80]);
    expect(Array.from(out.households.columns.size as Float64Array)).toEqual([3, 10]);
    // R: quantile(c(1, 2, 3, 4, 5, 100), 0.5, type = 1) = 3
    expect(Array.from(out.persons.columns.income as Float64Array)).toEqual([1, 2, 3, 3, 3, 3]);
    expect(out.treatments).toEqual([
      {
        file: 'persons',
        variable: 'age',
        method: 'topCode',
        cap: 80,
        percentile: null,
        groups: null,
        changed: 2,
      },
      {
        file: 'households',
        variable: 'size',
        method: 'topCode',
        cap: 10,
        percentile: null,
        groups: null,
        changed: 1,
      },
      {
        file: 'persons',
        variable: 'income',
        method: 'topCode',
        cap: 3,
        percentile: 50,
        groups: null,
        changed: 3,
      },
    ]);
    expect(out.persons.variables[0].label.en).toBe('Age (top-coded: 80 = 80 or more)');
    // the input files are not changed
    expect(Array.from(input.persons.columns.age as Float64Array)).toEqual([20, 85, 90, 98, Number.NaN, 80]);
  });

  it('one percentile cap for a variable in both files, from their values taken together', () => {
    const input = files();
    input.persons.variables.push({ ...input.households.variables[0], missing: [dk] });
    input.persons.columns.size = Float64Array.of(1, 2, 3, 4, Number.NaN, 98);
    const out = disclosureControl(input, { topCode: [{ variable: 'size', percentile: 50 }] }, groups);
    // R: quantile(c(3, 14, 1, 2, 3, 4), 0.5, type = 1) = 3 (the person file alone would give 2)
    expect(out.treatments.map((t) => [t.file, t.cap, t.changed])).toEqual([
      ['households', 3, 1],
      ['persons', 3, 1],
    ]);
    expect(Array.from(out.persons.columns.size as Float64Array)).toEqual([1, 2, 3, 3, Number.NaN, 98]);
  });

  it('percentiles as R quantile type 1', () => {
    // R: quantile(c(12500, 9300, 40000, 700, 3000, 15000, 22000), 0.9, type = 1) = 40000
    expect(percentileType1([12500, 9300, 40000, 700, 3000, 15000, 22000], 90)).toBe(40000);
    // R: quantile(c(5, 1, 9), 1, type = 1) = 9
    expect(percentileType1([5, 1, 9], 100)).toBe(9);
  });

  it('recodes a detailed variable to the groups of a derived variable, with their labels', () => {
    const out = disclosureControl(files(), { recode: [{ variable: 'nat', groups: 'nat_group' }] }, groups);
    expect(Array.from(out.persons.columns.nat as Float64Array)).toEqual([1, 2, Number.NaN, Number.NaN, 1, 1]);
    const v = out.persons.variables.find((x) => x.name === 'nat');
    expect(v?.kind).toBe('numeric');
    expect(v?.values.map((x) => x.code)).toEqual([1, 2]);
    expect(v?.label.en).toBe('Nationality (grouped as nat_group)');
    expect(out.treatments[0]).toMatchObject({ method: 'recode', groups: 'nat_group', changed: 5 });
  });

  it('recodes to classes by lower bound, keeps a code of its own list, bottom-codes, notes the absent', () => {
    const labels: Labels = {
      nat: {
        name: 'nat',
        label: T('Nationality'),
        type: 'single',
        values: [{ code: 'XX', pt: 'Apátrida', en: 'Stateless' }],
      },
      birth: {
        name: 'birth',
        label: T('Country of birth'),
        type: 'single',
        values: [{ code: 'XX', pt: 'Apátrida', en: 'Stateless' }],
      },
    };
    const out = disclosureControl(
      files(),
      {
        bottomCode: [{ variable: 'income', at: 3 }],
        recode: [
          { variable: 'age', cut: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80] },
          { variable: 'nat', groups: 'nat_group', keep: ['XX'] },
          { variable: 'birth', groups: 'nat_group', keep: ['XX'] },
        ],
      },
      groups,
      labels,
    );
    expect(Array.from(out.persons.columns.income as Float64Array)).toEqual([3, 3, 3, 4, 5, 100]);
    expect(out.persons.variables[2].label.en).toBe('Income (bottom-coded: 3 = 3 or less)');
    // single years become 5-year classes coded by their lower bound; the don't-know code stays
    expect(Array.from(out.persons.columns.age as Float64Array)).toEqual([20, 80, 80, 98, Number.NaN, 80]);
    const age = out.persons.variables.find((v) => v.name === 'age');
    expect(age?.label.en).toBe('Age (in classes 0, 5… 80+)');
    expect([age?.values.length, age?.values[0], age?.values.at(-1)]).toEqual([
      17,
      { code: 0, pt: '0-4', en: '0-4' },
      { code: 80, pt: '80+', en: '80+' },
    ]);
    // the kept code is a group of its own, labelled as the variable's code list labels it
    expect(Array.from(out.persons.columns.nat as Float64Array)).toEqual([1, 2, 3, Number.NaN, 1, 1]);
    expect(out.persons.variables.find((v) => v.name === 'nat')?.values.at(-1)).toEqual({
      code: 3,
      pt: 'Apátrida',
      en: 'Stateless',
    });
    expect(out.treatments.map((t) => [t.method, t.variable, t.changed])).toEqual([
      ['bottomCode', 'income', 2],
      ['recode', 'age', 4],
      ['recode', 'nat', 5],
    ]);
    expect(out.absent).toEqual(['birth']);
    expect(() =>
      disclosureControl(
        files(),
        { recode: [{ variable: 'nat', groups: 'nat_group', keep: ['ZZ'] }] },
        groups,
        labels,
      ),
    ).toThrow('publicUse.recode: ZZ (kept in nat) is not in its code list');
    // a code the groups already place cannot be a group of its own too
    labels.nat.values.push({ code: 'PT', pt: 'Portugal', en: 'Portugal' });
    expect(() =>
      disclosureControl(
        files(),
        { recode: [{ variable: 'nat', groups: 'nat_group', keep: ['PT'] }] },
        groups,
        labels,
      ),
    ).toThrow('publicUse.recode: PT (kept in nat) is in group 2 of nat_group already');
  });

  it('refuses what it cannot do, naming the setting', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(SurveyError);
        return [(e as SurveyError).field, (e as Error).message];
      }
      return null;
    };
    expect(
      field(() => disclosureControl(files(), { topCode: [{ variable: 'nope', at: 1 }] }, groups)),
    ).toEqual([
      'publicUse.topCode',
      'publicUse.topCode: nope is in neither the household nor the person file',
    ]);
    expect(
      field(() => disclosureControl(files(), { topCode: [{ variable: 'nat', at: 1 }] }, groups))?.[0],
    ).toBe('publicUse.topCode');
    expect(
      field(() =>
        disclosureControl(files(), { recode: [{ variable: 'nope', groups: 'nat_group' }] }, groups),
      )?.[0],
    ).toBe('publicUse.recode');
    expect(
      field(() =>
        disclosureControl(files(), { recode: [{ variable: 'nat', groups: 'no_groups' }] }, groups),
      )?.[1],
    ).toContain('no_groups');
  });
});

describe('the profile schema', () => {
  const profile = () => JSON.parse(readFileSync('questionnaires/ipei/profile.json', 'utf8'));
  const issue = (edit: (pu: Record<string, unknown>) => void) => {
    const p = profile();
    edit(p.publicUse);
    const r = surveyProfileSchema.safeParse(p);
    return r.success ? null : { path: r.error.issues[0].path.join('.'), message: r.error.issues[0].message };
  };
  it('takes the demo profile’s block and names the field of a bad one', () => {
    expect(issue(() => {})).toBeNull();
    expect(
      issue((pu) => {
        pu.topCode = [{ variable: 'c05_age', at: 80, percentile: 95 }];
      }),
    ).toEqual({ path: 'publicUse.topCode.0', message: 'give exactly one of at (a cap) or percentile' });
    expect(
      issue((pu) => {
        pu.topCode = [{ variable: 'c05_age', percentile: 0 }];
      })?.path,
    ).toBe('publicUse.topCode.0.percentile');
    expect(
      issue((pu) => {
        pu.recode = [{ variable: 'c07_nationality1' }];
      })?.path,
    ).toBe('publicUse.recode.0.groups');
  });
});

const ctx = loadSurveyContext('ipei');
const KEY = new Uint8Array(32).fill(7);
const build = (kind: 'internal' | 'public', publicUse = ctx.publicUse) =>
  buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
    kind,
    publicUse,
    publicUseKey: KEY,
  });

/** A proportion of the individual unit and its replicate SE, from the files and the codebook design. */
function proportion(m: Microdata, variable: string, code: number): { est: number; se: number } {
  const u = m.design.find((d) => d.unit === 'individual');
  if (!u) throw new Error('no individual unit');
  const f = m.persons.columns;
  const x = f[variable] as Float64Array;
  const ratio = (w: Float64Array) => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < w.length; i++)
      if (w[i] > 0 && Number.isFinite(x[i])) {
        num += w[i] * (x[i] === code ? 1 : 0);
        den += w[i];
      }
    return num / den;
  };
  const est = ratio(f[u.weight] as Float64Array);
  const reps = u.repweights.map((c) => ratio(f[c] as Float64Array));
  const mean = reps.reduce((a, b) => a + b, 0) / reps.length;
  const v = u.scale * reps.reduce((a, r, i) => a + u.rscales[i] * (r - mean) ** 2, 0);
  return { est, se: Math.sqrt(v) };
}

describe('disclosure control of the public export', () => {
  it('counts the disclosure risk after treatment, and says before and after in codebook.md', () => {
    if (!ctx.publicUse) throw new Error('ipei declares publicUse');
    const settings = {
      ...ctx.publicUse,
      keyVariables: ['c03_sex', 'c05_age'],
      topCode: [{ variable: 'c05_age', at: 40 }],
      recode: [],
      suppress: null,
    };
    const m = build('public', settings);
    // the same counts by hand on the untreated and the top-coded ages
    const inner = build('internal');
    const sex = inner.persons.columns.c03_sex as Float64Array;
    const age = inner.persons.columns.c05_age as Float64Array;
    const below = (capAt: number) => {
      const n = new Map<string, number>();
      const key = (i: number) => `${sex[i]}|${Math.min(age[i], capAt)}`;
      for (let i = 0; i < age.length; i++) n.set(key(i), (n.get(key(i)) ?? 0) + 1);
      return Array.from(age, (_, i) => (n.get(key(i)) as number) < 3).filter(Boolean).length;
    };
    expect(m.disclosureControl?.riskBefore?.recordsBelowK).toBe(below(Number.POSITIVE_INFINITY));
    expect(m.disclosureRisk?.recordsBelowK).toBe(below(40));
    expect(below(40)).toBeLessThan(below(Number.POSITIVE_INFINITY));
    const md = codebookMarkdown(m, { lang: 'en', survey: 'ipei', setups: [] });
    expect(md).toContain('- c05_age (persons): top-coded at 40;');
    expect(md).toContain(`After disclosure control: Disclosure risk`);
    expect(md).toMatch(new RegExp(`Before: .* ${below(Number.POSITIVE_INFINITY)} in \\d+ combinations`));
  });

  it('Cabo Verdeans on the roster: nat_group’s Cabo Verde in both files, not its other', () => {
    // three roster members given Cabo Verdean (first) nationality
    const d = data();
    const cv = (col: unknown[]) => col.map((v, i) => (i < 3 ? 'CV' : v));
    const persons = {
      ...d.persons,
      c07_nationality1: cv(d.persons.c07_nationality1 as unknown[]),
      c13a_first_nationality: cv(d.persons.c13a_first_nationality as unknown[]),
    } as typeof d.persons;
    const make = (kind: 'internal' | 'public') =>
      buildMicrodata({ ...d, persons }, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
        kind,
        publicUse: ctx.publicUse,
        publicUseKey: KEY,
      });
    const cvGroup = ctx.file.derived.nat_group.values.find((v) => v.en === 'Cabo Verde')?.code;
    expect(cvGroup).toBe(16);
    expect(ctx.file.derived.nat_group.otherwise).toBe(15);
    const int = make('internal');
    const group = Array.from(int.persons.columns.nat_group as Float64Array);
    expect(group.slice(0, 3)).toEqual([16, 16, 16]);
    expect(group.slice(3).includes(16)).toBe(false);
    // the public file recodes both nationality variables to nat_group's groups: the Cabo Verdeans
    // are Cabo Verde (16), labelled so, wherever their rows went
    const pub = make('public');
    for (const v of ['c07_nationality1', 'c13a_first_nationality']) {
      const col = Array.from(pub.persons.columns[v] as Float64Array);
      expect(col.filter((x) => x === 16).length, v).toBe(3);
      const info = pub.persons.variables.find((x) => x.name === v);
      expect(info?.values.find((x) => x.code === 16)?.en, v).toBe('Cabo Verde');
    }
    expect(Array.from(pub.persons.columns.nat_group as Float64Array).filter((x) => x === 16).length).toBe(3);
  });

  it('the profile’s treatments: untreated estimates and SEs as the internal file’s, treated ones not', () => {
    const pub = build('public');
    const int = build('internal');
    expect(pub.disclosureControl?.treatments.map((t) => `${t.method}:${t.variable}`)).toEqual([
      'topCode:c05_age',
      'topCode:b01_residents',
      'topCode:d11_years_in_cv',
      'topCode:j04_remit_amount',
      'bottomCode:d01_year_first',
      'recode:c05_age',
      'recode:c07_nationality1',
      'recode:c13a_first_nationality',
      'recode:c06_birth_country',
    ]);
    // no single-year age: 5-year classes to 80+; the year of first arrival no earlier than 30 years
    // before 2026, as years in Cabo Verde are capped at 30, so it cannot give back a capped value
    const ages = new Set(Array.from(pub.persons.columns.c05_age as Float64Array).filter(Number.isFinite));
    for (const a of ages) expect(a % 5 === 0 && a <= 80).toBe(true);
    expect(ages.size).toBeGreaterThan(5);
    const first = (m: Microdata) =>
      Math.min(...Array.from(m.persons.columns.d01_year_first as Float64Array).filter(Number.isFinite));
    expect(first(int)).toBeLessThan(1996);
    expect(first(pub)).toBe(1996);
    // declared in the questionnaire, not in the fixture's data: nothing to treat, and said so
    expect(pub.disclosureControl?.absent).toEqual(['d04_prev_country', 'f03_edu_country']);
    // country of birth is in the data: the public file holds only its region of birth (1-6), the
    // grouping its tables use, where the internal file holds country codes
    const births = (m: Microdata) =>
      new Set(Array.from(m.persons.columns.c06_birth_country as ArrayLike<unknown>));
    const regions = [...births(pub)].filter((v) => v !== null && !(typeof v === 'number' && Number.isNaN(v)));
    expect(regions.length).toBeGreaterThan(1);
    for (const r of regions) expect([1, 2, 3, 4, 5, 6, '1', '2', '3', '4', '5', '6']).toContain(r);
    expect([...births(int)].some((v) => typeof v === 'string' && /^[A-Z]{2}$/.test(v))).toBe(true);
    const a = proportion(int, 'e05_inps', 1);
    const b = proportion(pub, 'e05_inps', 1);
    expect(a.se).toBeGreaterThan(0);
    expect(Math.abs(a.est - b.est)).toBeLessThan(1e-12);
    expect(Math.abs(a.se - b.se)).toBeLessThan(1e-12);
    const max = (m: Microdata, v: string) =>
      Math.max(...Array.from(m.persons.columns[v] as Float64Array).filter(Number.isFinite));
    expect(max(int, 'd11_years_in_cv')).toBeGreaterThan(30);
    expect(max(pub, 'd11_years_in_cv')).toBe(30);
    // the derived groups are made before treatment: the same in both files
    const c = proportion(int, 'years_in_cv', 4);
    const d = proportion(pub, 'years_in_cv', 4);
    expect(c.est).toBeGreaterThan(0);
    expect(Math.abs(c.est - d.est) + Math.abs(c.se - d.se)).toBeLessThan(1e-12);
  });
});
