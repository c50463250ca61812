/**
 * The weighting runs' `onStored` hook that starts a run's standard tables in the background
 * (server/domain/analysis-precompute.ts, loaded on first use so that start-up stays light). It
 * resolves once the tables are under way, so the run is marked done only when a request for them
 * would wait for them; the tables themselves end later, in a worker thread.
 */

import type { Database } from '../db/client.ts';
import type { AnalysisOptions } from '../domain/analysis-data.ts';

export function tablesAfterWeighting(
  database: Database,
  log: (line: string) => void,
  analysis: Omit<AnalysisOptions, 'database'> = {},
): (survey: string, runId: number) => Promise<void> {
  return async (survey, runId) => {
    // requests read a folder instead of the database (tests, tools): nothing of a run to prepare
    if (analysis.dataDir) return;
    const { precomputeRun } = await import('../domain/analysis-precompute.ts');
    void precomputeRun(survey, runId, { ...analysis, database }, { log });
  };
}
