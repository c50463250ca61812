/**
 * CSV/XLSX formula injection (OWASP): text cells starting with =, +, -, @, tab or CR are written with a
 * leading apostrophe in the microdata CSV and Excel files, so a spreadsheet shows them and never runs
 * them; numbers (negative ones included) and ordinary text are untouched.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formulaSafe } from '../../../analysis/export/formula-safe.ts';
import type { ExportFile, Microdata } from '../../../analysis/export/microdata.ts';
import { fileCsv, microdataXlsx } from '../../../analysis/export/microdata-files.ts';
import { tablesCsv } from '../../../analysis/export/tables-csv.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, labels, plans, rules, table } from '../tables/helpers.ts';

const text = ['=HYPERLINK("http://x.test","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', 'Praia', null];
const numbers = Float64Array.from([-3.5, 1, 2, 3, 4, 5, Number.NaN]);
const file = (name: 'households' | 'persons'): ExportFile => ({
  name,
  rows: text.length,
  variables: [
    {
      name: 'place',
      label: { pt: 'Local', en: 'Place' },
      kind: 'string',
      values: [],
      missing: [],
      role: 'variable',
    },
    {
      name: 'value',
      label: { pt: 'Valor', en: 'Value' },
      kind: 'numeric',
      values: [],
      missing: [],
      role: 'variable',
    },
  ],
  columns: { place: text, value: numbers },
});

describe('formula injection in exports', () => {
  it('CSV: formula-like text gets an apostrophe, numbers stay numbers', () => {
    const lines = fileCsv(file('households')).trim().split('\n');
    expect(lines).toEqual([
      'place,value',
      `"'=HYPERLINK(""http://x.test"",""click"")",-3.5`,
      "'+1+1,1",
      "'-2+3,2",
      "'@SUM(A1),3",
      "'\tTAB,4",
      'Praia,5',
      ',',
    ]);
  });

  it('Excel: the same text cells are neutralised, the numbers are numeric cells', async () => {
    const m: Microdata = {
      kind: 'internal',
      publicUse: null,
      disclosureRisk: null,
      householdDisclosureRisk: null,
      householdRisk: null,
      disclosureControl: null,
      households: file('households'),
      persons: file('persons'),
      dropped: { households: [], persons: [] },
      design: [],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await microdataXlsx(m, 'en')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('households');
    const col = (c: number) => Array.from({ length: 6 }, (_, i) => ws?.getRow(i + 2).getCell(c).value);
    expect(col(1)).toEqual([`'${text[0]}`, "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTAB", 'Praia']);
    expect(col(2)).toEqual([-3.5, 1, 2, 3, 4, 5]);
  });

  it('a code written as text (-98, +1, 1e3) stays as it is: a spreadsheet reads it as that number', () => {
    expect(['-98', '+1', '-0.5', '1e3', '-99'].map(formulaSafe)).toEqual(['-98', '+1', '-0.5', '1e3', '-99']);
    expect(['-98 x 1', '-2+3', '-1e3+cmd'].map(formulaSafe)).toEqual(["'-98 x 1", "'-2+3", "'-1e3+cmd"]);
  });

  it('tables CSV: a label that looks like a formula gets an apostrophe, a negative level code does not', () => {
    const [t1] = computeTables(
      plans([table('T1', { unit: 'individual', statistic: 'proportion', variable: 'j01_remit' })]),
      data(),
      labels(),
      rules,
    ).tables;
    const poisoned = {
      ...t1,
      title: { ...t1.title, en: '=HYPERLINK("http://x.test","click")' },
      cells: t1.cells.map((c) => (c.level ? { ...c, level: { ...c.level, code: -98, en: '@SUM(A1)' } } : c)),
    };
    const lines = tablesCsv([poisoned], 'en').replace('\uFEFF', '').trim().split('\n');
    const header = lines[0].split(',');
    const row = lines[1];
    expect(row).toContain(`"'=HYPERLINK(""http://x.test"",""click"")"`);
    expect(row).toContain(",-98,'@SUM(A1),");
    expect(header.indexOf('level_code')).toBe(header.indexOf('level') - 1);
  });
});
