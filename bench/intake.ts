/**
 * Interview intake under load: a real server process (embedded libSQL file, WAL, synchronous=FULL, every
 * 2xx after the commit) receives IPEI-sized envelopes from 50 concurrent clients. Then the validation
 * job's throughput on what was stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/db/client.ts';
import { VALIDATION_JOB } from '../server/domain/interviews.ts';
import { createJobRunner } from '../server/jobs/runner.ts';
import { validationJob } from '../server/jobs/validate-answers.ts';
import { createValidationThread } from '../server/jobs/validation-thread.ts';
import { freePort, startServerProcess } from '../tests/helpers/process.ts';
import { makeEnvelope } from './envelopes.ts';

export interface IntakeFigures {
  clients: number;
  uploads: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  medianEnvelopeKb: number;
  validation: { interviews: number; seconds: number; perSecond: number };
}

/** A PUT with node:http and a keep-alive agent: a load generator lighter than fetch, so the server gets the CPU. */
function put(agent: Agent, base: string, path: string, token: string, body: string): Promise<number> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export async function runIntakeBench(
  options: {
    clients?: number;
    uploads?: number;
    validate?: number;
    /** A libSQL server instead of the embedded file. */
    database?: { url: string; authToken?: string };
  } = {},
): Promise<IntakeFigures> {
  const clients = options.clients ?? 50;
  const total = options.uploads ?? 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-bench-'));
  const url = options.database?.url ?? `file:${join(dir, 'bench.db')}`;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const server = await startServerProcess(
    {
      DATABASE_URL: url,
      ...(options.database?.authToken ? { DATABASE_AUTH_TOKEN: options.database.authToken } : {}),
      MORABEZA_RUN_JOBS: 'false',
      MORABEZA_QUESTIONNAIRES_DIR: join(root, 'questionnaires'),
      MORABEZA_CLIENT_DIR: join(dir, 'none'),
    },
    freePort(),
  );
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'enumerator1', password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const assignments = (await (
      await fetch(`${server.url}/api/assignments`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as Array<{ id: string }>;
    if (!assignments.length)
      throw new Error(
        'the demo has no assignments for enumerator1 (is questionnaires/ipei/household.v1.json there?)',
      );
    const envelopes = Array.from({ length: total }, (_, i) =>
      makeEnvelope(assignments[i % assignments.length].id, i),
    );
    const ids = envelopes.map((e) => e.interviewId);
    const bodies = envelopes.map((e) => JSON.stringify(e));
    const sizes = bodies.map((b) => b.length).sort((a, b) => a - b);
    const latencies: number[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    let next = 0;
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < total) {
          const i = next++;
          const body = bodies[i];
          const id = ids[i];
          const t0 = performance.now();
          const status = await put(agent, server.url, `/api/interviews/${id}`, token, body);
          latencies.push(performance.now() - t0);
          if (status !== 201) errors++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    await server.stop();

    const database = await openDatabase({ url, authToken: options.database?.authToken });
    const runner = createJobRunner(database, {
      [VALIDATION_JOB]: validationJob(database, createValidationThread()),
    });
    const limit = options.validate ?? 500;
    const v0 = performance.now();
    let validated = 0;
    while (validated < limit && (await runner.drainOne())) validated++;
    const vSeconds = (performance.now() - v0) / 1000;
    database.close();
    return {
      clients,
      uploads: total,
      errors,
      seconds,
      perSecond: total / seconds,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      medianEnvelopeKb: quantile(sizes, 0.5) / 1024,
      validation: { interviews: validated, seconds: vSeconds, perSecond: validated / vSeconds },
    };
  } finally {
    await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
