/**
 * A computed table (the API's cells, labels in the request's language) as the cross-tab of the
 * Excel workbook: the layout is analysis/export/crosstab.ts's own, reached through
 * server/contract/table-layout.ts (rows, column groups, Total first) and each column group shows the workbook's columns (estimate, CI limits, base n, reliability mark),
 * formatted for the screen. Withheld cells come from the server without numbers and show only their
 * mark. Also the number formats of the screen's tables.
 */
import type { TableCellBody, TableResultBody } from '../../server/contract/analysis.ts';
import { crossLayout, GROUP, MARK } from '../../server/contract/table-layout.ts';

/** A number as the screen shows it: percentages for proportions (and multiple-response shares) and CVs, totals without decimals. */
export function fmt(x: number | null, statistic: string, kind: 'est' | 'cv' | 'deff' = 'est'): string {
  if (x === null) return '';
  if (kind === 'cv') return `${(x * 100).toFixed(1)}%`;
  if (kind === 'deff') return x.toFixed(2);
  if (statistic === 'proportion' || statistic === 'multiple') return `${(x * 100).toFixed(1)}%`;
  return x.toLocaleString(undefined, { maximumFractionDigits: statistic === 'total' ? 0 : 2 });
}

export interface CrossTabCellView {
  /** The group's columns in GROUP's order: estimate, CI lower, CI upper, base (n), mark. */
  values: string[];
  reliability: TableCellBody['reliability'];
}

export interface CrossTabView {
  rowHeader: string;
  columnHeader: string | null;
  columns: Array<{ key: string; label: string }>;
  /** The columns of each column group (the workbook's). */
  group: string[];
  rows: Array<{ key: string; label: string; cells: Array<CrossTabCellView | null> }>;
}

/** `lang`: the table's language (the server's table words come in pt, en, fr and kea). */
export function crossTabView(table: TableResultBody, lang: keyof typeof GROUP): CrossTabView {
  const x = crossLayout(
    {
      statistic: table.statistic,
      variable: table.variable.label,
      domains: table.domains.map((d) => d.label),
      cells: table.cells,
      level: (c) => c.level,
      domain: (c) => c.domain,
    },
    lang,
  );
  const s = table.statistic;
  return {
    rowHeader: x.rowHeader,
    columnHeader: x.columnHeader,
    columns: x.columns,
    group: GROUP[lang],
    rows: x.rows.map((r) => ({
      key: r.key,
      label: r.label,
      cells: r.cells.map((c) =>
        c
          ? {
              values: [
                fmt(c.estimate, s),
                fmt(c.ciLower, s),
                fmt(c.ciUpper, s),
                String(c.base),
                MARK[c.reliability],
              ],
              reliability: c.reliability,
            }
          : null,
      ),
    })),
  };
}
