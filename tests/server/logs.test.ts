/**
 * Structured logs (server/log.ts, server/middleware/request-log.ts, the job runner): one JSON line per
 * request with a request id that the response also carries, and one per job step naming the job; no line
 * holds a password, a token, a username or an answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { validationJob } from '../../server/jobs/validate-answers.ts';
import { createValidationThread } from '../../server/jobs/validation-thread.ts';
import { errorFacts } from '../../server/log.ts';
import { captureLogger, type LogLine } from '../helpers/log.ts';
import { createTestContext, envelope, PASSWORD, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
let log: ReturnType<typeof captureLogger>;
beforeEach(async () => {
  log = captureLogger();
  ctx = await createTestContext({}, { logger: log.logger });
});
afterEach(async () => ctx.close());

/** The raw and parsed lines of one request, by the id its response carried. */
function linesOf(res: Response): { raw: string[]; lines: LogLine[] } {
  const id = res.headers.get('x-request-id');
  expect(id).toMatch(/^[\w-]{8,}$/);
  const lines = log.lines.filter((l) => l.reqId === id);
  return { lines, raw: log.raw.filter((r) => (JSON.parse(r) as LogLine).reqId === id) };
}

describe('request log', () => {
  it('writes one parseable JSON line per request, with the id the response carries', async () => {
    const env = envelope(ctx, 'enum_a1', {
      answers: { a04_ea: 'CV-PR-0001', b01_consent: 1, b03_size: 3, c02_name: 'Maria Tavares' },
    });
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    expect(res.status).toBe(201);
    const { lines, raw } = linesOf(res);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: 'PUT',
      route: '/api/interviews/:interviewId',
      status: 201,
      userId: ctx.userIds.enum_a1,
      role: 'enumerator',
      msg: 'request',
    });
    expect(typeof lines[0].durationMs).toBe('number');
    // the route's pattern, not the path: neither the interview's id nor any answer is in the line
    expect(raw[0]).not.toContain(env.interviewId);
    expect(raw[0]).not.toContain('Maria');
    expect(raw[0]).not.toContain('enum_a1');
    // two requests, two ids
    const again = await ctx.request('GET', '/api/health');
    expect(again.headers.get('x-request-id')).not.toBe(res.headers.get('x-request-id'));
  });

  it("keeps a proxy's plain request id and replaces one that is not a plain token", async () => {
    const kept = await ctx.app.request('/api/health', { headers: { 'x-request-id': 'edge-4f2a-77' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-4f2a-77');
    expect(linesOf(kept).lines).toHaveLength(1);
    const forged = await ctx.app.request('/api/health', { headers: { 'x-request-id': 'a" injected: "x' } });
    expect(forged.headers.get('x-request-id')).not.toContain('injected');
    expect(log.raw.join('')).not.toContain('injected');
  });

  it('never writes the password, the token or the username of a login, right or wrong', async () => {
    const good = await ctx.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sup_a', password: PASSWORD }),
    });
    expect(good.status).toBe(200);
    const { token } = (await good.json()) as { token: string };
    const wrong = await ctx.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sup_a', password: 'hunter2-wrong' }),
    });
    expect(wrong.status).toBe(401);
    const used = await ctx.app.request('/api/review/queue', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(used.status).toBe(200);

    expect(linesOf(good).lines[0]).toMatchObject({ route: '/api/auth/login', status: 200 });
    expect(linesOf(wrong).lines[0]).toMatchObject({
      route: '/api/auth/login',
      status: 401,
      code: 'auth.failed',
    });
    expect(linesOf(used).lines[0]).toMatchObject({
      status: 200,
      role: 'supervisor',
      userId: ctx.userIds.sup_a,
    });
    const all = log.raw.join('\n');
    for (const secret of [PASSWORD, 'hunter2-wrong', token, 'sup_a']) expect(all).not.toContain(secret);
  });
});

describe('job log', () => {
  it('writes one line per job step naming the job, its interview and how it ended', async () => {
    const env = envelope(ctx, 'enum_a1');
    expect(
      (await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env })).status,
    ).toBe(201);
    const thread = createValidationThread();
    const jobs = captureLogger();
    const runner = createJobRunner(
      ctx.database,
      { [VALIDATION_JOB]: validationJob(ctx.database, thread) },
      jobs.logger,
    );
    expect(await runner.drain()).toBe(1);
    await thread.close();
    expect(jobs.lines).toHaveLength(1);
    expect(jobs.lines[0]).toMatchObject({
      job: VALIDATION_JOB,
      interviewId: env.interviewId,
      revision: 1,
      attempt: 1,
      outcome: 'done',
      msg: 'job step',
    });
    expect(typeof jobs.lines[0].durationMs).toBe('number');
    expect(jobs.raw[0]).not.toContain('CV-PR-0001');
  });

  it('logs a failed step as a warning with the error and the retry', async () => {
    const env = envelope(ctx, 'enum_a1');
    await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    const jobs = captureLogger();
    const runner = createJobRunner(
      ctx.database,
      { [VALIDATION_JOB]: async () => Promise.reject(new Error('worker went away')) },
      jobs.logger,
    );
    await runner.drainOne();
    expect(jobs.lines[0]).toMatchObject({
      level: 40,
      job: VALIDATION_JOB,
      outcome: 'pending',
      msg: 'job step failed',
      error: [{ name: 'Error', message: 'worker went away' }],
    });
  });
});

describe('error facts', () => {
  it("keep the driver's code and message but never a failed query's SQL and values", () => {
    const driver = Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });
    const wrapped = new Error(
      'Failed query: insert into interviews (answers) values (?)\nparams: {"c02_name":"Maria Tavares"}',
      { cause: driver },
    );
    const facts = errorFacts(wrapped);
    expect(facts[1]).toEqual({
      name: 'Error',
      code: 'SQLITE_BUSY',
      message: 'SQLITE_BUSY: database is locked',
    });
    expect(JSON.stringify(facts)).not.toContain('Maria');
    expect(JSON.stringify(facts)).not.toContain('insert into');
  });
});
