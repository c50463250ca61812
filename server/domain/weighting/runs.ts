/**
 * The server's weighting runs, one at a time per survey: start one (coordinator, analyst, admin, or
 * the demo once its supervisors have decided), see whether it runs, finished or failed and why, and
 * the summary of the last finished run (kept on disk in the report, so it survives a restart). The
 * inputs are read here; the computation runs elsewhere (a worker thread in the server).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WeighingSummary, WeightingStatus } from '../../contract/weighting.ts';
import type { Database } from '../../db/client.ts';
import { Problem } from '../../problems.ts';
import { loadWeightingInputs, type WeightingInputs } from './inputs.ts';
import { type WeighSurveyOptions, weightingSurveyOf } from './weigh-survey.ts';

export type { WeightingStatus };

export type WeighFn = (
  inputs: WeightingInputs,
  options: WeighSurveyOptions,
  signal: AbortSignal,
) => Promise<WeighingSummary>;

export interface WeightingRuns {
  status(survey: string): WeightingStatus;
  /** Starts a run; refuses while one runs. Resolves when it has started, not when it ends. */
  start(survey: string): WeightingStatus;
  /** The run in progress (or a resolved promise). */
  settled(survey: string): Promise<void>;
  /** The weighting report (Markdown) of the last finished run, or null. */
  reportMarkdown(survey: string): string | null;
  /** Stops the runs in progress (shutdown). */
  close(): Promise<void>;
}

export interface WeightingRunsOptions {
  outDir: string;
  root?: string;
  replicates?: boolean;
  source: string;
  weigh: WeighFn;
  log?: (line: string) => void;
}

export function createWeightingRuns(database: Database, options: WeightingRunsOptions): WeightingRuns {
  const root = options.root ?? '.';
  const state = new Map<string, WeightingStatus>();
  const running = new Map<string, Promise<void>>();
  const stop = new AbortController();
  const known = (survey: string) => {
    if (!/^[a-z0-9-]+$/.test(survey) || !existsSync(join(root, 'questionnaires', survey, 'design.json')))
      throw new Problem('resource.not_found', { survey });
  };
  const reportFile = (survey: string, ext: string) =>
    join(options.outDir, `${survey}-weighting-report.${ext}`);
  const lastFromDisk = (survey: string): WeighingSummary | null => {
    const file = reportFile(survey, 'json');
    if (!existsSync(file)) return null;
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { summary?: WeighingSummary }).summary ?? null;
    } catch {
      return null;
    }
  };
  const statusOf = (survey: string): WeightingStatus => {
    const s = state.get(survey);
    if (s) return { ...s };
    const last = lastFromDisk(survey);
    return {
      survey,
      state: last ? 'done' : 'none',
      startedAt: null,
      finishedAt: last?.generatedAt ?? null,
      error: null,
      last,
    };
  };
  return {
    status(survey) {
      known(survey);
      return statusOf(survey);
    },
    start(survey) {
      known(survey);
      if (running.has(survey)) throw new Problem('weighting.running', { survey });
      if (stop.signal.aborted) throw new Problem('server.unavailable');
      const s: WeightingStatus = {
        ...statusOf(survey),
        state: 'running',
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      };
      state.set(survey, s);
      const run = (async () => {
        try {
          const inputs = await loadWeightingInputs(database.client, weightingSurveyOf({ root, survey }));
          const summary = await options.weigh(
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
          state.set(survey, { ...s, state: 'done', finishedAt: new Date().toISOString(), last: summary });
          options.log?.(
            `weighting ${survey}: ${summary.respondents} responding households, ${summary.replicates} replicates, ${summary.seconds.toFixed(1)} s`,
          );
        } catch (error) {
          const e = error as Error & { code?: string };
          const code =
            typeof e.code === 'string' && e.code.startsWith('weighting.') ? e.code : 'weighting.failed';
          state.set(survey, {
            ...s,
            state: 'failed',
            finishedAt: new Date().toISOString(),
            error: { code, message: e.message },
          });
          options.log?.(`weighting ${survey} failed: ${e.message}`);
        } finally {
          running.delete(survey);
        }
      })();
      running.set(survey, run);
      return { ...s };
    },
    settled(survey) {
      return running.get(survey) ?? Promise.resolve();
    },
    async close() {
      stop.abort();
      await Promise.all(running.values());
    },
    reportMarkdown(survey) {
      known(survey);
      const file = reportFile(survey, 'md');
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
  };
}
