/**
 * The secret key of a run's public-use file: in the database, made on the first request and then the
 * same for that run (any node reading it), another run another key, the run's weighted data still
 * read back; in a folder of `npm run weights`, public-use.key beside weights.json (owner-only), the
 * same on every export of the same data and a new one when the data change (a new run in the folder).
 * The public file's own dates come from the run in the database: its finish, else its start.
 */
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDate } from '../../../server/domain/analysis-data.ts';
import {
  folderPublicUseKey,
  PUBLIC_USE_KEY_FILE,
  runPublicUseKey,
} from '../../../server/storage/public-use-key.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { loadWeightedFrames, weightedFrameStatements } from '../../../server/storage/weighted-store.ts';
import { createTestContext, type TestContext } from '../../helpers/server.ts';

const hex = (k: Uint8Array) => Buffer.from(k).toString('hex');

describe('the public-use key of a folder', () => {
  it('is kept beside the data, stable for the same data, new for new data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'morabeza-key-'));
    cpSync('tests/fixtures/tables', dir, { recursive: true });
    const a = folderPublicUseKey(dir);
    expect(a.length).toBe(32);
    expect(hex(folderPublicUseKey(dir))).toBe(hex(a));
    const file = join(dir, PUBLIC_USE_KEY_FILE);
    expect(readFileSync(file, 'utf8')).toContain(hex(a));
    expect(statSync(file).mode & 0o077).toBe(0);
    // a new weighting run writes other weights into the same folder
    const csv = join(dir, 'households.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(/\n$/, '\n\n'));
    const b = folderPublicUseKey(dir);
    expect(hex(b)).not.toBe(hex(a));
    expect(hex(folderPublicUseKey(dir))).toBe(hex(b));
  });
});

describe('the public-use key of a run in the database', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => ctx.close());

  it('is made once per run and read back; another run gets another one', async () => {
    const client = ctx.database.client;
    const data = loadWeightedData('tests/fixtures/tables');
    const runs: number[] = [];
    for (let i = 0; i < 2; i++) {
      const rs = await client.execute({
        sql: "insert into weighting_runs (survey, state, node) values ('ipei', 'done', 'test') returning id",
        args: [],
      });
      const id = Number(rs.rows[0].id);
      await client.batch(weightedFrameStatements(id, data), 'write');
      runs.push(id);
    }
    const first = await runPublicUseKey(client, runs[0]);
    expect(first.length).toBe(32);
    expect(hex(await runPublicUseKey(client, runs[0]))).toBe(hex(first));
    expect(hex(await runPublicUseKey(client, runs[1]))).not.toBe(hex(first));
    const back = await loadWeightedFrames(client, runs[0]);
    expect(back?.meta.design.strata).toBe(data.meta.design.strata);
    expect(back?.persons.person_id).toEqual(data.persons.person_id);
    await expect(runPublicUseKey(client, 99_999)).rejects.toThrow(/no weighted data/);
  });

  it('the public file’s dates: the run’s finish, else its start', async () => {
    const client = ctx.database.client;
    const rs = await client.execute({
      sql: "insert into weighting_runs (survey, state, node, started_at, finished_at) values ('ipei', 'done', 'test', 1763000000000, 1763112345678) returning id",
      args: [],
    });
    const loaded = (runId: number) => ({
      data: loadWeightedData('tests/fixtures/tables'),
      source: { runId, release: null },
      origin: { scope: 'db', generation: runId },
    });
    const id = Number(rs.rows[0].id);
    expect((await runDate(loaded(id), { database: ctx.database })).getTime()).toBe(1763112345678);
    await client.execute({ sql: 'update weighting_runs set finished_at = null where id = ?', args: [id] });
    expect((await runDate(loaded(id), { database: ctx.database })).getTime()).toBe(1763000000000);
  });
});
