/**
 * `npm start`: the demo. The engine's start (server/startup.ts) with the demo's hooks (demo/start.ts):
 * an empty database is seeded with the demo surveys, their accounts and, by default, their simulated
 * fieldwork; a restarted demo resumes its supervisors; once every interview is decided, each demo
 * survey is weighted. Refuses MORABEZA_MODE=production (use `npm run serve`).
 */
import { loadEnv } from '../server/env.ts';
import { listen } from '../server/listen.ts';
import { DEMO_STAFF } from './seed.ts';
import { startDemoMorabeza } from './start.ts';

const env = loadEnv();
await listen(
  env,
  () => startDemoMorabeza(env),
  (started) => {
    const password = env.MORABEZA_DEMO_PASSWORD ?? 'demo';
    const lines = [
      `Demo accounts (password "${password}"): admin, coordinator, supervisor1, supervisor2,`,
      '  enumerator1, enumerator2, enumerator3, analyst',
    ];
    if (started.demoAccounts)
      lines.push(
        `  (a new demo: ${DEMO_STAFF.enumerators} enumerators and ${DEMO_STAFF.supervisors} supervisors in ${DEMO_STAFF.teams} teams; see README.md)`,
      );
    return lines;
  },
);
