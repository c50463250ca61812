/**
 * desks declares its waiting time's "don't know" (-98) only in the validator (`{x} empty or {x} = -98 or
 * ({x} >= 0 and {x} <= 480)`, the code before the range) and in its profile's `specialCodes`. The
 * codebook finds it, so the tables read it as missing without tables.json's old `missingCodes` list:
 * all seven tables (D02 mean and D03 median waiting time among them) equal, cell by cell, those the old
 * list path gives ([-98, -99, 98] for every variable, no profile codes), and D02 differs without the
 * profile's codes (the simulated week has some -98). The exports treat it as missing too: .dta tagged NA .a labelled
 * "Não sabe" read back by R haven, CSV keeps -98 and the codebook lists it as missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../analysis/export/bundle.ts';
import { buildMicrodata } from '../../analysis/export/microdata.ts';
import { NO_SPECIAL_CODES } from '../../analysis/export/special-codes.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import { acceptedBy } from '../../server/domain/codebook.ts';
import { loadSurveyContext } from '../../server/storage/survey-context.ts';
import { read, weightedData } from './desks-weighted-data.ts';

const ctx = loadSurveyContext('desks');
const data = weightedData();
const wait = data.households.q04_wait_minutes as Float64Array;
const dontKnow = [...wait.keys()].filter((i) => wait[i] === -98);
const file = ctx.file;

describe('desks: a special code declared only by a validator', () => {
  it('the codebook reads -98 from the validator, wherever it stands', () => {
    expect(ctx.codebook.find((e) => e.name === 'q04_wait_minutes')?.special).toEqual([-98]);
    expect(ctx.labels.q04_wait_minutes.special).toEqual([-98]);
    expect(acceptedBy('({x} >= 0 and {x} <= 120) or {x} = -98 or {x} = -99', 'x')?.special).toEqual([
      -98, -99,
    ]);
    // an equality inside the range, or with no bound beside it, is no special code
    expect(acceptedBy('{x} = 5 or ({x} >= 0 and {x} <= 9)', 'x')?.special).toEqual([]);
    expect(acceptedBy('{x} = -98', 'x')).toBeNull();
  });

  it('tables.json has no missingCodes list any more', () => {
    expect(read('tables.json').missingCodes).toBeUndefined();
    expect(ctx.file.missingCodes ?? null).toBeNull();
  });

  it('the tables from the profile equal those of the old list [-98, -99, 98]; D02 differs without it', () => {
    expect(dontKnow.length).toBeGreaterThan(0);
    const now = computeTables(file, data, ctx.labels, ctx.rules, undefined, undefined, ctx.specialCodes);
    const old = computeTables({ ...file, missingCodes: [-98, -99, 98] }, data, ctx.labels, ctx.rules);
    expect(now.issues).toEqual([]);
    expect(now.tables.map((t) => t.id)).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07']);
    expect(now.tables).toEqual(old.tables);
    const none = computeTables(file, data, ctx.labels, ctx.rules, undefined, undefined, NO_SPECIAL_CODES);
    expect(none.tables[1].cells.map((c) => c.estimate)).not.toEqual(
      now.tables[1].cells.map((c) => c.estimate),
    );
  });

  const m = buildMicrodata(data, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
  const opts = { lang: 'pt' as const, survey: 'desks' };

  it('.dta: every -98 is the tagged NA .a, labelled "Não sabe" (read back by R haven)', async () => {
    const files = await exportMicrodata(m, 'dta', opts);
    const unit = files.find((f) => f.name === 'households.dta');
    const path = join(mkdtempSync(join(tmpdir(), 'desks-special-')), 'visits.dta');
    writeFileSync(path, unit?.bytes as Uint8Array);
    const r = spawnSync('Rscript', ['tests/fixtures/tables/read-dta.R', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const v = JSON.parse(r.stdout).vars.find((x: { name: string }) => x.name === 'q04_wait_minutes');
    expect(v.labels).toEqual({ 'Não sabe': '.a' });
    expect((v.tags as (string | null)[]).flatMap((t, i) => (t === 'a' ? [i] : []))).toEqual(dontKnow);
    v.values.forEach((x: number | null, i: number) => {
      expect(x === null ? Number.isNaN(wait[i]) || wait[i] === -98 : x === wait[i]).toBe(true);
    });
  });

  it('CSV keeps -98; the codebook lists it as missing with its .dta tag', async () => {
    const files = await exportMicrodata(m, 'csv', opts);
    const txt = (n: string) => new TextDecoder().decode(files.find((f) => f.name === n)?.bytes);
    const lines = txt('households.csv').trim().split('\n');
    const col = lines[0].split(',').indexOf('q04_wait_minutes');
    expect(lines.slice(1).flatMap((l, i) => (l.split(',')[col] === '-98' ? [i] : []))).toEqual(dontKnow);
    const entry = JSON.parse(txt('codebook.json')).variables.find(
      (x: { variable: string }) => x.variable === 'q04_wait_minutes',
    );
    // a validator's code has no label of its own: the engine's word for don't know, in every language
    expect(entry.missing).toEqual([
      {
        code: -98,
        kind: 'dontKnow',
        stata: '.a',
        pt: 'Não sabe',
        en: "Don't know",
        fr: 'Ne sait pas',
        kea: 'Ka sabi',
      },
    ]);
  });
});
