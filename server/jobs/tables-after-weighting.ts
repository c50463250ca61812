/**
 * The standard tables made in the background where people wait for them: the weighting runs' hooks
 * (a tables thread started when a run begins, the run's tables once its data are stored) and, at
 * start-up, the tables of each weighted survey's default data (server/domain/analysis-precompute.ts,
 * loaded on first use so that start-up stays light).
 */
import type { Database } from '../db/client.ts';
import type { AnalysisOptions } from '../domain/analysis-data.ts';
import type { WeightingRunsOptions } from '../domain/weighting/runs.ts';
import { prepareTablesThread } from './tables-thread.ts';

/**
 * The weighting runs' hooks: `onBegin` starts a tables thread so its code is loaded while the
 * weighting runs (tables-thread.ts); `onStored` starts the run's standard tables and resolves once
 * they are under way, so the run is marked done only when a request for them would wait for them.
 */
export function tablesAfterWeighting(
  database: Database,
  log: (line: string) => void,
  analysis: Omit<AnalysisOptions, 'database'> = {},
): Pick<WeightingRunsOptions, 'onBegin' | 'onStored'> {
  // requests read a folder instead of the database (tests, tools): nothing of a run to prepare
  if (analysis.dataDir) return {};
  return {
    onBegin: () => void prepareTablesThread(),
    onStored: async (survey, runId) => {
      const { precomputeRun } = await import('../domain/analysis-precompute.ts');
      void precomputeRun(survey, runId, { ...analysis, database }, { log });
    },
  };
}

/**
 * At start-up (a restart keeps no tables in memory): the standard tables of each weighted survey's
 * default data (its latest published release, else its latest finished run), made in the background
 * one survey after another, so the first request after a restart reads them too. A release whose
 * tables are already stored (release_tables) is skipped: its requests read them back.
 */
export async function tablesAtStart(database: Database, log: (line: string) => void): Promise<void> {
  const rs = await database.client.execute(
    "select distinct survey from weighting_runs where state = 'done' order by survey",
  );
  if (!rs.rows.length) return;
  const { resolveSource } = await import('../domain/releases.ts');
  const { precomputeRun } = await import('../domain/analysis-precompute.ts');
  const { hasStoredTables } = await import('../domain/release-tables.ts');
  for (const row of rs.rows) {
    const survey = String(row.survey);
    const source = await resolveSource(database, survey, undefined);
    if (!source || (source.release && (await hasStoredTables(database, source.release.id)))) continue;
    await precomputeRun(survey, source.runId, { database }, { log });
  }
}
