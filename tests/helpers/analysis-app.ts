/**
 * The server app an analyst talks to in a test: createApp on the test database with the demo settings,
 * a login throttle and no background jobs, its analysis reading a folder of weighted data instead of the
 * database (the WeightedData fixture, tests/fixtures/tables, unless `extra.analysis` says another). Shared
 * by the analysis API tests (tables, models, microdata, public-use, their languages) and the analyst
 * screen in Chromium; `extra` adds or replaces app options. testAppOptions is the part every test app
 * shares (tests/helpers/weighed-app.ts too). analysisSuite is the analysis API test files' frame.
 */
import { afterAll, beforeAll } from 'vitest';
import { type CreateAppOptions, createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/client.ts';
import { createLoginThrottle } from '../../server/domain/login-throttle.ts';
import { createTestContext, type Person, type TestContext } from './server.ts';

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

/** A data folder that does not exist: the app of a survey with nothing weighted yet. */
export const NO_WEIGHTED_DATA = '/nonexistent/morabeza-weights';

export interface AnalysisSuite {
  ctx: TestContext;
  /** The analysis app on the fixture. */
  app: AnalysisApp;
  /** The same app with nothing weighted (NO_WEIGHTED_DATA). */
  bare: AnalysisApp;
  /** The authorization header of `as`'s session. */
  auth: (as: Person) => Promise<{ authorization: string }>;
}

/**
 * An analysis API test file's frame: before its tests, a test context (tests/helpers/server.ts) and its
 * apps; after them, the context closed. Read the fields inside a test, not at import.
 */
export function analysisSuite(): AnalysisSuite {
  const suite = {
    auth: async (as: Person) => ({ authorization: `Bearer ${await suite.ctx.token(as)}` }),
  } as AnalysisSuite;
  beforeAll(async () => {
    suite.ctx = await createTestContext();
    suite.app = analysisApp(suite.ctx.database);
    suite.bare = analysisApp(suite.ctx.database, { analysis: { dataDir: () => NO_WEIGHTED_DATA } });
  });
  afterAll(async () => suite.ctx?.close());
  return suite;
}
