/**
 * Stop when told: a real server process validating a backlog of hundreds of jobs exits within 10 s of
 * SIGTERM (and of SIGINT), with no job left `running` and most of the backlog still pending; every
 * acknowledged interview is stored, and the pending jobs resume at the next start.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { InterviewEnvelope } from '../../server/contract/interview.ts';
import { openDatabase } from '../../server/db/client.ts';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-stop-'));
const questionnaires = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));
const env = {
  DATABASE_URL: `file:${join(dir, 'stop.db')}`,
  MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
  MORABEZA_CLIENT_DIR: join(dir, 'none'),
  MORABEZA_JOB_WORKERS: '1',
};
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function login(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const { token } = (await res.json()) as { token: string };
  const list = (await (
    await fetch(`${url}/api/assignments`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as Array<{ id: string }>;
  return list.map((a) => ({ token, assignmentId: a.id }));
}

function envelopeFor(assignmentId: string): InterviewEnvelope {
  return {
    interviewId: randomUUID(),
    revision: 1,
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    assignmentId,
    answers: { b01_consent: 1, b03_size: 3 },
    paradata: {},
    outcome: 11,
    locale: 'pt',
    startedAt: '2026-09-03T09:12:00.000Z',
    completedAt: '2026-09-03T09:51:30.000Z',
    deviceId: 'tablet-stop',
  };
}

async function jobCounts() {
  const db = await openDatabase({ url: env.DATABASE_URL });
  const rows = await db.db.all<{ status: string; n: number }>(
    sql`select status, count(*) as n from jobs group by status`,
  );
  const revisions = (await db.db.all<{ n: number }>(sql`select count(*) as n from interview_revisions`))[0].n;
  db.close();
  return { ...Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), revisions } as Record<
    string,
    number
  >;
}

async function stopTimed(s: ServerProcess, signal: NodeJS.Signals) {
  const t0 = Date.now();
  await s.stop(signal);
  return Date.now() - t0;
}

describe('stop when told', () => {
  it('exits within 10 s of SIGTERM with hundreds of jobs pending, and they resume at the next start', async () => {
    // a backlog: 400 uploads received by a node that does not run jobs
    server = await startServerProcess({ ...env, MORABEZA_RUN_JOBS: 'false' }, freePort());
    const slots = [];
    for (let i = 1; slots.length < 400; i++) slots.push(...(await login(server.url, `enumerator${i}`)));
    const acknowledged: string[] = [];
    for (let k = 0; k < 400; k += 20) {
      const statuses = await Promise.all(
        slots.slice(k, k + 20).map(async ({ token, assignmentId }) => {
          const e = envelopeFor(assignmentId);
          const res = await fetch(`${server!.url}/api/interviews/${e.interviewId}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(e),
          });
          if (res.status === 201) acknowledged.push(e.interviewId);
          return res.status;
        }),
      );
      expect(statuses.every((s) => s === 201)).toBe(true);
    }
    expect(await stopTimed(server, 'SIGTERM')).toBeLessThan(10_000);
    expect((await jobCounts()).pending).toBeGreaterThanOrEqual(400);

    // a node that validates: stopped as soon as it has validated its first jobs (a fixed wait would
    // leave a backlog only on a slow machine)
    server = await startServerProcess(env, freePort());
    for (const started = Date.now(); Date.now() - started < 30_000; ) {
      if (((await jobCounts()).done ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = await stopTimed(server, 'SIGTERM');
    expect(ms).toBeLessThan(10_000);
    const after = await jobCounts();
    expect(after.running ?? 0).toBe(0);
    expect(after.failed ?? 0).toBe(0);
    expect(after.pending).toBeGreaterThan(200);
    expect(after.revisions).toBe(acknowledged.length);
    console.log(`SIGTERM with ${after.pending} jobs pending: exited in ${ms} ms`);

    // the next start resumes them; SIGINT stops it the same way
    server = await startServerProcess(env, freePort());
    const deadline = Date.now() + 30_000;
    while ((await jobCounts()).done === (after.done ?? 0) || (await jobCounts()).done === undefined) {
      if (Date.now() > deadline) throw new Error('no pending job was resumed in 30 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await stopTimed(server, 'SIGINT')).toBeLessThan(10_000);
    const last = await jobCounts();
    expect(last.running ?? 0).toBe(0);
    expect((last.done ?? 0) + (last.pending ?? 0)).toBe(after.revisions);
    server = undefined;
  }, 180_000);
});
