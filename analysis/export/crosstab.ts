/**
 * The cross-tab layout of a table, as a statistics office publishes it: rows are the categories
 * of the row variable (or, for a mean, total or median, the levels of the first domain), column
 * groups are "Total" and each level of the column variable(s) (the domains, crossed). Each
 * (row, column) holds one cell or nothing (a crossing the table does not estimate).
 */
import type { TableCell, TableResult } from '../tables/compute.ts';
import type { Lang } from '../tables/labels.ts';

export interface CrossTabLine {
  key: string;
  label: string;
  cells: Array<TableCell | null>;
}

export interface CrossTab {
  /** What the rows are: the variable's label, or the first domain's. */
  rowHeader: string;
  /** What the column groups are: the domain variables' labels (crossed), or null. */
  columnHeader: string | null;
  columns: Array<{ key: string; label: string }>;
  rows: CrossTabLine[];
}

const TOTAL: Record<Lang, string> = { pt: 'Total', en: 'Total' };
const STAT: Record<Lang, Record<TableResult['statistic'], string>> = {
  pt: { proportion: 'Proporção', mean: 'Média', total: 'Total', median: 'Mediana' },
  en: { proportion: 'Proportion', mean: 'Mean', total: 'Total', median: 'Median' },
};

export function crossTab(t: TableResult, lang: Lang): CrossTab {
  const categorical = t.cells.some((c) => c.level !== null);
  const joined = (ds: TableCell['domain']) => ds.map((d) => d[lang]).join(' × ');
  const codes = (ds: TableCell['domain']) => ds.map((d) => String(d.code)).join('\u0000');
  let place: (c: TableCell) => { row: [string, string]; col: [string, string] };
  let rowHeader: string;
  let columnDomains: TableResult['domains'];
  if (categorical) {
    rowHeader = t.variable.label[lang];
    columnDomains = t.domains;
    place = (c) => ({
      row: [String(c.level?.code), c.level?.[lang] ?? ''],
      col: c.domain.length ? [`d:${codes(c.domain)}`, joined(c.domain)] : ['total', TOTAL[lang]],
    });
  } else if (t.domains.length <= 1) {
    // One column group (the statistic); rows: Total, then the domain's levels.
    rowHeader = t.domains[0]?.label[lang] ?? '';
    columnDomains = [];
    place = (c) => ({
      row: c.domain.length ? [`d:${codes(c.domain)}`, joined(c.domain)] : ['total', TOTAL[lang]],
      col: ['stat', STAT[lang][t.statistic]],
    });
  } else {
    // Rows: the first domain's levels; column groups: Total, then the other domains crossed.
    rowHeader = t.domains[0].label[lang];
    columnDomains = t.domains.slice(1);
    place = (c) =>
      c.domain.length
        ? {
            row: [`d:${codes(c.domain.slice(0, 1))}`, joined(c.domain.slice(0, 1))],
            col: [`d:${codes(c.domain.slice(1))}`, joined(c.domain.slice(1))],
          }
        : { row: ['total', TOTAL[lang]], col: ['total', TOTAL[lang]] };
  }
  const rows = new Map<string, string>();
  const columns = new Map<string, string>();
  const at = new Map<string, TableCell>();
  for (const c of t.cells) {
    const { row, col } = place(c);
    if (!rows.has(row[0])) rows.set(row[0], row[1]);
    if (!columns.has(col[0])) columns.set(col[0], col[1]);
    at.set(`${row[0]}\u0001${col[0]}`, c);
  }
  const colList = [...columns].map(([key, label]) => ({ key, label }));
  return {
    rowHeader,
    columnHeader: columnDomains.length ? columnDomains.map((d) => d.label[lang]).join(' × ') : null,
    columns: colList,
    rows: [...rows].map(([key, label]) => ({
      key,
      label,
      cells: colList.map((col) => at.get(`${key}\u0001${col.key}`) ?? null),
    })),
  };
}
