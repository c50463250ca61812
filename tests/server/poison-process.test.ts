/**
 * Poison answers against a real server process: uploads nested 20,000 levels deep, with 150,000 keys or
 * a 200,000-element array are each refused 422 naming the field, the process stays up, and another
 * enumerator's ordinary upload sent right after is acknowledged and validated (the job loop is not
 * stuck) while the review queue and the dashboard answer 200.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-poison-'));
const questionnaires = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess(
    {
      DATABASE_URL: `file:${join(dir, 'poison.db')}`,
      MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
      MORABEZA_CLIENT_DIR: join(dir, 'none'),
      MORABEZA_JOB_WORKERS: '1',
      BODY_LIMIT_BYTES: String(8 * 1024 * 1024),
    },
    freePort(),
  );
}, 150_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function session(username: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const { token } = (await res.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const list = (await (await fetch(`${server.url}/api/assignments`, { headers })).json()) as Array<{
    id: string;
  }>;
  return { headers, assignments: list.map((a) => a.id) };
}

/** An envelope whose answers carry `raw` (JSON text, written by hand: JSON.stringify recurses) as `poison`. */
function envelopeText(assignmentId: string, raw?: string): { id: string; text: string } {
  const id = randomUUID();
  const env = {
    interviewId: id,
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
    deviceId: 'tablet-poison',
  };
  const text = JSON.stringify(env);
  return { id, text: raw ? text.replace('"answers":{', `"answers":{"poison":${raw},`) : text };
}

const manyKeys = `{${Array.from({ length: 150_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
const longArray = `[${Array.from({ length: 200_000 }, () => '0').join(',')}]`;
const deep = `${'{"x":'.repeat(20_000)}1${'}'.repeat(20_000)}`;

describe('poison answers against a real server process', () => {
  it('refuses each poison upload with 422 naming the field and keeps serving everyone else', async () => {
    const attacker = await session('enumerator1');
    for (const [what, raw] of [
      ['20,000 levels deep', deep],
      ['150,000 keys', manyKeys],
      ['a 200,000-element array', longArray],
    ] as const) {
      const { id, text } = envelopeText(attacker.assignments[0], raw);
      const res = await fetch(`${server.url}/api/interviews/${id}`, {
        method: 'PUT',
        headers: attacker.headers,
        body: text,
      });
      expect(res.status, what).toBe(422);
      const body = (await res.json()) as { code: string; details: Array<{ field: string }> };
      expect(body.code).toBe('request.invalid');
      expect(body.details.map((d) => d.field).join(' ')).toMatch(/answers/);
    }
    expect(server.child.exitCode).toBeNull();

    // another enumerator's upload is taken and validated; the staff's screens answer
    const other = await session('enumerator2');
    const { id, text } = envelopeText(other.assignments[0]);
    const res = await fetch(`${server.url}/api/interviews/${id}`, {
      method: 'PUT',
      headers: other.headers,
      body: text,
    });
    expect(res.status).toBe(201);
    const coordinator = await session('coordinator');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const one = await fetch(`${server.url}/api/interviews/${id}`, { headers: coordinator.headers });
      expect(one.status).toBe(200);
      if (((await one.json()) as { status: string }).status !== 'submitted') break;
      if (Date.now() > deadline) throw new Error('the ordinary upload was not validated in 60 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await fetch(`${server.url}/api/review/queue`, { headers: coordinator.headers })).status).toBe(
      200,
    );
    expect((await fetch(`${server.url}/api/dashboard`, { headers: coordinator.headers })).status).toBe(200);
    expect(server.output()).not.toContain('server.internal');
  }, 150_000);
});
