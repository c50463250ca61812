/**
 * The HTTP application: one onError that turns every failure into a problem body, one sub-app per
 * resource, and the built tablet app served at `/`.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Env, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './context.ts';
import { describeDatabaseError } from './db/connect.ts';
import type { AnalysisOptions } from './domain/analysis-data.ts';
import { bindSurveys, type SurveyRegistry } from './domain/surveys.ts';
import { createWeightingRuns, type WeightingRuns } from './domain/weighting/runs.ts';
import { tablesAfterWeighting } from './jobs/tables-after-weighting.ts';
import { weighInWorker } from './jobs/weighting-thread.ts';
import { errorFacts, type Logger, silentLogger } from './log.ts';
import { bodyLimits } from './middleware/body-limits.ts';
import { requestLog } from './middleware/request-log.ts';
import { Problem } from './problems.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { assignmentRoutes } from './routes/assignments.ts';
import { authRoutes } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { interviewRoutes } from './routes/interviews.ts';
import { listingRoutes } from './routes/listing.ts';
import { officeCodingRoutes } from './routes/office-coding.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { questionnaireRoutes } from './routes/questionnaires.ts';
import { releaseRoutes } from './routes/releases.ts';
import { reviewRoutes } from './routes/review.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { weightingRoutes } from './routes/weighting.ts';

export interface CreateAppOptions extends AppDeps {
  /** Folder of the built client (vite build); not served when absent. */
  clientDir?: string;
  /** Where the table plans are (default questionnaires/); a folder of weighted data instead of the database (tests). */
  analysis?: AnalysisOptions;
  /** The weighting runs (default: worker-thread runs stored in the database, files cached in data/weights). */
  weighting?: WeightingRuns;
  /** One JSON line per request (server/log.ts); default: none (tests, the demo's in-process seeding). */
  logger?: Logger;
  /** The surveys (default: those start-up loaded for this database, server/domain/surveys.ts). */
  surveys?: SurveyRegistry;
}

/**
 * The browser may run only the app's own scripts (no inline or injected script, no eval) and talk only
 * to this server. Inline styles stay allowed: React's style attributes and SurveyJS's themes set them.
 * Images and fonts may be data:/blob: URLs (icons, photos taken in the interview).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof HTTPException && error.status === 413) return new Problem('request.too_large');
  // the database server went away: the tablet keeps its copy and retries later
  // or cannot write now (locked, disk full, read-only): the same, the tablet retries
  const { kind } = describeDatabaseError(error);
  if (kind === 'unreachable' || kind === 'unwritable') return new Problem('server.unavailable', { kind });
  return new Problem('server.internal');
}

function describeFailure(problem: Problem, error: unknown): string {
  if (problem.code === 'server.unavailable')
    return `database unavailable (${describeDatabaseError(error).kind})`;
  return 'unexpected error';
}

/** The log line's words for a refusal: the client's abort says so (it is not the server's failure). */
function describeRefusal(problem: Problem): string {
  return problem.code === 'request.aborted'
    ? 'client closed the connection mid-request (nothing stored)'
    : problem.message;
}

export function createApp(options: CreateAppOptions) {
  const logger = options.logger ?? silentLogger();
  if (options.surveys) bindSurveys(options.database, options.surveys);
  const app = new Hono<AppEnv>();
  app.use(...requestLog(logger));
  app.use(
    secureHeaders({ crossOriginResourcePolicy: false, contentSecurityPolicy: CONTENT_SECURITY_POLICY }),
  );
  app.onError((error, c) => {
    const problem = toProblem(error);
    // the request's log line (middleware/request-log.ts) names the code, and for a 5xx the error's facts
    c.set('problem', {
      code: problem.code,
      summary: problem.status >= 500 ? describeFailure(problem, error) : describeRefusal(problem),
      ...(problem.status >= 500 ? { error: errorFacts(error) } : {}),
    });
    return c.json(problem.toBody(), problem.status as 400);
  });

  const weighting =
    options.weighting ??
    createWeightingRuns(options.database, {
      outDir: 'data/weights',
      source: 'the server database',
      weigh: weighInWorker,
      log: (line) => logger.info({ job: 'weighting' }, line),
      ...tablesAfterWeighting(
        options.database,
        (line) => logger.info({ job: 'tables' }, line),
        options.analysis,
      ),
    });
  app.use('/api/*', bodyLimits(options.settings.bodyLimitBytes));
  const api = new Hono<AppEnv>()
    .route('/health', healthRoutes(options))
    .route('/openapi.json', openApiRoutes())
    .route('/auth', authRoutes(options))
    .route('/surveys', surveyRoutes(options))
    .route('/questionnaires', questionnaireRoutes(options))
    .route('/assignments', assignmentRoutes(options))
    .route('/interviews', interviewRoutes(options))
    .route('/listings', listingRoutes(options))
    .route('/review', reviewRoutes(options))
    .route('/office-coding', officeCodingRoutes(options))
    .route('/dashboard', dashboardRoutes(options))
    .route('/devices', deviceRoutes(options))
    .route('/analysis', analysisRoutes(options))
    .route('/releases', releaseRoutes(options))
    .route('/weighting', weightingRoutes({ ...options, weighting }));
  app.route('/api', api);
  app.all('/api/*', (c) => c.json(new Problem('route.not_found', { path: c.req.path }).toBody(), 404));

  const clientDir = options.clientDir;
  if (clientDir && existsSync(clientDir)) serveClientApp(app, clientDir);
  return app;
}

/**
 * The built tablet app at `/`, every unknown path answered with its index.html (the app's own routes).
 * The build writes .br and .gz copies of each text asset (scripts/build/precompress.ts): a browser that
 * accepts them gets those, so the tablet downloads ~550 kB gzip (or ~440 kB brotli) instead of ~2.4 MB.
 */
export function serveClientApp<E extends Env>(app: Hono<E>, clientDir: string): void {
  app.use('/*', serveStatic({ root: clientDir, precompressed: true }));
  app.get('/*', serveStatic({ root: clientDir, path: 'index.html', precompressed: true }));
}

export type App = ReturnType<typeof createApp>;
