/**
 * The standard tables recomputed by an outside analyst from the exported files alone: the weighted
 * fixture (its roster weights declared calibrated to sex, so that control cells exist) is exported
 * as CSV and as .dta, and scripts/r/tables-from-export.R (R survey, reading only the export folder
 * and the plan) recomputes every table of questionnaires/ipei/tables.json (its multiple-response
 * tables from the export's 0/1 variable per option, its region of birth from the plan's recode) plus
 * five tables that use plan features the IPEI plan does not (two domain variables, "ci": "wald", in / >= / notmissing
 * universes, a table's own missingCodes, a numeric and a categorical total, a median by domain).
 * The fixture gets, in memory, Cabo Verdean nationals (the extended universe) in one household in
 * four, most born abroad: the member unit's tables (T55-T58, household weight and replicates carried
 * by every rostered person) count those born abroad, the other units do not see them.
 * Then a real weighting run (the small example, raked, replicates recalibrated) whose controls come
 * from its recipe, with 90% intervals. Every cell of the engine must be one of R's and vice versa,
 * with the same status (ok, flag, suppress, empty, control) and unweighted n; every non-empty cell's
 * estimate, SE, CI limits, CV, deff and df, and each table's proxy share, agree to 1e-9 (relative to
 * max(1, |x|)). Excluded, and why (also in analysis/README.md):
 * - a median's df: the engine's cell carries none (ciDf null, the table's line gives it); R's
 *   svyquantile gets degf of the domain, and the limits, which use it, are compared;
 * - the interval of a share of exactly 0 or 1 (engine: one-sided Clopper-Pearson; R's svyciprop
 *   gives NaN): compared on the method only (such cells are empty in this fixture anyway).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import type { Microdata } from '../../../analysis/export/microdata.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { weightedDataFromRun } from '../../../analysis/tables/from-weighting.ts';
import { labelsFrom } from '../../../analysis/tables/labels.ts';
import { parseTablesFile } from '../../../analysis/tables/plan.ts';
import type { ReliabilityRules } from '../../../analysis/tables/reliability.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { runWeighting } from '../../../analysis/weighting/index.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';
import { households, persons, recipe } from '../weighting/small-example.ts';

const ctx = loadSurveyContext('ipei');
const data = loadWeightedData(FIXTURE);
// the roster weights declared calibrated to sex: each row's class, as a weighting run records it
data.persons.cal_roster_c03_sex = Array.from(data.persons.c03_sex as Float64Array, (s) =>
  Number.isNaN(s) ? null : String(s),
);
data.meta.calibration = { roster: [{ variable: 'c03_sex', column: 'cal_roster_c03_sex' }] };
// Cabo Verdean nationals (the extended universe) rostered in one household in four, born abroad
// but two in eight born in Cabo Verde: outside the roster and individual units (no person weights),
// in the member unit with their household's weight (T55-T58)
addCaboVerdeans(data);

function addCaboVerdeans(d: typeof data) {
  const hid = d.households.household_id as string[];
  const wHh = d.households.w_hh as Float64Array;
  const born = ['PT', 'US', 'CV', 'AO', 'FR', 'SN', 'CV', 'BR'];
  const added = hid.flatMap((h, i) => (i % 4 === 1 ? [{ h, i, k: Math.floor(i / 4) }] : []));
  const at = new Map<string, number>();
  for (const [j, h] of (d.persons.household_id as string[]).entries()) at.set(h, j);
  const own: Record<string, (a: (typeof added)[number]) => string | number | null> = {
    person_id: (a) => `${a.h}-PCV`,
    household_id: (a) => a.h,
    line: (a) => 1 + (d.persons.household_id as string[]).filter((x) => x === a.h).length,
    c03_sex: (a) => 1 + (a.k % 2),
    c05_age: (a) => [4, 17, 33, 41, 58, 70][a.k % 6],
    c07_nationality1: () => 'CV',
    c13a_first_nationality: () => 'CV',
    c13_eligible: () => 0,
    c14_individual: () => 0,
    c06_birth_country: (a) => born[a.k % born.length],
    w_hh: (a) => wHh[a.i],
  };
  for (const [name, col] of Object.entries(d.persons)) {
    const from = (a: (typeof added)[number]) => {
      if (own[name]) return own[name](a);
      if (name.startsWith('rw_roster_') || name.startsWith('rw_person_')) return 0;
      const same = ['stratum', 'psu', 'var_stratum'].includes(name);
      return same ? col[at.get(a.h) as number] : null;
    };
    const more = added.map(from);
    d.persons[name] =
      col instanceof Float64Array
        ? Float64Array.from([...col, ...more.map((v) => (v === null ? Number.NaN : Number(v)))])
        : [...Array.from(col), ...more.map((v) => (v === null ? null : String(v)))];
  }
}

const T = (s: string) => ({ pt: s, en: s });
const extra = [
  {
    id: 'X1',
    title: T('remitting by sex and stratum, Wald'),
    unit: 'individual',
    statistic: 'proportion',
    variable: 'j01_remit',
    domains: ['c03_sex', 'stratum'],
    universe: [
      { variable: 'c05_age', op: '>=', value: 15 },
      { variable: 'e05_inps', op: 'in', values: [1, 98] },
    ],
    ci: 'wald',
  },
  {
    id: 'X2',
    title: T('residents, total'),
    unit: 'household',
    statistic: 'total',
    variable: 'b01_residents',
    domains: ['stratum'],
  },
  {
    id: 'X3',
    title: T('amount, only -98 missing'),
    unit: 'individual',
    statistic: 'mean',
    variable: 'j04_remit_amount',
    universe: [{ variable: 'j04_remit_amount', op: 'notmissing' }],
    missingCodes: [-98],
  },
  { id: 'X4', title: T('persons by sex'), unit: 'roster', statistic: 'total', variable: 'c03_sex' },
  {
    id: 'X5',
    title: T('age, median by stratum'),
    unit: 'roster',
    statistic: 'median',
    variable: 'c05_age',
    domains: ['stratum'],
  },
];
const plan = { ...ctx.file, tables: [...ctx.file.tables, ...extra] };
const rules = ctx.rules;
const run = computeTables(plan, data, ctx.labels, rules);
const m = buildMicrodata(data, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
const root = mkdtempSync(join(tmpdir(), 'morabeza-rtables-'));

// A real weighting run (the small hand-checked example: raked to sex x age, JKn replicates
// recalibrated), its roster count and sex shares reproducing the controls.
const weighted = weightedDataFromRun(
  runWeighting(households, persons, recipe, null),
  {
    households: {
      household_id: households.map((h) => h.id),
      h04_sleeping_rooms: Float64Array.from(households, (_, i) => 1 + (i % 3)),
    },
    persons: {
      person_id: persons.map((p) => p.id),
      c03_sex: Float64Array.from(persons, (p) => (p.sex === 'male' ? 1 : 2)),
      one: new Float64Array(persons.length).fill(1),
    },
  },
  { survey: 'demo', questionnaire: 'demo/household.v1' },
);
const smallLabels = labelsFrom([
  {
    name: 'c03_sex',
    label_pt: 'Sexo',
    label_en: 'Sex',
    type: 'single',
    values: [
      { code: 1, pt: 'Masculino', en: 'Male' },
      { code: 2, pt: 'Feminino', en: 'Female' },
    ],
  },
  { name: 'one', label_pt: 'Um', label_en: 'One', type: 'int', values: [] },
  { name: 'h04_sleeping_rooms', label_pt: 'Quartos', label_en: 'Rooms', type: 'int', values: [] },
]);
const smallPlan = {
  survey: 'demo',
  questionnaire: 'demo/household.v1',
  confLevel: 0.9,
  tables: [
    { id: 'N', title: T('persons'), unit: 'roster', statistic: 'total', variable: 'one' },
    { id: 'S', title: T('sex'), unit: 'roster', statistic: 'proportion', variable: 'c03_sex' },
    { id: 'C', title: T('persons by sex'), unit: 'roster', statistic: 'total', variable: 'c03_sex' },
    {
      id: 'H',
      title: T('rooms'),
      unit: 'household',
      statistic: 'mean',
      variable: 'h04_sleeping_rooms',
      domains: ['var_stratum'],
    },
    {
      id: 'I',
      title: T('sex of respondents'),
      unit: 'individual',
      statistic: 'proportion',
      variable: 'c03_sex',
      ci: 'wald',
    },
  ],
};
const smallRules = { cvFlag: 0.3, minN: 5 };
const smallRun = computeTables(parseTablesFile(smallPlan), weighted, smallLabels, smallRules);
const smallMicro = buildMicrodata(weighted, smallLabels, {}, []);

interface RCell {
  domain: Array<{ variable: string; code: string }>;
  level: string | null;
  estimate: number | null;
  se: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  ciMethod: string;
  df: number | null;
  cv: number | null;
  deff?: number | null;
  n: number;
  reliability: string;
}
interface RTable {
  id: string;
  proxyShare: number | null;
  cells: RCell[];
}

const keyOf = (domain: Array<{ variable: string; code: string | number }>, level: string | number | null) =>
  `${domain.map((d) => `${d.variable}=${d.code}`).join(',')}|${level ?? ''}`;

/** The export of `micro` in `format` and R's tables of `plan` on it (Rscript, the folder and the plan only). */
async function rTables(
  name: string,
  micro: Microdata,
  planFile: object,
  format: 'csv' | 'dta',
  r: ReliabilityRules,
): Promise<Map<string, RTable>> {
  const dir = join(root, name, format);
  mkdirSync(dir, { recursive: true });
  for (const f of await exportMicrodata(micro, format, { lang: 'en', survey: name }))
    writeFileSync(join(dir, f.name), f.bytes);
  const planPath = join(root, name, 'tables.json');
  writeFileSync(planPath, JSON.stringify(planFile));
  const out = join(root, name, `${format}.json`);
  const res = spawnSync(
    'Rscript',
    ['scripts/r/tables-from-export.R', dir, planPath, out, String(r.minN), String(r.cvFlag)],
    { encoding: 'utf8' },
  );
  expect(res.status, res.stderr).toBe(0);
  const got = JSON.parse(readFileSync(out, 'utf8')) as { tables: RTable[] };
  return new Map(got.tables.map((t) => [t.id, t]));
}

// NaN and Infinity (a Woodruff limit beyond the data, the deff of a constant) are R's NA and Inf,
// which R's JSON writes as null
const close = (what: string, got: number | null, want: number) => {
  if (!Number.isFinite(want)) return expect(got, what).toBeNull();
  expect(got, what).not.toBeNull();
  expect(
    Math.abs((got as number) - want) / Math.max(1, Math.abs(want)),
    `${what}: R ${got}, engine ${want}`,
  ).toBeLessThan(1e-9);
};

function compare(tables: TableResult[], r: Map<string, RTable>) {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const rt = r.get(t.id);
    expect(rt, t.id).toBeDefined();
    if (t.proxyShare === null) expect((rt as RTable).proxyShare, `${t.id} proxy share`).toBeNull();
    else close(`${t.id} proxy share`, (rt as RTable).proxyShare, t.proxyShare);
    const rc = new Map((rt as RTable).cells.map((c) => [keyOf(c.domain, c.level), c]));
    expect([...rc.keys()].sort(), `${t.id}: the same cells`).toEqual(
      t.cells.map((c) => keyOf(c.domain, c.level?.code ?? null)).sort(),
    );
    for (const c of t.cells) {
      const k = `${t.id} ${keyOf(c.domain, c.level?.code ?? null)}`;
      const g = rc.get(keyOf(c.domain, c.level?.code ?? null)) as RCell;
      expect(g.reliability, `${k} status`).toBe(c.reliability);
      expect(g.n, `${k} n`).toBe(c.n);
      counts[c.reliability] = (counts[c.reliability] ?? 0) + 1;
      if (c.reliability === 'empty') continue;
      close(`${k} estimate`, g.estimate, c.estimate);
      close(`${k} se`, g.se, c.se);
      close(`${k} cv`, g.cv, c.cv);
      if (c.deff !== null) close(`${k} deff`, g.deff ?? null, c.deff);
      else expect(t.statistic, `${k}: only a median has no deff`).toBe('median');
      expect(g.ciMethod, `${k} method`).toBe(c.ciMethod);
      if (c.ciMethod === 'clopper-pearson') continue; // excluded: R's svyciprop gives NaN
      close(`${k} lower`, g.ciLower, c.ciLower);
      close(`${k} upper`, g.ciUpper, c.ciUpper);
      if (c.ciDf !== null) expect(g.df, `${k} df`).toBe(c.ciDf);
      else expect(t.statistic, `${k}: only a median has no df`).toBe('median');
    }
  }
  return counts;
}

const hasR = spawnSync('Rscript', ['--version']).status === 0;
describe.skipIf(!hasR)('every table recomputed in R from the exported files alone', () => {
  it('the engine makes every table of the plan, with every kind of cell', () => {
    expect(run.issues).toEqual([]);
    expect(run.tables.length).toBe(plan.tables.length);
    const kinds = new Set(run.tables.flatMap((t) => t.cells.map((c) => c.reliability)));
    for (const k of ['ok', 'suppress', 'empty', 'control']) expect(kinds, k).toContain(k);
  });
  it('the member tables hold the Cabo Verdeans born abroad and leave out those born in Cabo Verde', () => {
    const t55 = run.tables.find((t) => t.id === 'T55');
    const all = t55?.cells.filter((c) => c.domain.length === 0) ?? [];
    // 18 households get one: 14 born abroad, 4 born in Cabo Verde (left out)
    expect(all.find((c) => c.level?.code === 1)?.n).toBe(14);
    expect(all.find((c) => c.level?.code === 2)?.n).toBeGreaterThan(100);
    const t58 = run.tables.find((t) => t.id === 'T58');
    expect(t58?.cells.some((c) => c.domain[0]?.code === 1 && c.n > 0)).toBe(true);
  });
  for (const format of ['csv', 'dta'] as const)
    it(`${format}: every cell's status, n, estimate, SE, CI, CV, deff and df equal R's to 1e-9`, async () => {
      const counts = compare(run.tables, await rTables('ipei', m, plan, format, rules));
      const cells = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(cells).toBe(run.tables.reduce((a, t) => a + t.cells.length, 0));
      expect(counts.control).toBeGreaterThan(0);
    }, 180_000);
  it('a weighting run (controls from its recipe, 90% intervals): every cell equal from the CSV', async () => {
    expect(smallRun.issues).toEqual([]);
    const counts = compare(smallRun.tables, await rTables('small', smallMicro, smallPlan, 'csv', smallRules));
    // the roster count, the sex shares and counts of the roster and of the individual respondents
    // reproduce the raking's controls (2 + 2 + 2 + 1); the household means are estimates
    expect(counts.control).toBe(7);
    expect(counts.ok).toBeGreaterThan(0);
  }, 120_000);
});
