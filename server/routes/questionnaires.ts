import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { getVersion, listQuestionnaires } from '../domain/questionnaires.ts';
import { requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';

export function questionnaireRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .get('/', async (c) => c.json(await listQuestionnaires(deps.database.db)))
    .get('/:id/versions/:version', async (c) => {
      const version = Number(c.req.param('version'));
      if (!Number.isInteger(version) || version < 1) {
        throw new Problem('request.invalid', [
          { field: 'version', message: 'must be a whole number from 1' },
        ]);
      }
      const found = await getVersion(deps.database.db, c.req.param('id'), version);
      if (!found || found.status === 'draft')
        throw new Problem('resource.not_found', { id: c.req.param('id'), version });
      c.header('ETag', `"${found.contentHash}"`);
      c.header('Cache-Control', 'private, max-age=31536000, immutable');
      return c.body(found.definition, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    });
}
