/**
 * The analysts' tables and microdata on the server: the survey's plans and labels (questionnaires/
 * <survey>/) and the weighted data of a release (or the default, server/domain/releases.ts) read from
 * the database, a standard or a custom table in JSON, CSV or Excel, and the microdata files. Every file
 * names the release it comes from; a release's standard tables are computed once and stored. Computed
 * tables, table files and microdata exports are kept in memory per weighting run (analysis-cache.ts),
 * so a download right after the screen computed the tables reuses them; a run's standard tables are
 * made in the background as soon as its data are stored (analysis-precompute.ts). Analysts get only estimates
 * and de-identified microdata (the export leaves direct identifiers out).
 */

import { SurveyError } from '../../analysis/errors.ts';
import { exportMicrodata, FORMATS, type MicrodataFormat } from '../../analysis/export/bundle.ts';
import { setupFiles } from '../../analysis/export/design-setup.ts';
import { buildMicrodata, MICRODATA_KINDS, type MicrodataKind } from '../../analysis/export/microdata.ts';
import { withOfficeCodes } from '../../analysis/export/office-codes.ts';
import { tablesCsv, tablesJson } from '../../analysis/export/tables-csv.ts';
import { tablesXlsxBuffer } from '../../analysis/export/tables-xlsx.ts';
import { zipArchive } from '../../analysis/export/zip-archive.ts';
import { isCategorical } from '../../analysis/tables/labels.ts';
import { isIssue } from '../../analysis/tables/plan.ts';
import { legend } from '../../analysis/tables/reliability.ts';
import { computeTables, type TableMemo } from '../../analysis/tables/run.ts';
import {
  each,
  type SourceLang,
  type SurveyText,
  type TableLang,
  textIn,
} from '../../analysis/tables/table-words.ts';
import type { AnalysisCatalogue, TableRequest } from '../contract/analysis.ts';
import { Problem } from '../problems.ts';
import type { SurveyContext } from '../storage/survey-context.ts';
import { fingerprintOf, outputCache, planBytes, planKey, sha } from './analysis-cache.ts';
import { surveyContext } from './analysis-context.ts';
import {
  type AnalysisOptions,
  dataReady,
  type LoadedData,
  loadAnalysisData,
  publicUseKey,
  runDate,
} from './analysis-data.ts';
import { precomputed } from './analysis-precompute.ts';
import { officeCodedPairs } from './office-coding.ts';
import { storedTable, storeTable } from './release-tables.ts';
import { listReleases, resolveSource, sourceLine } from './releases.ts';

type Unit = AnalysisCatalogue['units'][number];

export type { AnalysisOptions };
export { surveyContext };

/** A survey's text in every table language (its source language's where it lacks one). */
const inEach = (text: SurveyText, source: SourceLang) => each((_, lang) => textIn(text, lang, source));

/** The notice of the files: the survey's notice and where the weights come from. */
function noticeOf(ctx: SurveyContext, loaded: LoadedData, lang: TableLang): string | null {
  const parts = [
    ctx.notice ? textIn(ctx.notice, lang, ctx.sourceLang) : null,
    loaded.source ? sourceLine(loaded.source, lang) : null,
  ];
  return parts.filter(Boolean).join(' · ') || null;
}

/** The file name's stem: the survey, the release's name when there is one, and what the file holds. */
function stem(survey: string, loaded: LoadedData, what: string): string {
  const name = loaded.source?.release?.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return name ? `${survey}-${name}-${what}` : `${survey}-${what}`;
}

/**
 * The columns of the weighted data (`present`) and those holding numbers (`numeric`, the engine's own
 * test of a mean's variable), and whether they hold the `member` unit (the person file's household id
 * and the household's final and replicate weights), or null before any weighting. The data are read
 * once per run and kept (analysis-data.ts).
 */
async function dataColumns(
  survey: string,
  opts: AnalysisOptions,
  ready: boolean,
): Promise<{ present: Set<string>; numeric: Set<string>; member: boolean } | null> {
  if (!ready) return null;
  // the catalogue never fails for want of the data: the tables will say what is wrong
  const loaded = await loadAnalysisData(survey, opts).catch(() => null);
  if (!loaded) return null;
  const { data } = loaded;
  const frames = [data.households, data.persons];
  const present = new Set(frames.flatMap((frame) => Object.keys(frame)));
  const numeric = new Set(
    frames.flatMap((frame) => Object.keys(frame).filter((k) => frame[k] instanceof Float64Array)),
  );
  const hw = data.meta.households.weights.household;
  const member =
    data.persons[data.meta.persons.householdId] !== undefined &&
    data.households[data.meta.households.id] !== undefined &&
    [hw.weights, ...hw.repweights].every((c) => data.households[c] !== undefined);
  return { present, numeric, member };
}

export async function catalogue(survey: string, opts: AnalysisOptions): Promise<AnalysisCatalogue> {
  const ctx = surveyContext(survey, opts);
  const ready = await dataReady(survey, opts);
  const db = opts.dataDir ? undefined : opts.database;
  const releases = db ? await listReleases(db, survey) : [];
  const source = db ? await resolveSource(db, survey, undefined) : null;
  const codebook = new Map(ctx.codebook.map((e) => [e.name, e]));
  const columns = await dataColumns(survey, opts, ready);
  // the member unit: every rostered person on the household's weight, where the data hold it
  const offered: Unit[] = [
    'household',
    'roster',
    'individual',
    ...(columns?.member ? ['member' as const] : []),
  ];
  const units = (level: string): Unit[] =>
    level === 'household' ? ['household'] : offered.filter((u) => u !== 'household');
  const src = ctx.sourceLang;
  const numeric = columns?.numeric;
  // once weighted, only what the data hold (or derive from a column they hold) is offered
  const inData = (name: string) =>
    !columns ||
    name === 'stratum' ||
    columns.present.has(name) ||
    columns.present.has(ctx.file.derived[name]?.from ?? '');
  const variables = Object.values(ctx.labels)
    // multiple-choice questions are offered for 'multiple' tables only (the builder sorts them out)
    .filter((v) => !['text', 'date'].includes(v.type))
    .filter((v) => inData(v.name))
    .map((v) => {
      const from = ctx.file.derived[v.name]?.from;
      const level = codebook.get(from ?? v.name)?.level ?? 'person';
      return {
        name: v.name,
        label: inEach(v.label, src),
        type: v.type,
        units: v.name === 'stratum' ? offered.slice() : units(level),
        categorical: isCategorical(v),
        numeric: numeric ? numeric.has(v.name) : v.type === 'int',
        values: v.values.length > 60 ? [] : v.values.map((x) => ({ code: x.code, ...inEach(x, src) })),
      };
    });
  return {
    survey,
    // the survey's texts in the four table languages, the source language's where one lacks it
    notice: ctx.notice ? inEach(ctx.notice, ctx.sourceLang) : null,
    dataReady: ready,
    reliability: ctx.rules,
    legend: each((_, lang) => legend(ctx.rules, lang)),
    tables: ctx.file.tables.map((t) => {
      const p = t as { id: string; title: SurveyText; unit: 'household'; statistic: 'mean' };
      return { id: p.id, title: inEach(p.title, ctx.sourceLang), unit: p.unit, statistic: p.statistic };
    }),
    units: offered,
    variables,
    microdata: { formats: [...FORMATS], kinds: ctx.publicUse ? [...MICRODATA_KINDS] : ['internal'] },
    releases,
    source: source
      ? {
          runId: source.runId,
          release: source.release,
          label: each((_, lang) => sourceLine(source, lang)),
        }
      : null,
  };
}

export type TableFormat = 'json' | 'csv' | 'xlsx';
export interface Download {
  body: string | Uint8Array;
  type: string;
  filename: string;
  /** Response headers beside the type and file name (the public archive's disclosure risk). */
  headers?: Record<string, string>;
}

/** A disclosure risk's counts, for the header. */
const riskCounts = (risk: Record<string, unknown>) => {
  const { keyVariables, k, records, cells, sampleUniques, recordsBelowK, cellsBelowK } = risk;
  return { keyVariables, k, records, cells, sampleUniques, recordsBelowK, cellsBelowK };
};

/**
 * The public archive's disclosure risk (its codebook.json) as one header line, or none: the person
 * file's counts, with the household file's under `households` where the survey declares its own, and
 * the households' re-identification risk from their members' (highest, count above the threshold).
 */
function riskHeader(files: Array<{ name: string; bytes: Uint8Array }>): Record<string, string> {
  const codebook = files.find((f) => f.name === 'codebook.json');
  const json = codebook ? JSON.parse(new TextDecoder().decode(codebook.bytes)) : null;
  if (!json?.disclosureRisk) return {};
  const hh = json.householdDisclosureRisk;
  const hr = json.householdRisk;
  return {
    'morabeza-disclosure-risk': JSON.stringify({
      ...riskCounts(json.disclosureRisk),
      ...(hh ? { households: riskCounts(hh) } : {}),
      ...(hr
        ? {
            householdRisk: {
              households: hr.households,
              highest: hr.highest,
              threshold: hr.threshold,
              aboveThreshold: hr.aboveThreshold,
            },
          }
        : {}),
    }),
  };
}

/**
 * A table file of computed tables. The workbook carries the run's date (runDate), not the time of
 * writing, so every render of a run's tables is the same bytes: the copy kept in the output cache,
 * one rendered after a restart or on another node, and a release's stored file agree.
 */
async function render(
  ctx: SurveyContext,
  loaded: LoadedData,
  run: ReturnType<typeof computeTables>,
  lang: TableLang,
  format: TableFormat,
  name: string,
  opts: AnalysisOptions,
): Promise<Download> {
  const text = {
    legend: legend(ctx.rules, lang),
    notice: noticeOf(ctx, loaded, lang),
    source: ctx.sourceLang,
  };
  const source = loaded.source ? sourceLine(loaded.source, lang) : null;
  if (format === 'csv')
    return {
      body: tablesCsv(run.tables, lang, source, ctx.sourceLang),
      type: 'text/csv; charset=utf-8',
      filename: `${name}.csv`,
    };
  if (format === 'xlsx')
    return {
      body: new Uint8Array(
        await tablesXlsxBuffer(run.tables, run.issues, lang, text, await runDate(loaded, opts)),
      ),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${name}.xlsx`,
    };
  return {
    body: tablesJson(run.tables, lang, { ...text, issues: run.issues }),
    type: 'application/json; charset=utf-8',
    filename: `${name}.json`,
  };
}

/** Each table of a run computed once per plan (its content) and kept in the output cache. */
function memoOf(ctx: SurveyContext, loaded: LoadedData): TableMemo {
  return (plan, compute) => {
    const key = planKey(ctx, loaded, plan);
    const hit = outputCache.get<ReturnType<typeof compute>>(key);
    if (hit) return hit;
    const made = compute();
    outputCache.set(key, made, planBytes(made));
    return made;
  };
}

/** A rendered table file kept in the output cache: per table (or plan), release, language and format. */
function fileKey(ctx: SurveyContext, loaded: LoadedData, what: string, lang: TableLang, format: TableFormat) {
  const release = loaded.source?.release?.id ?? null;
  return outputCache.key(loaded, fingerprintOf(ctx), 'file', release, what, lang, format);
}
const bytesOf = (d: Download) => (typeof d.body === 'string' ? 2 * d.body.length : d.body.byteLength);

/**
 * A standard table of tables.json (or all of them with id 'all'), of a release (`release`, a release
 * id) or the default. A release's table is computed once, stored, and read back on every later request.
 */
export async function standardTable(
  survey: string,
  id: string,
  lang: TableLang,
  format: TableFormat,
  opts: AnalysisOptions,
  release?: string,
): Promise<Download> {
  const ctx = surveyContext(survey, opts);
  const plans =
    id === 'all' ? ctx.file.tables : ctx.file.tables.filter((t) => (t as { id: string }).id === id);
  if (!plans.length) throw new Problem('resource.not_found', { table: id });
  const loaded = await loadAnalysisData(survey, opts, release);
  const cacheKey = fileKey(ctx, loaded, `table:${id}`, lang, format);
  const cached = outputCache.get<Download>(cacheKey);
  if (cached) return cached;
  const released = loaded.source?.release;
  const key = released && { releaseId: released.id, tableId: id, lang, format };
  if (key && opts.database) {
    const hit = await storedTable(opts.database, key);
    if (hit) {
      outputCache.set(cacheKey, hit, bytesOf(hit));
      return hit;
    }
  }
  // the run's tables being made in the background (analysis-precompute.ts): wait, then read them
  // (only now: a file already made or stored never waits for a recomputation)
  await precomputed(loaded.origin);
  const run = runPlans(ctx, loaded, plans);
  if (id !== 'all' && run.issues.length) throw new Problem('table.invalid', run.issues[0]);
  let made = await render(ctx, loaded, run, lang, format, stem(survey, loaded, id), opts);
  if (key && opts.database) {
    const body = typeof made.body === 'string' ? new TextEncoder().encode(made.body) : made.body;
    await storeTable(opts.database, key, { body, type: made.type, filename: made.filename });
    made = { ...made, body };
  }
  outputCache.set(cacheKey, made, bytesOf(made));
  return made;
}

/** Computes table plans on the loaded data with the survey's labels, rules, memo and special codes. */
function runPlans(ctx: SurveyContext, loaded: LoadedData, plans: typeof ctx.file.tables) {
  return computeTables(
    { ...ctx.file, tables: plans },
    loaded.data,
    ctx.labels,
    ctx.rules,
    undefined,
    memoOf(ctx, loaded),
    ctx.specialCodes,
  );
}

/** The analyst's own table; a plan that cannot be made is a 422 naming the field. */
export async function customTable(
  survey: string,
  req: TableRequest,
  lang: TableLang,
  format: TableFormat,
  opts: AnalysisOptions,
  release?: string,
): Promise<Download> {
  const ctx = surveyContext(survey, opts);
  const loaded = await loadAnalysisData(survey, opts, release);
  const label = ctx.labels[req.variable]?.label ?? { pt: req.variable, en: req.variable };
  const plan = { id: 'custom', title: req.title ?? label, ...req };
  if (plan.title === null) plan.title = label;
  const cacheKey = fileKey(ctx, loaded, `custom:${sha(plan)}`, lang, format);
  const cached = outputCache.get<Download>(cacheKey);
  if (cached) return cached;
  const run = runPlans(ctx, loaded, [plan]);
  const issue = run.issues[0];
  if (issue && isIssue(issue))
    throw new Problem('table.invalid', issue, `Table ${issue.table}, field ${issue.field}: ${issue.message}`);
  const made = await render(ctx, loaded, run, lang, format, stem(survey, loaded, 'custom'), opts);
  outputCache.set(cacheKey, made, bytesOf(made));
  return made;
}

/** The archive holding every file of one export (the only way to the public-use files). */
export const MICRODATA_ARCHIVE = 'microdata.zip';

/**
 * One file of the microdata export (households.dta, persons.parquet, codebook.json, ...), or all of
 * them as microdata.zip. The public-use kind draws its random codes from the run's secret key (the same
 * file on every download of the run) and comes as the archive only (one file holding what an analyst
 * needs, its README and risk report included).
 */
export async function microdataFile(
  survey: string,
  format: MicrodataFormat,
  file: string,
  lang: TableLang,
  opts: AnalysisOptions,
  release?: string,
  kind: MicrodataKind = 'internal',
): Promise<Download> {
  const ctx = surveyContext(survey, opts);
  if (kind === 'public' && !ctx.publicUse) throw new Problem('export.no_public_use', { survey });
  if (kind === 'public' && file !== MICRODATA_ARCHIVE)
    throw new Problem('request.invalid', [
      {
        field: 'file',
        message: `the public-use files come together in ${MICRODATA_ARCHIVE}`,
      },
    ]);
  const loaded = await loadAnalysisData(survey, opts, release);
  const publicUseKeyOfRun = kind === 'public' ? await publicUseKey(survey, opts, loaded) : null;
  // the public file's own dates (workbook, zip entries) are the run's: every download the same bytes
  const date = kind === 'public' ? await runDate(loaded, opts) : null;
  const make = () => {
    try {
      return makeFiles();
    } catch (e) {
      if (e instanceof SurveyError)
        throw new Problem('export.profile_invalid', { field: e.field, message: e.message });
      throw e;
    }
  };
  // the office's codes of the free texts (server/domain/office-coding.ts): a release's as they were
  // when it was published, else as they are now
  const published = loaded.source?.release?.publishedAt;
  const office = await officeCodedPairs(opts.database, survey, published ? Date.parse(published) : null);
  const makeFiles = () => {
    const coded = withOfficeCodes(loaded.data, ctx.labels, office.pairs);
    const m = buildMicrodata(coded.data, coded.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
      kind,
      publicUse: ctx.publicUse,
      individual: ctx.individual,
      publicUseKey: publicUseKeyOfRun,
    });
    return exportMicrodata(m, format, {
      lang,
      source: ctx.sourceLang,
      survey,
      notice: noticeOf(ctx, loaded, lang),
      date,
    });
  };
  // every file of the format is made at once and kept, so the other files of the list are then at hand
  // (the public kind too: its codes come from the run's key, so a kept copy is the same file)
  const files = await outputCache.getOrMake(
    outputCache.key(
      loaded,
      fingerprintOf(ctx),
      'microdata',
      kind,
      loaded.source?.release?.id ?? null,
      office.generation,
      format,
      lang,
    ),
    make,
    (fs) => fs.reduce((n, f) => n + f.bytes.byteLength, 0),
  );
  if (file === MICRODATA_ARCHIVE)
    return {
      body: zipArchive(files, date ?? undefined),
      type: 'application/zip',
      filename: stem(survey, loaded, `${kind}-${format}.zip`),
      headers: kind === 'public' ? riskHeader(files) : undefined,
    };
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
  return { body: hit.bytes, type, filename: file.startsWith(survey) ? file : stem(survey, loaded, file) };
}

/** The names of the files of a format, for the download list (public-use: the one archive). */
export function microdataFiles(
  survey: string,
  format: MicrodataFormat,
  kind: MicrodataKind = 'internal',
): string[] {
  if (kind === 'public') return [MICRODATA_ARCHIVE];
  const data =
    format === 'xlsx' ? [`${survey}-microdata.xlsx`] : ['households', 'persons'].map((f) => `${f}.${format}`);
  return [...data, 'codebook.json', 'codebook.csv', 'codebook.md', ...setupFiles(format)];
}
