/**
 * Database errors survived: while another process holds the write lock past the busy timeout, an
 * upload answers 503 `server.unavailable` and /api/health 503 naming the reason; the job loop logs and
 * keeps going (no unhandled rejection); once the lock is released writes work again at once (the pooled
 * connection whose BEGIN failed is replaced), health is 200 and the pending job is done.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../server/db/schema.ts';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { captureLogger } from '../helpers/log.ts';
import { createTestContext, envelope, type TestContext } from '../helpers/server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let ctx: TestContext;
let holder: ChildProcess | undefined;
beforeEach(async () => {
  ctx = await createTestContext({}, { busyTimeoutMs: 300, assignmentsPerEnumerator: 3 });
});
afterEach(async () => {
  holder?.kill('SIGKILL');
  await ctx.close();
});

/** A second process that takes the write lock and holds it until told (a line on its stdin). */
async function holdLock(url: string): Promise<() => Promise<void>> {
  const code = `
    import { createClient } from '@libsql/client';
    const c = createClient({ url: ${JSON.stringify(url)} });
    const tx = await c.transaction('write');
    await tx.execute("insert into audit_log (action, entity_type) values ('lock', 'test')");
    process.stdout.write('locked\\n');
    process.stdin.once('data', async () => { await tx.rollback(); process.stdout.write('released\\n'); process.exit(0); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: root });
  holder = child;
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d) => String(d).includes(word) && resolve());
      child.once('exit', (c) => (c === 0 ? resolve() : reject(new Error(`lock holder exited ${c}`))));
    });
  await said('locked');
  return async () => {
    child.stdin?.write('go\n');
    await said('released');
  };
}

/** The file URL of the test database, or undefined for a database server. */
async function urlOf(c: TestContext): Promise<string | undefined> {
  if (process.env.MORABEZA_TEST_DATABASE === 'sqld') return undefined;
  const file = (await c.database.client.execute('pragma database_list')).rows[0]?.file;
  return file ? `file:${String(file)}` : undefined;
}

describe('a write lock held by another process', () => {
  it('answers 503 while locked and writes again at once when released', async () => {
    const url = await urlOf(ctx);
    if (!url) {
      console.log('skipped: needs a file database (a lock of another process)');
      return;
    }
    await ctx.token('enum_a1'); // logged in before (a login writes its session)
    const release = await holdLock(url);
    const first = envelope(ctx, 'enum_a1');
    const during = await ctx.request('PUT', `/api/interviews/${first.interviewId}`, {
      as: 'enum_a1',
      body: first,
    });
    expect(during.status).toBe(503);
    expect((await during.json()).code).toBe('server.unavailable');
    const health = await ctx.request('GET', '/api/health');
    expect(health.status).toBe(503);
    const report = await health.json();
    expect(report.database.writable).toBe(false);
    expect(report.database.reason).toMatch(/locked/);

    await release();
    const t0 = Date.now();
    const after = await ctx.request('PUT', `/api/interviews/${first.interviewId}`, {
      as: 'enum_a1',
      body: first,
    });
    expect(after.status).toBe(201);
    const second = envelope(ctx, 'enum_a1');
    expect(
      (await ctx.request('PUT', `/api/interviews/${second.interviewId}`, { as: 'enum_a1', body: second }))
        .status,
    ).toBe(201);
    console.log(`writes after the lock was released: ${Date.now() - t0} ms`);
    expect((await ctx.request('GET', '/api/health')).status).toBe(200);
  }, 60_000);

  it('keeps the job loop alive while the lock is held, and runs the job after', async () => {
    const url = await urlOf(ctx);
    if (!url) {
      console.log('skipped: needs a file database (a lock of another process)');
      return;
    }
    const env = envelope(ctx, 'enum_a1');
    expect(
      (await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env })).status,
    ).toBe(201);
    const { logger, lines } = captureLogger();
    let ran = 0;
    let release: (() => Promise<void>) | undefined;
    const runner = createJobRunner(
      ctx.database,
      {
        // the lock is taken while the job runs: its result and its failure cannot be written
        [VALIDATION_JOB]: async () => {
          ran++;
          if (ran === 1) release = await holdLock(url);
          return async () => {};
        },
      },
      logger,
    );
    await runner.start();
    while (!release) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    // the loop's JSON line names the database's refusal (SQLITE_BUSY: database is locked)
    expect(lines.some((l) => l.msg.startsWith('job loop:') && /locked/.test(JSON.stringify(l.error)))).toBe(
      true,
    );
    await release();
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [job] = await ctx.database.db.select().from(jobs).where(eq(jobs.interviewId, env.interviewId));
      if (job.status === 'done') break;
      if (Date.now() > deadline) throw new Error(`job still ${job.status}: ${JSON.stringify(lines)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await runner.stop();
    expect(ran).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
