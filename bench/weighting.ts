/**
 * The weighting pipeline at the demo's scale: the simulated IPEI fieldwork (120 EAs, ~1,400 selected
 * households, all complete interviews approved) weighted with its 454 JKn replicates (two certainty EAs taken in full have none), each redoing
 * steps 2-6. When Rscript is present, R survey does the same from the same inputs
 * (tests/fixtures/weighting/replicates.R: as.svrepdesign JKn, postStratify, calibrate raking with
 * bounds and the trimming loop per replicate), timed in the same run, and the two sets of weights
 * are compared. Then all the survey's standard tables (questionnaires/ipei/tables.json) are computed
 * on those weights, in memory, as `npm run tables` does: first (cold) and again (warm, the replicate
 * df of each domain cached). The replicates are weighed twice, back to back: on one thread
 * (runWeighting) and in the replicate pool's worker threads (server/jobs/replicate-pool.ts), and
 * the two sets of weights are compared bit for bit. CPU time (of every thread) is printed beside
 * wall time, and the load average before and after: on a shared machine the wall time mostly
 * measures the other processes. `npm run bench -- weighting --no-r` leaves R out.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { weightedDataFromRun } from '../analysis/tables/from-weighting.ts';
import { computeTables } from '../analysis/tables/run.ts';
import { runWeighting, type WeightingResult } from '../analysis/weighting/index.ts';
import { flattenAnswers } from '../server/domain/weighting/flatten.ts';
import { loadWeightingInputs } from '../server/domain/weighting/inputs.ts';
import { rosterKeys } from '../server/domain/weighting/roster.ts';
import { weightingSurveyOf } from '../server/domain/weighting/weigh-survey.ts';
import { shareTableRanks } from '../server/jobs/rank-pool.ts';
import { runWeightingInThreads } from '../server/jobs/replicate-pool.ts';
import { loadSurveyContext } from '../server/storage/survey-context.ts';
import { legacyOf } from '../tests/analysis/weighting/legacy.ts';
import { rWeightingInputs } from '../tests/analysis/weighting/r-inputs.ts';
import { decideWithoutValidation, playFieldwork, startDemo } from '../tests/helpers/simulated-demo.ts';
import { afterWeightingBench } from './tables-after-weighting.ts';

const survey = weightingSurveyOf({ root: new URL('..', import.meta.url).pathname, survey: 'ipei' });

/** The simulated demo's weighting inputs (validation replaced by an SQL update, as in tests/demo/surveys/ipei). */
export async function demoInputs(dir: string) {
  const started = await startDemo(dir);
  try {
    await decideWithoutValidation(started, await playFieldwork(started));
    return await loadWeightingInputs(started.database.client, survey);
  } finally {
    await started.close();
  }
}

/** The standard tables on the weighting's result, in memory (cold, then warm). */
export async function tablesBench(
  result: WeightingResult,
  answers: Parameters<typeof flattenAnswers>[0],
  bench: { out?: string; pool?: boolean; afterWeighting?: boolean } = {},
) {
  const rosterKey =
    survey.profile.roster && survey.recipe.persons
      ? (rosterKeys(survey.questionnaire).get(survey.profile.roster.variable) ??
        survey.profile.roster.variable)
      : null;
  const data = weightedDataFromRun(result, flattenAnswers(answers, survey.questionnaire, rosterKey), {
    survey: 'ipei',
    questionnaire: survey.questionnaireId,
  });
  const ctx = loadSurveyContext('ipei', new URL('..', import.meta.url).pathname);
  const time = () => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const run = computeTables(ctx.file, data, ctx.labels, ctx.rules);
    return { run, seconds: (performance.now() - t0) / 1000, cpu: process.cpuUsage(cpu0).user / 1e6 };
  };
  const cold = time();
  const warm = time();
  // the analyst's first request after a weighting, through the server's code (background tables)
  const afterWeighting = bench.afterWeighting ? await afterWeightingBench('ipei', data) : null;
  // every table as JSON, to compare two versions' output (`npm run bench -- tables --tables-out=f`)
  if (bench.out) writeFileSync(bench.out, `${JSON.stringify(cold.run, null, 1)}\n`);
  // cold again on a copy of the data (new columns: no rank known), the ranks made on the other
  // cores meanwhile (server/jobs/rank-pool.ts); CPU of every thread
  let pooled: { seconds: number; cpu: number; identical: boolean; caller: number; workers: number } | null =
    null;
  if (bench.pool) {
    const copy = structuredClone(data);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const pool = shareTableRanks(ctx.file, copy, ctx.labels, ctx.rules);
    const run = computeTables(ctx.file, copy, ctx.labels, ctx.rules);
    const stats = await pool.close();
    pooled = {
      seconds: (performance.now() - t0) / 1000,
      cpu: process.cpuUsage(cpu0).user / 1e6,
      identical: JSON.stringify(run) === JSON.stringify(cold.run),
      ...stats,
    };
  }
  return {
    afterWeighting,
    pooled,
    tables: cold.run.tables.length,
    cells: cold.run.tables.reduce((s, t) => s + t.cells.length, 0),
    issues: cold.run.issues.length,
    coldSeconds: cold.seconds,
    coldCpuSeconds: cold.cpu,
    warmSeconds: warm.seconds,
    warmCpuSeconds: warm.cpu,
  };
}

/** Replicate weights (every replicate, the three levels) that differ in their bits between two runs. */
function bitDifferences(a: WeightingResult, b: WeightingResult): number {
  let n = 0;
  for (const key of ['hh', 'roster', 'person'] as const)
    a.replicates[key].forEach((w, j) => {
      const v = b.replicates[key][j];
      if (!v || v.length !== w.length) n += w.length;
      else for (let i = 0; i < w.length; i++) if (!Object.is(w[i], v[i])) n++;
    });
  return n + Math.abs(a.replicates.hh.length - b.replicates.hh.length);
}

export async function runWeightingBench(
  bench: { r?: boolean } = {},
): Promise<{ rows: Array<[string, string]>; json: unknown }> {
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-bench-weighting-'));
  try {
    const inputs = await demoInputs(dir);
    const { households, persons } = inputs;
    const { recipe, design } = survey;
    let t0 = performance.now();
    runWeighting(households, persons, recipe, design, { replicates: false });
    const passMs = performance.now() - t0;
    // sequential (one thread, runWeighting) then the replicate pool, back to back; CPU of every thread
    const load0 = loadavg()[0];
    t0 = performance.now();
    let cpu0 = process.cpuUsage();
    const sequential = runWeighting(households, persons, recipe, design);
    const seqCpuSeconds = process.cpuUsage(cpu0).user / 1e6;
    const seqSeconds = (performance.now() - t0) / 1000;
    const threads = availableParallelism();
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    const stats = { caller: 0, workers: 0 };
    const result = await runWeightingInThreads(households, persons, recipe, design, { threads, stats });
    const cpuSeconds = process.cpuUsage(cpu0).user / 1e6;
    const seconds = (performance.now() - t0) / 1000;
    const load1 = loadavg()[0];
    const differ = bitDifferences(sequential, result);
    const legacy = legacyOf(result, recipe, design);
    const options = legacy.options;
    const reps = result.replicates.hh.length;
    const json: Record<string, unknown> = {
      households: households.length,
      respondents: result.report.sample.respondents,
      persons: persons.length,
      replicates: reps,
      unboundedFallback: result.report.replicates.unboundedFallback,
      onePassMs: passMs,
      sequential: { seconds: seqSeconds, cpuSeconds: seqCpuSeconds },
      threads,
      seconds,
      cpuSeconds,
      weightsDifferingFromSequential: differ,
      replicatesByCaller: stats.caller,
      replicatesByWorkers: stats.workers,
      loadAverage1m: [load0, load1],
    };
    const rows: Array<[string, string]> = [
      [
        'weighting, full sample (one pass)',
        `${passMs.toFixed(0)} ms (${result.report.sample.respondents} responding households, ${persons.length} persons)`,
      ],
      [
        'weighting with JKn replicates, one thread',
        `${seqSeconds.toFixed(1)} s, CPU ${seqCpuSeconds.toFixed(1)} s (${reps} replicates, each redoing steps 2-6)`,
      ],
      [
        `weighting with JKn replicates, ${threads} threads (caller + ${threads - 1} worker${threads > 2 ? 's' : ''})`,
        `${seconds.toFixed(1)} s (${(seqSeconds / seconds).toFixed(2)}x faster), CPU ${cpuSeconds.toFixed(1)} s (replicates: ${stats.caller} caller, ${stats.workers} workers); ${differ} weights differ from one thread's; load average ${load0.toFixed(1)} -> ${load1.toFixed(1)}`,
      ],
    ];
    const tables = await tablesBench(result, inputs.answers);
    json.tables = tables;
    rows.push([
      'all standard tables on these weights',
      `${tables.tables} tables, ${tables.cells} cells: cold ${tables.coldSeconds.toFixed(1)} s (CPU ${tables.coldCpuSeconds.toFixed(1)} s), warm ${tables.warmSeconds.toFixed(1)} s (CPU ${tables.warmCpuSeconds.toFixed(1)} s)`,
    ]);
    if (bench.r !== false && spawnSync('Rscript', ['--version']).status === 0) {
      for (const [name, content] of Object.entries(
        rWeightingInputs(legacy.households, legacy.persons, legacy.controls, options),
      ))
        writeFileSync(join(dir, name), content);
      const out = join(dir, 'r.json');
      const r = spawnSync(
        'Rscript',
        ['tests/fixtures/weighting/replicates.R', dir, out, String(options.epsilon)],
        { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
      );
      const rSeconds = Number(/seconds: ([0-9.]+)/.exec(r.stdout)?.[1]);
      if (r.status !== 0 || !Number.isFinite(rSeconds)) {
        json.r = { error: `${r.stderr}`.slice(-2000) };
        rows.push([
          'R survey, same weighting and replicates',
          `failed: ${`${r.stderr}`.trim().split('\n').at(-1)}`,
        ]);
      } else {
        const got = JSON.parse(readFileSync(out, 'utf8')) as {
          replicates: Record<string, { w_hh: number[]; w_roster_final: number[]; w_person_final: number[] }>;
        };
        // largest relative difference of the final weights over every replicate (both converge to epsilon)
        let worst = 0;
        result.replicates.psus.forEach((label, j) => {
          const theirs = got.replicates[label];
          if (!theirs) return;
          const cmp = (ours: Float64Array, r: number[]) =>
            ours.forEach((v, i) => {
              const d = Math.abs(v - r[i]) / Math.max(1, Math.abs(r[i]));
              if (d > worst) worst = d;
            });
          cmp(result.replicates.hh[j], theirs.w_hh);
          cmp(result.replicates.roster[j], theirs.w_roster_final);
          cmp(result.replicates.person[j], theirs.w_person_final);
        });
        json.r = {
          seconds: rSeconds,
          replicates: Object.keys(got.replicates).length,
          maxRelativeDifference: worst,
        };
        rows.push([
          'R survey, same weighting and replicates',
          `${rSeconds.toFixed(1)} s (${(rSeconds / seconds).toFixed(1)}x Morabeza's time); weights agree to ${worst.toExponential(1)} (raking epsilon ${options.epsilon})`,
        ]);
      }
    }
    return { rows, json };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
