/**
 * The engine's start with the demo's hooks: on an empty database, seed the demo (accounts, every demo
 * survey's sample and listings, and with MORABEZA_DEMO_FIELDWORK the simulated fieldwork); after the
 * start, resume the demo supervisors a restart interrupted, and once they have decided every interview
 * of a survey, start that survey's weighting run so the demo ends with weighted tables. Refuses production mode:
 * a production server is started with server/index.ts (`npm run serve`), which never loads demo/.
 */
import type { Env } from '../server/env.ts';
import { type Started, StartupError, startMorabeza } from '../server/startup.ts';
import { type DemoAccount, lastDemoSupervisors, resumeDemoSupervisors, seedDemo } from './seed.ts';
import { DEMO_SURVEYS } from './surveys/index.ts';

export interface DemoStarted extends Started {
  /** The suggested accounts of a demo seeded by this start; null when the database was not empty. */
  demoAccounts: DemoAccount[] | null;
}

const log = (line: string) => console.log(line);

export async function startDemoMorabeza(env: Env, options: { runJobs?: boolean } = {}): Promise<DemoStarted> {
  if (env.MORABEZA_MODE !== 'demo')
    throw new StartupError(
      'the demo (demo/main.ts, npm start) runs only with MORABEZA_MODE=demo: start a production server with `npm run serve` (server/index.ts)',
    );
  const password = env.MORABEZA_DEMO_PASSWORD ?? 'demo';
  let demoAccounts: DemoAccount[] | null = null;
  const started = await startMorabeza(env, {
    runJobs: options.runJobs,
    hooks: {
      onEmptyDatabase: async (database) => {
        demoAccounts = await seedDemo(database, password, { fieldwork: env.MORABEZA_DEMO_FIELDWORK, log });
      },
      afterStart: async ({ database, weighting }, runJobs) => {
        // A restarted demo: its supervisors go on with the decisions they had not applied yet.
        const supervisors = demoAccounts
          ? lastDemoSupervisors
          : runJobs
            ? await resumeDemoSupervisors(database, password, log)
            : null;
        let closed = false;
        // The demo shows weighted tables: once its supervisors have decided every interview of a survey,
        // weight that survey's approved ones (the same run as POST /api/weighting/<survey> or `npm run
        // weights -- <survey>`), always, even if someone weighted earlier: that run saw only the
        // interviews approved by then. Each survey on its own: one need not wait for another's validations.
        for (const { survey } of DEMO_SURVEYS)
          supervisors?.decided(survey).then(async () => {
            try {
              await weighting.settled(survey);
              if (!closed) await weighting.start(survey);
            } catch (error) {
              console.error(`demo weighting of ${survey} not started: ${(error as Error).message}`);
            }
          });
        return () => {
          closed = true;
          lastDemoSupervisors?.stop();
        };
      },
    },
  });
  return { ...started, demoAccounts };
}
