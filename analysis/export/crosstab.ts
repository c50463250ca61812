/**
 * The cross-tab layout of a table, as a statistics office publishes it: rows are the categories
 * of the row variable (or, for a mean, total or median, the levels of the first domain), column
 * groups are "Total" and each level of the column variable(s) (the domains, crossed). Each
 * (row, column) holds one cell or nothing (a crossing the table does not estimate); each column
 * group shows GROUP's columns. The Excel workbook (tables-xlsx.ts) and the analyst's screen
 * (client/analyst/result-table.tsx, on the API's cells) lay tables out with this one function.
 */
import type { TableCell, TableResult } from '../tables/compute.ts';
import { type SourceLang, TABLE_WORDS, type TableLang, textIn } from '../tables/table-words.ts';

export interface CrossTabLine<C = TableCell> {
  key: string;
  label: string;
  cells: Array<C | null>;
}

export interface CrossTab<C = TableCell> {
  /** What the rows are: the variable's label, or the first domain's. */
  rowHeader: string;
  /** What the column groups are: the domain variables' labels (crossed), or null. */
  columnHeader: string | null;
  columns: Array<{ key: string; label: string }>;
  rows: Array<CrossTabLine<C>>;
}

/** The columns of one column group of a cross-tab. */
export const GROUP: Record<TableLang, string[]> = {
  pt: TABLE_WORDS.pt.group,
  en: TABLE_WORDS.en.group,
  fr: TABLE_WORDS.fr.group,
  kea: TABLE_WORDS.kea.group,
};

type Labelled = { code: string | number; label: string };

/** What the layout reads of a table, with every label already in the language. */
export interface LayoutSource<C> {
  statistic: TableResult['statistic'];
  /** The variable's label. */
  variable: string;
  /** The domain variables' labels, in the table's order. */
  domains: string[];
  cells: C[];
  /** A cell's category (a proportion's level; null for a number). */
  level: (c: C) => Labelled | null;
  /** A cell's domain levels (empty: the whole universe). */
  domain: (c: C) => Labelled[];
}

/** The layout of any table's cells (the engine's, or the API's with labels in one language). */
export function crossLayout<C>(t: LayoutSource<C>, lang: TableLang): CrossTab<C> {
  const total = TABLE_WORDS[lang].total;
  const categorical = t.cells.some((c) => t.level(c) !== null);
  const joined = (ds: Labelled[]) => ds.map((d) => d.label).join(' × ');
  const codes = (ds: Labelled[]) => ds.map((d) => String(d.code)).join('\u0000');
  let place: (c: C) => { row: [string, string]; col: [string, string] };
  let rowHeader: string;
  let columnDomains: string[];
  if (categorical) {
    rowHeader = t.variable;
    columnDomains = t.domains;
    place = (c) => {
      const level = t.level(c);
      const domain = t.domain(c);
      return {
        row: [String(level?.code), level?.label ?? ''],
        col: domain.length ? [`d:${codes(domain)}`, joined(domain)] : ['total', total],
      };
    };
  } else if (t.domains.length <= 1) {
    // One column group (the statistic); rows: Total, then the domain's levels.
    rowHeader = t.domains[0] ?? '';
    columnDomains = [];
    place = (c) => {
      const domain = t.domain(c);
      return {
        row: domain.length ? [`d:${codes(domain)}`, joined(domain)] : ['total', total],
        col: ['stat', TABLE_WORDS[lang].rowStatistic[t.statistic]],
      };
    };
  } else {
    // Rows: the first domain's levels; column groups: Total, then the other domains crossed.
    rowHeader = t.domains[0];
    columnDomains = t.domains.slice(1);
    place = (c) => {
      const domain = t.domain(c);
      return domain.length
        ? {
            row: [`d:${codes(domain.slice(0, 1))}`, joined(domain.slice(0, 1))],
            col: [`d:${codes(domain.slice(1))}`, joined(domain.slice(1))],
          }
        : { row: ['total', total], col: ['total', total] };
    };
  }
  const rows = new Map<string, string>();
  const columns = new Map<string, string>();
  const at = new Map<string, C>();
  for (const c of t.cells) {
    const { row, col } = place(c);
    if (!rows.has(row[0])) rows.set(row[0], row[1]);
    if (!columns.has(col[0])) columns.set(col[0], col[1]);
    at.set(`${row[0]}\u0001${col[0]}`, c);
  }
  const colList = [...columns].map(([key, label]) => ({ key, label }));
  return {
    rowHeader,
    columnHeader: columnDomains.length ? columnDomains.join(' × ') : null,
    columns: colList,
    rows: [...rows].map(([key, label]) => ({
      key,
      label,
      cells: colList.map((col) => at.get(`${key}\u0001${col.key}`) ?? null),
    })),
  };
}

/**
 * The layout of a computed table in a language (the workbook's); a survey label the language lacks
 * is in the survey's source language (`source`).
 */
export function crossTab(t: TableResult, lang: TableLang, source: SourceLang = 'pt'): CrossTab {
  const say = (x: Parameters<typeof textIn>[0]) => textIn(x, lang, source);
  return crossLayout(
    {
      statistic: t.statistic,
      variable: say(t.variable.label),
      domains: t.domains.map((d) => say(d.label)),
      cells: t.cells,
      level: (c) => (c.level ? { code: c.level.code, label: say(c.level) } : null),
      domain: (c) => c.domain.map((d) => ({ code: d.code, label: say(d) })),
    },
    lang,
  );
}
