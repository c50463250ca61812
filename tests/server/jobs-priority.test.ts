/**
 * The job queue's order (server/jobs/job-priority.ts): a tablet's upload over the API is claimed
 * before a backlog of bulk jobs queued earlier (the demo seeding's, made in-process), a returned
 * interview's revision before both, FIFO within a class; a steady stream of uploads does not starve
 * the backlog (one claim in OLDEST_EVERY takes the oldest job); the class is stored with the job, so
 * a runner started again on the same database (a restart, a job left running by a killed process)
 * keeps the order.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { jobs } from '../../server/db/schema.ts';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import { JOB_PRIORITY, OLDEST_EVERY } from '../../server/jobs/job-priority.ts';
import { createJobRunner, type JobHandler, nextJobQuery } from '../../server/jobs/runner.ts';
import { createTestContext, envelope, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({}, { assignmentsPerEnumerator: 4 });
});
afterEach(async () => ctx.close());

/** n bulk jobs queued as the demo seeding queues them (background class). */
async function backlog(n: number, prefix = 'old') {
  await ctx.database.write((tx) =>
    tx.insert(jobs).values(
      Array.from({ length: n }, (_, i) => ({
        kind: 'record',
        interviewId: `${prefix}-${i + 1}`,
        revision: 1,
        priority: JOB_PRIORITY.background,
      })),
    ),
  );
}

/** A handler per kind that notes which interview each claimed job was for. */
function recorder(ran: string[]): Record<string, JobHandler> {
  const note: JobHandler = async (job) => {
    ran.push(job.interviewId);
    return async () => {};
  };
  return { record: note, [VALIDATION_JOB]: note };
}

async function upload(as: 'enum_a1' | 'enum_b1', init?: { bulk: boolean }) {
  const env = envelope(ctx, as);
  if (init?.bulk) {
    // in-process, as demo/api.ts sends the seeding's uploads
    const token = await ctx.token(as);
    const res = await ctx.app.request(
      `/api/interviews/${env.interviewId}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(env),
      },
      { uploads: 'bulk' },
    );
    expect(res.status).toBe(201);
  } else {
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as, body: env });
    expect(res.status).toBe(201);
  }
  return env.interviewId;
}

describe('job order', () => {
  it("a tablet's upload queued behind 200 bulk jobs is claimed first; the backlog then completes in order", async () => {
    await backlog(200);
    const fresh = await upload('enum_a1');
    const [row] = await ctx.database.db.select().from(jobs).where(eq(jobs.interviewId, fresh));
    expect(row.priority).toBe(JOB_PRIORITY.upload);
    const ran: string[] = [];
    const runner = createJobRunner(ctx.database, recorder(ran));
    expect(await runner.drainOne()).toBe(true);
    expect(ran).toEqual([fresh]);
    expect(await runner.drain()).toBe(200);
    expect(ran.slice(1)).toEqual(Array.from({ length: 200 }, (_, i) => `old-${i + 1}`));
    const left = await ctx.database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(left).toEqual([]);
  });

  it('an in-process bulk upload (the demo seeding) is background work and waits behind a later tablet upload', async () => {
    const seeded = await upload('enum_a1', { bulk: true });
    const fromTablet = await upload('enum_b1');
    const rows = await ctx.database.db.select().from(jobs).orderBy(asc(jobs.id));
    expect(rows.map((r) => [r.interviewId, r.priority])).toEqual([
      [seeded, JOB_PRIORITY.background],
      [fromTablet, JOB_PRIORITY.upload],
    ]);
    const ran: string[] = [];
    await createJobRunner(ctx.database, recorder(ran)).drain();
    expect(ran).toEqual([fromTablet, seeded]);
  });

  it('a revision goes before fresh uploads, fresh uploads before the backlog, FIFO within each class', async () => {
    const queued = [
      { interviewId: 'old-1', revision: 1, priority: JOB_PRIORITY.background },
      { interviewId: 'up-1', revision: 1, priority: JOB_PRIORITY.upload },
      { interviewId: 'old-2', revision: 1, priority: JOB_PRIORITY.background },
      { interviewId: 'fixed-1', revision: 2, priority: JOB_PRIORITY.revision },
      { interviewId: 'up-2', revision: 1, priority: JOB_PRIORITY.upload },
      { interviewId: 'fixed-2', revision: 3, priority: JOB_PRIORITY.revision },
    ];
    await ctx.database.write((tx) => tx.insert(jobs).values(queued.map((j) => ({ kind: 'record', ...j }))));
    const ran: string[] = [];
    expect(OLDEST_EVERY).toBe(4);
    await createJobRunner(ctx.database, recorder(ran)).drain();
    // claims 1-3 by class; the 4th takes the oldest job (old-1); then by class again
    expect(ran).toEqual(['fixed-1', 'fixed-2', 'up-1', 'old-1', 'up-2', 'old-2']);
  });

  it('a steady stream of uploads does not starve the backlog: one claim in OLDEST_EVERY takes the oldest', async () => {
    await backlog(30);
    const ran: string[] = [];
    let streamed = 0;
    // every job that runs brings one new tablet upload with it: the upload class is never empty
    const arrive = async () => {
      streamed++;
      await ctx.database.write((tx) =>
        tx.insert(jobs).values({
          kind: 'record',
          interviewId: `up-${streamed}`,
          revision: 1,
          priority: JOB_PRIORITY.upload,
        }),
      );
    };
    const handlers: Record<string, JobHandler> = {
      record: async (job) => {
        ran.push(job.interviewId);
        await arrive();
        return async () => {};
      },
    };
    await arrive();
    const runner = createJobRunner(ctx.database, handlers);
    const claims = 10 * OLDEST_EVERY;
    for (let k = 0; k < claims; k++) expect(await runner.drainOne()).toBe(true);
    const old = ran.filter((id) => id.startsWith('old-'));
    expect(old).toEqual(Array.from({ length: claims / OLDEST_EVERY }, (_, i) => `old-${i + 1}`));
    expect(ran.filter((id) => id.startsWith('up-'))).toHaveLength(claims - claims / OLDEST_EVERY);
    // the stream stops: the rest of the backlog completes
    handlers.record = async (job) => {
      ran.push(job.interviewId);
      return async () => {};
    };
    await runner.drain();
    expect(ran.filter((id) => id.startsWith('old-'))).toHaveLength(30);
    const left = await ctx.database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(left).toEqual([]);
  });

  it('a restart keeps the order: a runner on a new connection, the upload left running by a killed process', async () => {
    await backlog(50);
    const first = await upload('enum_a1');
    const second = await upload('enum_b1');
    // the process died while validating the first upload: its row says running
    await ctx.database.db.update(jobs).set({ status: 'running' }).where(eq(jobs.interviewId, first));
    const reopened = await openDatabase({ url: ctx.databaseUrl, authToken: ctx.databaseAuthToken });
    try {
      const ran: string[] = [];
      const restarted = createJobRunner(reopened, recorder(ran));
      await restarted.start(); // hands the running job back, pending, and starts the loops
      await restarted.stop();
      await restarted.drain();
      expect(ran).toHaveLength(52);
      expect(ran.slice(0, 2)).toEqual([first, second]);
      const rows = await reopened.db.select().from(jobs);
      expect(rows.every((r) => r.status === 'done')).toBe(true);
      expect(rows.find((r) => r.interviewId === first)?.attempts).toBe(1);
    } finally {
      reopened.close();
    }
  });

  it("each claim is an index search, not a sort of the backlog (the runner's own query plans)", async () => {
    await backlog(300);
    for (const [oldest, index] of [
      [false, 'jobs_claim_idx'],
      [true, 'jobs_status_idx'],
    ] as const) {
      const query = nextJobQuery(ctx.database.db, oldest).toSQL();
      const plan = await ctx.database.client.execute({
        sql: `EXPLAIN QUERY PLAN ${query.sql}`,
        args: query.params as Array<string | number>,
      });
      const details = plan.rows.map((r) => String(r.detail));
      expect(details.some((d) => d.includes(`USING INDEX ${index} (status=?)`))).toBe(true);
      expect(details.some((d) => d.includes('TEMP B-TREE'))).toBe(false);
    }
  });
});
