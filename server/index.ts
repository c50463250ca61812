/**
 * The production entry (`npm run serve`, or `node --import tsx server/index.ts`): parse the
 * configuration, start the engine without any demo, listen, and stop cleanly on SIGINT/SIGTERM. It never
 * seeds: in MORABEZA_MODE=production it refuses a database with demo accounts; in demo mode (the default)
 * it serves whatever database it is given, an existing demo one included, without its simulated staff.
 * The demo (`npm start`) is demo/main.ts.
 */
import { loadEnv } from './env.ts';
import { listen } from './listen.ts';
import { startMorabeza } from './startup.ts';

const env = loadEnv();
await listen(
  env,
  () => startMorabeza(env),
  () =>
    env.MORABEZA_MODE === 'demo'
      ? [
          'demo mode: demo accounts are allowed but nothing is seeded (`npm start` runs the demo);',
          '  set MORABEZA_MODE=production for a real survey',
        ]
      : [],
);
