/**
 * Table outputs: the workbook (cross-tabs and the long data sheet) opened again with exceljs and its
 * cells read back; given the run's date, the same bytes on every render; CSV and JSON; a table's
 * warnings in both files, in their language.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, tableRows, tablesCsv, tablesJson } from '../../../analysis/export/tables-csv.ts';
import { tablesXlsxBuffer } from '../../../analysis/export/tables-xlsx.ts';
import { zipEntries } from '../../../analysis/export/zip-entries.ts';
import type { TableWarning } from '../../../analysis/tables/estimate-warnings.ts';
import { ciNote } from '../../../analysis/tables/intervals.ts';
import { legend } from '../../../analysis/tables/reliability.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { textIn } from '../../../analysis/tables/table-words.ts';
import { warningText } from '../../../analysis/tables/warning-words.ts';
import { dosDate, zipEntryDates } from '../../helpers/zip-dates.ts';
import { data, labels, plans, table } from '../tables/helpers.ts';

// min_n 10 on each cell's own n: the small fixture's strata keep their numbers (the layout is under
// test here; the rule itself in tests/analysis/tables/reliability.test.ts), the 2 girls under 15 do not.
const rules = { cvFlag: 0.3, minN: 10 };
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
  it('the workbook: an index, one cross-tab sheet per table, a data sheet, numbers as numbers, legend, CI note, issues', async () => {
    const buf = await tablesXlsxBuffer(run.tables, run.issues, 'pt', {
      legend: legend(rules, 'pt'),
      notice: 'Demo',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Índice', 'T1', 'T3', 'Dados', 'Problemas']);
    const ws = wb.getWorksheet('T1') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('T1. T1');
    expect(ws.getCell('A2').value).toMatch(/logit \(svyciprop\)/);
    expect(ws.getCell('A3').value).toBe('Colunas: stratum');
    // Two header rows: the column groups (Total, then each stratum) merged over their five columns.
    let head = 0;
    for (let r = 1; r <= ws.rowCount && !head; r++) if (ws.getCell(r, 2).value === 'Total') head = r;
    expect(ws.getCell(head, 1).value).toBe('Envia remessas');
    const groups = ['Total', 'BV', 'PR', 'SL', 'SV'];
    groups.forEach((g, k) => {
      expect(ws.getCell(head, 2 + 5 * k).value).toBe(g);
      expect(ws.getCell(head, 3 + 5 * k).isMerged).toBe(true);
      expect(ws.getCell(head, 6 + 5 * k).master.address).toBe(ws.getCell(head, 2 + 5 * k).address);
    });
    expect((ws.getRow(head + 1).values as unknown[]).slice(2, 7)).toEqual([
      'Estimativa',
      'IC inferior',
      'IC superior',
      'Base (n)',
      'Nota',
    ]);
    // Rows are the categories; every published cell sits under its stratum's group, as a number.
    expect([ws.getCell(head + 2, 1).value, ws.getCell(head + 3, 1).value]).toEqual(['Sim', 'Não']);
    for (const c of t1.cells) {
      const row = head + 2 + (c.level?.code === 1 ? 0 : 1);
      const col = 2 + 5 * groups.indexOf(c.domain.length ? String(c.domain[0].code) : 'Total');
      const [est, lo, hi, base, mark] = [0, 1, 2, 3, 4].map((j) => ws.getCell(row, col + j));
      expect(est.value).toBeCloseTo(c.estimate, 12);
      expect(typeof est.value).toBe('number');
      expect(est.numFmt).toBe('0.0%');
      expect(lo.value).toBeCloseTo(c.ciLower, 12);
      expect(hi.value).toBeCloseTo(c.ciUpper, 12);
      expect(base.value).toBe(c.base);
      expect(mark.value ?? '').toBe(c.reliability === 'flag' ? '*' : '');
    }
    // BV 'No' is flagged (CV 0.304): its mark sits beside its numbers.
    expect(ws.getCell(head + 3, 2 + 5 + 4).value).toBe('*');
    const texts = (ws.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r[1]);
    expect(texts).toContain(legend(rules, 'pt'));
    expect(texts).toContain(ciNote([t1], 'pt'));
    // T3: the girls under 15 are suppressed (n 2 < 10, base 16): no numbers, the base and the mark stay.
    const t3 = wb.getWorksheet('T3') as ExcelJS.Worksheet;
    let h3 = 0;
    for (let r = 1; r <= t3.rowCount && !h3; r++) if (t3.getCell(r, 2).value === 'Total') h3 = r;
    expect(t3.getCell(h3, 7).value).toBe('0-14');
    expect(typeof t3.getCell(h3 + 2, 7).value).toBe('number');
    expect([7, 8, 9, 10, 11].map((c) => t3.getCell(h3 + 3, c).value ?? null)).toEqual([
      null,
      null,
      null,
      16,
      'x',
    ]);
    // The long format: every cell of every table, the CSV's columns, numbers as numbers.
    const data = wb.getWorksheet('Dados') as ExcelJS.Worksheet;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual([...CSV_COLUMNS]);
    expect(data.rowCount).toBe(1 + run.tables.reduce((n, t) => n + t.cells.length, 0));
    const first = tableRows(t1, 'pt')[0];
    for (const [j, k] of CSV_COLUMNS.entries())
      expect(data.getCell(2, j + 1).value ?? '', k).toEqual(first[k] ?? '');
    expect(typeof data.getCell(2, CSV_COLUMNS.indexOf('estimate') + 1).value).toBe('number');
    const issues = wb.getWorksheet('Problemas') as ExcelJS.Worksheet;
    expect(issues.getRow(2).values).toEqual([
      undefined,
      'BAD',
      'variable',
      expect.stringContaining("'nope'"),
    ]);
  });
  it("a member table's sheet names its unit in words: the household members on the household's weight", async () => {
    const member = computeTables(
      plans([table('M', { unit: 'member', statistic: 'proportion', variable: 'c03_sex' })]),
      data(),
      labels(),
      rules,
    );
    expect(member.issues).toEqual([]);
    for (const [lang, words] of [
      ['en', 'household members (household weight)'],
      ['pt', 'membros do agregado (peso do agregado)'],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      const buf = await tablesXlsxBuffer(member.tables, [], lang, {
        legend: legend(rules, lang),
        notice: 'Demo',
      });
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      expect(String((wb.getWorksheet('M') as ExcelJS.Worksheet).getCell('A2').value)).toContain(words);
    }
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
    for (const l of suppressed) expect(l).toMatch(/,,,,,logit,\d+,,,\d+,\d+,suppress,x,$/);
  });
  it("a table's warnings, in the files' language: rows under its notes in its sheet, the CSV's last column", async () => {
    const warnings: TableWarning[] = [
      { code: 'lonely_psu', detail: 'SV' },
      { code: 'one_sided', detail: '2' },
    ];
    const warned = [{ ...t1, warnings }, run.tables[1]];
    const said = warnings.map((w) => warningText(w, 'fr'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tablesXlsxBuffer(warned, [], 'fr', { legend: '' })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('T1') as ExcelJS.Worksheet;
    const first = (ws.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r[1]);
    const head = first.indexOf(textIn(t1.variable.label, 'fr'));
    expect(head).toBeGreaterThan(0);
    // each warning its own row, in French, above the cross-tab's header rows; none in English
    for (const w of said) expect(first.indexOf(w)).toBeGreaterThan(0);
    for (const w of said) expect(first.indexOf(w)).toBeLessThan(head);
    for (const w of warnings) expect(first).not.toContain(warningText(w, 'en'));
    expect(said[0]).toBe("La strate SV n'a qu'une seule UPE.");
    const other = (wb.getWorksheet('T3') as ExcelJS.Worksheet).getSheetValues().flat();
    for (const w of said) expect(other).not.toContain(w);
    // the CSV: every row of T1 ends with both sentences, T3's rows with an empty column
    const rows = tablesCsv(warned, 'fr').replace('\uFEFF', '').trim().split('\n');
    expect(rows[0].split(',').at(-1)).toBe('warnings');
    const t1Rows = rows.filter((l) => l.startsWith('T1,'));
    expect(t1Rows.length).toBe(t1.cells.length);
    for (const l of t1Rows) expect(l.endsWith(`,${said.join(' ')}`)).toBe(true);
    for (const l of rows.filter((r) => r.startsWith('T3,')))
      expect(l.endsWith(',x,') || l.endsWith(',,')).toBe(true);
    expect(tableRows({ ...t1, warnings }, 'fr')[0].warnings).toBe(said.join(' '));
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

  it("the workbook given the run's date is the same bytes on every render, dated the run", async () => {
    const RUN = new Date(2026, 10, 14, 9, 30, 42); // local time, as zip dates are
    const text = { legend: legend(rules, 'en') };
    const a = await tablesXlsxBuffer(run.tables, run.issues, 'en', text, RUN);
    await new Promise((r) => setTimeout(r, 2100)); // exceljs's own dates would move by a zip tick
    const b = await tablesXlsxBuffer(run.tables, run.issues, 'en', text, RUN);
    expect(a.equals(b)).toBe(true);
    const dates = zipEntryDates(a);
    expect(dates.length).toBeGreaterThan(5);
    for (const d of dates) expect(d).toEqual(dosDate(RUN));
    const core = new TextDecoder().decode(zipEntries(a).find((e) => e.name === 'docProps/core.xml')?.bytes);
    expect(core).toContain(
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${RUN.toISOString().replace('.000', '')}`,
    );
    // exceljs alone dates its entries now, not the run; the re-packed workbook still opens
    expect(
      zipEntryDates(await tablesXlsxBuffer(run.tables, run.issues, 'en', text)).some(
        (d) => d[1] !== dosDate(RUN)[1],
      ),
    ).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Index', 'T1', 'T3', 'Data', 'Issues']);
    expect(wb.getWorksheet('Data')?.rowCount).toBe(1 + run.tables.flatMap((t) => tableRows(t, 'en')).length);
  });
});
