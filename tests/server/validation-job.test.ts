import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flags, interviewRevisions, interviews, jobs } from '../../server/db/schema.ts';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { validationJob } from '../../server/jobs/validate-answers.ts';
import { createValidationPool, createValidationThread } from '../../server/jobs/validation-thread.ts';
import { createTestContext, envelope, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({}, { assignmentsPerEnumerator: 40 }); // one live interview per assignment
});
afterEach(async () => ctx.close());

async function upload(answers: Record<string, unknown>, outcome = 11) {
  const env = envelope(ctx, 'enum_a1', { answers, outcome });
  const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
  expect(res.status).toBe(201);
  return env.interviewId;
}

const flagsOf = (id: string) => ctx.database.db.select().from(flags).where(eq(flags.interviewId, id));

describe('validation job', () => {
  it('leaves the upload pending, then marks a clean interview clean and validated', async () => {
    const id = await upload({ a04_ea: 'CV-PR-0001', b01_consent: 1, b03_size: 4 });
    const before = await ctx.database.db.query.interviewRevisions.findFirst({
      where: eq(interviewRevisions.interviewId, id),
    });
    expect(before?.validationStatus).toBe('pending');
    expect(await ctx.jobs.drain()).toBe(1);
    const after = await ctx.database.db.query.interviewRevisions.findFirst({
      where: eq(interviewRevisions.interviewId, id),
    });
    expect(after?.validationStatus).toBe('clean');
    expect((await ctx.database.db.query.interviews.findFirst({ where: eq(interviews.id, id) }))?.status).toBe(
      'validated',
    );
    expect(await flagsOf(id)).toHaveLength(0);
  });

  it('flags a missing required answer, an out-of-range value, a hidden answer, an unknown key and a bad choice at their paths', async () => {
    const missing = await upload({ b01_consent: 1 });
    const range = await upload({ b01_consent: 1, b03_size: 99 });
    const hidden = await upload({ b01_consent: 1, b03_size: 2, b02_reason: 'n/a' });
    const unknown = await upload({ b01_consent: 1, b03_size: 2, zz_extra: 1 });
    const choice = await upload({ b01_consent: 7 });
    await ctx.jobs.drain();
    const codes = async (id: string) => (await flagsOf(id)).map((f) => `${f.code}@${f.path}`);
    expect(await codes(missing)).toContain('validation.required@b03_size');
    expect(
      (await codes(range)).some((c) => c.endsWith('@b03_size') && !c.startsWith('validation.required')),
    ).toBe(true);
    expect(await codes(hidden)).toContain('validation.answered-but-hidden@b02_reason');
    expect(await codes(unknown)).toContain('validation.unknown-question@zz_extra');
    expect((await codes(choice)).some((c) => c.endsWith('@b01_consent'))).toBe(true);
    for (const id of [missing, range, hidden, unknown, choice]) {
      const rev = await ctx.database.db.query.interviewRevisions.findFirst({
        where: eq(interviewRevisions.interviewId, id),
      });
      expect(rev?.validationStatus, id).toBe('flagged');
    }
  });

  it('does not flag missing required answers of a refused interview (outcome 13)', async () => {
    const id = await upload({ b01_consent: 2 }, 13);
    await ctx.jobs.drain();
    expect(await flagsOf(id)).toHaveLength(0);
  });

  it('resumes pending and interrupted jobs after a restart', async () => {
    const a = await upload({ b01_consent: 1, b03_size: 2 });
    const b = await upload({ b01_consent: 1 });
    // the process died while job a was running: its row says running
    await ctx.database.db.update(jobs).set({ status: 'running' }).where(eq(jobs.interviewId, a));
    const thread = createValidationThread();
    const restarted = createJobRunner(
      ctx.database,
      { [VALIDATION_JOB]: validationJob(ctx.database, thread) },
      undefined,
    );
    await restarted.start();
    await restarted.stop();
    await restarted.drain();
    await thread.close();
    const all = await ctx.database.db.select().from(jobs);
    expect(all.map((j) => j.status)).toEqual(['done', 'done']);
    const statuses = await Promise.all(
      [a, b].map(
        async (id) =>
          (
            await ctx.database.db.query.interviewRevisions.findFirst({
              where: eq(interviewRevisions.interviewId, id),
            })
          )?.validationStatus,
      ),
    );
    expect(statuses).toEqual(['clean', 'flagged']);
  });

  it('retries a failing job and gives up after three attempts, recording the error', async () => {
    await upload({ b01_consent: 1, b03_size: 2 });
    const failing = createJobRunner(
      ctx.database,
      { [VALIDATION_JOB]: async () => Promise.reject(new Error('boom')) },
      undefined,
    );
    await failing.drain();
    const [job] = await ctx.database.db.select().from(jobs);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom' });
  });

  it('runs jobs in parallel loops with a pool of validation workers, each job exactly once', async () => {
    const ids: string[] = [];
    for (let k = 0; k < 6; k++)
      ids.push(await upload(k % 2 ? { b01_consent: 1 } : { b01_consent: 1, b03_size: 2 }));
    const pool = createValidationPool(2);
    const validate = validationJob(ctx.database, pool);
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    const runner = createJobRunner(
      ctx.database,
      {
        [VALIDATION_JOB]: async (job) => {
          running++;
          most = Math.max(most, running);
          seen.push(job.interviewId);
          try {
            // hold each job until a second one is running too, or 2 s have passed
            for (let t = 0; t < 200 && running < 2 && most < 2; t++)
              await new Promise((r) => setTimeout(r, 10));
            return await validate(job);
          } finally {
            running--;
          }
        },
      },
      undefined,
      { concurrency: 2 },
    );
    await runner.start();
    for (let t = 0; t < 600; t++) {
      const left = await ctx.database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
      const busy = await ctx.database.db.select().from(jobs).where(eq(jobs.status, 'running'));
      if (!left.length && !busy.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await runner.stop();
    await pool.close();
    expect(most).toBe(2);
    expect([...seen].sort()).toEqual([...ids].sort());
    const all = await ctx.database.db.select().from(jobs);
    expect(all.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    const revisions = await ctx.database.db.select().from(interviewRevisions);
    expect(revisions.map((r) => r.validationStatus).sort()).toEqual([
      ...Array(3).fill('clean'),
      ...Array(3).fill('flagged'),
    ]);
  });
});
