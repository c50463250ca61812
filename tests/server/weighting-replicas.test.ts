/**
 * Weights and releases on two API nodes, each an embedded replica of one libSQL primary (sqld): a run
 * started on node A is seen on node B with the same state, and B serves the same tables and microdata
 * bytes from the database; a node killed mid-run leaves its run "running" only until another node
 * starts, which marks it failed, interrupted by a restart. (The run's computation is the fixture's,
 * tests/helpers/weighed-app.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { createUser } from '../../server/domain/accounts.ts';
import { type Sqld, startSqld } from '../helpers/sqld.ts';
import { finalState, stubWeigh, weighedNode } from '../helpers/weighed-app.ts';

const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'morabeza-replicas-'));
let primary: Sqld;
const opened: Database[] = [];

const replica = async (name: string) => {
  const db = await openDatabase({
    url: `file:${join(dir, `${name}.db`)}`,
    syncUrl: primary.url,
    authToken: primary.token,
  });
  opened.push(db);
  return db;
};

beforeAll(async () => {
  primary = await startSqld({ auth: true });
  const direct = await openDatabase({ url: primary.url, authToken: primary.token });
  await migrateDatabase(direct.db);
  await createUser(direct.db, {
    username: 'analyst',
    displayName: 'Analyst',
    role: 'analyst',
    password: PASSWORD,
  });
  direct.close();
}, 60_000);
afterAll(async () => {
  for (const db of opened) db.close();
  await primary.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function login(node: ReturnType<typeof weighedNode>) {
  const res = await node.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'analyst', password: PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('two API nodes on embedded replicas of one primary', () => {
  it('weight on A; B reads the run, its tables and microdata from the database', async () => {
    const dbA = await replica('a');
    const dbB = await replica('b');
    const a = weighedNode(
      dbA,
      stubWeigh(() => 1),
    );
    const b = weighedNode(
      dbB,
      stubWeigh(() => 2),
    );
    const token = await login(a);
    expect((await a.call('POST', '/api/weighting/ipei', token)).status).toBe(202);
    const onA = await finalState(a, token, 'ipei');
    expect(onA.state).toBe('done');

    await dbB.client.sync();
    const onB = await (await b.call('GET', '/api/weighting/ipei', token)).json();
    expect(onB).toEqual(onA);
    const runA = await (await a.call('GET', `/api/weighting/ipei/runs/${onA.runId}`, token)).json();
    const runB = await (await b.call('GET', `/api/weighting/ipei/runs/${onA.runId}`, token)).json();
    expect(runB).toEqual(runA);
    for (const path of [
      '/api/analysis/ipei/tables/T05?format=csv&lang=en',
      '/api/analysis/ipei/tables/all?format=json&lang=pt',
      '/api/analysis/ipei/microdata/csv/persons.csv',
    ]) {
      const fromA = await a.call('GET', path, token);
      const fromB = await b.call('GET', path, token);
      expect([fromA.status, fromB.status], path).toEqual([200, 200]);
      expect(
        Buffer.from(await fromB.arrayBuffer()).equals(Buffer.from(await fromA.arrayBuffer())),
        path,
      ).toBe(true);
    }
    // B never ran anything: what it served came from the primary, not from B's own weighting
    expect(await b.weighting.list('ipei')).toHaveLength(1);
  }, 60_000);

  it('a node killed mid-run: the next node to start marks its run failed, interrupted by a restart', async () => {
    const dbC = await replica('c');
    const c = weighedNode(
      dbC,
      stubWeigh(() => 'hang'),
      { heartbeatMs: 50 },
    );
    const token = await login(c);
    const started = await c.call('POST', '/api/weighting/ipei', token);
    expect(started.status).toBe(202);
    const runId = (await started.json()).runId;
    // killed: its connection is gone, no heartbeat, no final state written
    dbC.close();
    opened.splice(opened.indexOf(dbC), 1);

    // a node that allows a minute of silence leaves it alone: the run may still be alive
    const dbD = await replica('d');
    await dbD.client.sync();
    const patient = weighedNode(
      dbD,
      stubWeigh(() => 1),
      { staleMs: 60_000 },
    );
    expect(await patient.weighting.recover()).toBe(0);
    const still = await (await patient.call('GET', `/api/weighting/ipei/runs/${runId}`, token)).json();
    expect(still.state).toBe('running');
    // a node that allows 0.4 s of silence, starting 0.6 s after the kill, marks it failed
    await new Promise((r) => setTimeout(r, 600));
    const d = weighedNode(
      dbD,
      stubWeigh(() => 1),
      { heartbeatMs: 50, staleMs: 400 },
    );
    expect(await d.weighting.recover()).toBe(1); // what start-up does
    const run = await (await d.call('GET', `/api/weighting/ipei/runs/${runId}`, token)).json();
    expect(run).toMatchObject({
      state: 'failed',
      error: { code: 'weighting.interrupted', details: 'interrupted by a restart' },
    });
    expect(run.finishedAt).not.toBeNull();
    // the survey is free again
    expect((await d.call('POST', '/api/weighting/ipei', token)).status).toBe(202);
    expect((await finalState(d, token, 'ipei')).state).toBe('done');
  }, 60_000);
});
