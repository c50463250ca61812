/**
 * `npm start`: the demo. The engine's start (server/startup.ts) with the demo's hooks (demo/start.ts):
 * an empty database is seeded with the demo surveys, their accounts and, by default, their simulated
 * fieldwork; a restarted demo resumes its supervisors; once every interview is decided, each demo
 * survey is weighted. Refuses MORABEZA_MODE=production (use `npm run serve`). With --build (as `npm
 * start` runs it) the tablet app is built (`npm run build`) while the database is migrated and seeded,
 * on the other core, and the server listens once both are done (the previous build's list of left-out
 * question types is removed first, so the start does not check the survey folders against it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTION_TYPES_MANIFEST } from '../server/contract/tablet-question-types.ts';
import { loadEnv } from '../server/env.ts';
import { listen } from '../server/listen.ts';
import { StartupError } from '../server/startup.ts';
import { DEMO_STAFF } from './seed.ts';
import { startDemoMorabeza } from './start.ts';

/** `npm run build` in a child process: null when it succeeded, else why not. */
function buildClient(): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) => resolve(`npm run build: ${error.message}`));
    child.once('exit', (code) => resolve(code === 0 ? null : `npm run build exited with code ${code}`));
  });
}

const env = loadEnv();
// the server serves the client folder only if it exists when the app is made: made here, filled by the build
const withBuild = process.argv.includes('--build');
if (withBuild) {
  mkdirSync(env.MORABEZA_CLIENT_DIR, { recursive: true });
  // the last build's list of left-out question types is stale: this build follows the survey folders as
  // they are now, and the start must not refuse them against the old list while it runs
  rmSync(join(env.MORABEZA_CLIENT_DIR, QUESTION_TYPES_MANIFEST), { force: true });
}
const build = withBuild ? buildClient() : Promise.resolve(null);
await listen(
  env,
  async () => {
    const started = await startDemoMorabeza(env);
    const failed = await build;
    if (failed) {
      await started.close();
      throw new StartupError(`the tablet app could not be built (${failed})`);
    }
    return started;
  },
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
