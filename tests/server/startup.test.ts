/**
 * The engine's start (server/startup.ts) on its own, as the production entry runs it: it seeds nothing,
 * refuses demo accounts in production mode, runs a caller's hooks at the right moments, and the engine's
 * sources never import the demo (demo/ is loaded only by `npm start`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { createUser } from '../../server/domain/accounts.ts';
import { parseEnv } from '../../server/env.ts';
import { StartupError, startMorabeza } from '../../server/startup.ts';
import { TEST_QUESTIONNAIRES } from '../helpers/server.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function envFor(extra: Record<string, string>) {
  const parsed = parseEnv({
    DATABASE_URL: `file:${join(dir, 'm.db')}`,
    MORABEZA_CLIENT_DIR: join(dir, 'none'),
    MORABEZA_DEMO_FIELDWORK: 'false',
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.env;
}

const userCount = async (started: {
  database: { client: { execute: (q: string) => Promise<{ rows: Array<Record<string, unknown>> }> } };
}) => Number((await started.database.client.execute('select count(*) as n from users')).rows[0].n);

describe('start-up of the engine alone (the production entry)', () => {
  it('seeds nothing, in demo mode too: no account, no login', async () => {
    const started = await startMorabeza(envFor({ MORABEZA_QUESTIONNAIRES_DIR: TEST_QUESTIONNAIRES }), {
      runJobs: false,
    });
    expect(await userCount(started)).toBe(0);
    const login = await started.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    expect(login.status).toBe(401);
    await started.close();
  });

  it('refuses to start in production mode while demo accounts exist, naming them', async () => {
    const database = await openDatabase({ url: `file:${join(dir, 'm.db')}` });
    await migrateDatabase(database.db);
    await createUser(database.db, {
      username: 'enumerator1',
      displayName: 'E',
      role: 'enumerator',
      password: 'demo',
      isDemo: true,
    });
    database.close();
    const error = await startMorabeza(envFor({ MORABEZA_MODE: 'production' }), { runJobs: false }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(
      /production mode refuses to start while demo accounts exist \(enumerator1\)/,
    );
    // demo mode serves the same database
    const demo = await startMorabeza(envFor({}), { runJobs: false });
    expect(await userCount(demo)).toBe(1);
    await demo.close();
  });

  it('runs onEmptyDatabase only on a database without users, and afterStart with a stop that close() calls', async () => {
    const calls: string[] = [];
    const hooks = {
      onEmptyDatabase: async (database: { db: Parameters<typeof createUser>[0] }) => {
        calls.push('empty');
        await createUser(database.db, { username: 'admin', displayName: 'A', role: 'admin', password: 'x' });
      },
      afterStart: async (_: unknown, runJobs: boolean) => {
        calls.push(`after runJobs=${runJobs}`);
        return () => calls.push('stop');
      },
    };
    const env = envFor({ MORABEZA_QUESTIONNAIRES_DIR: TEST_QUESTIONNAIRES });
    const first = await startMorabeza(env, { runJobs: false, hooks });
    expect(await userCount(first)).toBe(1);
    await first.close();
    const second = await startMorabeza(env, { runJobs: false, hooks });
    await second.close();
    expect(calls).toEqual(['empty', 'after runJobs=false', 'stop', 'after runJobs=false', 'stop']);
  });

  it('marks failed, "interrupted by a restart", a run its node left running, and says so', async () => {
    const database = await openDatabase({ url: `file:${join(dir, 'm.db')}` });
    await migrateDatabase(database.db);
    // a run whose node died a minute ago (its last heartbeat), and one finished before
    await database.client.execute(
      `insert into weighting_runs (survey, state, node, heartbeat_at) values
         ('ipei', 'running', 'gone', cast(unixepoch('subsec') * 1000 as integer) - 60000),
         ('ipei', 'done', 'gone', cast(unixepoch('subsec') * 1000 as integer) - 60000)`,
    );
    database.close();
    const started = await startMorabeza(envFor({ MORABEZA_QUESTIONNAIRES_DIR: TEST_QUESTIONNAIRES }), {
      runJobs: false,
    });
    const rows = await started.database.client.execute(
      'select state, failure_code, failure_reason, finished_at from weighting_runs order by id',
    );
    expect(rows.rows.map((r) => [r.state, r.failure_code, r.failure_reason])).toEqual([
      ['failed', 'weighting.interrupted', 'interrupted by a restart'],
      ['done', null, null],
    ]);
    expect(rows.rows[0].finished_at).not.toBeNull();
    expect(started.warnings.join('\n')).toMatch(/1 weighting run\(s\) were interrupted by a restart/);
    await started.close();
  });

  it('the engine (server/, client/, analysis/) imports nothing from demo/', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const offenders: string[] = [];
    for (const folder of ['server', 'client', 'analysis'])
      for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
        if (!/\.tsx?$/.test(file)) continue;
        const text = readFileSync(join(root, folder, file), 'utf8');
        if (/from ['"](\.\.\/)+demo\//.test(text) || /import\(['"](\.\.\/)+demo\//.test(text))
          offenders.push(`${folder}/${file}`);
      }
    expect(offenders).toEqual([]);
  });
});
