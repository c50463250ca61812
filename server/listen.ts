/**
 * A started Morabeza as a process: listen on HOST:PORT, print where, and stop cleanly on SIGINT/SIGTERM.
 * Shared by the production entry (server/index.ts) and the demo's (demo/main.ts), which differ only in
 * how they start (with or without the demo's hooks) and in what they print once listening.
 */
import { serve } from '@hono/node-server';
import type { Env } from './env.ts';
import { type Started, StartupError } from './startup.ts';

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

  async function shutdown(signal: string) {
    console.log(`${signal}: stopping`);
    server.close();
    await started.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
