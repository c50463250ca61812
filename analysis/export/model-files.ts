/**
 * A model's downloads, labelled in Portuguese, English, French or Kriolu (the engine's words from
 * tables/model-words.ts, the universe's from tables/table-words.ts): JSON (the screen's shape), CSV (UTF-8
 * with a BOM, one row per coefficient, then the term tests and the margins) and an Excel sheet
 * (title, outcome, universe, the coefficient table with odds / rate ratios and their intervals,
 * reliability marks, tests, margins, legend and notes). Suppressed coefficients publish no numbers.
 */
import ExcelJS from 'exceljs';
import type { ModelResult } from '../tables/model.ts';
import { MODEL_WORDS } from '../tables/model-words.ts';
import { MARK } from '../tables/reliability.ts';
import { type TableLang as Lang, TABLE_WORDS } from '../tables/table-words.ts';
import { formulaSafe } from './formula-safe.ts';

/** The model as the JSON the screen reads (labels in the language). */
export function modelJson(
  m: ModelResult,
  lang: Lang,
  extra: { legend: string; notice?: string | null },
): string {
  const out = {
    notice: extra.notice ?? null,
    legend: extra.legend,
    title: m.title[lang],
    unit: m.unit,
    family: m.family,
    familyLabel: MODEL_WORDS[lang].family[m.family],
    formula: m.formula,
    outcome: { name: m.outcome.name, label: m.outcome.label[lang], level: m.outcome.level?.[lang] ?? null },
    predictors: m.predictors.map((p) => ({ name: p.name, label: p.label[lang], categorical: p.categorical })),
    universe: m.universe,
    ratioName: m.ratioName?.[lang] ?? null,
    ci: m.ci,
    df: m.df,
    designDf: m.designDf,
    n: m.n,
    coefficients: m.coefficients.map((c) => ({
      name: c.name,
      term: c.term,
      label: c.label[lang],
      reference: c.reference?.[lang] ?? null,
      estimate: c.estimate,
      se: c.se,
      ciLower: c.ciLower,
      ciUpper: c.ciUpper,
      t: c.t,
      pValue: c.pValue,
      ratio: c.ratio,
      ratioLower: c.ratioLower,
      ratioUpper: c.ratioUpper,
      n: c.n,
      reliability: c.reliability,
      note: c.note?.[lang] ?? null,
    })),
    tests: m.tests.map((t) => ({
      variable: t.variable,
      label: t.label[lang],
      F: t.value,
      df: t.df,
      ddf: t.ddf,
      pValue: t.pValue,
    })),
    margins: m.margins
      ? {
          variable: m.margins.variable,
          label: m.margins.label[lang],
          rows: m.margins.rows.map((r) => ({
            code: r.level.code,
            label: r.level[lang],
            estimate: r.estimate,
            se: r.se,
            ciLower: r.ciLower,
            ciUpper: r.ciUpper,
          })),
        }
      : null,
    warnings: m.warnings.map((w) => ({ code: w.code, message: w.text[lang] })),
  };
  return `${JSON.stringify(out, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = typeof v === 'string' ? formulaSafe(v) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function coefficientRows(m: ModelResult, lang: Lang): unknown[][] {
  return m.coefficients.map((c) => [
    c.label[lang],
    c.reference?.[lang] ?? null,
    c.estimate,
    c.se,
    c.ciLower,
    c.ciUpper,
    c.t,
    c.pValue,
    c.ratio,
    c.ratioLower,
    c.ratioUpper,
    c.n,
    MARK[c.reliability] || null,
  ]);
}

/** UTF-8 CSV with a BOM: the coefficient table (the term tests and margins as further sections). */
export function modelCsv(m: ModelResult, lang: Lang): string {
  const lines = [['section', 'name', ...MODEL_WORDS[lang].heads].map(csvCell).join(',')];
  const rows = coefficientRows(m, lang);
  for (const [j, c] of m.coefficients.entries())
    lines.push(['coefficient', c.name, ...rows[j]].map(csvCell).join(','));
  for (const t of m.tests)
    lines.push(
      [
        'test',
        t.variable,
        t.label[lang],
        null,
        `F(${t.df}, ${t.ddf}) = ${t.value}`,
        null,
        null,
        null,
        null,
        t.pValue,
      ]
        .map(csvCell)
        .join(','),
    );
  for (const r of m.margins?.rows ?? [])
    lines.push(
      ['margin', m.margins?.variable, r.level[lang], null, r.estimate, r.se, r.ciLower, r.ciUpper]
        .map(csvCell)
        .join(','),
    );
  return `\uFEFF${lines.join('\n')}\n`;
}

/** One-sheet workbook of the model. */
export async function modelXlsxBuffer(
  m: ModelResult,
  lang: Lang,
  text: { legend: string; notice?: string | null },
): Promise<Buffer> {
  const words = MODEL_WORDS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Morabeza';
  const ws = wb.addWorksheet(words.model);
  ws.columns = [{ width: 36 }, { width: 20 }, ...words.heads.slice(2).map(() => ({ width: 12 }))];
  ws.addRow([m.title[lang]]).font = { bold: true, size: 13 };
  const outcome = `${m.outcome.label[lang]}${m.outcome.level ? ` = ${m.outcome.level[lang]}` : ''}`;
  ws.addRow([`${words.model} ${words.family[m.family]}: ${outcome}; n = ${m.n}; ${m.ci}`]).font = {
    italic: true,
  };
  ws.addRow([m.formula]).font = { size: 9 };
  if (m.universe.length)
    ws.addRow([
      `${TABLE_WORDS[lang].universe}: ${m.universe.map((c) => `${c.variable} ${c.op} ${c.values?.join('|') ?? c.value ?? ''}`).join(' & ')}`,
    ]);
  ws.addRow([]);
  const head = ws.addRow(words.heads);
  head.font = { bold: true };
  for (const r of coefficientRows(m, lang)) {
    const row = ws.addRow(r);
    for (const j of [3, 4, 5, 6, 9, 10, 11]) row.getCell(j).numFmt = '0.0000';
    row.getCell(8).numFmt = '0.0000';
  }
  if (m.tests.length) {
    ws.addRow([]);
    ws.addRow([words.tests]).font = { bold: true };
    for (const t of m.tests)
      ws.addRow([t.label[lang], `F(${t.df}, ${t.ddf})`, t.value, null, null, null, null, t.pValue]);
  }
  if (m.margins) {
    ws.addRow([]);
    ws.addRow([`${words.margins}: ${m.margins.label[lang]}`]).font = { bold: true };
    for (const r of m.margins.rows) ws.addRow([r.level[lang], null, r.estimate, r.se, r.ciLower, r.ciUpper]);
  }
  ws.addRow([]);
  ws.addRow([text.legend]).font = { size: 9 };
  for (const w of m.warnings) ws.addRow([w.text[lang]]).font = { size: 9, color: { argb: 'FF9C5700' } };
  if (text.notice) ws.addRow([text.notice]).font = { size: 9, italic: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
