/** Table outputs: the workbook opened again with exceljs and its cells read back; CSV and JSON. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tablesCsv, tablesJson } from '../../../analysis/export/tables-csv.ts';
import { tablesXlsxBuffer } from '../../../analysis/export/tables-xlsx.ts';
import { legend } from '../../../analysis/tables/reliability.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, labels, plans, rules, table } from '../tables/helpers.ts';

const run = computeTables(
  plans([
    table('T1', { unit: 'individual', statistic: 'proportion', variable: 'j01_remit', domains: ['stratum'] }),
    table('T3', { unit: 'roster', statistic: 'proportion', variable: 'c03_sex', domains: ['age_group'] }),
    table('BAD', { unit: 'individual', statistic: 'proportion', variable: 'nope' }),
  ]),
  data(),
  labels(),
  rules,
);
const t1 = run.tables[0];

describe('table files', () => {
  it('the workbook: an index, one formatted sheet per table, numbers as numbers, legend, issues', async () => {
    const buf = await tablesXlsxBuffer(run.tables, run.issues, 'pt', {
      legend: legend(rules, 'pt'),
      notice: 'Demo',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Índice', 'T1', 'T3', 'Problemas']);
    const ws = wb.getWorksheet('T1') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('T1. T1');
    let head = 0;
    for (let r = 1; r <= ws.rowCount && !head; r++) if (ws.getCell(r, 1).value === 'Domínio') head = r;
    expect((ws.getRow(head).values as unknown[]).slice(1, 4)).toEqual(['Domínio', 'Categoria', 'Estimativa']);
    const first = ws.getRow(head + 1);
    expect(first.getCell(1).value).toBe('Total');
    expect(first.getCell(2).value).toBe('Sim');
    expect(first.getCell(3).value).toBeCloseTo(t1.cells[0].estimate, 12);
    expect(typeof first.getCell(3).value).toBe('number');
    expect(first.getCell(3).numFmt).toBe('0.0%');
    expect(first.getCell(9).value).toBe(86);
    expect(first.getCell(10).value).toBe(136);
    // BV 'No' is flagged (CV 0.304): its mark is read in the last column.
    const bvNo = ws.getRow(
      head + 1 + t1.cells.findIndex((c) => c.domain[0]?.code === 'BV' && c.level?.code === 2),
    );
    expect(bvNo.getCell(1).value).toBe('BV');
    expect(bvNo.getCell(11).value).toBe('*');
    const texts = (ws.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r[1]);
    expect(texts).toContain(legend(rules, 'pt'));
    const issues = wb.getWorksheet('Problemas') as ExcelJS.Worksheet;
    expect(issues.getRow(2).values).toEqual([
      undefined,
      'BAD',
      'variable',
      expect.stringContaining("'nope'"),
    ]);
  });
  it('CSV: UTF-8 with a BOM, one row per cell, labels in the language, suppressed cells without numbers', () => {
    const csv = tablesCsv(run.tables, 'en');
    expect(csv.startsWith('\uFEFFtable,title,unit')).toBe(true);
    const lines = csv.trim().split('\n');
    expect(lines.length).toBe(1 + run.tables.reduce((s, t) => s + t.cells.length, 0));
    expect(lines[1]).toMatch(/^T1,T1,individual,proportion,j01_remit,,,Total,1,Yes,0\.641/);
    const suppressed = lines.filter((l) => l.includes(',suppress,'));
    expect(suppressed.length).toBe(run.tables[1].cells.filter((c) => c.reliability === 'suppress').length);
    // No numbers, but the interval's method stays: logit with the domain's design df.
    for (const l of suppressed) expect(l).toMatch(/,,,,,logit,\d+,,,\d+,\d+,suppress,x$/);
  });
  it('JSON: labels, published cells, the legend and the issues', () => {
    const j = JSON.parse(tablesJson(run.tables, 'pt', { legend: legend(rules, 'pt'), issues: run.issues }));
    expect(j.tables[0].variable).toEqual({ name: 'j01_remit', label: 'Envia remessas' });
    expect(j.tables[0].cells[0]).toMatchObject({
      level: { code: 1, label: 'Sim' },
      n: 86,
      reliability: 'ok',
    });
    expect(j.issues[0]).toMatchObject({ table: 'BAD', field: 'variable' });
  });
});
