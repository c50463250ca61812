/**
 * npm run simulate [-- --seed N] [--eas N]
 * Plays the IPEI-DEMO fieldwork into the database of DATABASE_URL (default file:data/morabeza.db):
 * starts Morabeza in-process (an empty database gets the demo seed: accounts, sample, listings,
 * assignments), the enumerators upload their interviews through the API, the validation jobs run, and
 * the supervisors approve or return what they reviewed. Seeded and reproducible.
 */
import { sql } from 'drizzle-orm';
import { demoApi } from '../../demo/api.ts';
import { startDemoMorabeza } from '../../demo/start.ts';
import { reviewInterviews, simulateFieldwork } from '../../demo/surveys/ipei/fieldwork.ts';
import { DEMO_SEED, loadIpeiFrame } from '../../demo/surveys/ipei/seed.ts';
import { interviews } from '../../server/db/schema.ts';
import { loadEnv } from '../../server/env.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const env = loadEnv();
const password = env.MORABEZA_DEMO_PASSWORD ?? 'demo';
let started: Awaited<ReturnType<typeof startDemoMorabeza>>;
try {
  started = await startDemoMorabeza(env, { runJobs: false });
} catch (error) {
  console.error(`simulate: ${(error as Error).message}`);
  process.exit(1);
}
try {
  const done = await started.database.db.select({ n: sql<number>`count(*)` }).from(interviews);
  if ((done[0]?.n ?? 0) > 0) {
    console.log(
      `the database already has ${done[0].n} interviews: nothing simulated (use a fresh DATABASE_URL)`,
    );
  } else {
    const listed = await started.database.client.execute('select ea_code from ea_listings');
    const codes = new Set(listed.rows.map((r) => String(r.ea_code)));
    const { rows } = loadIpeiFrame();
    const eas = rows.filter((r) => codes.has(r.ea_id)).slice(0, opt('eas') ? Number(opt('eas')) : undefined);
    const api = demoApi(started.app);
    const t0 = Date.now();
    const summary = await simulateFieldwork(api, {
      seed: opt('seed') ? Number(opt('seed')) : DEMO_SEED,
      password,
      eas: eas.map((row) => ({ row })),
      listing: async () => {
        throw new Error('already listed');
      },
      listed: true,
      log: console.log,
    });
    console.log(`uploaded in ${((Date.now() - t0) / 1000).toFixed(1)} s; validating ...`);
    const validated = await started.jobs.drain();
    console.log(`${validated} validation jobs done`);
    let pending = summary.pending;
    for (let round = 0; pending.length && round < 5; round++) {
      pending = await reviewInterviews(api, pending, password, summary);
      if (pending.length) await started.jobs.drain();
    }
    console.log(
      JSON.stringify({
        outcomes: summary.outcomes,
        approved: summary.approved,
        returned: summary.returned,
        unreviewed: summary.unreviewed,
        problems: summary.problems,
        failures: summary.failures.length,
      }),
    );
  }
} finally {
  await started.close();
}
