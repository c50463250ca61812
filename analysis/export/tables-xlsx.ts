/**
 * The formatted Excel workbook of the tables (exceljs): an index sheet, then one sheet per table
 * with its title, universe and notes, a header row, the cells as numbers (percentages for
 * proportions), the reliability marks and the legend; an "issues" sheet lists the tables not made.
 */
import ExcelJS from 'exceljs';
import type { TableResult } from '../tables/compute.ts';
import { ciNote } from '../tables/intervals.ts';
import type { Lang } from '../tables/labels.ts';
import type { TableIssue } from '../tables/plan.ts';
import { tableRows } from './tables-csv.ts';

const HEAD: Record<Lang, string[]> = {
  pt: [
    'Domínio',
    'Categoria',
    'Estimativa',
    'EP',
    'IC inferior',
    'IC superior',
    'CV',
    'Efeito do plano',
    'n',
    'Base',
    'Nota',
  ],
  en: [
    'Domain',
    'Category',
    'Estimate',
    'SE',
    'CI lower',
    'CI upper',
    'CV',
    'Design effect',
    'n',
    'Base',
    'Note',
  ],
};

const WORDS: Record<Lang, Record<string, string>> = {
  pt: {
    proportion: 'proporção',
    mean: 'média',
    total: 'total',
    median: 'mediana',
    household: 'agregados',
    roster: 'membros do agregado',
    individual: 'inquiridos individuais',
  },
  en: {
    proportion: 'proportion',
    mean: 'mean',
    total: 'total',
    median: 'median',
    household: 'households',
    roster: 'household members',
    individual: 'individual respondents',
  },
};

function numFmt(statistic: TableResult['statistic']): string {
  if (statistic === 'proportion') return '0.0%';
  if (statistic === 'total') return '#,##0';
  return '#,##0.00';
}

export interface WorkbookText {
  legend: string;
  notice?: string | null;
}

export function tablesWorkbook(
  tables: TableResult[],
  issues: TableIssue[],
  lang: Lang,
  text: WorkbookText,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Morabeza';
  const index = wb.addWorksheet(lang === 'pt' ? 'Índice' : 'Index');
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
  for (const t of tables) {
    const ws = wb.addWorksheet(t.id);
    ws.columns = [
      { width: 34 },
      { width: 34 },
      ...Array.from({ length: 8 }, () => ({ width: 13 })),
      { width: 7 },
    ];
    ws.addRow([`${t.id}. ${t.title[lang]}`]).font = { bold: true, size: 13 };
    const what = `${t.variable.label[lang]} (${t.variable.name}); ${WORDS[lang][t.statistic]}; ${WORDS[lang][t.unit]}; ${t.ci}`;
    ws.addRow([what]).font = { italic: true };
    if (t.universe.length)
      ws.addRow([
        `${lang === 'pt' ? 'Universo' : 'Universe'}: ${t.universe.map((c) => `${c.variable} ${c.op} ${c.values?.join('|') ?? c.value ?? ''}`).join(' & ')}`,
      ]);
    if (t.notes) ws.addRow([t.notes[lang]]);
    ws.addRow([]);
    const head = ws.addRow(HEAD[lang]);
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
      c.border = { bottom: { style: 'thin' } };
    });
    const fmt = numFmt(t.statistic);
    for (const r of tableRows(t, lang)) {
      const row = ws.addRow([
        r.domain,
        r.level ?? '',
        r.estimate,
        r.se,
        r.ci_lower,
        r.ci_upper,
        r.cv,
        r.deff,
        r.n,
        r.base,
        r.mark,
      ]);
      for (const k of [3, 4, 5, 6]) row.getCell(k).numFmt = fmt;
      row.getCell(7).numFmt = '0.0%';
      row.getCell(8).numFmt = '0.00';
      if (r.reliability === 'flag') row.getCell(3).font = { italic: true, color: { argb: 'FF9C5700' } };
      if (r.reliability === 'suppress') row.getCell(11).font = { color: { argb: 'FF9C0006' } };
    }
    ws.addRow([]);
    ws.addRow([text.legend]).font = { size: 9 };
    ws.addRow([ciNote([t], lang, t.confLevel)]).font = { size: 9 };
    if (text.notice) ws.addRow([text.notice]).font = { size: 9, italic: true };
    ws.views = [{ state: 'frozen', ySplit: head.number }];
  }
  if (issues.length) {
    const ws = wb.addWorksheet(lang === 'pt' ? 'Problemas' : 'Issues');
    ws.columns = [{ width: 10 }, { width: 24 }, { width: 100 }];
    ws.addRow(lang === 'pt' ? ['Quadro', 'Campo', 'Mensagem'] : ['Table', 'Field', 'Message']).font = {
      bold: true,
    };
    for (const i of issues) ws.addRow([i.table, i.field, i.message]);
  }
  return wb;
}

export async function tablesXlsxBuffer(
  tables: TableResult[],
  issues: TableIssue[],
  lang: Lang,
  text: WorkbookText,
): Promise<Buffer> {
  const wb = tablesWorkbook(tables, issues, lang, text);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
