/**
 * Beyond one machine: the same server on a real libSQL server (sqld) and on embedded replicas of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMorabeza } from '../../demo/start.ts';
import type { InterviewEnvelope } from '../../server/contract/interview.ts';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { parseEnv } from '../../server/env.ts';
import { StartupError } from '../../server/startup.ts';
import { freeTcpPort, type Sqld, startSqld } from '../helpers/sqld.ts';

const questionnaires = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'morabeza-libsql-'));
let sqld: Sqld;
beforeAll(async () => {
  sqld = await startSqld({ auth: true });
});
afterAll(async () => {
  await sqld.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function envFor(extra: Record<string, string>) {
  const parsed = parseEnv({
    MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
    MORABEZA_CLIENT_DIR: join(dir, 'none'),
    MORABEZA_DEMO_FIELDWORK: 'false',
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.env;
}

async function json(
  app: { request: (p: string, i?: RequestInit) => Response | Promise<Response> },
  path: string,
  init: RequestInit = {},
) {
  const res = await app.request(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & Array<Record<string, unknown>>,
  };
}

async function enumeratorSession(app: Parameters<typeof json>[0]) {
  const login = await json(app, '/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'enumerator1', password: 'demo' }),
  });
  const token = login.body.token as string;
  const list = await json(app, '/api/assignments', { headers: { authorization: `Bearer ${token}` } });
  // an assignment takes one live interview: uploads use one assignment each
  const assignmentIds = list.body.map((a) => String(a.id));
  return { token, assignmentId: assignmentIds[0], assignmentIds };
}

function envelopeFor(assignmentId: string, n: number): InterviewEnvelope {
  return {
    interviewId: crypto.randomUUID(),
    revision: 1,
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    assignmentId,
    answers: { b01_consent: 1, b03_size: n },
    paradata: {},
    outcome: 11,
    locale: 'pt',
    startedAt: '2026-09-03T09:12:00.000Z',
    completedAt: '2026-09-03T09:51:30.000Z',
    deviceId: 'tablet-1',
  };
}

const put = (app: Parameters<typeof json>[0], token: string, e: InterviewEnvelope) =>
  app.request(`/api/interviews/${e.interviewId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(e),
  });

describe('a libSQL server as the database', () => {
  it('refuses a wrong auth token at start with a message naming DATABASE_AUTH_TOKEN', async () => {
    const error = await startDemoMorabeza(
      envFor({ DATABASE_URL: sqld.url, DATABASE_AUTH_TOKEN: sqld.forgedToken ?? '' }),
      { runJobs: false },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/refused DATABASE_AUTH_TOKEN/);
  });

  it('retries an unreachable primary at start, then starts once it answers', async () => {
    const port = await freeTcpPort();
    const unreachable = await startDemoMorabeza(
      envFor({ DATABASE_URL: `http://127.0.0.1:${port}`, DATABASE_CONNECT_ATTEMPTS: '2' }),
      { runJobs: false },
    ).catch((e) => e);
    expect(unreachable).toBeInstanceOf(StartupError);
    expect((unreachable as Error).message).toMatch(/after 2 attempts: check DATABASE_URL/);

    const late = await startSqld({ auth: true });
    await late.stop();
    const starting = startDemoMorabeza(
      envFor({
        DATABASE_URL: late.url,
        DATABASE_AUTH_TOKEN: late.token ?? '',
        DATABASE_CONNECT_ATTEMPTS: '5',
      }),
      { runJobs: false },
    );
    await new Promise((r) => setTimeout(r, 300));
    await late.restart();
    const started = await starting;
    expect((await started.app.request('/api/health')).status).toBe(200);
    await started.close();
    await late.dispose();
  });

  it('applies migrations once when several API nodes start at the same time', async () => {
    const fresh = await startSqld({ auth: true });
    const nodes = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ url: fresh.url, authToken: fresh.token })),
    );
    await Promise.all(nodes.map((n) => migrateDatabase(n.db)));
    const rows = await nodes[0].db.all<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`);
    const files = await nodes[0].db.all<{ n: number }>(
      sql`select count(*) as n from sqlite_master where name = 'interviews'`,
    );
    for (const n of nodes) n.close();
    await fresh.dispose();
    expect(files[0].n).toBe(1);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 (retryable) when the primary goes away mid-upload, and stores the retry exactly once', async () => {
    const own = await startSqld({ auth: true });
    const node = await startDemoMorabeza(
      envFor({ DATABASE_URL: own.url, DATABASE_AUTH_TOKEN: own.token ?? '' }),
      { runJobs: false },
    );
    const { token, assignmentId } = await enumeratorSession(node.app);
    const e = envelopeFor(assignmentId, 3);
    await own.stop('SIGKILL');
    const during = await put(node.app, token, e);
    expect(during.status).toBe(503);
    expect(((await during.json()) as { code: string }).code).toBe('server.unavailable');
    await own.restart();
    expect((await put(node.app, token, e)).status).toBe(201);
    expect((await put(node.app, token, e)).status).toBe(200);
    const count = await node.database.db.all<{ n: number }>(
      sql`select count(*) as n from interview_revisions`,
    );
    expect(count[0].n).toBe(1);
    await node.close();
    await own.dispose();
  });
});

describe('two API nodes on embedded replicas of one primary', () => {
  it('stores uploads sent to either node exactly once on the primary, visible to the other after a sync', async () => {
    const primary = await startSqld({ auth: true });
    const seeded = await startDemoMorabeza(
      envFor({ DATABASE_URL: primary.url, DATABASE_AUTH_TOKEN: primary.token ?? '' }),
      { runJobs: false },
    );
    await seeded.close();
    const node = (name: string) =>
      startDemoMorabeza(
        envFor({
          DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
          DATABASE_SYNC_URL: primary.url,
          DATABASE_AUTH_TOKEN: primary.token ?? '',
        }),
        { runJobs: false },
      );
    const a = await node('replica-a');
    const b = await node('replica-b');
    const sa = await enumeratorSession(a.app);
    const sb = await enumeratorSession(b.app);
    const sent: InterviewEnvelope[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const e = envelopeFor(sa.assignmentIds[i], i);
        sent.push(e);
        return i % 2 ? put(a.app, sa.token, e) : put(b.app, sb.token, e);
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    // a retry through the other node is recognised as the same upload
    expect((await put(a.app, sa.token, sent[0])).status).toBe(200);
    expect((await put(b.app, sb.token, sent[1])).status).toBe(200);

    const direct = await openDatabase({ url: primary.url, authToken: primary.token });
    const onPrimary = await direct.db.all<{ id: string; n: number }>(
      sql`select interview_id as id, count(*) as n from interview_revisions group by interview_id`,
    );
    direct.close();
    expect(onPrimary).toHaveLength(20);
    expect(onPrimary.every((r) => r.n === 1)).toBe(true);
    expect(new Set(onPrimary.map((r) => r.id))).toEqual(new Set(sent.map((e) => e.interviewId)));

    await b.database.client.sync();
    const seen = await b.app.request(`/api/interviews/${sent[1].interviewId}`, {
      headers: { authorization: `Bearer ${sb.token}` },
    });
    expect(seen.status).toBe(200);
    await a.close();
    await b.close();
    await primary.dispose();
  });
});
