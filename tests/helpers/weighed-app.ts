/**
 * An API node whose weighting runs are real (rows, states, heartbeats, stored data) but whose
 * computation is a stand-in: it returns the WeightedData fixture (tests/fixtures/tables), optionally
 * with the household weights changed, or never ends (a node killed mid-run). The pipeline itself is
 * tested elsewhere (tests/analysis/weighting, tests/demo/surveys/ipei/weights.test.ts).
 */
import { createApp } from '../../server/app.ts';
import type { WeighingSummary } from '../../server/contract/weighting.ts';
import type { Database } from '../../server/db/client.ts';
import {
  createWeightingRuns,
  type WeighFn,
  type WeightingRuns,
  type WeightingRunsOptions,
} from '../../server/domain/weighting/runs.ts';
import { loadWeightedData } from '../../server/storage/weighted-data.ts';
import { testAppOptions } from './analysis-app.ts';

/** The fixture's weighted data; `factor` multiplies the first household's final weight (another run). */
export function fixtureData(factor = 1) {
  const data = loadWeightedData('tests/fixtures/tables');
  const w = data.meta.households.weights.household.weights;
  const column = Float64Array.from(data.households[w] as Float64Array);
  column[0] *= factor;
  return { ...data, households: { ...data.households, [w]: column } };
}

export function stubWeigh(next: () => number | 'hang'): WeighFn {
  return async (_inputs, options) => {
    const factor = next();
    if (factor === 'hang') return new Promise(() => {});
    const summary: WeighingSummary = {
      survey: options.survey,
      generatedAt: new Date().toISOString(),
      seconds: 0,
      households: 3,
      respondents: 3,
      eligiblePersons: 0,
      individualRespondents: 0,
      replicates: 12,
      failedReplicates: 0,
      unboundedReplicates: 0,
      maxControlDifference: 0,
      skipped: 0,
      files: [],
    };
    return {
      summary,
      report: { factor },
      markdown: `# run with factor ${factor}\n`,
      data: fixtureData(factor),
    };
  };
}

export interface WeighedNode {
  app: ReturnType<typeof createApp>;
  weighting: WeightingRuns;
  call: (method: string, path: string, token: string, body?: unknown) => Promise<Response>;
}

export function weighedNode(
  database: Database,
  weigh: WeighFn,
  runs: Pick<WeightingRunsOptions, 'heartbeatMs' | 'staleMs' | 'onBegin' | 'onStored'> = {},
): WeighedNode {
  const weighting = createWeightingRuns(database, { outDir: '/nonexistent', source: 'test', weigh, ...runs });
  const app = createApp({ ...testAppOptions(database), weighting });
  const call: WeighedNode['call'] = (method, path, token, body) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return { app, weighting, call };
}

/** Polls the run state on a node until it is final. */
export async function finalState(node: WeighedNode, token: string, survey: string) {
  for (;;) {
    const status = await (await node.call('GET', `/api/weighting/${survey}`, token)).json();
    if (!['queued', 'running'].includes(status.state)) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}
