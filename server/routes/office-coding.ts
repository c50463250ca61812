/**
 * The coders' API (coordinators and admins; supervisors for their team's interviews, the domain's rule):
 *   GET  /api/office-coding/:survey          the pairs, their code lists and text groups (?status=uncoded|all),
 *                                            suggestions from the code titles in ?lang=pt|en|fr|kea (pt)
 *   POST /api/office-coding/:survey/assign   { pair, text, code }: one group's office code
 *   POST /api/office-coding/:survey/clear    { pair, text, reason }: the group back to uncoded
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import {
  assignOfficeCodeSchema,
  clearOfficeCodeSchema,
  OFFICE_TITLE_LANGS,
  type OfficeTitleLang,
} from '../contract/office-coding.ts';
import { assignOfficeCode, clearOfficeCode, officeCodingView } from '../domain/office-coding.ts';
import { surveysOf } from '../domain/surveys.ts';
import { allow, requireAuth } from '../middleware/auth.ts';
import { Problem } from '../problems.ts';
import { readBody } from './parse.ts';

export function officeCodingRoutes(deps: AppDeps) {
  const { database } = deps;
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .use(allow('supervisor', 'coordinator', 'admin'))
    .get('/:survey', async (c) => {
      const status = c.req.query('status') ?? 'uncoded';
      if (status !== 'uncoded' && status !== 'all')
        throw new Problem('request.invalid', [{ field: 'status', message: 'use uncoded or all' }]);
      const lang = c.req.query('lang') ?? 'pt';
      if (!OFFICE_TITLE_LANGS.includes(lang as OfficeTitleLang))
        throw new Problem('request.invalid', [
          { field: 'lang', message: `use one of ${OFFICE_TITLE_LANGS.join(', ')}` },
        ]);
      const surveys = surveysOf(database);
      const user = c.get('user');
      const survey = c.req.param('survey');
      return c.json(
        await officeCodingView(
          database,
          surveys,
          user,
          survey,
          status === 'uncoded',
          lang as OfficeTitleLang,
        ),
      );
    })
    .post('/:survey/assign', async (c) => {
      const body = await readBody(c, assignOfficeCodeSchema);
      const surveys = surveysOf(database);
      return c.json(await assignOfficeCode(database, surveys, c.get('user'), c.req.param('survey'), body));
    })
    .post('/:survey/clear', async (c) => {
      const body = await readBody(c, clearOfficeCodeSchema);
      const surveys = surveysOf(database);
      return c.json(await clearOfficeCode(database, surveys, c.get('user'), c.req.param('survey'), body));
    });
}
