/**
 * The translators' workbook (scripts/questionnaires/lib/workbook.ts) on the IPEI Kriolu catalogue: export then
 * import gives the catalogue back byte for byte; a translator's edit lands in that entry only (an approved
 * text that changes is kept as previousApproved); a changed Portuguese source is refused naming the keys;
 * a bad cell is refused naming its row and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalogue, catalogueText, parseCatalogue } from '../../scripts/questionnaires/lib/catalogue.ts';
import { surveyStrings } from '../../scripts/questionnaires/lib/survey-strings.ts';
import type { LocSite } from '../../scripts/questionnaires/lib/translation-keys.ts';
import { exportWorkbook, importWorkbook, SHEET } from '../../scripts/questionnaires/lib/workbook.ts';

const repo = new URL('../..', import.meta.url).pathname;
const path = join(repo, 'questionnaires', 'ipei', 'src', 'translations', 'kea.json');
const bytes = readFileSync(path, 'utf8');
const catalogue: Catalogue = parseCatalogue(path, bytes);
let sites: LocSite[];
let exported: Buffer;
beforeAll(async () => {
  sites = await surveyStrings(join(repo, 'questionnaires'), 'ipei');
  exported = await exportWorkbook(sites, catalogue, 'kea');
});

/** The exported workbook with `edit` applied to its sheet, as a translator's tool would save it. */
async function edited(edit: (ws: ExcelJS.Worksheet) => void, base = exported): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(base as unknown as ArrayBuffer);
  edit(wb.getWorksheet(SHEET) as ExcelJS.Worksheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const rowOf = (key: string) => 2 + sites.findIndex((s) => s.key === key);

describe('translations:export / translations:import', () => {
  it('round-trip the catalogue byte for byte, one row per string', async () => {
    const result = await importWorkbook(exported, sites, catalogue, 'kea');
    expect(result.problems).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(catalogueText(result.catalogue)).toBe(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SHEET)?.rowCount).toBe(1 + sites.length);
  });

  it("take a translator's edit into that entry only, keeping a replaced approved text", async () => {
    const key = 'household:a_cover.title';
    const approved = { ...catalogue, [key]: { text: 'A. Kapa', status: 'approved' as const } };
    const base = await exportWorkbook(sites, approved, 'kea');
    const file = await edited((ws) => {
      const row = ws.getRow(rowOf(key));
      row.getCell(6).value = 'A. Kapa y konsentimentu';
      row.getCell(7).value = 'reviewed';
      row.getCell(10).value = 'A. Cover and consent';
    }, base);
    const result = await importWorkbook(file, sites, approved, 'kea');
    expect(result.problems).toEqual([]);
    expect(result.changed).toEqual([key]);
    expect(result.catalogue[key]).toEqual({
      text: 'A. Kapa y konsentimentu',
      status: 'reviewed',
      previousApproved: 'A. Kapa',
      backTranslation: 'A. Cover and consent',
    });
  });

  it('refuse a workbook whose Portuguese source changed since export, naming the keys', async () => {
    const file = await edited((ws) => {
      ws.getRow(rowOf('household:a_cover.title')).getCell(5).value = 'A. Capa';
      ws.getRow(rowOf('listing:title')).getCell(5).value = 'Listagem';
    });
    const result = await importWorkbook(file, sites, catalogue, 'kea');
    expect(result.catalogue).toBe(catalogue);
    expect(result.problems[0]).toMatch(
      /source changed since .* 2 key\(s\): household:a_cover.title, listing:title/,
    );
  });

  it('refuse bad cells and columns, naming the row and column', async () => {
    const row = rowOf('household:a_cover.title');
    const file = await edited((ws) => {
      ws.getRow(row).getCell(7).value = 'done';
      ws.getRow(row + 1).getCell(6).value = '';
      ws.getRow(row + 2).getCell(1).value = 'household:nope.title';
    });
    const result = await importWorkbook(file, sites, catalogue, 'kea');
    expect(result.problems).toEqual([
      `row ${row}, column G (status): "done" is not one of missing, machine, draft, reviewed, approved`,
      `row ${row + 1}, column F (translation): empty translation with status "draft"; write it or set the status to missing`,
      `row ${row + 2}, column A (key): "household:nope.title" is not a string of the questionnaire`,
    ]);
    const noStatus = await edited((ws) => {
      ws.getRow(1).getCell(7).value = 'state';
    });
    expect((await importWorkbook(noStatus, sites, catalogue, 'kea')).problems).toEqual([
      'row 1: column "status" is missing',
    ]);
    expect((await importWorkbook(exported, sites, catalogue, 'wo')).problems).toEqual([
      'row 1, column F: "translation (kea)" is not "translation (wo)": this workbook is for another language',
    ]);
  });
});
