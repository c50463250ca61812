/**
 * The public-use workbook carries the run's date, not the time of writing: built twice from the same
 * run it is the same bytes, every zip entry of the .xlsx is dated the run's date (exceljs alone dates
 * them now), docProps/core.xml gives it as created and modified, and the re-packed workbook still
 * opens (R readxl reads the person sheet: its rows and ages are the file's).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { zipEntries } from '../../../analysis/export/zip-entries.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { dosDate, zipEntryDates as entryDates } from '../../helpers/zip-dates.ts';
import { data } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');
const RUN = new Date(2026, 10, 14, 9, 30, 42); // local time, as zip dates are
const build = () =>
  buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
    kind: 'public',
    publicUse: ctx.publicUse,
    publicUseKey: new Uint8Array(32).fill(3),
  });
const workbook = async (date?: Date) =>
  (await exportMicrodata(build(), 'xlsx', { lang: 'en', survey: 'ipei', date }))[0].bytes;

describe('the public workbook’s dates', () => {
  it('two builds of a run are the same bytes, every entry dated the run', async () => {
    const a = await workbook(RUN);
    const b = await workbook(RUN);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const [time, date] = dosDate(RUN);
    expect([time, date]).toEqual([(9 << 11) | (30 << 5) | 21, ((2026 - 1980) << 9) | (11 << 5) | 14]);
    const dates = entryDates(a);
    expect(dates.length).toBeGreaterThan(5);
    for (const d of dates) expect(d).toEqual([time, date]);
    const core = zipEntries(a).find((e) => e.name === 'docProps/core.xml');
    const xml = new TextDecoder().decode(core?.bytes);
    const iso = RUN.toISOString().replace('.000', '');
    expect(xml).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>`);
    expect(xml).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>`);
    // exceljs alone dates its entries now: not the run
    expect(entryDates(await workbook()).some((d) => d[1] !== date)).toBe(true);
  });

  it('the re-packed workbook opens in R readxl: the person sheet’s rows and ages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'morabeza-public-xlsx-'));
    writeFileSync(join(dir, 'm.xlsx'), await workbook(RUN));
    const r = spawnSync(
      'Rscript',
      [
        '-e',
        'x <- readxl::read_excel(commandArgs(TRUE)[1], sheet = "persons"); cat(nrow(x), max(x$c05_age, na.rm = TRUE), sum(x$c05_age, na.rm = TRUE))',
        join(dir, 'm.xlsx'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const m = build();
    const age = Array.from(m.persons.columns.c05_age as Float64Array).filter(Number.isFinite);
    expect(r.stdout.trim().split(' ').map(Number)).toEqual([
      m.persons.rows,
      Math.max(...age),
      age.reduce((a, b) => a + b, 0),
    ]);
  });
});
