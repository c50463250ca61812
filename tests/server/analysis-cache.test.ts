/**
 * The analysts' outputs are computed once per weighting run: counting the table computations
 * (analysis/tables/compute.ts computeTable) and the microdata exports (analysis/export/bundle.ts
 * exportMicrodata) and the workbook renders (analysis/export/tables-xlsx.ts tablesXlsxBuffer) with
 * spies, the all-tables Excel, CSV and JSON right after the screen fetched each table compute nothing
 * again, nor a second download of the same file (the workbook not rendered again, the same bytes;
 * the other language rendered once), a custom table's download after its view, or the other files of
 * a microdata format; a new weighting run computes and renders again and drops the older run's entries. The cache itself stays within its byte and entry limits (least
 * recently used first) and makes a missing entry once for concurrent callers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analysisCatalogueSchema } from '../../server/contract/analysis.ts';
import { OutputCache, outputCache } from '../../server/domain/analysis-cache.ts';
import type { LoadedData } from '../../server/domain/analysis-data.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';
import { finalState, stubWeigh, type WeighedNode, weighedNode } from '../helpers/weighed-app.ts';

const counts = vi.hoisted(() => ({ tables: 0, exports: 0, workbooks: 0 }));
vi.mock('../../analysis/export/tables-xlsx.ts', async (original) => {
  const m = await original<typeof import('../../analysis/export/tables-xlsx.ts')>();
  return {
    ...m,
    tablesXlsxBuffer: (...args: Parameters<typeof m.tablesXlsxBuffer>) => {
      counts.workbooks++;
      return m.tablesXlsxBuffer(...args);
    },
  };
});
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
vi.mock('../../analysis/export/bundle.ts', async (original) => {
  const m = await original<typeof import('../../analysis/export/bundle.ts')>();
  return {
    ...m,
    exportMicrodata: (...args: Parameters<typeof m.exportMicrodata>) => {
      counts.exports++;
      return m.exportMicrodata(...args);
    },
  };
});

let ctx: TestContext;
let node: WeighedNode;
let analyst: string;
const factors = [1, 3];

beforeAll(async () => {
  ctx = await createTestContext();
  let k = 0;
  node = weighedNode(
    ctx.database,
    stubWeigh(() => factors[k++]),
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
const CUSTOM = { unit: 'household', statistic: 'mean', variable: 'b01_residents', domains: ['stratum'] };

describe('downloads reuse the tables and files computed on the same weighting run', () => {
  let ids: string[];
  let xlsx: Buffer;

  it('the screen computes each table once; the all-tables files then compute nothing', async () => {
    await weigh();
    const cat = analysisCatalogueSchema.parse(JSON.parse((await get('/api/analysis/ipei')).toString()));
    ids = cat.tables.map((t) => t.id);
    expect(ids.length).toBeGreaterThan(5);
    const before = counts.tables;
    for (const id of ids) {
      const res = await node.call('GET', `/api/analysis/ipei/tables/${id}?lang=en`, analyst);
      expect([200, 422]).toContain(res.status);
    }
    const computed = counts.tables - before;
    expect(computed).toBe(ids.length);
    const workbooks = counts.workbooks;
    xlsx = await get(ALL('xlsx'));
    await get(ALL('csv'));
    await get(ALL('json'));
    expect(counts.tables - before).toBe(computed);
    expect(counts.workbooks - workbooks).toBe(1);
    expect((await get(ALL('xlsx'))).equals(xlsx)).toBe(true);
    expect(counts.tables - before).toBe(computed);
    // the second download of the workbook is the kept bytes: not rendered again
    expect(counts.workbooks - workbooks).toBe(1);
    // the other language is another workbook, rendered once too
    const pt = await get(ALL('xlsx').replace('lang=en', 'lang=pt'));
    expect(pt.equals(xlsx)).toBe(false);
    expect((await get(ALL('xlsx').replace('lang=en', 'lang=pt'))).equals(pt)).toBe(true);
    expect(counts.workbooks - workbooks).toBe(2);
  });

  it("a custom table's download after its view does not compute it again", async () => {
    const before = counts.tables;
    const view = await node.call('POST', '/api/analysis/ipei/tables?lang=en', analyst, CUSTOM);
    expect(view.status).toBe(200);
    expect(counts.tables - before).toBe(1);
    const file = await node.call('POST', '/api/analysis/ipei/tables?lang=en&format=xlsx', analyst, CUSTOM);
    expect(file.status).toBe(200);
    expect(counts.tables - before).toBe(1);
  });

  it('a microdata format is exported once for all its files and later downloads', async () => {
    const before = counts.exports;
    const file = await get('/api/analysis/ipei/microdata/xlsx/ipei-microdata.xlsx?lang=en');
    await get('/api/analysis/ipei/microdata/xlsx/codebook.json?lang=en');
    await get('/api/analysis/ipei/microdata/xlsx/setup.R?lang=en');
    expect((await get('/api/analysis/ipei/microdata/xlsx/ipei-microdata.xlsx?lang=en')).equals(file)).toBe(
      true,
    );
    expect(counts.exports - before).toBe(1);
    await get('/api/analysis/ipei/microdata/xlsx/ipei-microdata.xlsx?lang=pt');
    expect(counts.exports - before).toBe(2);
  });

  it('a new weighting run computes the tables and files again and drops the older run', async () => {
    const held = outputCache.stats().entries;
    const tables = counts.tables;
    const exports = counts.exports;
    const workbooks = counts.workbooks;
    const run = await weigh();
    const again = await get(ALL('xlsx'));
    expect(again.equals(xlsx)).toBe(false);
    expect(counts.workbooks - workbooks).toBe(1);
    expect(counts.tables - tables).toBe(ids.length);
    expect((await get(ALL('csv'))).toString()).toContain(`Weighting run ${run}, not published`);
    expect(counts.tables - tables).toBe(ids.length);
    await get('/api/analysis/ipei/microdata/xlsx/codebook.json?lang=en');
    expect(counts.exports - exports).toBe(1);
    expect(outputCache.stats().entries).toBeLessThan(held);
  });
});

describe('the output cache', () => {
  const loaded = (generation: number) =>
    ({ origin: { scope: 'dir:x', generation } }) as unknown as LoadedData;

  it('keeps within its bytes, the least recently used going first', () => {
    const cache = new OutputCache({ maxBytes: 100, maxEntries: 10 });
    const [a, b, c] = ['a', 'b', 'c'].map((k) => cache.key(loaded(1), 'f', k));
    cache.set(a, 'A', 40);
    cache.set(b, 'B', 40);
    expect(cache.get(a)).toBe('A'); // a is now the most recently used
    cache.set(c, 'C', 40);
    expect(cache.get(b)).toBeUndefined();
    expect([cache.get(a), cache.get(c)]).toEqual(['A', 'C']);
    expect(cache.stats()).toEqual({ entries: 2, bytes: 80 });
    cache.set(cache.key(loaded(1), 'f', 'huge'), 'H', 101);
    expect(cache.stats()).toEqual({ entries: 2, bytes: 80 });
  });

  it('keeps within its entry count', () => {
    const cache = new OutputCache({ maxBytes: 1e6, maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) cache.set(cache.key(loaded(1), 'f', k), k, 1);
    expect(cache.get(cache.key(loaded(1), 'f', 'a'))).toBeUndefined();
    expect(cache.stats().entries).toBe(3);
  });

  it('drops the older generations of a scope when a newer one is seen, not when an older one is read', () => {
    const cache = new OutputCache({ maxBytes: 1e6, maxEntries: 100 });
    cache.set(cache.key(loaded(1), 'f', 'x'), 'one', 1);
    cache.set(cache.key(loaded(2), 'f', 'x'), 'two', 1);
    expect(cache.get(cache.key(loaded(1), 'f', 'x'))).toBeUndefined();
    cache.set(cache.key(loaded(1), 'f', 'x'), 'one again', 1);
    expect(cache.get(cache.key(loaded(2), 'f', 'x'))).toBe('two');
    expect(cache.get(cache.key(loaded(1), 'f', 'x'))).toBe('one again');
  });

  it('makes a missing entry once for concurrent callers', async () => {
    const cache = new OutputCache({ maxBytes: 1e6, maxEntries: 100 });
    const key = cache.key(loaded(1), 'f', 'slow');
    let made = 0;
    const make = async () => {
      made++;
      await new Promise((r) => setTimeout(r, 5));
      return 'v';
    };
    expect(
      await Promise.all([cache.getOrMake(key, make, () => 1), cache.getOrMake(key, make, () => 1)]),
    ).toEqual(['v', 'v']);
    expect(await cache.getOrMake(key, make, () => 1)).toBe('v');
    expect(made).toBe(1);
  });
});
