/**
 * Poison answers: an upload nested 1,001 or 20,000 levels deep, with 150,000 keys or a 200,000-element
 * array is refused with a 422 naming the field (the shared contract's limits); an odd row stored before
 * those limits (deeper than SQLite's JSON parser goes) neither makes the review queue or the dashboard
 * answer 500, nor fails the quality flags of the other interviews, nor turns a conflicting copy into a 500;
 * bulk approve never approves an interview whose quality flags are still to compute; flags are capped
 * and the true count kept.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewEnvelopeSchema } from '../../server/contract/interview.ts';
import { flags, interviewRevisions, interviews, jobs, quarantine } from '../../server/db/schema.ts';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import { canonicalJson } from '../../server/domain/tokens.ts';
import { QUALITY_JOB, qualityFlagsJob, thenQualityFlags } from '../../server/jobs/quality-flags.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { MAX_FLAGS_PER_SOURCE, storeFlags } from '../../server/jobs/store-flags.ts';
import { validationJob } from '../../server/jobs/validate-answers.ts';
import { createValidationThread } from '../../server/jobs/validation-thread.ts';
import { captureLogger, WARN } from '../helpers/log.ts';
import { createTestContext, envelope, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ bodyLimitBytes: 16 * 1024 * 1024 });
});
afterEach(async () => ctx.close());

/** `levels` nested objects around 1, written as text (JSON.stringify itself overflows on such values). */
const nested = (levels: number) => `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** An envelope's text with `answers.<key>` (or paradata's) replaced by raw JSON text. */
function withRaw(env: ReturnType<typeof envelope>, where: 'answers' | 'paradata', key: string, raw: string) {
  const marked = { ...env, [where]: { ...env[where], [key]: '__RAW__' } };
  return JSON.stringify(marked).replace('"__RAW__"', raw);
}

async function putRaw(id: string, raw: string) {
  return ctx.request('PUT', `/api/interviews/${id}`, { as: 'enum_a1', raw });
}

/** Stores a revision directly, as an upload stored before the limits existed would be. */
async function storeOdd(id: string, person: 'enum_a1' | 'enum_a2', text: string) {
  await ctx.database.db.insert(interviews).values({
    id,
    assignmentId: ctx.assignmentOf(person),
    enumeratorId: ctx.userIds[person],
    questionnaireId: 'test-household',
    questionnaireVersion: 1,
    currentRevision: 1,
    outcome: 11,
  });
  await ctx.database.db.insert(interviewRevisions).values({
    interviewId: id,
    revision: 1,
    contentHash: 'odd',
    envelope: text,
    receivedBy: ctx.userIds[person],
  });
}

describe('limits on answers and paradata (the shared contract)', () => {
  it.each([
    ['1,001 levels deep', 'answers', 'deep', nested(1001), 'answers.deep', 'nests deeper'],
    ['20,000 levels deep', 'answers', 'deep', nested(20_000), 'answers.deep', 'nests deeper'],
    [
      'a 200,000-element array',
      'answers',
      'list',
      `[${Array(200_000).fill(0).join(',')}]`,
      'answers.list',
      'array longer',
    ],
    ['deep paradata', 'paradata', 'pages', nested(1001), 'paradata.pages', 'nests deeper'],
  ] as const)('refuses %s with 422 naming the field', async (_what, where, key, raw, field, words) => {
    const env = envelope(ctx, 'enum_a1');
    const res = await putRaw(env.interviewId, withRaw(env, where, key, raw));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('request.invalid');
    expect(body.details[0].field).toBe(field);
    expect(body.details[0].message).toContain(words);
    expect(await ctx.database.db.select().from(interviews)).toHaveLength(0);
  });

  it('refuses 150,000 unknown keys with 422 naming answers, and the tablet refuses them too', async () => {
    const env = envelope(ctx, 'enum_a1');
    const answers = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`k${i}`, 1]));
    const res = await putRaw(env.interviewId, JSON.stringify({ ...env, answers }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.details[0]).toMatchObject({ field: 'answers' });
    expect(body.details[0].message).toContain('more than 20000 keys');
    // the same schema is what the tablet checks before queueing an envelope
    expect(interviewEnvelopeSchema.safeParse({ ...env, answers }).success).toBe(false);
    expect(interviewEnvelopeSchema.safeParse(env).success).toBe(true);
  });
});

describe('an odd row stored before the limits', () => {
  it('leaves the review queue and the dashboard answering 200', async () => {
    const odd = envelope(ctx, 'enum_a2');
    await storeOdd(odd.interviewId, 'enum_a2', withRaw(odd, 'answers', 'deep', nested(1001)));
    const queue = await ctx.request('GET', '/api/review/queue', { as: 'sup_a' });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(odd.interviewId);
    const dashboard = await ctx.request('GET', '/api/dashboard', { as: 'coord' });
    expect(dashboard.status).toBe(200);
  });

  it('does not stop the quality flags of the other interviews', async () => {
    const odd = envelope(ctx, 'enum_a2');
    await storeOdd(odd.interviewId, 'enum_a2', withRaw(odd, 'answers', 'deep', nested(20_000)));
    const good = envelope(ctx, 'enum_a1');
    expect(
      (await ctx.request('PUT', `/api/interviews/${good.interviewId}`, { as: 'enum_a1', body: good })).status,
    ).toBe(201);
    const thread = createValidationThread();
    const lines: string[] = [];
    const log = captureLogger();
    const runner = createJobRunner(
      ctx.database,
      {
        [VALIDATION_JOB]: thenQualityFlags(validationJob(ctx.database, thread), ctx.database, (l) =>
          lines.push(l),
        ),
        [QUALITY_JOB]: qualityFlagsJob(ctx.database),
      },
      log.logger,
    );
    await runner.drain();
    await thread.close();
    // computed inline with the validation: no quality job deferred, no failure logged
    const deferred = await ctx.database.db.select().from(jobs).where(eq(jobs.kind, QUALITY_JOB));
    expect(deferred).toEqual([]);
    expect(lines).toEqual([]);
    expect(log.lines.filter((l) => l.level >= WARN)).toEqual([]);
    const [row] = await ctx.database.db.select().from(interviews).where(eq(interviews.id, good.interviewId));
    expect(row.status).toBe('validated');
  });

  it('answers a conflicting copy of it with 409 and keeps the copy in quarantine', async () => {
    const odd = envelope(ctx, 'enum_a1');
    await storeOdd(odd.interviewId, 'enum_a1', withRaw(odd, 'answers', 'deep', nested(20_000)));
    const res = await ctx.request('PUT', `/api/interviews/${odd.interviewId}`, { as: 'enum_a1', body: odd });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('interview.conflict');
    const kept = await ctx.database.db.select().from(quarantine);
    expect(kept.map((q) => q.reason)).toEqual(['conflict']);
  });

  it('canonical JSON writes any depth without the call stack, keys sorted', () => {
    const deep = JSON.parse(nested(20_000));
    expect(canonicalJson(deep).length).toBe(nested(20_000).length);
    expect(canonicalJson({ b: [1, { d: 'x', c: null }], a: undefined, A: true })).toBe(
      '{"A":true,"b":[1,{"c":null,"d":"x"}]}',
    );
  });
});

describe('bulk approve and flags', () => {
  it('does not approve an interview whose quality flags are still to compute', async () => {
    const env = envelope(ctx, 'enum_a1');
    await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    await ctx.jobs.drain();
    await ctx.database.db
      .insert(jobs)
      .values({ kind: QUALITY_JOB, interviewId: env.interviewId, revision: 1 });
    const res = await ctx.request('POST', '/api/review/bulk-approve', {
      as: 'sup_a',
      body: { items: [{ interviewId: env.interviewId, revision: 1 }] },
    });
    const body = await res.json();
    expect(body.approved).toBe(0);
    expect(body.results[0]).toMatchObject({ result: 'skipped', code: 'review.not_clean' });
    // once the flags are computed (the job done, nothing found) it is clean
    await ctx.database.db.update(jobs).set({ status: 'done' }).where(eq(jobs.kind, QUALITY_JOB));
    const again = await ctx.request('POST', '/api/review/bulk-approve', {
      as: 'sup_a',
      body: { items: [{ interviewId: env.interviewId, revision: 1 }] },
    });
    expect((await again.json()).approved).toBe(1);
  });

  it(`keeps at most ${MAX_FLAGS_PER_SOURCE} flags per source and the true count`, async () => {
    const env = envelope(ctx, 'enum_a1');
    await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    const found = Array.from({ length: 5_000 }, (_, i) => ({
      code: 'validation.x',
      path: `k${i}`,
      message: 'm',
    }));
    await ctx.database.write((tx) => storeFlags(tx, env.interviewId, 1, 'validation', found));
    const rows = await ctx.database.db
      .select()
      .from(flags)
      .where(and(eq(flags.interviewId, env.interviewId), eq(flags.source, 'validation')));
    expect(rows).toHaveLength(MAX_FLAGS_PER_SOURCE + 1);
    const summary = rows.filter((r) => r.code === 'flags.truncated');
    expect(summary).toHaveLength(1);
    expect(summary[0].message).toContain('5000 validation flags in all');
  });

  it('a valid upload with thousands of unknown keys is validated with capped flags', async () => {
    const env = envelope(ctx, 'enum_a1', {
      answers: {
        a04_ea: 'CV-PR-0001',
        b01_consent: 1,
        b03_size: 3,
        ...Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`zz${i}`, 1])),
      },
    });
    const put = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    expect(put.status).toBe(201);
    await ctx.jobs.drain();
    const rows = await ctx.database.db.select().from(flags).where(eq(flags.interviewId, env.interviewId));
    expect(rows.length).toBe(MAX_FLAGS_PER_SOURCE + 1);
    const total = Number(
      /(\d+) validation flags/.exec(rows.find((r) => r.code === 'flags.truncated')?.message ?? '')?.[1],
    );
    expect(total).toBeGreaterThanOrEqual(3_000);
  });
});
