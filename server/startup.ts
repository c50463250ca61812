/**
 * Everything a server process does before it listens: open the database, apply migrations, publish the
 * questionnaires found on disk, seed the demo on an empty database, and start the background jobs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { type Database, openDatabase } from './db/client.ts';
import { DatabaseUnavailable } from './db/connect.ts';
import { migrateDatabase } from './db/migrate.ts';
import { VALIDATION_JOB } from './domain/interviews.ts';
import { createLoginThrottle } from './domain/login-throttle.ts';
import { findQuestionnaireFiles, publishVersion } from './domain/questionnaires.ts';
import { bindSurveys, loadSurveys, SurveyProfileError, type SurveyRegistry } from './domain/surveys.ts';
import { createWeightingRuns, type WeightingRuns } from './domain/weighting/runs.ts';
import type { Env } from './env.ts';
import { QUALITY_JOB, qualityFlagsJob, thenQualityFlags } from './jobs/quality-flags.ts';
import { createJobRunner, type JobRunner } from './jobs/runner.ts';
import { validationJob } from './jobs/validate-answers.ts';
import { createValidationPool } from './jobs/validation-thread.ts';
import { weighInWorker } from './jobs/weighting-thread.ts';
import {
  type DemoAccount,
  demoAccountsPresent,
  isEmpty,
  lastDemoSupervisors,
  resumeDemoSupervisors,
  seedDemo,
} from './seed/demo.ts';

export interface Started {
  app: ReturnType<typeof createApp>;
  database: Database;
  jobs: JobRunner;
  demoAccounts: DemoAccount[] | null;
  weighting: WeightingRuns;
  warnings: string[];
  close: () => Promise<void>;
}

export class StartupError extends Error {}

/** The surveys with a sample design (design.json in their folder): those a weighting run can weight. */
const weightedSurveys = (surveys: SurveyRegistry) =>
  surveys
    .list()
    .map((p) => p.id)
    .filter((id) => existsSync(join(surveys.dir, id, 'design.json')));

export async function startMorabeza(env: Env, options: { runJobs?: boolean } = {}): Promise<Started> {
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
  const database = await openDatabase({
    url: env.DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN,
    syncUrl: env.DATABASE_SYNC_URL,
    syncInterval: env.DATABASE_SYNC_INTERVAL,
    busyTimeoutMs: env.DATABASE_BUSY_TIMEOUT_MS,
    connectAttempts: env.DATABASE_CONNECT_ATTEMPTS,
  }).catch((error: unknown) => {
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
    let demoAccounts: DemoAccount[] | null = null;
    if (env.MORABEZA_MODE === 'demo') {
      if (await isEmpty(database))
        demoAccounts = await seedDemo(database, env.MORABEZA_DEMO_PASSWORD ?? 'demo', {
          fieldwork: env.MORABEZA_DEMO_FIELDWORK,
          log: (line) => console.log(line),
        });
    } else {
      const demo = await demoAccountsPresent(database);
      if (demo.length) {
        throw new StartupError(
          `production mode refuses to start while demo accounts exist (${demo.join(', ')}): use a fresh DATABASE_URL for production, or MORABEZA_MODE=demo`,
        );
      }
    }
    const validation = createValidationPool(env.MORABEZA_JOB_WORKERS);
    const jobs = createJobRunner(
      database,
      {
        [VALIDATION_JOB]: thenQualityFlags(validationJob(database, validation), database),
        [QUALITY_JOB]: qualityFlagsJob(database),
      },
      undefined,
      { concurrency: env.MORABEZA_JOB_WORKERS },
    );
    const weighting = createWeightingRuns(database, {
      outDir: env.MORABEZA_WEIGHTS_DIR,
      source: env.DATABASE_URL.split('?')[0],
      weigh: weighInWorker,
      log: (line) => console.log(line),
    });
    const app = createApp({
      database,
      weighting,
      analysis: { dataDir: (survey) => join(env.MORABEZA_WEIGHTS_DIR, survey) },
      settings: {
        sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
        bodyLimitBytes: env.BODY_LIMIT_BYTES,
        mode: env.MORABEZA_MODE,
      },
      throttle: createLoginThrottle(),
      kickJobs: () => jobs.kick(),
      clientDir: env.MORABEZA_CLIENT_DIR,
    });
    if (options.runJobs ?? env.MORABEZA_RUN_JOBS) await jobs.start();
    let closed = false;
    // A restarted demo: its supervisors go on with the decisions they had not applied yet.
    const resumed =
      env.MORABEZA_MODE === 'demo' && !demoAccounts && (options.runJobs ?? env.MORABEZA_RUN_JOBS)
        ? await resumeDemoSupervisors(database, env.MORABEZA_DEMO_PASSWORD ?? 'demo', (line) =>
            console.log(line),
          )
        : null;
    // The demo shows weighted tables: once its supervisors have decided every interview, weight the
    // approved ones of each survey with a design (the same run as POST /api/weighting/<survey> or
    // `npm run weights -- <survey>`).
    const supervisors = demoAccounts ? lastDemoSupervisors : resumed;
    // (Always, even if someone weighted earlier: that run saw only the interviews approved by then.)
    supervisors?.done.then(async () => {
      for (const survey of weightedSurveys(surveys)) {
        try {
          await weighting.settled(survey);
          if (!closed) weighting.start(survey);
        } catch (error) {
          console.error(`demo weighting of ${survey} not started: ${(error as Error).message}`);
        }
      }
    });
    return {
      app,
      database,
      jobs,
      demoAccounts,
      warnings,
      weighting,
      close: async () => {
        closed = true;
        lastDemoSupervisors?.stop();
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
