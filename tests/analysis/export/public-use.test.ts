/**
 * The public-use microdata (kind 'public') against the internal file, on the WeightedData fixture
 * shaped like a weighting run's (a variance stratum beside the sampling stratum, one certainty EA whose
 * households are the PSUs of a stratum of its own, and the cover's EA, dwelling, household numbers and
 * interview key): no internal id, EA, dwelling, household, key, PSU or certainty-stratum value in any
 * public file; persons still join their household; the PSUs per stratum are the same counts with codes
 * 1..n within their stratum; the declared geography kept and dropped; and R gives the same numbers on
 * both kinds: setup.R on the public CSV (without local suppression) gives the standard tables' golden
 * estimates and SEs (replicate weights), and a Taylor design from the public stratum and PSU codes gives the internal file's SE.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { kindContents } from '../../../analysis/export/kind-contents.ts';
import { buildMicrodata, type Microdata } from '../../../analysis/export/microdata.ts';
import type { WeightedData } from '../../../analysis/tables/weighted-data.ts';
import { jknReplicates } from '../../../analysis/weighting/replicates.ts';
import type { UnitInput } from '../../../analysis/weighting/types.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');

/** The fixture as a weighting run writes it: var_stratum, a certainty EA, the cover's unit numbers. */
function runLike(): WeightedData {
  const d = loadWeightedData(FIXTURE);
  const hh = d.households;
  const ids = hh.household_id as string[];
  const psu = hh.psu as string[];
  const certain = psu[0];
  const varStratum = (i: number) =>
    psu[i] === certain ? `${hh.stratum[i]}:${certain}` : String(hh.stratum[i]);
  hh.var_stratum = ids.map((_, i) => varStratum(i));
  hh.psu = ids.map((id, i) => (psu[i] === certain ? id : psu[i]));
  hh.a04_ea = psu.slice();
  hh.a05_dwelling = Float64Array.from(ids, (id) => Number(/-H(\d+)$/.exec(id)?.[1]));
  hh.a06_household = Float64Array.from(ids, () => 1);
  hh.a01_key = ids.map((id) => `${id}-1`);
  hh.a03_municipality = Float64Array.from(ids, (_, i) => 100 + (i % 3));
  const at = new Map(ids.map((id, i) => [id, i]));
  const row = (p: number) => at.get(String(d.persons.household_id[p])) as number;
  const pIds = d.persons.person_id as string[];
  d.persons.var_stratum = pIds.map((_, p) => (hh.var_stratum as string[])[row(p)]);
  d.persons.psu = pIds.map((_, p) => (hh.psu as string[])[row(p)]);
  d.meta.design.strata = 'var_stratum';
  return d;
}

/** A run's secret public-use key (the server keeps one per weighting run). */
const KEY = new Uint8Array(32).fill(7);
const build = (kind: 'internal' | 'public', publicUseKey: Uint8Array = KEY) =>
  buildMicrodata(runLike(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
    kind,
    publicUse: ctx.publicUse,
    publicUseKey,
  });
const internal = build('internal');
const pub = build('public');
const root = mkdtempSync(join(tmpdir(), 'morabeza-public-'));

async function written(m: Microdata, name: string): Promise<{ dir: string; text: string }> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  let text = '';
  for (const format of ['csv', 'dta'] as const)
    for (const f of await exportMicrodata(m, format, { lang: 'en', survey: 'ipei' })) {
      writeFileSync(join(dir, f.name), f.bytes);
      text += new TextDecoder('latin1').decode(f.bytes);
    }
  return { dir, text };
}

const col = (m: Microdata, file: 'households' | 'persons', name: string) => {
  const c = m[file].columns[name];
  expect(c, `${file}.${name}`).toBeDefined();
  return Array.from(c as ArrayLike<unknown>);
};

describe('the public-use file', () => {
  it('carries no internal id, EA, dwelling, household, key, PSU or certainty-stratum value', async () => {
    const { text } = await written(pub, 'pub');
    const secret = new Set<string>();
    for (const [f, name] of [
      ['households', 'household_id'],
      ['households', 'psu'],
      ['persons', 'person_id'],
      ['persons', 'household_id'],
      ['persons', 'psu'],
    ] as const)
      for (const v of col(internal, f, name)) secret.add(String(v));
    // the certainty EA's variance stratum names the EA (the others are the published sampling strata)
    for (const v of col(internal, 'households', 'var_stratum'))
      if (String(v).includes(':')) secret.add(String(v));
    const raw = runLike().households;
    for (const v of [...(raw.a01_key as string[]), ...(raw.a04_ea as string[])]) secret.add(v);
    expect(secret.size).toBeGreaterThan(72 + 168);
    const leaked = [...secret].filter((s) => text.includes(s));
    expect(leaked).toEqual([]);
    // every id and unit number is a code 1..k of its distinct units
    for (const [f, name, k] of [
      ['households', 'household_id', 72],
      ['persons', 'person_id', 168],
      ['households', 'a05_dwelling', 72],
      ['households', 'a01_key', 72],
    ] as const)
      expect(new Set(col(pub, f, name))).toEqual(new Set(Array.from({ length: k }, (_, i) => i + 1)));
    // the dwelling numbers were numbered within their EA: 72 (EA, dwelling) units, not the few numbers
    expect(new Set(col(internal, 'households', 'a05_dwelling')).size).toBeLessThan(72);
  });

  it('the same key gives the same files byte for byte; another key (another run) other codes', async () => {
    const files = async (m: Microdata) =>
      new Map(
        (
          await Promise.all(
            (['csv', 'dta', 'parquet'] as const).map((f) =>
              exportMicrodata(m, f, { lang: 'en', survey: 'ipei' }),
            ),
          )
        )
          .flat()
          .map((f) => [f.name, Buffer.from(f.bytes).toString('base64')]),
      );
    const [a, b] = [await files(pub), await files(build('public'))];
    expect([...a.keys()]).toContain('households.dta');
    expect(a.size).toBeGreaterThan(8);
    expect(b).toEqual(a);
    const other = build('public', new Uint8Array(32).fill(8));
    // rows are sorted by their codes, so the weights in file order show which household got which code
    expect(col(other, 'households', 'w_hh')).not.toEqual(col(pub, 'households', 'w_hh'));
    expect(col(other, 'persons', 'w_hh')).not.toEqual(col(pub, 'persons', 'w_hh'));
    expect(col(other, 'households', 'a05_dwelling')).not.toEqual(col(pub, 'households', 'a05_dwelling'));
    // the codes are not the order of the ids: the household codes in the order of the internal ids
    // are not 1..72 (nor its reverse)
    const byId = new Map(col(internal, 'households', 'household_id').map((id, i) => [id, i]));
    const w = col(internal, 'households', 'w_hh');
    const codeOfWeight = new Map(
      col(pub, 'households', 'w_hh').map((x, i) => [x, col(pub, 'households', 'household_id')[i]]),
    );
    const inIdOrder = [...byId.keys()].sort().map((id) => codeOfWeight.get(w[byId.get(id) as number]));
    const ascending = Array.from({ length: 72 }, (_, i) => i + 1);
    expect(inIdOrder).not.toEqual(ascending);
    expect(inIdOrder).not.toEqual([...ascending].reverse());
    expect(() => build('public', new Uint8Array(0))).toThrow(/key/);
  });

  it('persons join their household by the household code', () => {
    const hh = new Map(col(pub, 'households', 'household_id').map((id, i) => [id, i]));
    const wHh = col(pub, 'households', 'w_hh');
    const pHh = col(pub, 'persons', 'household_id');
    const pW = col(pub, 'persons', 'w_hh');
    pHh.forEach((id, p) => {
      expect(hh.has(id)).toBe(true);
      expect(pW[p]).toBe(wHh[hh.get(id) as number]);
    });
    // the same households (by their weight) have the same numbers of members as in the internal file
    const sizes = (m: Microdata) => {
      const n = new Map<unknown, number>();
      for (const id of col(m, 'persons', 'household_id')) n.set(id, (n.get(id) ?? 0) + 1);
      const w = col(m, 'households', 'w_hh');
      return col(m, 'households', 'household_id')
        .map((id, i) => `${w[i]}:${n.get(id) ?? 0}`)
        .sort();
    };
    expect(sizes(pub)).toEqual(sizes(internal));
  });

  it('keeps the design: PSU counts per stratum, PSU codes 1..n within their stratum', () => {
    const structure = (m: Microdata) => {
      const s = col(m, 'households', 'var_stratum');
      const p = col(m, 'households', 'psu');
      const per = new Map<unknown, Set<unknown>>();
      s.forEach((x, i) => {
        per.set(x, (per.get(x) ?? new Set()).add(p[i]));
      });
      return per;
    };
    const pubS = structure(pub);
    expect([...pubS.values()].map((x) => x.size).sort()).toEqual(
      [...structure(internal).values()].map((x) => x.size).sort(),
    );
    for (const psus of pubS.values())
      expect([...psus].sort((a, b) => Number(a) - Number(b))).toEqual(
        Array.from({ length: psus.size }, (_, i) => i + 1),
      );
  });

  it('keeps the declared geography, drops the rest and the intermediate weighting steps', () => {
    const names = pub.households.variables.map((v) => v.name);
    expect(names).toContain('a02_island');
    expect(col(pub, 'households', 'stratum').sort()).toEqual(col(internal, 'households', 'stratum').sort());
    for (const gone of ['a03_municipality', 'w1_base', 'w2_elig', 'w3_hhnr'])
      expect(names).not.toContain(gone);
    expect(pub.persons.variables.map((v) => v.name)).not.toContain('w4_ind');
    expect(internal.households.variables.map((v) => v.name)).toContain('a03_municipality');
    expect(pub.publicUse?.geographyDropped).toEqual(['a03_municipality']);
  });

  it('moves each replicate column with its rscale (their order is shuffled)', () => {
    const d = runLike();
    const R = d.meta.design.rscales.length;
    d.meta.design.rscales = Array.from({ length: R }, (_, k) => 0.5 + k / 100);
    const m = buildMicrodata(d, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind: 'public',
      publicUse: ctx.publicUse,
      publicUseKey: KEY,
    });
    const inner = buildMicrodata(runLike(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
    // rows matched by their final weight (distinct in the fixture)
    const w = col(m, 'households', 'w_hh');
    const at = new Map(col(inner, 'households', 'w_hh').map((x, i) => [x, i]));
    expect(at.size).toBe(w.length);
    const reps = d.meta.households.weights.household.repweights;
    const rs = m.design[0].rscales;
    const moved = reps.map((c, r) => {
      const pub = col(m, 'households', c);
      const k = reps.findIndex((o) => {
        const old = col(inner, 'households', o);
        return pub.every((x, i) => x === old[at.get(w[i]) as number]);
      });
      expect(k, c).toBeGreaterThanOrEqual(0);
      expect(rs[r]).toBe(0.5 + k / 100);
      return k;
    });
    expect(new Set(moved).size).toBe(R);
  });

  it('a certainty EA stays recognisable (documented): its stratum has one household per PSU', () => {
    expect(pub.publicUse?.householdPsuStrata).toBe(1);
    expect(pub.households.rows).toBe(72);
    // from the public file alone: the stratum whose PSUs are single households ...
    const s = col(pub, 'households', 'var_stratum');
    const p = col(pub, 'households', 'psu');
    const per = new Map<unknown, Map<unknown, number>>();
    s.forEach((x, i) => {
      const psus = per.get(x) ?? new Map<unknown, number>();
      psus.set(p[i], (psus.get(p[i]) ?? 0) + 1);
      per.set(x, psus);
    });
    const flagged = [...per].filter(([, psus]) => psus.size > 1 && [...psus.values()].every((n) => n === 1));
    expect(flagged).toHaveLength(1);
    const w = col(pub, 'households', 'w_hh');
    const found = w.filter((_, i) => s[i] === flagged[0][0]).sort();
    // ... holds exactly the certainty EA's households (the internal stratum named stratum:EA)
    const iw = col(internal, 'households', 'w_hh');
    const certain = iw
      .filter((_, i) => String(col(internal, 'households', 'var_stratum')[i]).includes(':'))
      .sort();
    expect(found).toEqual(certain);
    expect(kindContents(pub, 'en')).toMatch(/Note: 1 variance strata have households as PSUs/);
    expect(kindContents(internal, 'en')).not.toMatch(/households as PSUs/);
  });

  it('the exact replicate weights show a certainty EA whatever the codes (why it stays recognisable)', () => {
    // two ordinary strata of 3 EAs x 2 households and one certainty EA with 4 of its households
    const unit = (id: string, cluster: string, stratum: string, certainty: boolean): UnitInput => ({
      id,
      cluster,
      stratum,
      pi1: certainty ? 1 : 0.3,
      pi2: certainty ? 0.5 : 0.2,
      E: null,
      I: null,
      U: null,
      certainty,
      status: 'respondent',
      values: {},
    });
    const units: UnitInput[] = [];
    for (const st of ['A', 'B'])
      for (const ea of [1, 2, 3])
        for (const h of [1, 2]) units.push(unit(`${st}${ea}-${h}`, `${st}${ea}`, st, false));
    for (const h of [1, 2, 3, 4]) units.push(unit(`C-${h}`, 'C', 'A', true));
    const w1 = Float64Array.from(units, (u) => 1 / (u.pi1 * u.pi2));
    const { replicates } = jknReplicates(units, w1);
    expect(replicates).toHaveLength(10);
    // replicates that zero a single household are exactly the certainty EA's, one per household
    const single = replicates.filter((r) => r.w1.filter((x) => x === 0).length === 1);
    const zeroed = single.map((r) => units[r.w1.indexOf(0)].id).sort();
    expect(zeroed).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
    // and their rscale (m - 1) / m, with m its households, is theirs alone
    expect(new Set(single.map((r) => r.rscale))).toEqual(new Set([3 / 4]));
    expect(replicates.filter((r) => r.rscale === 3 / 4)).toHaveLength(4);
  });

  it('is refused for a survey that declares no public-use settings', () => {
    expect(() =>
      buildMicrodata(runLike(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
        kind: 'public',
        publicUse: null,
      }),
    ).toThrow(/publicUse/);
  });
});

const hasR = spawnSync('Rscript', ['--version']).status === 0;
describe.skipIf(!hasR)('R gives the same numbers on both kinds (Rscript)', () => {
  const golden = JSON.parse(readFileSync(join(FIXTURE, 'golden.json'), 'utf8')) as Record<
    string,
    { estimate: number[]; se: number[] }
  >;
  const script = `source("setup.R")
library(jsonlite)
cells <- function(e) list(estimate = as.vector(coef(e)), se = unname(unlist(SE(e))))
h <- files$households
taylor <- svydesign(ids = ~psu, strata = ~var_stratum, weights = ~w_hh, nest = TRUE, data = h)
cat(toJSON(list(
  T1_all = cells(svymean(~factor(j01_remit), individual_design)),
  T4_all = cells(svymean(~b01_residents, household_design)),
  T3_by = cells(svyby(~factor(c03_sex), ~I(cut(c05_age, c(0, 15, 35, Inf), right = FALSE, labels = FALSE)), roster_design, svymean)),
  taylor = cells(svymean(~b01_residents, taylor)),
  degf = degf(taylor)
), digits = NA))`;
  const run = (dir: string) => {
    const r = spawnSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
  };
  const close = (got: number[], want: number[]) => {
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => {
      expect(Math.abs(g - want[i]) / Math.max(1, Math.abs(want[i]))).toBeLessThan(1e-9);
    });
  };
  it('setup.R on the public CSV: the standard tables of the original data; Taylor SE as internal', async () => {
    // without local suppression (its missing age and nationality groups move the tables that use them)
    // nor the household control (its size top-code caps b01_residents, T4's variable)
    const unsuppressed = buildMicrodata(
      runLike(),
      ctx.labels,
      ctx.file.derived,
      ctx.identifiers,
      ctx.specialCodes,
      {
        kind: 'public',
        publicUse: ctx.publicUse && { ...ctx.publicUse, suppress: null, households: null },
        publicUseKey: KEY,
      },
    );
    const got = run((await written(unsuppressed, 'r-pub')).dir);
    const want = run((await written(internal, 'r-int')).dir);
    for (const t of ['T1_all', 'T4_all', 'T3_by']) {
      close(got[t].estimate, golden[t].estimate);
      close(got[t].se, golden[t].se);
    }
    close(got.taylor.estimate, want.taylor.estimate);
    close(got.taylor.se, want.taylor.se);
    expect(got.degf).toEqual(want.degf);
  }, 120_000);
});
