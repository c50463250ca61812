/** One survey's fieldwork dashboard (?survey=<id>): coordinators and admins see everything, a supervisor their team. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { fieldworkDashboard } from '../domain/dashboard.ts';
import { chosenSurvey, surveysOf } from '../domain/surveys.ts';
import { allow, requireAuth } from '../middleware/auth.ts';

export function dashboardRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps))
    .get('/', allow('coordinator', 'admin', 'supervisor'), async (c) =>
      c.json(
        await fieldworkDashboard(
          deps.database.db,
          c.get('user'),
          chosenSurvey(surveysOf(deps.database), c.req.query('survey')),
        ),
      ),
    );
}
