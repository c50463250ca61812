/**
 * The weighting runs (coordinator, analyst, admin): start one, see its state, list the runs, read the
 * report. Every node answers the same: the runs are rows of the database.
 *   GET  /api/weighting/:survey            state of the last or current run, with the last summary
 *   POST /api/weighting/:survey            start a run on the approved interviews (202; 409 while one runs)
 *   GET  /api/weighting/:survey/runs       every run, newest first (who, when, inputs, versions, state)
 *   GET  /api/weighting/:survey/runs/:id   one run
 *   GET  /api/weighting/:survey/report     the weighting report of the last finished run (Markdown, as
 *        written by the run, in English); ?lang=pt|en|fr|kea: written again in that language; &format=json: as
 *        blocks (headings, text, tables) for a screen to render (analysis/weighting/report-document.ts)
 */
import { Hono } from 'hono';
import { documentMarkdown, REPORT_LANGS, type ReportLang } from '../../analysis/weighting/index.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import type { WeightingRuns } from '../domain/weighting/runs.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';

export function weightingRoutes(deps: AppDeps & { weighting: WeightingRuns }) {
  const runs = deps.weighting;
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .use(allow('coordinator', 'analyst', 'admin'))
    .get('/:survey', async (c) => c.json(await runs.status(c.req.param('survey'))))
    .post('/:survey', async (c) => c.json(await runs.start(c.req.param('survey'), c.get('user').id), 202))
    .get('/:survey/runs', async (c) => c.json(await runs.list(c.req.param('survey'))))
    .get('/:survey/runs/:id', async (c) =>
      c.json(await runs.run(c.req.param('survey'), Number(c.req.param('id')))),
    )
    .get('/:survey/report', async (c) => {
      const survey = c.req.param('survey');
      const lang = c.req.query('lang');
      const format = c.req.query('format') ?? 'markdown';
      if (lang !== undefined && !REPORT_LANGS.includes(lang as ReportLang))
        throw new Problem('request.invalid', [{ field: 'lang', message: `use ${REPORT_LANGS.join(', ')}` }]);
      if (format !== 'markdown' && format !== 'json')
        throw new Problem('request.invalid', [{ field: 'format', message: 'use markdown or json' }]);
      c.header('cache-control', 'no-store');
      if (lang !== undefined || format === 'json') {
        const blocks = await runs.reportDocument(survey, (lang ?? 'en') as ReportLang);
        if (blocks === null) throw new Problem('weighting.no_report', { survey });
        if (format === 'json') return c.json({ blocks });
        c.header('content-type', 'text/markdown; charset=utf-8');
        return c.body(documentMarkdown(blocks));
      }
      const text = await runs.reportMarkdown(survey);
      if (text === null) throw new Problem('weighting.no_report', { survey });
      c.header('content-type', 'text/markdown; charset=utf-8');
      return c.body(text);
    });
}
