/**
 * `npm run bench -- tables`: all the survey's standard tables (questionnaires/ipei/tables.json) on
 * the simulated demo's weights, alone: the demo's fieldwork, its weighting with JKn replicates
 * (worker threads, not timed here), then computeTables cold (the replicate df of every domain
 * computed) and warm (cached), wall and CPU time, as the weighting step does after the R check;
 * then cold again on a copy of the data with the ranks made on the other cores meanwhile
 * (server/jobs/rank-pool.ts), its output compared with the first; and the analyst's first request
 * after a weighting through the server's code, the tables made in the background (tables-after-weighting.ts).
 * `--tables-out=<file>` also writes every table as JSON, to compare two versions' output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { weightingSurveyOf } from '../server/domain/weighting/weigh-survey.ts';
import { runWeightingInThreads } from '../server/jobs/replicate-pool.ts';
import { demoInputs, tablesBench } from './weighting.ts';

export async function runTablesBench(
  options: { out?: string } = {},
): Promise<{ rows: Array<[string, string]>; json: unknown }> {
  const survey = weightingSurveyOf({ root: new URL('..', import.meta.url).pathname, survey: 'ipei' });
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-bench-tables-'));
  try {
    const inputs = await demoInputs(dir);
    const result = await runWeightingInThreads(
      inputs.households,
      inputs.persons,
      survey.recipe,
      survey.design,
      {
        threads: availableParallelism(),
      },
    );
    const load0 = loadavg()[0];
    const tables = await tablesBench(result, inputs.answers, {
      out: options.out,
      pool: true,
      afterWeighting: true,
    });
    const load1 = loadavg()[0];
    return {
      json: { ...tables, loadAverage1m: [load0, load1] },
      rows: [
        [
          'all standard tables on the demo weights',
          `${tables.tables} tables, ${tables.cells} cells: cold ${tables.coldSeconds.toFixed(1)} s (CPU ${tables.coldCpuSeconds.toFixed(1)} s), warm ${tables.warmSeconds.toFixed(1)} s (CPU ${tables.warmCpuSeconds.toFixed(1)} s); load average ${load0.toFixed(1)} -> ${load1.toFixed(1)}`,
        ],
        ...(tables.afterWeighting
          ? [
              [
                'first request after weighting (all tables, made in the background; goal <= 3 s)',
                `${tables.afterWeighting.firstSeconds.toFixed(1)} s from the run's data stored to the all-tables JSON (CPU of all threads ${tables.afterWeighting.firstCpuSeconds.toFixed(1)} s); then the screen's per-table requests ${tables.afterWeighting.perTableSeconds.toFixed(2)} s, the Excel ${tables.afterWeighting.xlsxSeconds.toFixed(1)} s; tables ${tables.afterWeighting.identical ? 'identical' : 'DIFFERENT'}`,
              ] as [string, string],
            ]
          : []),
        ...(tables.pooled
          ? [
              [
                'the same, cold, ranks also on the other cores',
                `${tables.pooled.seconds.toFixed(1)} s (CPU of all threads ${tables.pooled.cpu.toFixed(1)} s; ranks: ${tables.pooled.caller} caller, ${tables.pooled.workers} worker); output ${tables.pooled.identical ? 'identical' : 'DIFFERENT'}`,
              ] as [string, string],
            ]
          : []),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
