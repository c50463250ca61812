/** The server process: parse the configuration, start, listen, and stop cleanly on SIGINT/SIGTERM. */
import { serve } from '@hono/node-server';
import { DEMO_STAFF } from '../demo/seed.ts';
import { loadEnv } from './env.ts';
import { StartupError, startMorabeza } from './startup.ts';

const env = loadEnv();
let started: Awaited<ReturnType<typeof startMorabeza>>;
try {
  started = await startMorabeza(env);
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
  if (env.MORABEZA_MODE === 'demo') {
    const password = env.MORABEZA_DEMO_PASSWORD ?? 'demo';
    console.log(`Demo accounts (password "${password}"): admin, coordinator, supervisor1, supervisor2,`);
    console.log('  enumerator1, enumerator2, enumerator3, analyst');
    if (started.demoAccounts)
      console.log(
        `  (a new demo: ${DEMO_STAFF.enumerators} enumerators and ${DEMO_STAFF.supervisors} supervisors in ${DEMO_STAFF.teams} teams; see README.md)`,
      );
  }
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
