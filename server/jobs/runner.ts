/**
 * A durable background job runner. Jobs live in the `jobs` table, so work queued before a crash or a
 * restart is picked up again: at start, jobs left `running` go back to `pending`. One job runs at a
 * time, and the runner yields to the event loop between jobs so uploads are never kept waiting.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { Tx } from '../db/group-commit.ts';
import { jobs } from '../db/schema.ts';

export type Job = typeof jobs.$inferSelect;
/** Does the work of a job; returns a write to commit together with marking the job done. */
export type JobHandler = (job: Job) => Promise<(tx: Tx) => Promise<void>>;

export interface JobRunner {
  start(): Promise<void>;
  kick(): void;
  /** Runs until no job is pending (tests and benchmarks). */
  drain(): Promise<number>;
  /** Runs the next pending job, if any; true when one ran. */
  drainOne(): Promise<boolean>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 3;

export function createJobRunner(
  database: Database,
  handlers: Record<string, JobHandler>,
  log: (line: string) => void = (line) => console.error(line),
): JobRunner {
  const { db } = database;
  let stopped = true;
  let loop: Promise<void> | null = null;
  let wake = false;
  let sleeper: (() => void) | null = null;

  async function claim(): Promise<Job | undefined> {
    return database.write(async (tx) => {
      const next = await tx.query.jobs.findFirst({
        where: eq(jobs.status, 'pending'),
        orderBy: asc(jobs.id),
      });
      if (!next) return undefined;
      await tx
        .update(jobs)
        .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, updatedAt: Date.now() })
        .where(eq(jobs.id, next.id));
      return { ...next, attempts: next.attempts + 1 };
    });
  }

  async function runOne(job: Job): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const commit = await handler(job);
      await database.write(async (tx) => {
        await commit(tx);
        await tx
          .update(jobs)
          .set({ status: 'done', lastError: null, updatedAt: Date.now() })
          .where(eq(jobs.id, job.id));
      });
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      log(`job ${job.id} (${job.kind}, interview ${job.interviewId} r${job.revision}) failed: ${message}`);
      await database.write((tx) =>
        tx
          .update(jobs)
          .set({
            status: job.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            lastError: message,
            updatedAt: Date.now(),
          })
          .where(eq(jobs.id, job.id)),
      );
    }
  }

  async function drainOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    await runOne(job);
    return true;
  }

  async function drain(): Promise<number> {
    let done = 0;
    while (await drainOne()) {
      done++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return done;
  }

  async function run(): Promise<void> {
    while (!stopped) {
      wake = false;
      await drain();
      if (!wake && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          sleeper = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        sleeper = null;
      }
    }
  }

  return {
    async start() {
      await db
        .update(jobs)
        .set({ status: 'pending', updatedAt: Date.now() })
        .where(and(eq(jobs.status, 'running')));
      stopped = false;
      loop = run();
    },
    kick() {
      wake = true;
      sleeper?.();
    },
    drain,
    drainOne,
    async stop() {
      stopped = true;
      sleeper?.();
      await loop;
      loop = null;
    },
  };
}
