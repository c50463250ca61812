/**
 * Where an analysis request's weighted data come from. On the server: the database (a release, or the
 * default of server/domain/releases.ts), read once per run and kept in memory (a run's data never
 * change, so the copy never goes stale; the last few runs are kept). For tests and tools: a folder
 * (`dataDir`, the files `npm run weights` writes), which names no release.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WeightedData } from '../../analysis/tables/weighted-data.ts';
import type { Database } from '../db/client.ts';
import { Problem } from '../problems.ts';
import { folderPublicUseKey, runPublicUseKey } from '../storage/public-use-key.ts';
import { loadWeightedData } from '../storage/weighted-data.ts';
import { loadWeightedFrames } from '../storage/weighted-store.ts';
import { type AnalysisSource, resolveSource } from './releases.ts';

export interface AnalysisOptions {
  /** A folder of a survey's weighted data, instead of the database (tests, tools). */
  dataDir?: (survey: string) => string;
  /** Repository root holding questionnaires/ (default the working directory). */
  root?: string;
  /** The database holding the runs and releases (set by the app). */
  database?: Database;
}

export interface LoadedData {
  data: WeightedData;
  /** The run and release the data come from; null for a folder. */
  source: AnalysisSource | null;
  /**
   * Which data these are, for the output cache (analysis-cache.ts): `scope` names where the survey's
   * data live (a database and survey, or a folder) and `generation` which data of the scope (the
   * weighting run's id, or the folder's weights.json mtime); a newer generation supersedes older ones.
   */
  origin: { scope: string; generation: number };
}

const KEEP = 4;
const byRun = new WeakMap<Database, Map<number, WeightedData>>();
const byDir = new Map<string, { mtime: number; data: WeightedData }>();
// a name for each database object, so that two databases' run ids never share a cache key
const databaseNames = new WeakMap<Database, string>();
let named = 0;
function databaseName(database: Database): string {
  let name = databaseNames.get(database);
  if (!name) {
    name = `db${++named}`;
    databaseNames.set(database, name);
  }
  return name;
}

function fromFolder(dir: string, survey: string): LoadedData {
  const meta = join(dir, 'weights.json');
  if (!existsSync(meta)) throw new Problem('analysis.no_data', { survey });
  const mtime = statSync(meta).mtimeMs;
  const origin = { scope: `dir:${dir}`, generation: mtime };
  const hit = byDir.get(dir);
  if (hit && hit.mtime === mtime) return { data: hit.data, source: null, origin };
  const data = loadWeightedData(dir);
  byDir.set(dir, { mtime, data });
  return { data, source: null, origin };
}

/** The weighted data of a request (`release` as the query gives it, or undefined for the default). */
export async function loadAnalysisData(
  survey: string,
  opts: AnalysisOptions,
  release?: string,
): Promise<LoadedData> {
  if (opts.dataDir || !opts.database) return fromFolder((opts.dataDir ?? defaultDir)(survey), survey);
  const database = opts.database;
  const source = await resolveSource(database, survey, release);
  if (!source) throw new Problem('analysis.no_data', { survey });
  const data = await runData(database, survey, source.runId);
  return { data, source, origin: runOrigin(database, survey, source.runId) };
}

/** A run's weighted data, read once and kept: every request on the run gets the same object. */
async function runData(database: Database, survey: string, runId: number): Promise<WeightedData> {
  const runs = byRun.get(database) ?? new Map<number, WeightedData>();
  byRun.set(database, runs);
  let data = runs.get(runId);
  if (!data) {
    data = (await loadWeightedFrames(database.client, runId)) ?? undefined;
    if (!data) throw new Problem('analysis.no_data', { survey, run: runId });
    runs.set(runId, data);
    while (runs.size > KEEP) runs.delete(runs.keys().next().value as number);
  }
  return data;
}

/** Which data a run's are for the output cache (LoadedData.origin), known before they are read. */
export function runOrigin(database: Database, survey: string, runId: number): LoadedData['origin'] {
  return { scope: `${databaseName(database)}:${survey}`, generation: runId };
}

/**
 * One run's weighted data, whether or not a request would default to it (the background tables of
 * a run just finished, analysis-precompute.ts); no release is named (`source` null).
 */
export async function loadRunData(database: Database, survey: string, runId: number): Promise<LoadedData> {
  return {
    data: await runData(database, survey, runId),
    source: null,
    origin: runOrigin(database, survey, runId),
  };
}

/** The secret key of the loaded run's public-use file (server/storage/public-use-key.ts). */
export async function publicUseKey(
  survey: string,
  opts: AnalysisOptions,
  loaded: LoadedData,
): Promise<Uint8Array> {
  if (loaded.source && opts.database) return runPublicUseKey(opts.database.client, loaded.source.runId);
  return folderPublicUseKey((opts.dataDir ?? defaultDir)(survey));
}

/**
 * The date of the loaded run, for a public file's own dates (workbook, zip entries), so every download
 * of the run is the same bytes: the run's finish in the database, the weights.json time of a folder.
 */
export async function runDate(loaded: LoadedData, opts: AnalysisOptions): Promise<Date> {
  if (loaded.source && opts.database) {
    const rs = await opts.database.client.execute({
      sql: 'select coalesce(finished_at, started_at) as at from weighting_runs where id = ?',
      args: [loaded.source.runId],
    });
    const at = Number(rs.rows[0]?.at);
    if (Number.isFinite(at)) return new Date(at);
  }
  return new Date(Math.floor(loaded.origin.generation));
}

/** Whether a request without `release` would find data (the catalogue's dataReady). */
export async function dataReady(survey: string, opts: AnalysisOptions): Promise<boolean> {
  if (opts.dataDir || !opts.database)
    return existsSync(join((opts.dataDir ?? defaultDir)(survey), 'weights.json'));
  return (await resolveSource(opts.database, survey, undefined)) !== null;
}

const defaultDir = (survey: string) => join('data', 'weights', survey);
