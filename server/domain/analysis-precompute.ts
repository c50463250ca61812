/**
 * A survey's standard tables computed in the background as soon as a weighting run's data are
 * stored, so that the analyst's first "all tables" (and its JSON, CSV and Excel downloads) reads them
 * instead of computing them. They are made in a worker thread (server/jobs/tables-thread.ts, the
 * replicate df on the other cores) on a copy of the very data the requests read (analysis-data.ts
 * keeps them per run), with the survey's context as the requests use it, and each table is kept in
 * the output cache under the key of the requests' own memo (analysis-cache.ts planKey: the run, the
 * context's fingerprint, the plan), so a request then computes nothing and gets the same tables. A
 * standard-table request on a run whose tables are being made waits for them instead of making them
 * twice. Keyed by the run: a newer run's requests never read these, and tables that arrive after a
 * newer run was seen are not kept. Held in memory only: at start-up each weighted survey's default
 * data get theirs again (server/jobs/tables-after-weighting.ts tablesAtStart; a release whose tables
 * are stored in release_tables is read back instead), no table stored here.
 */
import { tablesInWorker } from '../jobs/tables-thread.ts';
import type { TablesAnswer, TablesRequest } from '../jobs/tables-worker.ts';
import { Problem } from '../problems.ts';
import { outputCache, planBytes, planKey } from './analysis-cache.ts';
import { surveyContext } from './analysis-context.ts';
import { type AnalysisOptions, type LoadedData, loadRunData, runOrigin } from './analysis-data.ts';

/** Computes every table of a request (default: in a worker thread, tables-thread.ts). */
export type TablesCompute = (req: Omit<TablesRequest, 'threads'>) => Promise<TablesAnswer>;

export interface PrecomputeOptions {
  compute?: TablesCompute;
  log?: (line: string) => void;
}

const pending = new Map<string, Promise<void>>();
const idOf = (o: LoadedData['origin']) => `${o.scope}\u0000${o.generation}`;

/** Resolves once the background tables of these data are kept, at once when none are being made. */
export async function precomputed(origin: LoadedData['origin']): Promise<void> {
  await pending.get(idOf(origin));
}

/** Runs `work` once per origin at a time; the promise never rejects (work logs its own failure). */
function track(origin: LoadedData['origin'], work: () => Promise<void>): Promise<void> {
  const id = idOf(origin);
  const running = pending.get(id);
  if (running) return running;
  const p = work().finally(() => pending.delete(id));
  pending.set(id, p);
  return p;
}

/** Makes the standard tables of loaded data in the background and keeps them for the requests. */
export function precomputeTables(
  survey: string,
  opts: AnalysisOptions,
  loaded: LoadedData,
  options: PrecomputeOptions = {},
): Promise<void> {
  return track(loaded.origin, () => keepTables(survey, opts, async () => loaded, options));
}

/**
 * The same for a weighting run whose data were just stored: registered at once (a request that
 * comes before the data are read waits too), the data read as the requests read them.
 */
export function precomputeRun(
  survey: string,
  runId: number,
  opts: AnalysisOptions & { database: NonNullable<AnalysisOptions['database']> },
  options: PrecomputeOptions = {},
): Promise<void> {
  return track(runOrigin(opts.database, survey, runId), () =>
    keepTables(survey, opts, () => loadRunData(opts.database, survey, runId), options),
  );
}

async function keepTables(
  survey: string,
  opts: AnalysisOptions,
  load: () => Promise<LoadedData>,
  { compute = tablesInWorker, log }: PrecomputeOptions,
): Promise<void> {
  try {
    const ctx = surveyContext(survey, opts);
    const loaded = await load();
    const t0 = performance.now();
    const { results, ranks } = await compute({
      file: ctx.file,
      data: loaded.data,
      labels: ctx.labels,
      rules: ctx.rules,
      specialCodes: ctx.specialCodes,
    });
    if (outputCache.superseded(loaded.origin)) return;
    for (const { plan, result } of results) {
      const key = planKey(ctx, loaded, plan);
      if (outputCache.get(key) === undefined) outputCache.set(key, result, planBytes(result));
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    log?.(
      `standard tables of ${survey} (data ${loaded.origin.generation}) made in the background: ${results.length} tables, ${seconds} s, ranks ${ranks.caller} + ${ranks.workers} on other cores`,
    );
  } catch (error) {
    // a survey without standard tables has nothing to make; otherwise the requests compute them
    if (error instanceof Problem && error.code === 'resource.not_found') return;
    log?.(`standard tables of ${survey} not made in the background: ${(error as Error)?.message ?? error}`);
  }
}
