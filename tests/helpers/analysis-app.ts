/**
 * The server app an analyst talks to in a test: createApp on the test database with the demo settings,
 * a login throttle and no background jobs, its analysis reading a folder of weighted data instead of the
 * database (the WeightedData fixture, tests/fixtures/tables, unless `extra.analysis` says another). Shared
 * by the analysis API tests (tables, models, microdata, public-use, their languages) and the analyst
 * screen in Chromium; `extra` adds or replaces app options. testAppOptions is the part every test app
 * shares (tests/helpers/weighed-app.ts too).
 */
import { type CreateAppOptions, createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/client.ts';
import { createLoginThrottle } from '../../server/domain/login-throttle.ts';

/** The WeightedData fixture the analysis tests read. */
export const FIXTURE_TABLES = 'tests/fixtures/tables';

export type AnalysisApp = ReturnType<typeof createApp>;

/** The app options every test app shares: the demo settings, a login throttle, no background jobs. */
export function testAppOptions(database: Database): CreateAppOptions {
  return {
    database,
    settings: {
      sessionTtlMs: 3_600_000,
      bodyLimitBytes: 256 * 1024,
      reassignedListMs: 30 * 86_400_000,
      mode: 'demo',
    },
    throttle: createLoginThrottle(database),
    kickJobs: () => {},
  };
}

export function analysisApp(database: Database, extra: Partial<CreateAppOptions> = {}): AnalysisApp {
  return createApp({ ...testAppOptions(database), analysis: { dataDir: () => FIXTURE_TABLES }, ...extra });
}
