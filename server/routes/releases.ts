/**
 * The releases (publish and retire: coordinator, analyst, admin; list: the same):
 *   GET  /api/releases/:survey              every release, newest first (retired ones too)
 *   POST /api/releases/:survey              publish a finished run { run, name, date, note } (201)
 *   POST /api/releases/:survey/:id/retire   retire a release (its tables are no longer served)
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { publishRequestSchema } from '../contract/releases.ts';
import { surveyContext } from '../domain/analysis-context.ts';
import { listReleases, publishRelease, retireRelease } from '../domain/releases.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { readBody } from './parse.ts';

export function releaseRoutes(deps: AppDeps & { analysis?: { root?: string } }) {
  const root = deps.analysis?.root;
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .use(allow('coordinator', 'analyst', 'admin'))
    .get('/:survey', async (c) => {
      surveyContext(c.req.param('survey'), { root });
      return c.json(await listReleases(deps.database, c.req.param('survey')));
    })
    .post('/:survey', async (c) => {
      surveyContext(c.req.param('survey'), { root });
      const req = await readBody(c, publishRequestSchema);
      return c.json(await publishRelease(deps.database, c.req.param('survey'), req, c.get('user').id), 201);
    })
    .post('/:survey/:id/retire', async (c) => {
      surveyContext(c.req.param('survey'), { root });
      return c.json(
        await retireRelease(
          deps.database,
          c.req.param('survey'),
          Number(c.req.param('id')),
          c.get('user').id,
        ),
      );
    });
}
