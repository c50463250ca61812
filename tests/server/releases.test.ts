/**
 * Weighting runs as rows and releases over HTTP, on one node whose computation is the fixture's
 * (tests/helpers/weighed-app.ts): a run records who started it and what it read; its tables name it;
 * a published release keeps its tables byte for byte after a new weighting, is stored once and read
 * back, and names itself in every file; retired, unknown and unfinished runs are clear 4xx.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisCatalogueSchema } from '../../server/contract/analysis.ts';
import { releaseSchema } from '../../server/contract/releases.ts';
import { weightingRunSchema } from '../../server/contract/weighting.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';
import { finalState, stubWeigh, type WeighedNode, weighedNode } from '../helpers/weighed-app.ts';

let ctx: TestContext;
let node: WeighedNode;
let analyst: string;
let coord: string;
const factors: Array<number | 'hang'> = [1, 'fail', 3] as never;

beforeAll(async () => {
  ctx = await createTestContext();
  let k = 0;
  const weigh = stubWeigh(() => factors[k++] as number);
  node = weighedNode(ctx.database, async (inputs, options, signal) => {
    if (factors[k] === ('fail' as never)) {
      k++;
      throw Object.assign(new Error('No responding unit'), { code: 'weighting.input' });
    }
    return weigh(inputs, options, signal);
  });
  analyst = await ctx.token('analyst');
  coord = await ctx.token('coord');
});
afterAll(async () => ctx.close());

const bytes = async (res: Response) => {
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};
const get = (path: string, token = analyst) => node.call('GET', path, token);

describe('weighting runs and releases', () => {
  let first: number;
  let release1: number;
  let before: Record<string, Buffer>;

  it('a run is a row: who started it, what it read, the versions, its state and summary', async () => {
    const started = await node.call('POST', '/api/weighting/ipei', analyst);
    expect(started.status).toBe(202);
    const status = await finalState(node, analyst, 'ipei');
    expect(status).toMatchObject({ state: 'done', error: null });
    first = status.runId;
    const run = weightingRunSchema.parse(await (await get(`/api/weighting/ipei/runs/${first}`)).json());
    expect(run.startedBy).toBe(ctx.userIds.analyst);
    expect(run.inputCount).toBe(0);
    expect(run.inputHash).toBe(createHash('sha256').update('').digest('hex'));
    expect(run.designVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(run.recipeVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(run.summary?.replicates).toBe(12);
    expect(await (await get('/api/weighting/ipei/report')).text()).toBe('# run with factor 1\n');
  });

  it('reads the tables of an unpublished run from the database, naming the run', async () => {
    const csv = (await bytes(await get('/api/analysis/ipei/tables/T05?format=csv&lang=en'))).toString();
    expect(csv.split('\n')[1]).toMatch(new RegExp(`,"Weighting run ${first}, not published"$`));
    const cat = analysisCatalogueSchema.parse(await (await get('/api/analysis/ipei')).json());
    expect(cat.dataReady).toBe(true);
    expect(cat.source?.runId).toBe(first);
    expect(cat.source?.release).toBeNull();
  });

  it('publishes a finished run (analyst or coordinator); the files, codebook and catalogue name it', async () => {
    const res = await node.call('POST', '/api/releases/ipei', coord, {
      run: first,
      name: 'First results',
      date: '2026-12-01',
      note: 'for the press',
    });
    expect(res.status).toBe(201);
    const r = releaseSchema.parse(await res.json());
    release1 = r.id;
    expect(r).toMatchObject({ runId: first, name: 'First results', retiredAt: null });
    const t = await get(`/api/analysis/ipei/tables/T05?format=csv&lang=en&release=${release1}`);
    expect(t.headers.get('content-disposition')).toContain('ipei-first-results-T05.csv');
    expect((await bytes(t)).toString()).toContain(
      `,"Release ""First results"" of 2026-12-01 (weighting run ${first})"\n`,
    );
    const codebook = await (await get(`/api/analysis/ipei/microdata/csv/codebook.json?lang=en`)).json();
    expect(codebook.notice).toContain('Release "First results" of 2026-12-01');
    const cat = analysisCatalogueSchema.parse(await (await get('/api/analysis/ipei')).json());
    expect(cat.source?.release?.id).toBe(release1);
    expect(cat.releases.map((x) => x.name)).toEqual(['First results']);
  });

  it('refuses a second release of the same name, a failed run and an unknown run', async () => {
    const same = await node.call('POST', '/api/releases/ipei', analyst, {
      run: first,
      name: 'First results',
      date: '2026-12-02',
    });
    expect(same.status).toBe(409);
    expect((await same.json()).code).toBe('release.name_taken');
    expect((await node.call('POST', '/api/weighting/ipei', analyst)).status).toBe(202);
    const failed = await finalState(node, analyst, 'ipei');
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'weighting.input' }, lastRunId: first });
    const bad = await node.call('POST', '/api/releases/ipei', analyst, {
      run: failed.runId,
      name: 'x',
      date: '2026-12-02',
    });
    expect(bad.status).toBe(409);
    expect(await bad.json()).toMatchObject({ code: 'release.run_not_done', details: { state: 'failed' } });
    const unknown = await node.call('POST', '/api/releases/ipei', analyst, {
      run: 999,
      name: 'x',
      date: '2026-12-02',
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('weighting.unknown_run');
    const undated = await node.call('POST', '/api/releases/ipei', analyst, {
      run: first,
      name: 'x',
      date: '1 Dec',
    });
    expect(undated.status).toBe(422);
    expect((await undated.json()).details[0].field).toBe('date');
    const enumerator = await node.call('POST', '/api/releases/ipei', await ctx.token('enum_a1'), {
      run: first,
      name: 'y',
      date: '2026-12-02',
    });
    expect(enumerator.status).toBe(403);
  });

  it('a new weighting never changes a published release: its tables stay byte-identical', async () => {
    const paths = [
      `/api/analysis/ipei/tables/all?format=csv&lang=en&release=${release1}`,
      `/api/analysis/ipei/tables/all?format=json&lang=pt&release=${release1}`,
      `/api/analysis/ipei/tables/T05?format=xlsx&lang=en&release=${release1}`,
      `/api/analysis/ipei/microdata/csv/households.csv?release=${release1}`,
    ];
    before = {};
    for (const p of paths) before[p] = await bytes(await get(p));
    expect((await node.call('POST', '/api/weighting/ipei', coord)).status).toBe(202);
    const second = await finalState(node, coord, 'ipei');
    expect(second.state).toBe('done');
    const r2 = await node.call('POST', '/api/releases/ipei', analyst, {
      run: second.runId,
      name: 'Final',
      date: '2026-12-05',
    });
    expect(r2.status).toBe(201);
    const release2 = (await r2.json()).id;
    for (const p of paths) expect((await bytes(await get(p))).equals(before[p]), p).toBe(true);
    // the new release has other numbers, and it is now the default
    const all2 = await bytes(
      await get(`/api/analysis/ipei/tables/all?format=json&lang=pt&release=${release2}`),
    );
    expect(all2.equals(before[paths[1]])).toBe(false);
    const byDefault = await get('/api/analysis/ipei/tables/all?format=json&lang=pt');
    expect((await bytes(byDefault)).equals(all2)).toBe(true);
  });

  it("stores a release's tables once and serves them back (the same bytes even for Excel)", async () => {
    const rows = async () =>
      Number((await ctx.database.client.execute('select count(*) as n from release_tables')).rows[0].n);
    const n = await rows();
    const path = `/api/analysis/ipei/tables/all?format=xlsx&lang=pt&release=${release1}`;
    const a = await bytes(await get(path));
    expect(await rows()).toBe(n + 1);
    const b = await bytes(await get(path));
    expect(await rows()).toBe(n + 1);
    expect(a.equals(b)).toBe(true);
  });

  it('a retired release is no longer served (410); an unknown one is 404; the default moves on', async () => {
    const retired = await node.call('POST', `/api/releases/ipei/${release1}/retire`, coord);
    expect(retired.status).toBe(200);
    expect((await retired.json()).retiredAt).not.toBeNull();
    for (const p of [
      `/api/analysis/ipei/tables/T05?release=${release1}`,
      `/api/analysis/ipei/microdata/csv/households.csv?release=${release1}`,
    ]) {
      const res = await get(p);
      expect(res.status).toBe(410);
      const body = await res.json();
      expect(body.code).toBe('release.retired');
      expect(body.details).toMatchObject({ release: release1, name: 'First results' });
    }
    for (const r of ['999', 'latest']) {
      const res = await get(`/api/analysis/ipei/tables/T05?release=${r}`);
      expect(res.status).toBe(404);
      expect((await res.json()).code).toBe('release.not_found');
    }
    expect((await node.call('POST', `/api/releases/ipei/${release1}/retire`, coord)).status).toBe(410);
    const list = (await (await get('/api/releases/ipei')).json()) as Array<{
      name: string;
      retiredAt: string | null;
    }>;
    expect(list.map((x) => [x.name, x.retiredAt !== null])).toEqual([
      ['Final', false],
      ['First results', true],
    ]);
  });
});
