/**
 * The analysts' API (analyst, coordinator, admin): the table builder's catalogue, the standard
 * tables, a custom table, and the de-identified microdata files with their codebook. Every read takes
 * `?release=<id>` (default: the latest published release, else the latest finished run).
 *   GET  /api/analysis/:survey                          catalogue
 *   GET  /api/analysis/:survey/tables/:id?lang&format   a standard table (id 'all': every table; lang pt|en|fr|kea)
 *   POST /api/analysis/:survey/tables?lang&format       a custom table (TableRequest)
 *   POST /api/analysis/:survey/models?lang&format       a survey-weighted regression (ModelRequest; lang pt|en|fr|kea)
 *   GET  /api/analysis/:survey/microdata/:format        the file names of a format (?kind)
 *   GET  /api/analysis/:survey/microdata/:format/:file  one file (households.dta, codebook.json, ...),
 *        or microdata.zip (all of them); ?kind=internal (default) or public (only microdata.zip);
 *        ?lang pt (default), en, fr or kea: the labels' language (the survey's source language where
 *        its questionnaire lacks one) and codebook.md's
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { MicrodataFormat } from '../../analysis/export/bundle.ts';
import { isTableLang, TABLE_LANGS, type TableLang } from '../../analysis/tables/table-words.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { microdataKindSchema, tableRequestSchema } from '../contract/analysis.ts';
import { modelRequestSchema } from '../contract/analysis-models.ts';
import type { Download, TableFormat } from '../domain/analysis.ts';
import type { AnalysisOptions } from '../domain/analysis-data.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';
import { readBody } from './parse.ts';

function formatQuery(c: Context): TableFormat {
  const format = c.req.query('format') ?? 'json';
  if (!['json', 'csv', 'xlsx'].includes(format))
    throw new Problem('request.invalid', [{ field: 'format', message: 'use json, csv or xlsx' }]);
  return format as TableFormat;
}

/** A table's or model's query: the engine's words in pt, en, fr or kea (tables/table-words.ts, model-words.ts). */
/** `?lang`: pt (default), en, fr or kea; another is a 422 naming `lang`. */
function langQuery(c: Context): TableLang {
  const lang = c.req.query('lang') ?? 'pt';
  if (!isTableLang(lang))
    throw new Problem('request.invalid', [{ field: 'lang', message: `use ${TABLE_LANGS.join(', ')}` }]);
  return lang;
}

function tableQuery(c: Context): { lang: TableLang; format: TableFormat } {
  return { lang: langQuery(c), format: formatQuery(c) };
}

function send(c: Context, d: Download) {
  c.header('content-type', d.type);
  c.header('cache-control', 'no-store');
  if (!d.type.startsWith('application/json'))
    c.header('content-disposition', `attachment; filename="${d.filename}"`);
  for (const [name, value] of Object.entries(d.headers ?? {})) c.header(name, value);
  return c.body(typeof d.body === 'string' ? d.body : (d.body as Uint8Array<ArrayBuffer>));
}

// The estimation engine, exceljs and the writers load on the first analysis request, not at start-up.
const domain = () => import('../domain/analysis.ts');
const FORMATS: readonly MicrodataFormat[] = ['csv', 'xlsx', 'dta', 'parquet'];

function formatOf(c: Context): MicrodataFormat {
  const f = c.req.param('format') as MicrodataFormat;
  if (!FORMATS.includes(f)) throw new Problem('resource.not_found', { format: f, formats: FORMATS });
  return f;
}

function kindOf(c: Context) {
  const kind = microdataKindSchema.safeParse(c.req.query('kind') ?? 'internal');
  if (!kind.success)
    throw new Problem('request.invalid', [
      { field: 'kind', message: `use ${microdataKindSchema.options.join(' or ')}` },
    ]);
  return kind.data;
}

export function analysisRoutes(deps: AppDeps & { analysis?: AnalysisOptions }) {
  // the weighted data come from the database (runs and releases) unless a folder is given (tests, tools)
  const opts: AnalysisOptions = { ...deps.analysis, database: deps.database };
  const release = (c: Context) => c.req.query('release');
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .use(allow('analyst', 'coordinator', 'admin'))
    .get('/:survey', async (c) => c.json(await (await domain()).catalogue(c.req.param('survey'), opts)))
    .get('/:survey/tables/:id', async (c) => {
      const { lang, format } = tableQuery(c);
      const { standardTable } = await domain();
      return send(
        c,
        await standardTable(c.req.param('survey'), c.req.param('id'), lang, format, opts, release(c)),
      );
    })
    .post('/:survey/tables', async (c) => {
      const { lang, format } = tableQuery(c);
      const req = await readBody(c, tableRequestSchema);
      const { customTable } = await domain();
      return send(c, await customTable(c.req.param('survey'), req, lang, format, opts, release(c)));
    })
    .post('/:survey/models', async (c) => {
      const { lang, format } = tableQuery(c);
      const req = await readBody(c, modelRequestSchema);
      const { customModel } = await import('../domain/analysis-models.ts');
      return send(c, await customModel(c.req.param('survey'), req, lang, format, opts, release(c)));
    })
    .get('/:survey/microdata/:format', async (c) => {
      const { surveyContext, microdataFiles } = await domain();
      const kind = kindOf(c);
      const ctx = surveyContext(c.req.param('survey'), opts);
      if (kind === 'public' && !ctx.publicUse)
        throw new Problem('export.no_public_use', { survey: c.req.param('survey') });
      return c.json({ files: microdataFiles(c.req.param('survey'), formatOf(c), kind) });
    })
    .get('/:survey/microdata/:format/:file', async (c) => {
      const lang = langQuery(c);
      const kind = kindOf(c);
      const { microdataFile } = await domain();
      const file = c.req.param('file');
      return send(
        c,
        await microdataFile(c.req.param('survey'), formatOf(c), file, lang, opts, release(c), kind),
      );
    });
}
