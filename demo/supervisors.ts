/**
 * The demo's supervisors at work after start-up: interviews can only be reviewed once the background
 * validation job has validated them, so the simulator's decisions are applied as interviews become
 * 'validated' (polling every second, stopping when all are applied or the database is closed).
 * `decided(survey)` resolves once one survey's decisions are all applied, so its weighting need not
 * wait for another survey's validations.
 * The decisions still to apply are rows of demo_reviews, deleted as they are applied, so a restarted
 * demo resumes them (resumeDemoSupervisors). The timer does not keep the process alive.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import { demoReviews, interviews, questionnaires } from '../server/db/schema.ts';
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
  everyMs = 1000,
): { stop: () => void; done: Promise<void>; decided: (survey: string) => Promise<void> } {
  let left = [...pending];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tokens = new Map<string, string>();
  /** each interview's survey, as read with its status */
  const surveyOf = new Map<string, string>();
  /** the surveys awaited by `decided`, each with its waiters */
  const waiting = new Map<string, Array<() => void>>();
  const release = (all: boolean) => {
    const open = new Set(left.map((x) => surveyOf.get(x.id)));
    for (const [survey, resolvers] of waiting) {
      if (!all && open.has(survey)) continue;
      waiting.delete(survey);
      for (const r of resolvers) r();
    }
  };
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = () => {
      release(true);
      resolve();
    };
  });
  const tick = async () => {
    if (stopped) return;
    try {
      const ids = left.map((x) => x.id);
      const ready = new Set<string>();
      const decided: string[] = [];
      for (let k = 0; k < ids.length; k += 500) {
        const rows = await database.db
          .select({ id: interviews.id, status: interviews.status, survey: questionnaires.survey })
          .from(interviews)
          .innerJoin(questionnaires, eq(questionnaires.id, interviews.questionnaireId))
          .where(inArray(interviews.id, ids.slice(k, k + 500)));
        for (const r of rows) {
          surveyOf.set(r.id, r.survey);
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
    release(false);
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
    decided: (survey) =>
      new Promise<void>((resolve) => {
        if (stopped || !left.length) return resolve();
        waiting.set(survey, [...(waiting.get(survey) ?? []), resolve]);
      }),
  };
}
