/**
 * Everything a server process does before it listens: open the database, apply migrations, publish the
 * questionnaires found on disk, load every survey folder's profile (a bad one stops the start), check that
 * the built tablet app draws every question type they use, refuse demo accounts in production mode, and
 * start the background jobs.
 * The engine knows no demo: a caller may pass hooks (demo/start.ts seeds an empty database and resumes
 * its simulated supervisors); the production entry (server/index.ts) passes none.
 */
import { eq, sql } from 'drizzle-orm';
import { createApp } from './app.ts';
import type { Database } from './db/client.ts';
import { DatabaseUnavailable } from './db/connect.ts';
import { openDatabaseFromEnv } from './db/from-env.ts';
import { migrateDatabase } from './db/migrate.ts';
import { users } from './db/schema.ts';
import { typesMissingFromBuild } from './domain/built-question-types.ts';
import { VALIDATION_JOB } from './domain/interviews.ts';
import { createLoginThrottle } from './domain/login-throttle.ts';
import { findQuestionnaireFiles } from './domain/questionnaire-files.ts';
import { publishVersion } from './domain/questionnaires.ts';
import { bindSurveys, loadSurveys, SurveyProfileError, type SurveyRegistry } from './domain/surveys.ts';
import { createWeightingRuns, type WeightingRuns } from './domain/weighting/runs.ts';
import type { Env } from './env.ts';
import { QUALITY_JOB, qualityFlagsJob, thenQualityFlags } from './jobs/quality-flags.ts';
import { createJobRunner, type JobRunner } from './jobs/runner.ts';
import { tablesAfterWeighting, tablesAtStart } from './jobs/tables-after-weighting.ts';
import { validationJob } from './jobs/validate-answers.ts';
import { createValidationPool } from './jobs/validation-thread.ts';
import { weighInWorker } from './jobs/weighting-thread.ts';
import { createLogger, errorFacts, type Logger } from './log.ts';

export interface Started {
  app: ReturnType<typeof createApp>;
  database: Database;
  jobs: JobRunner;
  weighting: WeightingRuns;
  warnings: string[];
  /** The process's JSON log (LOG_LEVEL): one line per request and per job step. */
  logger: Logger;
  close: () => Promise<void>;
}

/** What a caller adds to the engine's start (the demo does; production adds nothing). */
export interface StartHooks {
  /** Runs once on a database without any user, after the migrations and the questionnaires' publication. */
  onEmptyDatabase?: (database: Database) => Promise<void>;
  /**
   * Runs once the app is built and the jobs started (`runJobs` says whether they were); may return a
   * function that `close()` calls first.
   */
  afterStart?: (started: Omit<Started, 'close'>, runJobs: boolean) => Promise<(() => void) | undefined>;
}

export class StartupError extends Error {}

export async function startMorabeza(
  env: Env,
  options: { runJobs?: boolean; hooks?: StartHooks; logger?: Logger } = {},
): Promise<Started> {
  const hooks = options.hooks ?? {};
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const runJobs = options.runJobs ?? env.MORABEZA_RUN_JOBS;
  const warnings: string[] = [];
  // every survey folder's profile, checked before anything else: a bad one stops the start
  let surveys: SurveyRegistry;
  try {
    surveys = loadSurveys(env.MORABEZA_QUESTIONNAIRES_DIR);
  } catch (error) {
    if (error instanceof SurveyProfileError)
      throw new StartupError(
        `a survey profile is invalid (fix it, or move the folder away):\n${error.message}`,
      );
    throw error;
  }
  // the built tablet app must draw every question of the survey folders (it follows them at each build)
  const missing = typesMissingFromBuild(
    env.MORABEZA_CLIENT_DIR,
    findQuestionnaireFiles(env.MORABEZA_QUESTIONNAIRES_DIR),
  );
  if (missing.length)
    throw new StartupError(
      `the tablet app was built before these survey folders used these question types:\n${missing.join('\n')}\nrun \`npm run build\` (the build keeps every type a survey folder uses), then start again`,
    );
  const database = await openDatabaseFromEnv(env).catch((error: unknown) => {
    throw error instanceof DatabaseUnavailable ? new StartupError(error.message) : error;
  });
  bindSurveys(database, surveys);
  try {
    await migrateDatabase(database.db);
    for (const file of findQuestionnaireFiles(env.MORABEZA_QUESTIONNAIRES_DIR)) {
      if ((await publishVersion(database.db, file)) === 'frozen') {
        warnings.push(
          `questionnaire ${file.id} v${file.version} differs from the fielded copy in the database and was NOT changed; publish it as a new version (.v${file.version + 1}.json)`,
        );
      }
    }
    if (env.MORABEZA_MODE === 'production') {
      const demo = await demoAccountsPresent(database);
      if (demo.length) {
        throw new StartupError(
          `production mode refuses to start while demo accounts exist (${demo.join(', ')}): use a fresh DATABASE_URL for production, or MORABEZA_MODE=demo`,
        );
      }
    }
    if (hooks.onEmptyDatabase && (await userCount(database)) === 0) await hooks.onEmptyDatabase(database);
    const validation = createValidationPool(env.MORABEZA_JOB_WORKERS);
    const jobs = createJobRunner(
      database,
      {
        [VALIDATION_JOB]: thenQualityFlags(validationJob(database, validation), database, (line) =>
          logger.warn({ job: VALIDATION_JOB }, line),
        ),
        [QUALITY_JOB]: qualityFlagsJob(database),
      },
      logger,
      { concurrency: env.MORABEZA_JOB_WORKERS },
    );
    const weighting = createWeightingRuns(database, {
      outDir: env.MORABEZA_WEIGHTS_DIR,
      source: env.DATABASE_URL.split('?')[0],
      weigh: weighInWorker,
      log: (line) => logger.info({ job: 'weighting' }, line),
      ...tablesAfterWeighting(database, (line) => logger.info({ job: 'tables' }, line)),
    });
    // runs left unfinished by a node that went away (a restart, a crash) are marked failed
    const interrupted = await weighting.recover();
    if (interrupted)
      warnings.push(`${interrupted} weighting run(s) were interrupted by a restart and marked failed`);
    const app = createApp({
      database,
      weighting,
      settings: {
        sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
        bodyLimitBytes: env.BODY_LIMIT_BYTES,
        reassignedListMs: env.MORABEZA_REASSIGNED_LIST_DAYS * 86_400_000,
        mode: env.MORABEZA_MODE,
      },
      throttle: createLoginThrottle(database),
      kickJobs: () => jobs.kick(),
      clientDir: env.MORABEZA_CLIENT_DIR,
      logger,
    });
    if (runJobs) {
      await jobs.start();
      // the weighted surveys' standard tables, made again in the background after a restart
      void tablesAtStart(database, (line) => logger.info({ job: 'tables' }, line)).catch((error) =>
        logger.warn({ job: 'tables', error: errorFacts(error) }, 'standard tables not made at start'),
      );
    }
    let stopHook: (() => void) | undefined;
    try {
      stopHook = await hooks.afterStart?.({ app, database, jobs, weighting, warnings, logger }, runJobs);
    } catch (error) {
      await weighting.close();
      await jobs.stop();
      await validation.close();
      throw error;
    }
    return {
      app,
      database,
      jobs,
      warnings,
      weighting,
      logger,
      close: async () => {
        stopHook?.();
        await weighting.close();
        await jobs.stop();
        await validation.close();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
}

async function userCount(database: Database): Promise<number> {
  const rows = await database.db.select({ n: sql<number>`count(*)` }).from(users);
  return rows[0]?.n ?? 0;
}

/** The demo accounts in the database (production refuses to run while any exists). */
async function demoAccountsPresent(database: Database): Promise<string[]> {
  const rows = await database.db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.isDemo, true));
  return rows.map((r) => r.username);
}
