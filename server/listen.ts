/**
 * A started Morabeza as a process: listen on HOST:PORT, print where, and stop cleanly on SIGINT/SIGTERM.
 * Shared by the production entry (server/index.ts) and the demo's (demo/main.ts), which differ only in
 * how they start (with or without the demo's hooks) and in what they print once listening.
 */
import { serve } from '@hono/node-server';
import type { Env } from './env.ts';
import { type Started, StartupError } from './startup.ts';

/** The longest a stop may take (SIGTERM's usual grace is 10 s). */
const STOP_DEADLINE_MS = 9_000;
/** How long in-flight requests get to finish before the jobs and the database are closed. */
const REQUESTS_GRACE_MS = 4_000;

export async function listen<S extends Started>(
  env: Env,
  start: () => Promise<S>,
  banner: (started: S, url: string) => string[] = () => [],
): Promise<void> {
  let started: S;
  try {
    started = await start();
  } catch (error) {
    console.error(
      `Morabeza cannot start: ${error instanceof StartupError ? error.message : (error as Error).stack}`,
    );
    process.exit(1);
  }
  for (const warning of started.warnings) console.warn(`warning: ${warning}`);

  const server = serve({ fetch: started.app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const url = `http://localhost:${info.port}`;
    console.log(`Morabeza is running at ${url} (${env.MORABEZA_MODE} mode, database ${env.DATABASE_URL})`);
    for (const line of banner(started, url)) console.log(line);
    console.log(`API description: ${url}/api/openapi.json`);
  });

  const { logger } = started;
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${signal}: stopping (no new requests; in-flight requests and job steps finish)`);
    // whatever happens below, the process is gone within STOP_DEADLINE_MS; nothing acknowledged is lost
    // (every 2xx was committed) and jobs not done are pending again at the next start
    setTimeout(() => {
      logger.error({ signal }, `${signal}: not stopped after ${STOP_DEADLINE_MS} ms: exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, REQUESTS_GRACE_MS).unref())]);
    await started.close();
    logger.info({ signal }, `${signal}: stopped`);
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
