/**
 * The analyst's first standard tables after a weighting, as the server gives them: a tables thread
 * started (as when a run begins), a run's weighted data stored in a fresh database as a weighting run
 * stores them, the run's background tables started as the runs' onStored hook starts them
 * (server/domain/analysis-precompute.ts: the data read back from the database, the tables made in
 * that thread, the ranks on the other cores), and at that same instant (the worst case: the analyst
 * asks the moment the run says done) the all-tables JSON requested through the server's own code
 * (standardTable, which waits for the background tables). Then the screen's per-table requests and
 * the all-tables Excel. Wall and CPU of every thread; the tables compared, byte for byte, with those
 * computeTables gives on the same data in this process (with the survey's special codes, as the
 * server; the cold and warm lines of the bench leave them out).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tablesJson } from '../analysis/export/tables-csv.ts';
import { computeTables } from '../analysis/tables/run.ts';
import type { WeightedData } from '../analysis/tables/weighted-data.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { standardTable, surveyContext } from '../server/domain/analysis.ts';
import { precomputeRun } from '../server/domain/analysis-precompute.ts';
import { prepareTablesThread } from '../server/jobs/tables-thread.ts';
import { weightedFrameStatements } from '../server/storage/weighted-store.ts';

export interface AfterWeighting {
  /** From the run's data stored to the all-tables JSON answered. */
  firstSeconds: number;
  firstCpuSeconds: number;
  /** The screen's per-table requests after it, all of them. */
  perTableSeconds: number;
  /** The all-tables Excel after it. */
  xlsxSeconds: number;
  identical: boolean;
  log: string[];
}

export async function afterWeightingBench(survey: string, data: WeightedData): Promise<AfterWeighting> {
  // as when the run began (tables-after-weighting.ts onBegin): the tables thread loads its code
  // while the weighting runs (4-10 s on the demo), so it is ready when the data are stored
  await prepareTablesThread();
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-bench-after-weighting-'));
  const database = await openDatabase({ url: `file:${join(dir, 'bench.db')}` });
  try {
    await migrateDatabase(database.db);
    const rs = await database.client.execute({
      sql: "insert into weighting_runs (survey, state, node) values (?, 'running', 'bench') returning id",
      args: [survey],
    });
    const runId = Number(rs.rows[0].id);
    await database.client.batch(weightedFrameStatements(runId, data), 'write');
    const opts = { database, root: new URL('..', import.meta.url).pathname };
    const log: string[] = [];
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    // the hook, then the run marked done, then the analyst's request at once
    void precomputeRun(survey, runId, opts, { log: (line) => log.push(line) });
    await database.client.execute({
      // a real time: the workbook carries the run's date, and a zip entry cannot be dated before 1980
      sql: "update weighting_runs set state = 'done', finished_at = ? where id = ?",
      args: [Date.now(), runId],
    });
    const all = await standardTable(survey, 'all', 'en', 'json', opts);
    const firstSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const firstCpuSeconds = (cpu.user + cpu.system) / 1e6;
    let t = performance.now();
    for (const plan of surveyContext(survey, opts).file.tables as Array<{ id: string }>)
      await standardTable(survey, plan.id, 'en', 'json', opts).catch(() => null);
    const perTableSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await standardTable(survey, 'all', 'en', 'xlsx', opts);
    const xlsxSeconds = (performance.now() - t) / 1000;
    // the same tables computed here, on the data as given, with the survey's special codes as the server
    const ctx = surveyContext(survey, opts);
    const expected = computeTables(
      ctx.file,
      data,
      ctx.labels,
      ctx.rules,
      undefined,
      undefined,
      ctx.specialCodes,
    );
    const got = JSON.stringify(JSON.parse(String(all.body)).tables);
    const want = JSON.stringify(JSON.parse(tablesJson(expected.tables, 'en', { legend: '' })).tables);
    return { firstSeconds, firstCpuSeconds, perTableSeconds, xlsxSeconds, identical: got === want, log };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
