/**
 * The formatted Excel workbook of the tables (exceljs): an index sheet; one sheet per table laid
 * out as a cross-tab (crosstab.ts: rows = the row variable's categories, a column group per level
 * of the column variable(s) with estimate, CI limits, base n and the reliability mark), with its
 * title, universe, notes, the reliability legend and the CI note; a "data" sheet with every cell in
 * long format (the CSV's columns); an "issues" sheet lists the tables not made. Numbers are numbers.
 */
import ExcelJS from 'exceljs';
import type { TableResult } from '../tables/compute.ts';
import { ciNote, ciTextIn } from '../tables/intervals.ts';
import type { Lang } from '../tables/labels.ts';
import type { TableIssue } from '../tables/plan.ts';
import { MARK, withheld } from '../tables/reliability.ts';
import { crossTab, GROUP } from './crosstab.ts';
import { formulaSafe } from './formula-safe.ts';
import { CSV_COLUMNS, published, tableRows } from './tables-csv.ts';
import { zipArchive } from './zip-archive.ts';
import { zipEntries } from './zip-entries.ts';

const SHEETS: Record<Lang, { index: string; data: string; issues: string }> = {
  pt: { index: 'Índice', data: 'Dados', issues: 'Problemas' },
  en: { index: 'Index', data: 'Data', issues: 'Issues' },
};

const WORDS: Record<Lang, Record<string, string>> = {
  pt: {
    proportion: 'proporção',
    multiple: 'proporção que cita cada opção (resposta múltipla; não soma 100%)',
    mean: 'média',
    total: 'total',
    median: 'mediana',
    household: 'agregados',
    roster: 'pessoas (lista)',
    individual: 'inquiridos individuais',
    member: 'membros do agregado (peso do agregado)',
  },
  en: {
    proportion: 'proportion',
    multiple: 'share citing each option (multiple response; does not sum to 100%)',
    mean: 'mean',
    total: 'total',
    median: 'median',
    household: 'households',
    roster: 'persons (roster)',
    individual: 'individual respondents',
    member: 'household members (household weight)',
  },
};

function numFmt(statistic: TableResult['statistic']): string {
  if (statistic === 'proportion' || statistic === 'multiple') return '0.0%';
  if (statistic === 'total') return '#,##0';
  return '#,##0.00';
}

export interface WorkbookText {
  legend: string;
  notice?: string | null;
}

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };

function tableSheet(wb: ExcelJS.Workbook, t: TableResult, lang: Lang, text: WorkbookText): void {
  const ws = wb.addWorksheet(t.id);
  const x = crossTab(t, lang);
  const width = GROUP[lang].length;
  ws.columns = [
    { width: 34 },
    ...x.columns.flatMap(() => [{ width: 12 }, { width: 12 }, { width: 12 }, { width: 9 }, { width: 6 }]),
  ];
  ws.addRow([`${t.id}. ${t.title[lang]}`]).font = { bold: true, size: 13 };
  const what = `${t.variable.label[lang]} (${t.variable.name}); ${WORDS[lang][t.statistic]}; ${WORDS[lang][t.unit]}; ${ciTextIn(t.ci, lang)}`;
  ws.addRow([what]).font = { italic: true };
  if (x.columnHeader) ws.addRow([`${lang === 'pt' ? 'Colunas' : 'Columns'}: ${x.columnHeader}`]);
  if (t.universe.length)
    ws.addRow([
      `${lang === 'pt' ? 'Universo' : 'Universe'}: ${t.universe.map((c) => `${c.variable} ${c.op} ${c.values?.join('|') ?? c.value ?? ''}`).join(' & ')}`,
    ]);
  if (t.notes) ws.addRow([t.notes[lang]]);
  if (t.controlNote) ws.addRow([t.controlNote[lang]]);
  if (t.proxyNote) ws.addRow([t.proxyNote[lang]]);
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
function dataSheet(wb: ExcelJS.Workbook, tables: TableResult[], lang: Lang): void {
  const ws = wb.addWorksheet(SHEETS[lang].data);
  ws.columns = CSV_COLUMNS.map((k) => ({ header: k, key: k, width: k === 'title' ? 40 : 14 }));
  ws.getRow(1).font = { bold: true };
  for (const t of tables)
    for (const r of tableRows(t, lang))
      ws.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, formulaSafe(v)])));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_COLUMNS.length } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export function tablesWorkbook(
  tables: TableResult[],
  issues: TableIssue[],
  lang: Lang,
  text: WorkbookText,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Morabeza';
  const index = wb.addWorksheet(SHEETS[lang].index);
  index.columns = [{ width: 10 }, { width: 80 }, { width: 14 }];
  index.addRow([lang === 'pt' ? 'Quadros' : 'Tables']).font = { bold: true, size: 14 };
  if (text.notice) index.addRow([text.notice]).font = { italic: true };
  index.addRow([text.legend]);
  const note = ciNote(tables, lang, tables[0]?.confLevel);
  if (note) index.addRow([note]);
  index.addRow([]);
  for (const t of tables) {
    const r = index.addRow([t.id, t.title[lang], t.respondents]);
    r.getCell(1).value = { text: t.id, hyperlink: `#'${t.id}'!A1` };
  }
  const d = index.addRow([
    SHEETS[lang].data,
    lang === 'pt'
      ? 'Todas as células em formato longo (uma linha por célula, as colunas do CSV)'
      : 'Every cell in long format (one row per cell, the CSV columns)',
  ]);
  d.getCell(1).value = { text: SHEETS[lang].data, hyperlink: `#'${SHEETS[lang].data}'!A1` };
  for (const t of tables) tableSheet(wb, t, lang, text);
  dataSheet(wb, tables, lang);
  if (issues.length) {
    const ws = wb.addWorksheet(SHEETS[lang].issues);
    ws.columns = [{ width: 10 }, { width: 24 }, { width: 100 }];
    ws.addRow(lang === 'pt' ? ['Quadro', 'Campo', 'Mensagem'] : ['Table', 'Field', 'Message']).font = {
      bold: true,
    };
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
  lang: Lang,
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
