/**
 * The job runner takes a revised interview's job (revision 2 and later) before the backlog of first
 * uploads, then the rest in the order they were queued.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../server/db/schema.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

describe('job order', () => {
  it('a revision queued behind a backlog of first uploads runs first; the backlog keeps its order', async () => {
    const queued = [
      { interviewId: 'old-1', revision: 1 },
      { interviewId: 'old-2', revision: 1 },
      { interviewId: 'old-3', revision: 1 },
      { interviewId: 'fixed', revision: 2 },
      { interviewId: 'new-1', revision: 1 },
    ];
    await ctx.database.write((tx) => tx.insert(jobs).values(queued.map((j) => ({ kind: 'record', ...j }))));
    const ran: string[] = [];
    const runner = createJobRunner(
      ctx.database,
      {
        record: async (job) => {
          ran.push(job.interviewId);
          return async () => {};
        },
      },
      undefined,
    );
    expect(await runner.drain()).toBe(5);
    expect(ran).toEqual(['fixed', 'old-1', 'old-2', 'old-3', 'new-1']);
  });
});
