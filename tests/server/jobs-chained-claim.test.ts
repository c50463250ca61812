/**
 * The job loops claim the next job in the transaction that commits the last one: a backlog of n jobs
 * takes about n writes, not 2n; and a loop stopped right after such a commit hands the job it claimed
 * but never started back to the queue, pending, its attempt not counted.
 */
import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { jobs } from '../../server/db/schema.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { silentLogger } from '../../server/log.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

/** The database with its writes counted. */
function counted(database: Database): { database: Database; writes: () => number } {
  let n = 0;
  return {
    database: {
      ...database,
      write: (work) => {
        n++;
        return database.write(work);
      },
    },
    writes: () => n,
  };
}

async function queue(n: number) {
  await ctx.database.write((tx) =>
    tx
      .insert(jobs)
      .values(Array.from({ length: n }, (_, i) => ({ kind: 'record', interviewId: `i-${i}`, revision: 1 }))),
  );
}

const allJobs = () => ctx.database.db.select().from(jobs).orderBy(asc(jobs.id));

describe('claims chained to commits', () => {
  it('runs a backlog of 8 jobs in at most 10 writes, each job once', async () => {
    await queue(8);
    const { database, writes } = counted(ctx.database);
    const ran: string[] = [];
    const runner = createJobRunner(database, {
      record: async (job) => {
        ran.push(job.interviewId);
        return async () => {};
      },
    });
    await runner.start();
    for (let t = 0; t < 200 && ran.length < 8; t++) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(ran).toEqual(Array.from({ length: 8 }, (_, i) => `i-${i}`));
    // one claim, eight commits each claiming the next (the last finds none), one claim finding none
    expect(writes()).toBeLessThanOrEqual(10);
    expect((await allJobs()).every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  });

  it('hands back, pending and with its attempt uncounted, the job claimed by the commit before a stop', async () => {
    await queue(3);
    const ran: string[] = [];
    let stopping: Promise<void> | null = null;
    const logger = silentLogger();
    // the stop comes right after the first job's commit (which claimed the second): its log line
    const runner = createJobRunner(
      ctx.database,
      {
        record: async (job) => {
          ran.push(job.interviewId);
          return async () => {};
        },
      },
      Object.assign(Object.create(logger), {
        info: (...args: unknown[]) => {
          stopping ??= runner.stop();
          return (logger.info as (...a: unknown[]) => void)(...args);
        },
      }),
    );
    await runner.start();
    for (let t = 0; t < 200 && !stopping; t++) await new Promise((r) => setTimeout(r, 20));
    await stopping;
    expect(ran).toEqual(['i-0']);
    const states = (await allJobs()).map((j) => [j.interviewId, j.status, j.attempts]);
    expect(states).toEqual([
      ['i-0', 'done', 1],
      ['i-1', 'pending', 0],
      ['i-2', 'pending', 0],
    ]);
  });
});
