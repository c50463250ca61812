/**
 * The demo's supervisors at work after start-up: interviews can only be reviewed once the background
 * validation job has validated them, so the simulator's decisions are applied as interviews become
 * 'validated' (polling every few seconds, stopping when all are applied or the database is closed).
 * The timer does not keep the process alive.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { interviews } from '../db/schema.ts';
import type { Api, PendingReview, SimulationSummary } from './simulate/fieldwork.ts';
import { reviewInterviews } from './simulate/fieldwork.ts';

export function startDemoSupervisors(
  database: Database,
  api: Api,
  pending: PendingReview[],
  password: string,
  summary: SimulationSummary,
  everyMs = 3000,
): { stop: () => void; done: Promise<void> } {
  let left = [...pending];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tokens = new Map<string, string>();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const tick = async () => {
    if (stopped) return;
    try {
      const ids = left.map((x) => x.id);
      const ready = new Set<string>();
      for (let k = 0; k < ids.length; k += 500) {
        const rows = await database.db
          .select({ id: interviews.id })
          .from(interviews)
          .where(and(inArray(interviews.id, ids.slice(k, k + 500)), eq(interviews.status, 'validated')));
        for (const r of rows) ready.add(r.id);
      }
      if (ready.size) {
        const waiting = await reviewInterviews(
          api,
          left.filter((x) => ready.has(x.id)),
          password,
          summary,
          tokens,
        );
        const still = new Set(waiting.map((x) => x.id));
        left = left.filter((x) => !ready.has(x.id) || still.has(x.id));
      }
    } catch {
      stopped = true; // the database was closed (tests, shutdown): the demo supervisors stop
    }
    if (stopped || !left.length) {
      finish();
      return;
    }
    timer = setTimeout(tick, everyMs);
    timer.unref();
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      finish();
    },
    done,
  };
}
