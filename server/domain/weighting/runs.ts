/**
 * The server's weighting runs, one row each in weighting_runs, one at a time per survey: start one
 * (coordinator, analyst, admin, or the demo once its supervisors have decided), see on any API node
 * whether it is queued, running, done or failed and why, and read its summary and report. The moves are
 * run-states.ts's table, each one an UPDATE guarded by the states the table allows. The node running a
 * run writes a heartbeat; a run whose node went silent (restart, crash, killed process) is marked failed
 * "interrupted by a restart" by the next node that starts or looks. The computation runs elsewhere (a
 * worker thread); its weighted data are stored beside the row (server/storage/weighted-store.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '@libsql/client';
import {
  isWeightingDetail,
  REPORT_MESSAGES,
  type ReportBlock,
  type ReportLang,
  reportDocument,
  type WeightingReport,
} from '../../../analysis/weighting/index.ts';
import type { RunError, WeighingSummary, WeightingRun, WeightingStatus } from '../../contract/weighting.ts';
import type { Database } from '../../db/client.ts';
import { Problem, problemCatalogue, weightingFailure } from '../../problems.ts';
import { weightedFrameStatements } from '../../storage/weighted-store.ts';
import { loadWeightingInputs, type WeightingInputs } from './inputs.ts';
import {
  INTERRUPTED,
  INTERRUPTED_DETAIL,
  type RunEvent,
  type RunState,
  statesAllowing,
} from './run-states.ts';
import { type WeighOutcome, type WeighSurveyOptions, weightingSurveyOf } from './weigh-survey.ts';

export type { WeightingStatus };

export type WeighFn = (
  inputs: WeightingInputs,
  options: WeighSurveyOptions,
  signal: AbortSignal,
) => Promise<WeighOutcome>;

export interface WeightingRuns {
  status(survey: string): Promise<WeightingStatus>;
  /** Starts a run; refuses while one runs. Resolves when it is queued, not when it ends. */
  start(survey: string, startedBy?: string | null): Promise<WeightingStatus>;
  /** Every run of the survey, newest first. */
  list(survey: string): Promise<WeightingRun[]>;
  /** One run of the survey (404 if it has no such run). */
  run(survey: string, id: number): Promise<WeightingRun>;
  /** The run in progress on this node (or a resolved promise). */
  settled(survey: string): Promise<void>;
  /** The weighting report (Markdown) of the last finished run, or null. */
  reportMarkdown(survey: string): Promise<string | null>;
  /** The weighting report of the last finished run as blocks in a language, or null. */
  reportDocument(survey: string, lang: ReportLang): Promise<ReportBlock[] | null>;
  /** Marks failed the unfinished runs whose node went silent; how many. Start-up calls it. */
  recover(): Promise<number>;
  /** Stops the runs in progress on this node (shutdown); they are marked failed. */
  close(): Promise<void>;
}

export interface WeightingRunsOptions {
  outDir: string;
  root?: string;
  replicates?: boolean;
  source: string;
  weigh: WeighFn;
  log?: (line: string) => void;
  /** This process's name on its runs (default a random id). */
  node?: string;
  /** How often a running run says it is alive (default 5 s). */
  heartbeatMs?: number;
  /** After how long without a heartbeat an unfinished run counts as interrupted (default 30 s). */
  staleMs?: number;
  /** Called when a run begins (to get work on its result ready, e.g. start a thread); never fails it. */
  onBegin?: (survey: string, runId: number) => void;
  /**
   * Called once a run's data are stored, before the run is marked done, to start work on them in the
   * background (the standard tables, server/domain/analysis-precompute.ts); awaited only until it
   * has started, and its failure never fails the run.
   */
  onStored?: (survey: string, runId: number) => Promise<void> | void;
}

const NOW = "cast(unixepoch('subsec') * 1000 as integer)";
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)).toISOString());
const inStates = (states: readonly RunState[]) => `state in (${states.map((s) => `'${s}'`).join(', ')})`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A failed run's error: a code of the one catalogue, its sentence, and the pipeline's own words, with
 * their structured detail when the pipeline gave one. The row's failure_reason holds the words, or (with
 * a detail) the JSON {"words", "detail"} that reasonText writes; a run interrupted by a restart (its
 * reason written by one SQL update, run-states.ts INTERRUPTED) gets its detail back here.
 */
function failureOf(code: unknown, reason: string): WeightingRun['error'] {
  const known = weightingFailure(code);
  const error = { code: known, message: problemCatalogue[known].message };
  if (known === 'weighting.interrupted' && reason === INTERRUPTED)
    return { ...error, details: reason, detail: INTERRUPTED_DETAIL };
  if (reason.startsWith('{"words":'))
    try {
      const { words, detail } = JSON.parse(reason) as { words: unknown; detail: unknown };
      if (typeof words === 'string')
        return isWeightingDetail(detail)
          ? { ...error, details: words, detail: detail as NonNullable<RunError['detail']> }
          : { ...error, details: words };
    } catch {
      // not ours: the text as it is
    }
  return { ...error, details: reason };
}

/** What failure_reason keeps of an error: its words, with its structured detail when it has one. */
function reasonText(error: Error & { detail?: unknown }): string {
  return isWeightingDetail(error.detail)
    ? JSON.stringify({ words: error.message, detail: error.detail })
    : error.message;
}

function runOf(r: Row): WeightingRun {
  return {
    id: Number(r.id),
    survey: String(r.survey),
    state: String(r.state) as RunState,
    startedBy: r.started_by === null ? null : String(r.started_by),
    startedAt: iso(r.started_at) as string,
    finishedAt: iso(r.finished_at),
    error: r.failure_reason === null ? null : failureOf(r.failure_code, String(r.failure_reason)),
    inputHash: r.input_hash === null ? null : String(r.input_hash),
    inputCount: r.input_count === null ? null : Number(r.input_count),
    designVersion: r.design_version === null ? null : String(r.design_version),
    recipeVersion: r.recipe_version === null ? null : String(r.recipe_version),
    summary: r.summary === null ? null : (JSON.parse(String(r.summary)) as WeighingSummary),
  };
}

const RUN_COLUMNS =
  'id, survey, state, started_by, started_at, finished_at, failure_code, failure_reason, input_hash, input_count, design_version, recipe_version, summary';

export function createWeightingRuns(database: Database, options: WeightingRunsOptions): WeightingRuns {
  const root = options.root ?? '.';
  const node = options.node ?? randomUUID();
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const staleMs = options.staleMs ?? 30_000;
  const client = database.client;
  const running = new Map<string, Promise<void>>();
  const stop = new AbortController();
  const known = (survey: string) => {
    if (!/^[a-z0-9-]+$/.test(survey) || !existsSync(join(root, 'questionnaires', survey, 'design.json')))
      throw new Problem('resource.not_found', { survey });
  };
  const fileVersion = (survey: string, file: string) => {
    const path = join(root, 'questionnaires', survey, file);
    return existsSync(path) ? sha256(readFileSync(path, 'utf8')) : null;
  };
  /** One move of the state table, as an update that only applies from the states the table allows. */
  const move = async (id: number, event: RunEvent, set: string, args: Array<string | number | null>) => {
    const to = { begin: 'running', finish: 'done', fail: 'failed', interrupt: 'failed' }[event];
    const rs = await client.execute({
      sql: `update weighting_runs set state = '${to}', ${set} where id = ? and ${inStates(statesAllowing(event))}`,
      args: [...args, id],
    });
    return rs.rowsAffected === 1;
  };
  const recover = async () => {
    // a read first: status polls must not take the write lock when nothing is stale (the usual case)
    const stale = `${inStates(statesAllowing('interrupt'))} and heartbeat_at < ${NOW} - ?`;
    const found = await client.execute({
      sql: `select count(*) as n from weighting_runs where ${stale}`,
      args: [staleMs],
    });
    if (!Number(found.rows[0]?.n)) return 0;
    const rs = await client.execute({
      sql: `update weighting_runs set state = 'failed', failure_code = 'weighting.interrupted', failure_reason = ?,
              finished_at = ${NOW}
            where ${stale}`,
      args: [INTERRUPTED, staleMs],
    });
    return rs.rowsAffected;
  };
  const latest = async (survey: string, where = '1 = 1') =>
    (
      await client.execute({
        sql: `select ${RUN_COLUMNS} from weighting_runs where survey = ? and ${where} order by id desc limit 1`,
        args: [survey],
      })
    ).rows[0];
  const statusOf = async (survey: string): Promise<WeightingStatus> => {
    await recover();
    const now = await latest(survey);
    const done = await latest(survey, "state = 'done'");
    if (!now)
      return {
        survey,
        state: 'none',
        runId: null,
        startedAt: null,
        finishedAt: null,
        error: null,
        last: null,
        lastRunId: null,
      };
    const run = runOf(now);
    return {
      survey,
      state: run.state,
      runId: run.id,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      error: run.error,
      last: done ? runOf(done).summary : null,
      lastRunId: done ? Number(done.id) : null,
    };
  };
  const execute = async (survey: string, id: number) => {
    const beat = setInterval(() => {
      client
        .execute({
          sql: `update weighting_runs set heartbeat_at = ${NOW} where id = ? and ${inStates(statesAllowing('interrupt'))}`,
          args: [id],
        })
        .catch(() => {});
    }, heartbeatMs);
    beat.unref();
    try {
      const inputs = await loadWeightingInputs(client, weightingSurveyOf({ root, survey }));
      await client.execute({
        sql: "update weighting_runs set input_hash = ?, input_count = ? where id = ? and state = 'running'",
        args: [sha256(inputs.interviews.join('\n')), inputs.interviews.length, id],
      });
      const outcome = await options.weigh(
        inputs,
        {
          survey,
          outDir: options.outDir,
          root,
          replicates: options.replicates ?? true,
          source: options.source,
        },
        stop.signal,
      );
      // the data first, then the move: a reader that sees 'done' finds the data
      await client.batch(weightedFrameStatements(id, outcome.data), 'write');
      await (async () => options.onStored?.(survey, id))().catch((e) =>
        options.log?.(`weighting ${survey} run ${id}: background work not started: ${(e as Error).message}`),
      );
      const moved = await move(
        id,
        'finish',
        `finished_at = ${NOW}, summary = ?, report = ?, report_markdown = ?`,
        [JSON.stringify(outcome.summary), JSON.stringify(outcome.report), outcome.markdown],
      );
      if (!moved) throw new Error('the run was marked interrupted while it ran; its data are not used');
      const s = outcome.summary;
      options.log?.(
        `weighting ${survey} run ${id}: ${s.respondents} responding households, ${s.replicates} replicates, ${s.seconds.toFixed(1)} s`,
      );
    } catch (error) {
      const e = error as Error & { code?: string; detail?: unknown };
      const code = weightingFailure(e.code);
      await move(id, 'fail', `finished_at = ${NOW}, failure_code = ?, failure_reason = ?`, [
        code,
        reasonText(e),
      ]).catch(() => {});
      options.log?.(`weighting ${survey} run ${id} failed: ${e.message}`);
    } finally {
      clearInterval(beat);
    }
  };
  return {
    async status(survey) {
      known(survey);
      return statusOf(survey);
    },
    async start(survey, startedBy = null) {
      known(survey);
      if (stop.signal.aborted) throw new Problem('server.unavailable');
      await recover();
      // one statement: a second node starting the same survey at the same time inserts nothing
      const rs = await client.execute({
        sql: `insert into weighting_runs (survey, started_by, state, node, design_version, recipe_version)
              select ?, ?, 'queued', ?, ?, ?
              where not exists (select 1 from weighting_runs where survey = ? and ${inStates(statesAllowing('interrupt'))})
              returning id`,
        args: [
          survey,
          startedBy,
          node,
          fileVersion(survey, 'design.json'),
          fileVersion(survey, 'weighting.json'),
          survey,
        ],
      });
      if (!rs.rows.length) throw new Problem('weighting.running', { survey });
      const id = Number(rs.rows[0].id);
      await move(id, 'begin', `heartbeat_at = ${NOW}`, []);
      try {
        options.onBegin?.(survey, id);
      } catch (e) {
        options.log?.(`weighting ${survey} run ${id}: ${(e as Error).message}`);
      }
      const run = execute(survey, id).finally(() => running.delete(survey));
      running.set(survey, run);
      return statusOf(survey);
    },
    async list(survey) {
      known(survey);
      await recover();
      const rs = await client.execute({
        sql: `select ${RUN_COLUMNS} from weighting_runs where survey = ? order by id desc`,
        args: [survey],
      });
      return rs.rows.map(runOf);
    },
    async run(survey, id) {
      known(survey);
      await recover();
      const r = await latest(survey, `id = ${Number.isSafeInteger(id) ? id : -1}`);
      if (!r) throw new Problem('weighting.unknown_run', { survey, run: id });
      return runOf(r);
    },
    settled(survey) {
      return running.get(survey) ?? Promise.resolve();
    },
    recover,
    async close() {
      stop.abort();
      await Promise.all(running.values());
    },
    async reportMarkdown(survey) {
      known(survey);
      const rs = await client.execute({
        sql: "select report_markdown from weighting_runs where survey = ? and state = 'done' order by id desc limit 1",
        args: [survey],
      });
      return rs.rows.length ? String(rs.rows[0].report_markdown) : null;
    },
    async reportDocument(survey, lang) {
      known(survey);
      const rs = await client.execute({
        sql: "select report from weighting_runs where survey = ? and state = 'done' and report is not null order by id desc limit 1",
        args: [survey],
      });
      if (!rs.rows.length) return null;
      // the stored report: the pipeline's WeightingReport plus the run's survey and design notice
      const report = JSON.parse(String(rs.rows[0].report)) as WeightingReport & { notice?: string | null };
      return reportDocument(report, lang, REPORT_MESSAGES[lang].titleOf(survey, report.notice));
    },
  };
}
