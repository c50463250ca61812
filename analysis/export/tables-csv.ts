/**
 * Tables as flat rows (one per cell) for CSV and JSON, labelled in pt, en, fr or kea: the engine's
 * words from analysis/tables/table-words.ts, the survey's in its language or else its source language.
 * Suppressed and empty (n = 0) cells keep their n and reliability but publish no estimate; control cells (they
 * reproduce a calibration margin) publish the number without SE, CI, CV or deff. The table's design
 * and estimate warnings, in the language (analysis/tables/warning-words.ts), fill the last column,
 * `warnings`, of each of its rows (as its title does), empty without any.
 */
import type { TableCell, TableResult } from '../tables/compute.ts';
import { ciNote, ciTextIn } from '../tables/intervals.ts';
import { MARK, withheld } from '../tables/reliability.ts';
import {
  type SourceLang,
  type SurveyText,
  TABLE_WORDS,
  type TableLang,
  textIn,
} from '../tables/table-words.ts';
import { warningText } from '../tables/warning-words.ts';
import { formulaSafe } from './formula-safe.ts';

export interface PublishedCell {
  estimate: number | null;
  se: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  cv: number | null;
  deff: number | null;
}

export function published(c: TableCell): PublishedCell {
  if (withheld(c.reliability))
    return { estimate: null, se: null, ciLower: null, ciUpper: null, cv: null, deff: null };
  if (c.reliability === 'control')
    return { estimate: c.estimate, se: null, ciLower: null, ciUpper: null, cv: null, deff: null };
  const f = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);
  return {
    estimate: f(c.estimate),
    se: f(c.se),
    ciLower: f(c.ciLower),
    ciUpper: f(c.ciUpper),
    cv: f(c.cv),
    deff: f(c.deff),
  };
}

export const CSV_COLUMNS = [
  'table',
  'title',
  'unit',
  'statistic',
  'variable',
  'domain_variables',
  'domain_codes',
  'domain',
  'level_code',
  'level',
  'estimate',
  'se',
  'ci_lower',
  'ci_upper',
  'ci_method',
  'ci_df',
  'cv',
  'deff',
  'n',
  'base',
  'reliability',
  'mark',
  'warnings',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

export function tableRows(t: TableResult, lang: TableLang, source: SourceLang = 'pt'): CsvRow[] {
  const all = TABLE_WORDS[lang].total;
  const say = (x: SurveyText) => textIn(x, lang, source);
  const warnings = t.warnings.length ? t.warnings.map((w) => warningText(w, lang)).join(' ') : null;
  return t.cells.map((c) => {
    const p = published(c);
    return {
      table: t.id,
      title: say(t.title),
      unit: t.unit,
      statistic: t.statistic,
      variable: t.variable.name,
      domain_variables: c.domain.map((d) => d.variable).join(' x '),
      domain_codes: c.domain.map((d) => String(d.code)).join(' x '),
      domain: c.domain.length ? c.domain.map((d) => say(d)).join(' x ') : all,
      level_code: c.level ? String(c.level.code) : null,
      level: c.level ? say(c.level) : null,
      estimate: p.estimate,
      se: p.se,
      ci_lower: p.ciLower,
      ci_upper: p.ciUpper,
      ci_method: c.ciMethod,
      ci_df: c.ciDf,
      cv: p.cv,
      deff: p.deff,
      n: c.n,
      base: c.base,
      reliability: c.reliability,
      mark: MARK[c.reliability],
      warnings,
    };
  });
}

const cell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : formulaSafe(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * UTF-8 CSV (with a BOM so that Excel reads the accents) of every cell of every table. With `source`
 * (where the weights come from, e.g. a release's name), a last column `source` repeats it on every row.
 * `from`: the survey's source language, for its labels `lang` lacks.
 */
export function tablesCsv(
  tables: TableResult[],
  lang: TableLang,
  source?: string | null,
  from: SourceLang = 'pt',
): string {
  const tail = source ? `,${cell(source)}` : '';
  const lines = [CSV_COLUMNS.join(',') + (source ? ',source' : '')];
  for (const t of tables)
    for (const r of tableRows(t, lang, from)) lines.push(CSV_COLUMNS.map((k) => cell(r[k])).join(',') + tail);
  return `\uFEFF${lines.join('\n')}\n`;
}

/**
 * JSON: the tables with their labels in the language (the survey's source language, `extra.source`,
 * for a survey text that lacks it), cells as published, and the issues.
 */
export function tablesJson(
  tables: TableResult[],
  lang: TableLang,
  extra: { legend: string; notice?: string | null; issues?: unknown[]; source?: SourceLang },
): string {
  const say = (x: SurveyText) => textIn(x, lang, extra.source ?? 'pt');
  const out = {
    notice: extra.notice ?? null,
    legend: extra.legend,
    ciNote: ciNote(tables, lang, tables[0]?.confLevel),
    tables: tables.map((t) => ({
      id: t.id,
      title: say(t.title),
      notes: t.notes ? say(t.notes) : null,
      controlNote: t.controlNote ? say(t.controlNote) : null,
      proxyNote: t.proxyNote ? say(t.proxyNote) : null,
      proxyShare: t.proxyShare,
      unit: t.unit,
      statistic: t.statistic,
      variable: { name: t.variable.name, label: say(t.variable.label) },
      domains: t.domains.map((d) => ({ name: d.name, label: say(d.label) })),
      universe: t.universe,
      ci: ciTextIn(t.ci, lang),
      respondents: t.respondents,
      warnings: t.warnings.map((w) => warningText(w, lang)),
      warningCodes: t.warnings,
      cells: t.cells.map((c) => ({
        domain: c.domain.map((d) => ({ variable: d.variable, code: d.code, label: say(d) })),
        level: c.level ? { code: c.level.code, label: say(c.level) } : null,
        ...published(c),
        ciMethod: c.ciMethod,
        ciDf: c.ciDf,
        n: c.n,
        base: c.base,
        reliability: c.reliability,
      })),
    })),
    issues: extra.issues ?? [],
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
