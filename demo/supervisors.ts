/**
 * The demo's supervisors at work after start-up: interviews can only be reviewed once the background
 * validation job has validated them, so the simulator's decisions are applied as interviews become
 * 'validated' (polling every few seconds, stopping when all are applied or the database is closed).
 * The decisions still to apply are rows of demo_reviews, deleted as they are applied, so a restarted
 * demo resumes them (resumeDemoSupervisors). The timer does not keep the process alive.
 */
import { inArray } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import { demoReviews, interviews } from '../server/db/schema.ts';
import type { Api, PendingReview, SimulationSummary } from './surveys/ipei/fieldwork.ts';
import { reviewInterviews } from './surveys/ipei/fieldwork.ts';

/** Stores the decisions still to apply (demo seeding). */
export async function saveDemoReviews(database: Database, pending: PendingReview[]): Promise<void> {
  const rows = pending.flatMap((x) =>
    x.decision
      ? [{ interviewId: x.id, team: x.team, outcome: x.outcome, decision: JSON.stringify(x.decision) }]
      : [],
  );
  await database.write(async (tx) => {
    for (let k = 0; k < rows.length; k += 200) await tx.insert(demoReviews).values(rows.slice(k, k + 200));
  });
}

export async function loadDemoReviews(database: Database): Promise<PendingReview[]> {
  const rows = await database.db.select().from(demoReviews).orderBy(demoReviews.interviewId);
  return rows.map((r) => ({
    id: r.interviewId,
    team: r.team,
    outcome: r.outcome,
    decision: JSON.parse(r.decision) as PendingReview['decision'],
  }));
}

/** A summary to count the resumed decisions in. */
export function emptySummary(): SimulationSummary {
  return {
    eas: 0,
    listed: { dwellings: 0, eligible: 0, ineligible: 0, unknown: 0, outOfScope: 0, selected: 0 },
    interviews: 0,
    outcomes: {},
    approved: 0,
    returned: 0,
    unreviewed: 0,
    problems: {},
    failures: [],
    pending: [],
  };
}

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
      const decided: string[] = [];
      for (let k = 0; k < ids.length; k += 500) {
        const rows = await database.db
          .select({ id: interviews.id, status: interviews.status })
          .from(interviews)
          .where(inArray(interviews.id, ids.slice(k, k + 500)));
        for (const r of rows) {
          if (r.status === 'validated') ready.add(r.id);
          // decided before a restart, between the review and the deletion of its row
          else if (r.status !== 'received') decided.push(r.id);
        }
      }
      if (decided.length) {
        const gone = new Set(decided);
        await database.write(async (tx) => {
          for (let k = 0; k < decided.length; k += 500)
            await tx.delete(demoReviews).where(inArray(demoReviews.interviewId, decided.slice(k, k + 500)));
        });
        left = left.filter((x) => !gone.has(x.id));
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
        const applied = [...ready].filter((id) => !still.has(id));
        await database.write(async (tx) => {
          for (let k = 0; k < applied.length; k += 500)
            await tx.delete(demoReviews).where(inArray(demoReviews.interviewId, applied.slice(k, k + 500)));
        });
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
