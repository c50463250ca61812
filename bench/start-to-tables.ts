/**
 * From `npm start` on an empty database to every standard table of the demo: the newcomer's wait.
 * Runs package.json's own `start` script (build included) under npm with a fresh database and weights
 * folder in a temporary directory, logs in as the demo analyst, waits until the first survey that has
 * standard tables is weighted, and fetches all its tables (`tables/all`). Prints the seconds to the
 * server's first answer, to weighted data, and to the tables. Measured, never asserted.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartToTables {
  survey: string;
  serverUpSeconds: number;
  weightedSeconds: number;
  tablesSeconds: number;
  tables: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export async function runStartToTablesBench(limitSeconds = 1200): Promise<StartToTables> {
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-start-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  const npm = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'morabeza.db')}`,
      MORABEZA_WEIGHTS_DIR: join(dir, 'weights'),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => npm.once('exit', (code) => r(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = () => {
    if (gone) throw new Error('npm start exited before the tables were made');
    if (since() > limitSeconds) throw new Error(`no tables within ${limitSeconds} s`);
  };
  try {
    let serverUpSeconds = 0;
    for (;;) {
      deadline();
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        serverUpSeconds = since();
        break;
      }
      await sleep(250);
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'analyst', password: process.env.MORABEZA_DEMO_PASSWORD ?? 'demo' }),
    });
    if (!login.ok) throw new Error(`analyst login: ${login.status}`);
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    // the surveys with standard tables (folders of questionnaires/ holding a tables.json); the one
    // with the most tables once weighted is the one timed
    const withTables = readdirSync('questionnaires').filter((d) =>
      existsSync(join('questionnaires', d, 'tables.json')),
    );
    let survey = '';
    let tables = 0;
    let weightedSeconds = 0;
    for (;;) {
      deadline();
      const ready: Array<{ id: string; tables: number }> = [];
      for (const id of withTables) {
        const cat = (await (await fetch(`${base}/api/analysis/${id}`, { headers })).json()) as {
          dataReady?: boolean;
          tables?: unknown[];
        };
        if (cat.dataReady) ready.push({ id, tables: cat.tables?.length ?? 0 });
      }
      if (ready.length === withTables.length) {
        const most = ready.reduce((a, b) => (b.tables > a.tables ? b : a));
        survey = most.id;
        tables = most.tables;
        weightedSeconds = since();
        break;
      }
      await sleep(1000);
    }
    const res = await fetch(`${base}/api/analysis/${survey}/tables/all?format=json`, { headers });
    if (!res.ok) throw new Error(`all tables of ${survey}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return { survey, serverUpSeconds, weightedSeconds, tablesSeconds: since(), tables };
  } finally {
    npm.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    rmSync(dir, { recursive: true, force: true });
  }
}
