/**
 * Durability under a crash: a real server process receives a stream of uploads and is killed with
 * SIGKILL mid-stream. After a restart every interview it acknowledged is there exactly once, and the
 * uploads that were in flight can be resent safely (stored once, never a conflict).
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

const dir = mkdtempSync(join(tmpdir(), 'morabeza-kill-'));
const questionnaires = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));
const env = {
  DATABASE_URL: `file:${join(dir, 'kill.db')}`,
  MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
  MORABEZA_CLIENT_DIR: join(dir, 'none'),
};
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function session(url: string, username = 'enumerator1') {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const { token } = (await res.json()) as { token: string };
  const assignments = (await (
    await fetch(`${url}/api/assignments`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as Array<{ id: string }>;
  return { token, assignmentIds: assignments.map((a) => a.id) };
}

/** Every assignment of the first enumerators, with their tokens: an assignment takes one live interview. */
async function slots(url: string, enumerators: number) {
  const out: Array<{ token: string; assignmentId: string }> = [];
  for (let i = 1; i <= enumerators; i++) {
    const { token, assignmentIds } = await session(url, `enumerator${i}`);
    for (const assignmentId of assignmentIds) out.push({ token, assignmentId });
  }
  return out;
}

function makeEnvelope(assignmentId: string): InterviewEnvelope {
  return {
    interviewId: randomUUID(),
    revision: 1,
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    assignmentId,
    answers: { b01_consent: 1, b03_size: 3, note: 'x'.repeat(4000) },
    paradata: { pages: Array.from({ length: 20 }, (_, i) => ({ page: i, ms: 1000 + i })) },
    outcome: 11,
    locale: 'pt',
    startedAt: '2026-09-03T09:12:00.000Z',
    completedAt: '2026-09-03T09:51:30.000Z',
    deviceId: 'tablet-kill',
  };
}

const send = (url: string, token: string, e: InterviewEnvelope) =>
  fetch(`${url}/api/interviews/${e.interviewId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(e),
  });

describe('kill -9 during uploads', () => {
  it('keeps every acknowledged interview, exactly once', async () => {
    server = await startServerProcess(env, freePort());
    const free = await slots(server.url, 12);
    expect(free.length).toBeGreaterThan(360);
    const tokenOf = new Map<InterviewEnvelope, string>();
    const acknowledged: InterviewEnvelope[] = [];
    const inFlight = new Set<InterviewEnvelope>();
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const slot = free.shift();
        if (!slot) return;
        const e = makeEnvelope(slot.assignmentId);
        tokenOf.set(e, slot.token);
        inFlight.add(e);
        try {
          const res = await send(server!.url, slot.token, e);
          if (res.status === 201 || res.status === 200) {
            acknowledged.push(e);
            inFlight.delete(e);
          }
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    await server.stop('SIGKILL');
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    server = await startServerProcess(env, freePort());
    // tokens are stored sessions: they still work after the restart
    for (const e of acknowledged.slice(0, 50)) {
      const res = await fetch(`${server.url}/api/interviews/${e.interviewId}`, {
        headers: { authorization: `Bearer ${tokenOf.get(e)}` },
      });
      expect(res.status).toBe(200);
    }
    // resending what was in flight when the process died: stored now or already stored, never a conflict
    for (const e of inFlight)
      expect([200, 201]).toContain((await send(server.url, tokenOf.get(e) ?? '', e)).status);
    await server.stop('SIGTERM');

    const check = await openDatabase({ url: env.DATABASE_URL });
    const ids = new Set(
      (await check.db.all<{ id: string }>(sql`select interview_id as id from interview_revisions`)).map(
        (r) => r.id,
      ),
    );
    const total = (await check.db.all<{ n: number }>(sql`select count(*) as n from interview_revisions`))[0]
      .n;
    check.close();
    for (const e of acknowledged) expect(ids.has(e.interviewId)).toBe(true);
    expect(total).toBe(ids.size); // none twice
    expect(total).toBe(acknowledged.length + inFlight.size);
  });
});
