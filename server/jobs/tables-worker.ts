/**
 * Runs in a worker thread: every standard table of a survey on one weighting run's data, computed
 * as the server's requests compute them (analysis/tables/run.ts computeTables with the survey's
 * plans, labels, rules and special codes), the replicate df of the domains made meanwhile on the
 * other cores (rank-pool.ts). It answers each parsed plan with its table (or issue), which the main
 * thread keeps as the requests' own memo would (server/domain/analysis-precompute.ts): the work of
 * the analyst's first "all tables" is done here, off the thread that answers the tablets.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { SpecialCodes } from '../../analysis/export/special-codes.ts';
import type { TableResult } from '../../analysis/tables/compute.ts';
import type { Labels } from '../../analysis/tables/labels.ts';
import type { TableIssue, TablePlan, TablesFile } from '../../analysis/tables/plan.ts';
import type { ReliabilityRules } from '../../analysis/tables/reliability.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import type { WeightedData } from '../../analysis/tables/weighted-data.ts';
import { prepareRankWorkers, type RankPoolStats, shareTableRanks } from './rank-pool.ts';

export interface TablesRequest {
  file: TablesFile;
  data: WeightedData;
  labels: Labels;
  rules: ReliabilityRules;
  specialCodes: SpecialCodes;
  /** Threads for the ranks: this one and threads - 1 rank workers. */
  threads: number;
}

export interface TablesAnswer {
  /** Each parsed plan of the file, in order, with its table or issue. */
  results: Array<{ plan: TablePlan; result: TableResult | TableIssue }>;
  ranks: RankPoolStats;
}

/** The tables of a request, each plan's result recorded as computeTables' memo sees it. */
export async function answerTables(req: TablesRequest): Promise<TablesAnswer> {
  const pool = shareTableRanks(req.file, req.data, req.labels, req.rules, req.specialCodes, req.threads);
  const results: TablesAnswer['results'] = [];
  try {
    computeTables(
      req.file,
      req.data,
      req.labels,
      req.rules,
      undefined,
      (plan, compute) => {
        const result = compute();
        results.push({ plan, result });
        return result;
      },
      req.specialCodes,
    );
  } catch (error) {
    await pool.close();
    throw error;
  }
  return { results, ranks: await pool.close() };
}

// as a thread of its own (tables-thread.ts), started ahead of need: the rank workers load meanwhile
if (!isMainThread) prepareRankWorkers(availableParallelism() - 1);
parentPort?.postMessage({ ready: true });

parentPort?.once('message', async (req: TablesRequest) => {
  try {
    parentPort?.postMessage({ answer: await answerTables(req) });
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error)?.message ?? String(error) });
  }
});
