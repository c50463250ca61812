/**
 * The weighting runs (coordinator, analyst, admin): start one, see its state, read the report.
 *   GET  /api/weighting/:survey          state of the last or current run, with its summary
 *   POST /api/weighting/:survey          start a run on the approved interviews (202; 409 while one runs)
 *   GET  /api/weighting/:survey/report   the weighting report of the last finished run (Markdown)
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import type { WeightingRuns } from '../domain/weighting/runs.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';

export function weightingRoutes(deps: AppDeps & { weighting: WeightingRuns }) {
  const runs = deps.weighting;
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .use(allow('coordinator', 'analyst', 'admin'))
    .get('/:survey', (c) => c.json(runs.status(c.req.param('survey'))))
    .post('/:survey', (c) => c.json(runs.start(c.req.param('survey')), 202))
    .get('/:survey/report', (c) => {
      const survey = c.req.param('survey');
      const text = runs.reportMarkdown(survey);
      if (text === null) throw new Problem('weighting.no_report', { survey });
      c.header('content-type', 'text/markdown; charset=utf-8');
      c.header('cache-control', 'no-store');
      return c.body(text);
    });
}
