/**
 * A durable background job runner. Jobs live in the `jobs` table, so work queued before a crash or a
 * restart is picked up again: at start, jobs left `running` go back to `pending`. `concurrency` loops
 * each run one job at a time (a job is claimed in a transaction, so no two loops take the same one),
 * and yield to the event loop between jobs so uploads are never kept waiting. Which job is claimed next
 * is job-priority.ts's rule: a tablet's upload before bulk work, FIFO within a class, one claim in four
 * for the oldest job of any class. A loop claims its next job in the transaction that
 * commits the last one (one write per job, not two); stopped in between, it hands that job back.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import type { Tx } from '../db/group-commit.ts';
import { jobs } from '../db/schema.ts';
import { errorFacts, type Logger, silentLogger } from '../log.ts';
import { takesOldest } from './job-priority.ts';

export type Job = typeof jobs.$inferSelect;
/** Does the work of a job; returns a write to commit together with marking the job done. */
export type JobHandler = (job: Job) => Promise<(tx: Tx) => Promise<void>>;

export interface JobRunner {
  start(): Promise<void>;
  kick(): void;
  /** Runs until no job is pending (tests and benchmarks); the loops' own drain stops at stop(). */
  drain(): Promise<number>;
  /** Runs the next pending job, if any; true when one ran. */
  drainOne(): Promise<boolean>;
  /** Lets each loop finish the job it is running and ends; pending jobs stay pending for the next start. */
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 3;

/**
 * The claim's query: the most urgent class first (a tablet's upload before a seeded backlog), FIFO
 * within it; `oldest` (one claim in OLDEST_EVERY) the oldest pending job of any class, so that the
 * backlog drains too. Each an index search (jobs_claim_idx, jobs_status_idx), no sort of the backlog.
 */
export function nextJobQuery(db: Db | Tx, oldest: boolean) {
  return db.query.jobs.findFirst({
    where: eq(jobs.status, 'pending'),
    orderBy: oldest ? [asc(jobs.id)] : [asc(jobs.priority), asc(jobs.id)],
  });
}

export function createJobRunner(
  database: Database,
  handlers: Record<string, JobHandler>,
  logger: Logger = silentLogger(),
  options: { concurrency?: number } = {},
): JobRunner {
  const { db } = database;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  let stopped = true;
  let loops: Promise<void>[] = [];
  let wake = false;
  const sleepers = new Set<() => void>();
  /** Jobs claimed by this runner's loops (job-priority.ts takesOldest). */
  let claims = 0;

  async function claim(): Promise<Job | undefined> {
    return database.write(claimIn);
  }

  /** Takes the next pending job in `tx` (marks it running, counts the attempt). */
  async function claimIn(tx: Tx): Promise<Job | undefined> {
    const next = await nextJobQuery(tx, takesOldest(claims + 1));
    if (!next) return undefined;
    claims++;
    await tx
      .update(jobs)
      .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, updatedAt: Date.now() })
      .where(eq(jobs.id, next.id));
    return { ...next, attempts: next.attempts + 1 };
  }

  /** A job claimed but not started (the loop was stopped) goes back to pending, its attempt not counted. */
  async function handBack(job: Job): Promise<void> {
    await database.write((tx) =>
      tx
        .update(jobs)
        .set({ status: 'pending', attempts: job.attempts - 1, updatedAt: Date.now() })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'))),
    );
  }

  /**
   * Runs the job; with `claimNext`, a successful job's commit also claims the next pending job in the
   * same transaction (one write per job instead of two) and returns it.
   */
  async function runOne(job: Job, claimNext = false): Promise<Job | undefined> {
    const handler = handlers[job.kind];
    const started = performance.now();
    // one JSON line per job step: which job, which attempt, how it ended, how long it took
    const step = {
      job: job.kind,
      jobId: job.id,
      interviewId: job.interviewId,
      revision: job.revision,
      attempt: job.attempts,
    };
    const ms = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const commit = await handler(job);
      const next = await database.write(async (tx) => {
        await commit(tx);
        await tx
          .update(jobs)
          .set({ status: 'done', lastError: null, updatedAt: Date.now() })
          .where(eq(jobs.id, job.id));
        return claimNext && !stopped ? claimIn(tx) : undefined;
      });
      logger.info({ ...step, outcome: 'done', durationMs: ms() }, 'job step');
      return next;
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      const outcome = job.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      logger.warn({ ...step, outcome, durationMs: ms(), error: errorFacts(error) }, 'job step failed');
      await database.write((tx) =>
        tx
          .update(jobs)
          .set({
            status: outcome,
            lastError: message,
            updatedAt: Date.now(),
          })
          .where(eq(jobs.id, job.id)),
      );
      return undefined;
    }
  }

  /**
   * `held.id`: the job this loop claimed and has not settled yet (its last write may have failed);
   * `held.next`: the job claimed with the last one's commit, to run next.
   */
  interface Held {
    id: number | null;
    next?: Job;
  }

  async function drainOne(held: Held = { id: null }, claimNext = false): Promise<boolean> {
    const job = held.next ?? (await claim());
    held.next = undefined;
    if (!job) return false;
    held.id = job.id;
    held.next = await runOne(job, claimNext);
    held.id = null;
    return true;
  }

  /** Runs jobs until none is pending or `stop()` is called (then after the job it is running). */
  async function drain(untilStopped = false, held: Held = { id: null }): Promise<number> {
    let done = 0;
    while (!(untilStopped && stopped) && (await drainOne(held, true))) {
      done++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    // stopped with a job claimed by the last commit: it was never started
    if (held.next) {
      await handBack(held.next);
      held.next = undefined;
    }
    return done;
  }

  async function run(): Promise<void> {
    const held: Held = { id: null };
    while (!stopped) {
      wake = false;
      try {
        // a job whose result could not be written is handed back to the queue first
        if (held.id !== null) {
          const id = held.id;
          await database.write((tx) =>
            tx
              .update(jobs)
              .set({ status: 'pending', updatedAt: Date.now() })
              .where(and(eq(jobs.id, id), eq(jobs.status, 'running'))),
          );
          held.id = null;
        }
        await drain(true, held);
      } catch (error) {
        // the database could not take a claim or a job's write (locked, disk full, gone): never crash
        // the process; wait and try again (the unsettled job goes back to pending then)
        logger.error({ job: 'loop', error: errorFacts(error) }, 'job loop: database error; retrying in 1 s');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      if (!wake && !stopped) {
        await new Promise<void>((resolve) => {
          const sleeper = () => {
            clearTimeout(timer);
            sleepers.delete(sleeper);
            resolve();
          };
          const timer = setTimeout(sleeper, 1000);
          sleepers.add(sleeper);
        });
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
      loops = Array.from({ length: concurrency }, () => run());
    },
    kick() {
      wake = true;
      for (const sleeper of [...sleepers]) sleeper();
    },
    drain: () => drain(),
    drainOne: () => drainOne(),
    async stop() {
      stopped = true;
      for (const sleeper of [...sleepers]) sleeper();
      await Promise.all(loops);
      loops = [];
    },
  };
}
