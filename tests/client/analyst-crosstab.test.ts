/**
 * The analyst's screen shows a table as the Excel workbook's cross-tab: for a proportion by two
 * domains, a mean by one and a mean by two, the API's cells (the server's JSON, parsed with the
 * contract) laid out by client/analyst/result-crosstab.ts have the workbook sheet's row header,
 * column groups, each group's columns, row labels, estimates (as the screen formats them), base n
 * and reliability marks, cell for cell; the rendered component has the same two header rows and
 * rows, and keeps every statistic (SE, CV, deff) in long form.
 */
import ExcelJS from 'exceljs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { tablesJson } from '../../analysis/export/tables-csv.ts';
import { tablesXlsxBuffer } from '../../analysis/export/tables-xlsx.ts';
import { legend } from '../../analysis/tables/reliability.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import { crossTabView, fmt } from '../../client/analyst/result-crosstab.ts';
import { ResultTable } from '../../client/analyst/result-table.tsx';
import { I18nContext, translator } from '../../client/i18n.ts';
import { tableResponseSchema } from '../../server/contract/analysis.ts';
import { data, labels, plans, table } from '../analysis/tables/helpers.ts';

// min_n 10: some cells keep their numbers, some are suppressed (the marks are compared too)
const rules = { cvFlag: 0.3, minN: 10 };
const run = computeTables(
  plans([
    table('P2', {
      unit: 'individual',
      statistic: 'proportion',
      variable: 'j01_remit',
      domains: ['stratum', 'c03_sex'],
    }),
    table('M1', {
      unit: 'individual',
      statistic: 'mean',
      variable: 'j04_remit_amount',
      domains: ['c03_sex'],
    }),
    table('M2', {
      unit: 'individual',
      statistic: 'mean',
      variable: 'j04_remit_amount',
      domains: ['stratum', 'c03_sex'],
    }),
  ]),
  data(),
  labels(),
  rules,
);
const body = tableResponseSchema.parse(
  JSON.parse(tablesJson(run.tables, 'en', { legend: legend(rules, 'en') })),
);

async function workbook() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await tablesXlsxBuffer(run.tables, [], 'en', { legend: '' })) as unknown as ArrayBuffer,
  );
  return wb;
}

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

describe("the analyst's cross-tab is the workbook's", () => {
  it('has the workbook sheet’s headers, rows and cells for each table', async () => {
    const wb = await workbook();
    expect(run.issues).toEqual([]);
    for (const t of body.tables) {
      const x = crossTabView(t, 'en');
      const ws = wb.getWorksheet(t.id) as ExcelJS.Worksheet;
      let head = 0;
      for (let r = 1; r <= ws.rowCount && !head; r++)
        if (
          text(ws.getCell(r, 1).value) === x.rowHeader &&
          text(ws.getCell(r, 2).value) === x.columns[0].label
        )
          head = r;
      expect(head, t.id).toBeGreaterThan(0);
      const width = x.group.length;
      expect(x.columns.map((_, k) => text(ws.getCell(head, 2 + k * width).value))).toEqual(
        x.columns.map((c) => c.label),
      );
      expect((ws.getRow(head + 1).values as unknown[]).slice(2, 2 + width)).toEqual(x.group);
      let marks = 0;
      x.rows.forEach((line, i) => {
        const row = head + 2 + i;
        expect(text(ws.getCell(row, 1).value)).toBe(line.label);
        line.cells.forEach((c, k) => {
          const at = 2 + k * width;
          const [est, lo, hi, base, mark] = [0, 1, 2, 3, 4].map((j) => ws.getCell(row, at + j).value);
          if (!c) {
            expect([est, base]).toEqual([null, null]);
            return;
          }
          const num = (v: ExcelJS.CellValue) => (typeof v === 'number' ? fmt(v, t.statistic) : '');
          expect(c.values).toEqual([num(est), num(lo), num(hi), text(base), text(mark)]);
          if (c.values[4]) marks++;
        });
      });
      expect(x.rows.flatMap((r) => r.cells).filter(Boolean).length).toBe(t.cells.length);
      if (t.id === 'P2') {
        expect(x.rows.map((r) => r.label)).toEqual(['Yes', 'No']);
        expect(x.columns.length).toBe(1 + 4 * 2);
        expect(x.columnHeader).toBe('stratum × Sex');
        expect(marks).toBeGreaterThan(0);
      }
      if (t.id === 'M1') expect(x.columns.map((c) => c.label)).toEqual(['Mean']);
    }
  });

  it('is what the component renders: two header rows, a row per line, the long form kept', () => {
    const t = body.tables[0];
    const x = crossTabView(t, 'en');
    const html = renderToStaticMarkup(
      createElement(
        I18nContext.Provider,
        { value: { lang: 'en', tabletLang: 'en', t: translator('en'), setLang: () => {} } },
        createElement(ResultTable, { table: t, legend: body.legend }),
      ),
    );
    const crosstab = html.slice(html.indexOf('data-testid="analyst-crosstab"'), html.indexOf('</table>'));
    expect(crosstab.match(/<tr>/g)?.length).toBe(2 + x.rows.length);
    expect(crosstab.match(/colSpan="5"|colspan="5"/g)?.length).toBe(x.columns.length);
    for (const g of x.group) expect(crosstab).toContain(`>${g}<`);
    expect(crosstab).toContain(`<th scope="row">${x.rows[1].label}</th>`);
    expect(crosstab).toContain(`>${x.rows[0].cells[0]?.values[0]}<`);
    // every statistic in long form, one row per cell, under a closed details
    const long = html.slice(html.indexOf('data-testid="analyst-cells"'));
    expect(long.slice(0, long.indexOf('</table>')).match(/<tr /g)?.length).toBe(t.cells.length);
    expect(html).toMatch(/<details[^>]*><summary>Every statistic/);
  });
});
