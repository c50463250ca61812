/**
 * The analysts' tables and microdata on the server: the survey's plans, labels and weighted data
 * (read from disk: questionnaires/<survey>/ and the folder `npm run weights -- <survey>` writes),
 * a standard or a custom table in JSON, CSV or Excel, and the microdata files. Analysts get only
 * estimates and de-identified microdata (the export leaves direct identifiers out).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportMicrodata, FORMATS, type MicrodataFormat } from '../../analysis/export/bundle.ts';
import { setupFiles } from '../../analysis/export/design-setup.ts';
import { buildMicrodata } from '../../analysis/export/microdata.ts';
import { tablesCsv, tablesJson } from '../../analysis/export/tables-csv.ts';
import { tablesXlsxBuffer } from '../../analysis/export/tables-xlsx.ts';
import { isCategorical, type Lang } from '../../analysis/tables/labels.ts';
import { isIssue } from '../../analysis/tables/plan.ts';
import { legend } from '../../analysis/tables/reliability.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import type { WeightedData } from '../../analysis/tables/weighted-data.ts';
import type { AnalysisCatalogue, TableRequest } from '../contract/analysis.ts';
import { Problem } from '../problems.ts';
import { loadSurveyContext, type SurveyContext } from '../storage/survey-context.ts';
import { defaultDataDir, loadWeightedData } from '../storage/weighted-data.ts';

export interface AnalysisOptions {
  /** Folder of a survey's weighted data (default data/weights/<survey>). */
  dataDir?: (survey: string) => string;
  /** Repository root holding questionnaires/ (default the working directory). */
  root?: string;
}

const contexts = new Map<string, SurveyContext>();
const dataCache = new Map<string, { mtime: number; data: WeightedData }>();

export function surveyContext(survey: string, opts: AnalysisOptions): SurveyContext {
  const root = opts.root ?? '.';
  if (!/^[a-z0-9-]+$/.test(survey) || !existsSync(join(root, 'questionnaires', survey, 'tables.json')))
    throw new Problem('resource.not_found', { survey });
  const key = `${root}:${survey}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = loadSurveyContext(survey, root);
    contexts.set(key, ctx);
  }
  return ctx;
}

function dirOf(survey: string, opts: AnalysisOptions): string {
  return (opts.dataDir ?? defaultDataDir)(survey);
}

export function weightedData(survey: string, opts: AnalysisOptions): WeightedData {
  const dir = dirOf(survey, opts);
  const meta = join(dir, 'weights.json');
  if (!existsSync(meta)) throw new Problem('analysis.no_data', { survey });
  const mtime = statSync(meta).mtimeMs;
  const hit = dataCache.get(dir);
  if (hit && hit.mtime === mtime) return hit.data;
  const data = loadWeightedData(dir);
  dataCache.set(dir, { mtime, data });
  return data;
}

export function catalogue(survey: string, opts: AnalysisOptions): AnalysisCatalogue {
  const ctx = surveyContext(survey, opts);
  const ready = existsSync(join(dirOf(survey, opts), 'weights.json'));
  const units = (level: string): Array<'household' | 'roster' | 'individual'> =>
    level === 'household' ? ['household'] : ['roster', 'individual'];
  const codebook = new Map(ctx.codebook.map((e) => [e.name, e]));
  const variables = Object.values(ctx.labels)
    .filter((v) => !['text', 'date'].includes(v.type) && !v.type.startsWith('multi'))
    .map((v) => {
      const from = ctx.file.derived[v.name]?.from;
      const level = codebook.get(from ?? v.name)?.level ?? 'person';
      return {
        name: v.name,
        label: v.label,
        type: v.type,
        units: v.name === 'stratum' ? (['household', 'roster', 'individual'] as const).slice() : units(level),
        categorical: isCategorical(v),
        values: v.values.length > 60 ? [] : v.values,
      };
    });
  return {
    survey,
    notice: ctx.notice,
    dataReady: ready,
    reliability: ctx.rules,
    legend: { pt: legend(ctx.rules, 'pt'), en: legend(ctx.rules, 'en') },
    tables: ctx.file.tables.map((t) => {
      const p = t as { id: string; title: { pt: string; en: string }; unit: 'household'; statistic: 'mean' };
      return { id: p.id, title: p.title, unit: p.unit, statistic: p.statistic };
    }),
    variables,
    microdata: { formats: [...FORMATS] },
  };
}

export type TableFormat = 'json' | 'csv' | 'xlsx';
export interface Download {
  body: string | Uint8Array;
  type: string;
  filename: string;
}

async function render(
  ctx: SurveyContext,
  run: ReturnType<typeof computeTables>,
  lang: Lang,
  format: TableFormat,
  name: string,
): Promise<Download> {
  const text = { legend: legend(ctx.rules, lang), notice: ctx.notice?.[lang] ?? null };
  if (format === 'csv')
    return { body: tablesCsv(run.tables, lang), type: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  if (format === 'xlsx')
    return {
      body: new Uint8Array(await tablesXlsxBuffer(run.tables, run.issues, lang, text)),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${name}.xlsx`,
    };
  return {
    body: tablesJson(run.tables, lang, { ...text, issues: run.issues }),
    type: 'application/json; charset=utf-8',
    filename: `${name}.json`,
  };
}

/** A standard table of tables.json (or all of them with id 'all'). */
export async function standardTable(
  survey: string,
  id: string,
  lang: Lang,
  format: TableFormat,
  opts: AnalysisOptions,
): Promise<Download> {
  const ctx = surveyContext(survey, opts);
  const plans =
    id === 'all' ? ctx.file.tables : ctx.file.tables.filter((t) => (t as { id: string }).id === id);
  if (!plans.length) throw new Problem('resource.not_found', { table: id });
  const run = computeTables(
    { ...ctx.file, tables: plans },
    weightedData(survey, opts),
    ctx.labels,
    ctx.rules,
  );
  if (id !== 'all' && run.issues.length) throw new Problem('table.invalid', run.issues[0]);
  return render(ctx, run, lang, format, `${survey}-${id}`);
}

/** The analyst's own table; a plan that cannot be made is a 422 naming the field. */
export async function customTable(
  survey: string,
  req: TableRequest,
  lang: Lang,
  format: TableFormat,
  opts: AnalysisOptions,
): Promise<Download> {
  const ctx = surveyContext(survey, opts);
  const label = ctx.labels[req.variable]?.label ?? { pt: req.variable, en: req.variable };
  const plan = { id: 'custom', title: req.title ?? label, ...req };
  if (plan.title === null) plan.title = label;
  const run = computeTables(
    { ...ctx.file, tables: [plan] },
    weightedData(survey, opts),
    ctx.labels,
    ctx.rules,
  );
  const issue = run.issues[0];
  if (issue && isIssue(issue))
    throw new Problem('table.invalid', issue, `Table ${issue.table}, field ${issue.field}: ${issue.message}`);
  return render(ctx, run, lang, format, `${survey}-custom`);
}

/** One file of the microdata export (households.dta, persons.parquet, codebook.json, ...). */
export async function microdataFile(
  survey: string,
  format: MicrodataFormat,
  file: string,
  lang: Lang,
  opts: AnalysisOptions,
): Promise<Download> {
  const ctx = surveyContext(survey, opts);
  const m = buildMicrodata(weightedData(survey, opts), ctx.labels, ctx.file.derived, ctx.identifiers);
  const files = await exportMicrodata(m, format, { lang, survey, notice: ctx.notice?.[lang] });
  const hit = files.find((f) => f.name === file);
  if (!hit) throw new Problem('resource.not_found', { file, files: files.map((f) => f.name) });
  const type = file.endsWith('.json')
    ? 'application/json; charset=utf-8'
    : file.endsWith('.csv')
      ? 'text/csv; charset=utf-8'
      : file.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : file.endsWith('.md')
          ? 'text/markdown; charset=utf-8'
          : /\.(R|do|py)$/.test(file)
            ? 'text/plain; charset=utf-8'
            : 'application/octet-stream';
  return { body: hit.bytes, type, filename: file.startsWith(survey) ? file : `${survey}-${file}` };
}

/** The names of the files of a format, for the download list. */
export function microdataFiles(survey: string, format: MicrodataFormat): string[] {
  const data =
    format === 'xlsx' ? [`${survey}-microdata.xlsx`] : ['households', 'persons'].map((f) => `${f}.${format}`);
  return [...data, 'codebook.json', 'codebook.csv', 'codebook.md', ...setupFiles(format)];
}
