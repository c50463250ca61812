/**
 * The demo on a database of its own for tests and benchmarks: the sample and listings seeded, no
 * fieldwork (the caller plays it), no background jobs; then the simulator's fieldwork of the listed
 * EAs through the in-process API, and the supervisors' decisions.
 */
import { join } from 'node:path';
import { demoApi } from '../../demo/api.ts';
import { type DemoStarted, startDemoMorabeza } from '../../demo/start.ts';
import {
  reviewInterviews,
  type SimulationSummary,
  simulateFieldwork,
} from '../../demo/surveys/ipei/fieldwork.ts';
import type { FrameRow } from '../../demo/surveys/ipei/frame-row.ts';
import { DEMO_SEED, loadIpeiFrame } from '../../demo/surveys/ipei/seed.ts';
import { parseEnv } from '../../server/env.ts';
import type { Started } from '../../server/startup.ts';

/** The environment of a demo database in `dir` (weights in dir/weights), with `extra` settings. */
export function demoEnv(dir: string, extra: Record<string, string> = {}) {
  const parsed = parseEnv({
    DATABASE_URL: `file:${join(dir, 'm.db')}`,
    MORABEZA_CLIENT_DIR: join(dir, 'none'),
    MORABEZA_DEMO_FIELDWORK: 'false', // the callers play the fieldwork themselves
    MORABEZA_WEIGHTS_DIR: join(dir, 'weights'),
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.env;
}

export const startDemo = (dir: string, extra: Record<string, string> = {}): Promise<DemoStarted> =>
  startDemoMorabeza(demoEnv(dir, extra), { runJobs: false });

/** Plays the fieldwork of the listed EAs that `keep` keeps (default all), in frame order. */
export async function playFieldwork(
  started: Started,
  keep: (rows: FrameRow[]) => FrameRow[] = (rows) => rows,
): Promise<SimulationSummary> {
  const listed = new Set(
    (await started.database.client.execute('select ea_code from ea_listings')).rows.map((r) =>
      String(r.ea_code),
    ),
  );
  const rows = keep(loadIpeiFrame().rows.filter((r) => listed.has(r.ea_id)));
  return simulateFieldwork(demoApi(started.app), {
    seed: DEMO_SEED,
    password: 'demo',
    eas: rows.map((row) => ({ row })),
    listing: async () => {
      throw new Error('listed');
    },
    listed: true,
  });
}

/** The supervisors' decisions, with the validation jobs replaced by an SQL update (to keep it short). */
export async function decideWithoutValidation(started: Started, summary: SimulationSummary): Promise<void> {
  await started.database.client.execute("update interviews set status = 'validated'");
  await reviewInterviews(demoApi(started.app), summary.pending, 'demo', summary);
}
