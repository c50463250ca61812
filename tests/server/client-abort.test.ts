/**
 * A tablet that loses its connection halfway through an upload: against a real server process, the
 * request's log line says the client closed the connection (`request.aborted`), never "database
 * unavailable" (`server.unavailable`); nothing is stored, and the same upload sent whole afterwards is
 * acknowledged. Both ways a body arrives: with a Content-Length and chunked.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-abort-'));
const questionnaires = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));
let server: ServerProcess;
let token: string;
let assignmentId: string;

beforeAll(async () => {
  server = await startServerProcess(
    {
      DATABASE_URL: `file:${join(dir, 'abort.db')}`,
      MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
      MORABEZA_CLIENT_DIR: join(dir, 'none'),
      MORABEZA_JOB_WORKERS: '1',
      MORABEZA_RUN_JOBS: 'false',
      LOG_LEVEL: 'info',
    },
    freePort(),
  );
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'enumerator1', password: 'demo' }),
  });
  token = ((await res.json()) as { token: string }).token;
  const list = (await (
    await fetch(`${server.url}/api/assignments`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as Array<{ id: string }>;
  assignmentId = list[0].id;
}, 150_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function envelope() {
  return {
    interviewId: randomUUID(),
    revision: 1,
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    assignmentId,
    // a body of some size, so that half of it is a real partial upload
    answers: { b01_consent: 1, b03_size: 3, z90_notes: 'x'.repeat(64 * 1024) },
    paradata: {},
    outcome: 11,
    locale: 'pt',
    startedAt: '2026-09-03T09:12:00.000Z',
    completedAt: '2026-09-03T09:51:30.000Z',
    deviceId: 'tablet-abort',
  };
}

/** Sends half of the body, then drops the connection; resolves with the request id the server minted. */
function uploadHalf(body: string, chunked: boolean): Promise<string> {
  const requestId = `abort-${chunked ? 'chunked' : 'length'}-${randomUUID().slice(0, 8)}`;
  const { interviewId } = JSON.parse(body) as { interviewId: string };
  return new Promise((resolve) => {
    const req = request(`${server.url}/api/interviews/${interviewId}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-request-id': requestId,
        ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': Buffer.byteLength(body) }),
      },
    });
    req.on('error', () => resolve(requestId));
    req.on('response', () => resolve(requestId));
    req.write(body.slice(0, body.length / 2), () => {
      setTimeout(() => {
        req.destroy();
        resolve(requestId);
      }, 300);
    });
  });
}

async function lineOf(requestId: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const line = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.reqId === requestId);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no log line for ${requestId}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a client that disconnects mid-upload', () => {
  for (const chunked of [false, true]) {
    it(`is logged as a client abort, not a database failure (${chunked ? 'chunked' : 'Content-Length'})`, async () => {
      const env = envelope();
      const body = JSON.stringify(env);
      const requestId = await uploadHalf(body, chunked);
      const line = await lineOf(requestId);
      expect(line.code).toBe('request.aborted');
      // a chunked body is read by the size limit, before the route is reached
      expect(line.route).toBe(chunked ? '/api/*' : '/api/interviews/:interviewId');
      expect(line.msg).toMatch(/client closed the connection/);
      expect(line.level).toBeLessThan(50); // not an error of the server
      expect(server.output()).not.toContain('server.unavailable');
      expect(server.output()).not.toMatch(/database unavailable/i);

      // nothing was stored; the whole upload afterwards is acknowledged, and the database still writes
      const whole = await fetch(`${server.url}/api/interviews/${env.interviewId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      expect(whole.status).toBe(201);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      // the next upload of the assignment is a revision, so use a fresh assignment for the next case
      const list = (await (
        await fetch(`${server.url}/api/assignments`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as Array<{ id: string }>;
      assignmentId = list[list.length - 1].id;
    }, 30_000);
  }
});
