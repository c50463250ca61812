/**
 * The household file's own disclosure control (publicUse.households): on a constructed file of 6
 * households (island, size, dwelling type; k = 2) worked by hand, a unique combination loses its
 * dwelling type (the other unique then agrees with it, a missing value matching any) and every household
 * then has fk >= 2, with its weighted Fk; a household unique on what is
 * not suppressible stays below k and is counted; bad settings are refused naming publicUse.households.
 * On the fixture's public export with the profile's settings, only households with nothing suppressible
 * left stay below k (and their counts equal R's on the public CSV, a missing value matching any), the
 * weights and every variable the control does not name are the public file's without it, the internal
 * file is unchanged, and codebook.md and codebook.json report it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { disclosureRisk, keyValues, recordFrequencies } from '../../../analysis/export/disclosure-risk.ts';
import { localSuppression } from '../../../analysis/export/local-suppression.ts';
import { buildMicrodata, type ExportFile } from '../../../analysis/export/microdata.ts';
import type { PublicUse } from '../../../analysis/export/public-use.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const file = (columns: ExportFile['columns']): ExportFile => ({
  name: 'households',
  rows: Object.values(columns)[0].length,
  variables: [],
  columns,
});
// (island, size, dwelling): h1 h2 (1,2,A); h3 (1,2,B); h4 (1,2,C); h5 h6 (2,1,A)
const hh = file({
  hid: Float64Array.of(1, 2, 3, 4, 5, 6),
  island: Float64Array.of(1, 1, 1, 1, 2, 2),
  size: Float64Array.of(2, 2, 2, 2, 1, 1),
  dwelling: ['A', 'A', 'B', 'C', 'A', 'A'],
  w: Float64Array.of(10, 20, 30, 40, 50, 60),
});
const self = { households: 'hid', persons: 'hid' };
const keys = ['island', 'size', 'dwelling'];
const HH = 'publicUse.households';
const suppress = (f: ExportFile, order: string[]) =>
  localSuppression({ households: f, persons: f }, self, keys, 2, { order }, {}, HH);

describe('household local suppression on a constructed file', () => {
  it('suppresses the dwelling type of the uniques until every household has fk >= k', () => {
    const before = disclosureRisk(hh, hh, self, keys, 2, 'w', HH);
    expect([before.unit, before.sampleUniques, before.recordsBelowK, before.smallestFk]).toEqual([
      'households',
      2,
      2,
      30,
    ]);
    const out = suppress(hh, ['dwelling']);
    // h3 loses B: (1,2,*) agrees with h1, h2 and h4, and h4 (1,2,C) now agrees with h3: one suppression
    expect(out.suppressions).toEqual([{ variable: 'dwelling', suppressed: 1, with: [] }]);
    expect(out.persons.columns.dwelling).toEqual(['A', 'A', null, 'C', 'A', 'A']);
    // fk: h1, h2 with h3 (3); h3 with h1-h4 (4); h4 with h3 (2); h5, h6 (2). Fk sums their weights
    const f = recordFrequencies(
      keyValues(out.persons, out.persons, self, keys),
      hh.columns.w as Float64Array,
    );
    expect(f).toEqual({ fk: [3, 3, 4, 2, 2, 2], Fk: [60, 60, 100, 70, 110, 110] });
    const after = disclosureRisk(out.persons, out.persons, self, keys, 2, 'w', HH);
    expect([after.recordsBelowK, after.smallestFk]).toEqual([0, 60]);
    // island, size and the weight are not touched, nor is the input
    for (const v of ['hid', 'island', 'size', 'w']) expect(out.persons.columns[v]).toEqual(hh.columns[v]);
    expect(hh.columns.dwelling).toEqual(['A', 'A', 'B', 'C', 'A', 'A']);
  });

  it('a household unique on what is not suppressible stays below k, counted', () => {
    // h4 is now (1,3,C): alone on island and size, which the order does not name
    const h = file({ ...hh.columns, size: Float64Array.of(2, 2, 2, 3, 1, 1) });
    const out = suppress(h, ['dwelling']);
    expect(out.persons.columns.dwelling).toEqual(['A', 'A', null, null, 'A', 'A']);
    const after = disclosureRisk(out.persons, out.persons, self, keys, 2, 'w', HH);
    expect([after.sampleUniques, after.recordsBelowK, after.smallestFk]).toEqual([1, 1, 40]);
  });

  it('refuses bad settings, naming publicUse.households', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as { field?: string }).field, (e as Error).message];
      }
      return null;
    };
    expect(field(() => disclosureRisk(hh, hh, self, ['sex'], 2, 'w', HH))).toEqual([
      'publicUse.households.keyVariables',
      'publicUse.households.keyVariables: sex is not a variable of the household file',
    ]);
    expect(field(() => suppress(hh, ['rooms']))).toEqual([
      'publicUse.households.suppress.order',
      'publicUse.households.suppress.order: rooms is not one of publicUse.households.keyVariables',
    ]);
  });
});

const ctx = loadSurveyContext('ipei');
const build = (kind: 'internal' | 'public', publicUse = ctx.publicUse) =>
  buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
    kind,
    publicUse,
    publicUseKey: new Uint8Array(32).fill(7),
  });
const nan = (c: ExportFile['columns'][string]) =>
  Array.from(c as ArrayLike<unknown>, (x) => x === null || (typeof x === 'number' && Number.isNaN(x)));

describe('the profile’s household control on the public export', () => {
  const pu = ctx.publicUse as PublicUse;
  const hs = pu.households;
  if (!hs?.suppress) throw new Error('ipei declares publicUse.households.suppress');
  const m = build('public');

  it('leaves below k only households with nothing suppressible left', () => {
    const risk = m.householdDisclosureRisk;
    const before = m.disclosureControl?.households?.riskBefore;
    expect(risk?.keyVariables).toEqual(hs.keyVariables);
    expect(risk?.records).toBe(72);
    expect(risk?.weight).toBe('w_hh');
    expect(risk?.recordsBelowK).toBeLessThan(before?.recordsBelowK ?? 0);
    const rows = keyValues(
      m.households,
      m.households,
      { households: 'household_id', persons: 'household_id' },
      hs.keyVariables,
    );
    const { fk } = recordFrequencies(rows, m.households.columns.w_hh as Float64Array);
    const at = (hs.suppress?.order ?? []).map((v) => hs.keyVariables.indexOf(v));
    const stuck = rows.filter((_, i) => fk[i] < (pu.k ?? 3));
    expect(stuck.length).toBe(risk?.recordsBelowK);
    for (const r of stuck) expect(at.map((j) => r[j])).toEqual(at.map(() => null));
    const sup = m.disclosureControl?.households?.suppressions ?? [];
    expect(sup.map((s) => s.variable)).toEqual(hs.suppress?.order);
    expect(nan(m.households.columns.h01_dwelling_type).filter(Boolean).length).toBeGreaterThanOrEqual(
      sup[0].suppressed,
    );
  });

  it('touches no weight and no variable it does not name; the internal file is unchanged', () => {
    const without = build('public', { ...pu, households: null });
    expect(without.householdDisclosureRisk).toBeNull();
    // the size variable is new, and the variables restating it are capped at its top class
    const top = m.disclosureControl?.households?.size?.cut.at(-1) ?? Number.NaN;
    for (const v of hs.size?.restates ?? []) {
      const c = m.households.columns[v] as Float64Array;
      const was = without.households.columns[v] as Float64Array;
      const gone = nan(c);
      expect(
        c.filter((_, i) => !gone[i]),
        v,
      ).toEqual(was.filter((_, i) => !gone[i]).map((x) => Math.min(x, top)));
    }
    const blanked = new Set([
      ...(hs.suppress?.order ?? []),
      ...(m.disclosureControl?.households?.recovered?.recoveries ?? []).map((r) => r.variable),
    ]);
    for (const v of m.households.variables) {
      const mine = m.households.columns[v.name];
      const theirs = without.households.columns[v.name];
      if (v.role === 'weight' || v.role === 'design') expect(mine, v.name).toEqual(theirs);
      // a blanked variable differs only where it is now missing (a multiple-response family with it)
      else if (v.name === hs.size?.variable) expect(theirs).toBeUndefined();
      else if (hs.size?.restates?.includes(v.name))
        continue; // capped, checked above
      else if ([...blanked].some((b) => v.name === b || v.name.startsWith(`${b}_`))) {
        const gone = nan(mine);
        const kept = (c: typeof mine) => Array.from(c as ArrayLike<unknown>).filter((_, i) => !gone[i]);
        expect(kept(mine), v.name).toEqual(kept(theirs));
      } else expect(mine, v.name).toEqual(theirs);
    }
    expect(m.persons.columns).toEqual(without.persons.columns);
    const internal = build('internal');
    expect(nan(internal.households.columns.h01_dwelling_type).some(Boolean)).toBe(false);
    expect(build('internal').households.columns).toEqual(internal.households.columns);
    expect(internal.householdDisclosureRisk).toBeNull();
  });

  it('is reported in codebook.md and codebook.json', async () => {
    const files = await exportMicrodata(m, 'csv', { lang: 'en', survey: 'ipei' });
    const text = (n: string) => new TextDecoder().decode(files.find((f) => f.name === n)?.bytes);
    const json = JSON.parse(text('codebook.json'));
    expect(json.householdDisclosureRisk).toEqual(m.householdDisclosureRisk);
    expect(json.disclosureControl.households.suppressions).toEqual(
      m.disclosureControl?.households?.suppressions,
    );
    const md = text('codebook.md');
    const s = m.disclosureControl?.households?.suppressions?.[0];
    expect(md).toContain('### Household file');
    expect(md).toContain(
      `- ${s?.variable}: ${s?.suppressed} values suppressed so that each household has at least 3`,
    );
    expect(md).toContain(`${m.householdDisclosureRisk?.records} households in`);
    expect(md).toContain('In the household file, each household shares its combination of');
  });

  const hasR = spawnSync('Rscript', ['--version']).status === 0;
  it.skipIf(!hasR)(
    'gives R’s counts on the public household CSV, a missing value matching any value',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'morabeza-hh-risk-'));
      for (const f of await exportMicrodata(m, 'csv', { lang: 'en', survey: 'ipei' }))
        writeFileSync(join(dir, f.name), f.bytes);
      const script = `h <- read.csv("households.csv")
x <- h[, c(${hs.keyVariables.map((v) => `"${v}"`).join(', ')})]
ok <- function(a, b) is.na(a) | is.na(b) | a == b
m <- lapply(seq_len(nrow(x)), function(i) Reduce(\`&\`, lapply(names(x), function(v) ok(x[[v]][i], x[[v]]))))
fk <- sapply(m, sum); Fk <- sapply(m, function(a) sum(h$w_hh[a]))
cat(nrow(x), sum(fk == 1), sum(fk < 3), sprintf("%.9f", min(Fk)), "\\n")`;
      const r = spawnSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const [records, uniques, below, smallestFk] = r.stdout.trim().split(/\s+/).map(Number);
      const risk = m.householdDisclosureRisk;
      expect([risk?.records, risk?.sampleUniques, risk?.recordsBelowK]).toEqual([records, uniques, below]);
      expect(risk?.smallestFk).toBeCloseTo(smallestFk, 6);
    },
    60_000,
  );
});
