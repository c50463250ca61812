/** The surveys this server runs: their profiles (for the tablet and the staff screens) and geography. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import type { SurveyDetail } from '../contract/geography.ts';
import type { SurveyList } from '../contract/survey-profile.ts';
import { surveysOf } from '../domain/surveys.ts';
import { requireAuth } from '../middleware/auth.ts';

export function surveyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .get('/', (c) => {
      const surveys = [...surveysOf(deps.database).list()].sort((a, b) => a.id.localeCompare(b.id));
      return c.json({ surveys } satisfies SurveyList);
    })
    .get('/:id', (c) => {
      const surveys = surveysOf(deps.database);
      const profile = surveys.require(c.req.param('id'));
      return c.json({
        profile,
        geography: surveys.geography(profile.id),
        interfaceStrings: surveys.interfaceStrings(profile.id),
      } satisfies SurveyDetail);
    });
}
