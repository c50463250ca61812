/**
 * A full disk, for real: the server process keeps its database on a small tmpfs, a filler file takes
 * the space left, and uploads go on. Each upload is either acknowledged (201) or answered 503
 * `server.unavailable` (the tablet keeps its copy and retries), never 500; /api/health says the database
 * cannot write; once the filler is deleted the refused uploads are taken at their next try, health is
 * 200 again, and after a stop every acknowledged interview is in the database exactly once. Mounting
 * needs root: elsewhere the test is skipped with the reason printed.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { freePort, type ServerProcess, startServerProcess } from '../helpers/process.ts';
import { mountSmallFs, type SmallFs } from '../helpers/small-fs.ts';

const questionnaires = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));
let server: ServerProcess | undefined;
let fs: SmallFs | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  fs?.unmount();
});

function envelope(assignmentId: string) {
  return {
    interviewId: randomUUID(),
    revision: 1,
    questionnaireId: 'ipei-household',
    questionnaireVersion: 1,
    assignmentId,
    // 256 KB of notes: a few uploads fill what is left of the disk
    answers: { b01_consent: 1, b03_size: 3, z90_notes: 'n'.repeat(256 * 1024) },
    paradata: {},
    outcome: 11,
    locale: 'pt',
    startedAt: '2026-09-03T09:12:00.000Z',
    completedAt: '2026-09-03T09:51:30.000Z',
    deviceId: 'tablet-full',
  };
}

describe('disk full', () => {
  it('answers 503 server.unavailable while the disk is full, loses nothing acknowledged, and recovers', async () => {
    const mounted = mountSmallFs(64 * 1024 * 1024);
    if ('skip' in mounted) {
      console.log(`skipped: ${mounted.skip}`);
      return;
    }
    fs = mounted;
    const url = `file:${join(fs.dir, 'full.db')}`;
    server = await startServerProcess(
      {
        DATABASE_URL: url,
        MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
        MORABEZA_CLIENT_DIR: join(fs.dir, 'none'),
        MORABEZA_JOB_WORKERS: '1',
        DATABASE_BUSY_TIMEOUT_MS: '1000',
      },
      freePort(),
    );
    const base = server.url;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'enumerator1', password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const slots = (
      (await (await fetch(`${base}/api/assignments`, { headers })).json()) as Array<{ id: string }>
    ).map((a) => a.id);
    const put = (e: ReturnType<typeof envelope>) =>
      fetch(`${base}/api/interviews/${e.interviewId}`, { method: 'PUT', headers, body: JSON.stringify(e) });

    // the filler takes all but 1 MB of the space left
    const free = () => {
      const s = statfsSync(fs!.dir);
      return s.bavail * s.bsize;
    };
    const filler = join(fs.dir, 'filler');
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 1024 * 1024)));

    const acknowledged: string[] = [];
    const refused: ReturnType<typeof envelope>[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < slots.length && refused.length < 3; i++) {
      const e = envelope(slots[i]);
      const res = await put(e);
      statuses.push(res.status);
      if (res.status === 201) acknowledged.push(e.interviewId);
      else {
        expect(res.status).toBe(503);
        expect(((await res.json()) as { code: string }).code).toBe('server.unavailable');
        refused.push(e);
      }
    }
    console.log(`disk full: ${acknowledged.length} acknowledged, then ${refused.length} answered 503`);
    expect(refused.length).toBe(3);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    const said = (await health.json()) as { database: { writable: boolean; reason: string } };
    expect(said.database.writable).toBe(false);
    expect(said.database.reason).toMatch(/SQLITE_FULL|full/);
    // anyone may ask /api/health: the reason names the error, never the statement's values (the answers)
    expect(JSON.stringify(said)).not.toContain('nnnnnnnn');
    expect(JSON.stringify(said)).not.toMatch(/insert into/i);
    // nor do the log lines of the refused uploads
    expect(server.output()).not.toContain('nnnnnnnn');

    // space again: the refused uploads are taken at their next try, and health is 200
    rmSync(filler);
    for (const e of refused) {
      expect((await put(e)).status).toBe(201);
      acknowledged.push(e.interviewId);
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(server.output()).not.toContain('server.internal');

    await server.stop('SIGTERM');
    server = undefined;
    const database = await openDatabase({ url });
    const rows = await database.db.all<{ id: string }>(sql`select id from interviews`);
    database.close();
    const stored = rows.map((r) => r.id).sort();
    expect(stored).toEqual([...acknowledged].sort());
  }, 240_000);
});
