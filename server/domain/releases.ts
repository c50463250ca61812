/**
 * Releases: a coordinator or analyst publishes a finished weighting run under a name, a date and a
 * note; its tables, models and microdata are read from that run's stored data, so a later weighting
 * never changes them; someone retires it when it must no longer be served. Which data an analysis
 * request reads: the release it names, or else the latest published one, or else (nothing published
 * yet) the latest finished run, marked as unpublished.
 */
import type { Row } from '@libsql/client';
import { TABLE_WORDS, type TableLang } from '../../analysis/tables/table-words.ts';
import type { PublishRequest, Release } from '../contract/releases.ts';
import type { Database } from '../db/client.ts';
import { Problem } from '../problems.ts';

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)).toISOString());
const COLUMNS = 'id, survey, run_id, name, date, note, published_by, published_at, retired_at';

function releaseOf(r: Row): Release {
  return {
    id: Number(r.id),
    survey: String(r.survey),
    runId: Number(r.run_id),
    name: String(r.name),
    date: String(r.date),
    note: String(r.note),
    publishedBy: r.published_by === null ? null : String(r.published_by),
    publishedAt: iso(r.published_at) as string,
    retiredAt: iso(r.retired_at),
  };
}

export async function listReleases(database: Database, survey: string): Promise<Release[]> {
  const rs = await database.client.execute({
    sql: `select ${COLUMNS} from releases where survey = ? order by id desc`,
    args: [survey],
  });
  return rs.rows.map(releaseOf);
}

async function findRelease(database: Database, survey: string, id: number): Promise<Release> {
  const rs = await database.client.execute({
    sql: `select ${COLUMNS} from releases where survey = ? and id = ?`,
    args: [survey, Number.isSafeInteger(id) ? id : -1],
  });
  if (!rs.rows.length) throw new Problem('release.not_found', { survey, release: id });
  return releaseOf(rs.rows[0]);
}

export async function publishRelease(
  database: Database,
  survey: string,
  req: PublishRequest,
  userId: string,
): Promise<Release> {
  const run = await database.client.execute({
    sql: 'select state from weighting_runs where survey = ? and id = ?',
    args: [survey, req.run],
  });
  if (!run.rows.length) throw new Problem('weighting.unknown_run', { survey, run: req.run });
  const state = String(run.rows[0].state);
  if (state !== 'done') throw new Problem('release.run_not_done', { survey, run: req.run, state });
  const rs = await database.client
    .execute({
      sql: `insert into releases (survey, run_id, name, date, note, published_by)
            select ?, ?, ?, ?, ?, ? where not exists (select 1 from releases where survey = ? and name = ?)
            returning id`,
      args: [survey, req.run, req.name, req.date, req.note, userId, survey, req.name],
    })
    .catch((error: Error) => {
      if (/UNIQUE/i.test(error.message)) throw new Problem('release.name_taken', { name: req.name });
      throw error;
    });
  if (!rs.rows.length) throw new Problem('release.name_taken', { name: req.name });
  return findRelease(database, survey, Number(rs.rows[0].id));
}

export async function retireRelease(
  database: Database,
  survey: string,
  id: number,
  userId: string,
): Promise<Release> {
  const release = await findRelease(database, survey, id);
  if (release.retiredAt) throw new Problem('release.retired', { survey, release: id });
  await database.client.execute({
    sql: `update releases set retired_at = cast(unixepoch('subsec') * 1000 as integer), retired_by = ?
          where id = ? and retired_at is null`,
    args: [userId, id],
  });
  return findRelease(database, survey, id);
}

/** The data an analysis request reads: a run, and the release it was published as (null if none). */
export interface AnalysisSource {
  runId: number;
  release: Release | null;
}

/**
 * `release` as the request gives it (a release id), or undefined for the default: the latest
 * published release, else the latest finished run; null when the survey has neither.
 */
export async function resolveSource(
  database: Database,
  survey: string,
  release: string | undefined,
): Promise<AnalysisSource | null> {
  if (release !== undefined) {
    if (!/^\d+$/.test(release)) throw new Problem('release.not_found', { survey, release });
    const r = await findRelease(database, survey, Number(release));
    if (r.retiredAt) throw new Problem('release.retired', { survey, release: r.id, name: r.name });
    return { runId: r.runId, release: r };
  }
  const published = await database.client.execute({
    sql: `select ${COLUMNS} from releases where survey = ? and retired_at is null order by id desc limit 1`,
    args: [survey],
  });
  if (published.rows.length) {
    const r = releaseOf(published.rows[0]);
    return { runId: r.runId, release: r };
  }
  const done = await database.client.execute({
    sql: "select id from weighting_runs where survey = ? and state = 'done' order by id desc limit 1",
    args: [survey],
  });
  return done.rows.length ? { runId: Number(done.rows[0].id), release: null } : null;
}

/** The line that names where the numbers come from, in the files, the codebook and the screen. */
export function sourceLine(source: AnalysisSource, lang: TableLang): string {
  const r = source.release;
  const words = TABLE_WORDS[lang].source;
  return r ? words.release(r.name, r.date, r.runId) : words.run(source.runId);
}
