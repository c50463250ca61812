/**
 * The formatted Excel workbook of the tables (exceljs): an index sheet; one sheet per table laid
 * out as a cross-tab (crosstab.ts: rows = the row variable's categories, a column group per level
 * of the column variable(s) with estimate, CI limits, base n and the reliability mark), with its
 * title, universe, notes, design and estimate warnings (one row each, in the workbook's language),
 * the reliability legend and the CI note; a "data" sheet with every cell in
 * long format (the CSV's columns); an "issues" sheet lists the tables not made. Numbers are numbers.
 * Sheet names and headings in pt, en, fr or kea (analysis/tables/table-words.ts).
 */
import ExcelJS from 'exceljs';
import type { TableResult } from '../tables/compute.ts';
import { ciNote, ciTextIn } from '../tables/intervals.ts';
import type { TableIssue } from '../tables/plan.ts';
import { MARK, withheld } from '../tables/reliability.ts';
import {
  type SourceLang,
  type SurveyText,
  TABLE_WORDS,
  type TableLang,
  textIn,
} from '../tables/table-words.ts';
import { warningText } from '../tables/warning-words.ts';
import { crossTab, GROUP } from './crosstab.ts';
import { formulaSafe } from './formula-safe.ts';
import { CSV_COLUMNS, published, tableRows } from './tables-csv.ts';
import { zipArchive } from './zip-archive.ts';
import { zipEntries } from './zip-entries.ts';

function numFmt(statistic: TableResult['statistic']): string {
  if (statistic === 'proportion' || statistic === 'multiple') return '0.0%';
  if (statistic === 'total') return '#,##0';
  return '#,##0.00';
}

export interface WorkbookText {
  legend: string;
  notice?: string | null;
  /** The survey's source language, for its texts the workbook's language lacks (default pt). */
  source?: SourceLang;
}

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };

function tableSheet(wb: ExcelJS.Workbook, t: TableResult, lang: TableLang, text: WorkbookText): void {
  const ws = wb.addWorksheet(t.id);
  const w = TABLE_WORDS[lang];
  const say = (x: SurveyText) => textIn(x, lang, text.source);
  const x = crossTab(t, lang, text.source);
  const width = GROUP[lang].length;
  ws.columns = [
    { width: 34 },
    ...x.columns.flatMap(() => [{ width: 12 }, { width: 12 }, { width: 12 }, { width: 9 }, { width: 6 }]),
  ];
  ws.addRow([`${t.id}. ${say(t.title)}`]).font = { bold: true, size: 13 };
  const what = `${say(t.variable.label)} (${t.variable.name}); ${w.statistic[t.statistic]}; ${w.unit[t.unit]}; ${ciTextIn(t.ci, lang)}`;
  ws.addRow([what]).font = { italic: true };
  if (x.columnHeader) ws.addRow([`${w.columns}: ${x.columnHeader}`]);
  if (t.universe.length)
    ws.addRow([
      `${w.universe}: ${t.universe.map((c) => `${c.variable} ${c.op} ${c.values?.join('|') ?? c.value ?? ''}`).join(' & ')}`,
    ]);
  if (t.notes) ws.addRow([say(t.notes)]);
  if (t.controlNote) ws.addRow([say(t.controlNote)]);
  if (t.proxyNote) ws.addRow([say(t.proxyNote)]);
  for (const warning of t.warnings) ws.addRow([warningText(warning, lang)]);
  ws.addRow([]);
  // Two header rows: the column groups (merged over their columns), then each group's columns.
  const groups = ws.addRow([
    x.rowHeader,
    ...x.columns.flatMap((c) => [c.label, ...Array(width - 1).fill(null)]),
  ]);
  const sub = ws.addRow([null, ...x.columns.flatMap(() => GROUP[lang])]);
  for (const [k] of x.columns.entries())
    ws.mergeCells(groups.number, 2 + k * width, groups.number, 1 + (k + 1) * width);
  ws.mergeCells(groups.number, 1, sub.number, 1);
  for (const r of [groups, sub]) {
    r.font = { bold: true };
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let col = 1; col <= 1 + x.columns.length * width; col++) {
      const cell = r.getCell(col);
      cell.fill = HEAD_FILL;
      if (r === sub) cell.border = { bottom: { style: 'thin' } };
    }
  }
  groups.getCell(1).alignment = { horizontal: 'left', vertical: 'bottom', wrapText: true };
  const fmt = numFmt(t.statistic);
  for (const line of x.rows) {
    const row = ws.addRow([
      line.label,
      ...line.cells.flatMap((c) => {
        if (!c) return [null, null, null, null, null];
        const p = published(c);
        return [p.estimate, p.ciLower, p.ciUpper, c.base, MARK[c.reliability] || null];
      }),
    ]);
    line.cells.forEach((c, k) => {
      const at = 2 + k * width;
      for (const j of [0, 1, 2]) row.getCell(at + j).numFmt = fmt;
      row.getCell(at + 3).numFmt = '0';
      if (c?.reliability === 'flag') row.getCell(at).font = { italic: true, color: { argb: 'FF9C5700' } };
      if (c && withheld(c.reliability)) row.getCell(at + 4).font = { color: { argb: 'FF9C0006' } };
    });
  }
  ws.addRow([]);
  ws.addRow([text.legend]).font = { size: 9 };
  ws.addRow([ciNote([t], lang, t.confLevel)]).font = { size: 9 };
  if (text.notice) ws.addRow([text.notice]).font = { size: 9, italic: true };
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: sub.number }];
}

/** Every cell of every table in long format, the CSV's columns, for analysts who pivot themselves. */
function dataSheet(wb: ExcelJS.Workbook, tables: TableResult[], lang: TableLang, source?: SourceLang): void {
  const ws = wb.addWorksheet(TABLE_WORDS[lang].sheets.data);
  ws.columns = CSV_COLUMNS.map((k) => ({ header: k, key: k, width: k === 'title' ? 40 : 14 }));
  ws.getRow(1).font = { bold: true };
  for (const t of tables)
    for (const r of tableRows(t, lang, source))
      ws.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, formulaSafe(v)])));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_COLUMNS.length } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export function tablesWorkbook(
  tables: TableResult[],
  issues: TableIssue[],
  lang: TableLang,
  text: WorkbookText,
): ExcelJS.Workbook {
  const w = TABLE_WORDS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Morabeza';
  const index = wb.addWorksheet(w.sheets.index);
  index.columns = [{ width: 10 }, { width: 80 }, { width: 14 }];
  index.addRow([w.tables]).font = { bold: true, size: 14 };
  if (text.notice) index.addRow([text.notice]).font = { italic: true };
  index.addRow([text.legend]);
  const note = ciNote(tables, lang, tables[0]?.confLevel);
  if (note) index.addRow([note]);
  index.addRow([]);
  for (const t of tables) {
    const r = index.addRow([t.id, textIn(t.title, lang, text.source), t.respondents]);
    r.getCell(1).value = { text: t.id, hyperlink: `#'${t.id}'!A1` };
  }
  const d = index.addRow([w.sheets.data, w.dataSheet]);
  d.getCell(1).value = { text: w.sheets.data, hyperlink: `#'${w.sheets.data}'!A1` };
  for (const t of tables) tableSheet(wb, t, lang, text);
  dataSheet(wb, tables, lang, text.source);
  if (issues.length) {
    const ws = wb.addWorksheet(w.sheets.issues);
    ws.columns = [{ width: 10 }, { width: 24 }, { width: 100 }];
    ws.addRow([...w.issueHeads]).font = { bold: true };
    for (const i of issues) ws.addRow([i.table, i.field, i.message]);
  }
  return wb;
}

/**
 * The workbook's bytes. With a `date` (the run's) the workbook's created and modified dates and every
 * zip entry carry it, so the same tables give the same bytes on every render (exceljs alone dates
 * them with the time of writing); without one they are the time of writing.
 */
export async function tablesXlsxBuffer(
  tables: TableResult[],
  issues: TableIssue[],
  lang: TableLang,
  text: WorkbookText,
  date?: Date | null,
): Promise<Buffer> {
  const wb = tablesWorkbook(tables, issues, lang, text);
  if (date) {
    wb.created = date;
    wb.modified = date;
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return date ? Buffer.from(zipArchive(zipEntries(bytes), date)) : bytes;
}
