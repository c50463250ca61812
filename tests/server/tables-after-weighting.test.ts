/**
 * A weighting run's standard tables are made in the background as soon as its data are stored
 * (server/domain/analysis-precompute.ts, in a worker thread): counting computeTable on the server's
 * own thread with a spy, the analyst's per-table requests and the all-tables JSON, CSV and Excel
 * after a run compute nothing there, and the tables are those a fresh computeTables gives on the
 * run's data; a request that comes while they are being made waits for them instead of computing;
 * a new run's weights make new tables (never the older run's), again without the requests computing;
 * after a restart (a new database connection: nothing of it in memory) start-up makes them again;
 * once the default data are a release whose tables are stored, start-up leaves them alone and a
 * request reads the stored table without waiting for the run's background tables; a request that
 * cannot be posted to the tables thread ends the thread.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tablesJson } from '../../analysis/export/tables-csv.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import { openDatabase } from '../../server/db/client.ts';
import { surveyContext } from '../../server/domain/analysis-context.ts';
import { precomputeRun, type TablesCompute } from '../../server/domain/analysis-precompute.ts';
import { tablesAtStart } from '../../server/jobs/tables-after-weighting.ts';
import { prepareTablesThread, tablesInWorker } from '../../server/jobs/tables-thread.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';
import { finalState, fixtureData, stubWeigh, type WeighedNode, weighedNode } from '../helpers/weighed-app.ts';

const counts = vi.hoisted(() => ({ tables: 0 }));
vi.mock('../../analysis/tables/compute.ts', async (original) => {
  const m = await original<typeof import('../../analysis/tables/compute.ts')>();
  return {
    ...m,
    computeTable: (...args: Parameters<typeof m.computeTable>) => {
      counts.tables++;
      return m.computeTable(...args);
    },
  };
});

let ctx: TestContext;
let node: WeighedNode;
let analyst: string;
const factors = [1, 3, 5];
let workerRuns = 0;
/** While set, the background tables wait for it before starting (a request must then wait too). */
let gate: Promise<void> | null = null;
const compute: TablesCompute = async (req) => {
  await gate;
  workerRuns++;
  return tablesInWorker(req);
};

beforeAll(async () => {
  ctx = await createTestContext();
  let k = 0;
  node = weighedNode(
    ctx.database,
    stubWeigh(() => factors[k++]),
    {
      onBegin: () => void prepareTablesThread(), // the thread used is then one started as the run began
      onStored: (survey, runId) => {
        void precomputeRun(survey, runId, { database: ctx.database }, { compute });
      },
    },
  );
  analyst = await ctx.token('analyst');
});
afterAll(async () => ctx.close());

const get = async (path: string) => {
  const res = await node.call('GET', path, analyst);
  expect(res.status, path).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};
const weigh = async () => {
  expect((await node.call('POST', '/api/weighting/ipei', analyst)).status).toBe(202);
  return (await finalState(node, analyst, 'ipei')).runId as number;
};
const ALL = (format: string) => `/api/analysis/ipei/tables/all?format=${format}&lang=en`;
const tablesOf = (body: Buffer) => JSON.parse(body.toString()).tables;

/** The tables a fresh computation gives on the data of a run with this factor, as the API's JSON. */
function fresh(factor: number) {
  const survey = surveyContext('ipei', {});
  const run = computeTables(
    survey.file,
    fixtureData(factor),
    survey.labels,
    survey.rules,
    undefined,
    undefined,
    survey.specialCodes,
  );
  return JSON.parse(tablesJson(run.tables, 'en', { legend: '' })).tables;
}

describe("a run's standard tables are made in the background", () => {
  let first: unknown;

  it('the requests after a run compute nothing and get the tables a fresh computation gives', async () => {
    await weigh();
    const ids = (surveyContext('ipei', {}).file.tables as Array<{ id: string }>).map((t) => t.id);
    const before = counts.tables;
    for (const id of ids) {
      const res = await node.call('GET', `/api/analysis/ipei/tables/${id}?lang=en`, analyst);
      expect([200, 422]).toContain(res.status);
    }
    first = tablesOf(await get(ALL('json')));
    await get(ALL('csv'));
    await get(ALL('xlsx'));
    expect(counts.tables - before).toBe(0);
    expect(workerRuns).toBe(1);
    const expected = fresh(1);
    expect(counts.tables - before).toBeGreaterThan(0); // the fresh computation itself is counted
    expect(first).toEqual(expected);
    expect(JSON.stringify(first)).toBe(JSON.stringify(expected));
  });

  it('a request that comes while the tables are being made waits for them', async () => {
    let open = () => {};
    gate = new Promise((resolve) => {
      open = resolve;
    });
    await weigh();
    const before = counts.tables;
    let answered = false;
    const request = get(ALL('json')).then((body) => {
      answered = true;
      return body;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    open();
    gate = null;
    const tables = tablesOf(await request);
    expect(counts.tables - before).toBe(0);
    expect(workerRuns).toBe(2);
    expect(tables).not.toEqual(first);
    expect(JSON.stringify(tables)).toBe(JSON.stringify(fresh(3)));
  });

  it("a new run's weights give new tables, never the older run's", async () => {
    const run = await weigh();
    const before = counts.tables;
    const tables = tablesOf(await get(ALL('json')));
    expect((await get(ALL('csv'))).toString()).toContain(`Weighting run ${run}, not published`);
    expect(counts.tables - before).toBe(0);
    expect(workerRuns).toBe(3);
    expect(JSON.stringify(tables)).toBe(JSON.stringify(fresh(5)));
    expect(JSON.stringify(tables)).not.toBe(JSON.stringify(fresh(3)));
  });

  it("after a restart, start-up makes the default run's tables again", async () => {
    const restarted = await openDatabase({ url: ctx.databaseUrl, authToken: ctx.databaseAuthToken });
    try {
      const lines: string[] = [];
      await tablesAtStart(restarted, (line) => lines.push(line));
      expect(lines.join('\n')).toContain('standard tables of ipei');
      const after = weighedNode(
        restarted,
        stubWeigh(() => 1),
      );
      const before = counts.tables;
      const res = await after.call('GET', ALL('json'), analyst);
      expect(res.status).toBe(200);
      expect(counts.tables - before).toBe(0);
      expect(JSON.stringify(tablesOf(Buffer.from(await res.arrayBuffer())))).toBe(JSON.stringify(fresh(5)));
    } finally {
      restarted.close();
    }
  });

  it("a release's stored tables: start-up skips them and a request never waits for a recomputation", async () => {
    const rs = await ctx.database.client.execute(
      "select max(id) as id from weighting_runs where survey = 'ipei' and state = 'done'",
    );
    const run = Number(rs.rows[0].id);
    const published = await node.call('POST', '/api/releases/ipei', analyst, {
      run,
      name: 'Stored tables',
      date: '2026-12-01',
    });
    expect(published.status).toBe(201);
    const url = `/api/analysis/ipei/tables/all?format=csv&lang=en&release=${(await published.json()).id}`;
    const stored = await get(url); // computed once and stored in release_tables
    const restarted = await openDatabase({ url: ctx.databaseUrl, authToken: ctx.databaseAuthToken });
    try {
      const lines: string[] = [];
      await tablesAtStart(restarted, (line) => lines.push(line));
      expect(lines.join('\n')).not.toContain('standard tables of ipei');
      // the run's tables being made in the background finish only once the request answered: a
      // request that waited for them would never answer (the test times out)
      let answered = () => {};
      const gateOpen = new Promise<void>((resolve) => {
        answered = resolve;
      });
      const background = precomputeRun(
        'ipei',
        run,
        { database: restarted },
        {
          compute: async () => {
            await gateOpen;
            return { results: [], ranks: { caller: 0, workers: 0 } };
          },
        },
      );
      const after = weighedNode(
        restarted,
        stubWeigh(() => 1),
      );
      const res = await after.call('GET', url, analyst);
      answered();
      await background;
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(stored)).toBe(true);
    } finally {
      restarted.close();
    }
  }, 30_000);

  it('a request that cannot be posted to the tables thread ends the thread', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      const req = { data: { persons: { f: () => 1 } } } as unknown as Parameters<typeof tablesInWorker>[0];
      await expect(tablesInWorker(req)).rejects.toThrow(/could not be cloned/);
      expect(terminate).toHaveBeenCalledTimes(1);
    } finally {
      terminate.mockRestore();
    }
  });
});
