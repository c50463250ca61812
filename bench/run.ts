/**
 * `npm run bench`: every benchmark of Morabeza, printed as a table and written as JSON to
 * bench/results/latest.json. Speed is measured here, never asserted in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { startSqld } from '../tests/helpers/sqld.ts';
import { runIntakeBench } from './intake.ts';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const wanted = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  at: new Date().toISOString(),
};
const rows: Array<[string, string]> = [];

if (wanted('intake')) {
  console.error('intake: 10,000 IPEI-sized uploads from 50 concurrent clients ...');
  const intake = await runIntakeBench();
  results.intake = intake;
  rows.push(
    [
      'intake throughput (50 clients, durable ack)',
      `${intake.perSecond.toFixed(0)} interviews/s (${intake.uploads} in ${intake.seconds.toFixed(1)} s, ${intake.errors} errors)`,
    ],
    ['intake latency p50 / p99', `${intake.p50Ms.toFixed(1)} ms / ${intake.p99Ms.toFixed(1)} ms`],
    ['median envelope size', `${intake.medianEnvelopeKb.toFixed(1)} KB`],
    [
      'validation job (survey-core headless)',
      `${intake.validation.perSecond.toFixed(1)} interviews/s (${intake.validation.interviews} in ${intake.validation.seconds.toFixed(1)} s)`,
    ],
  );
}

if (wanted('validation')) {
  console.error('validation: simulated IPEI households, survey-core reference and compiled plan ...');
  const { runValidationBench } = await import('./validation.ts');
  const validation = await runValidationBench();
  results.validation = validation.json;
  rows.push(...validation.rows);
  const v3 = await runValidationBench({ version: 'household.v3' });
  results.validationV3 = v3.json;
  rows.push(...v3.rows);
}

if (wanted('intake-sqld')) {
  console.error('intake on a libSQL server (sqld on loopback, ws://): 5,000 uploads from 50 clients ...');
  const sqld = await startSqld({ auth: true });
  try {
    // WebSocket (Hrana over ws): one connection, no HTTP round trip per statement
    const url = sqld.url.replace(/^http:/, 'ws:');
    const remote = await runIntakeBench({
      uploads: 5_000,
      validate: 0,
      database: { url, authToken: sqld.token },
    });
    results.intakeSqld = remote;
    rows.push(
      [
        'intake on sqld (50 clients)',
        `${remote.perSecond.toFixed(0)} interviews/s (${remote.uploads} in ${remote.seconds.toFixed(1)} s, ${remote.errors} errors)`,
      ],
      ['intake on sqld latency p50 / p99', `${remote.p50Ms.toFixed(1)} ms / ${remote.p99Ms.toFixed(1)} ms`],
    );
  } finally {
    await sqld.dispose();
  }
}

if (wanted('start')) {
  // a newcomer's wait: `npm start` (build, empty database, demo fieldwork, weighting) to every table
  console.error('start: npm start on an empty database until every standard table of the demo ...');
  const { runStartToTablesBench } = await import('./start-to-tables.ts');
  const start = await runStartToTablesBench();
  results.startToTables = start;
  rows.push([
    `npm start to all ${start.tables} standard tables (${start.survey}; goal <= 120 s)`,
    `${start.tablesSeconds.toFixed(1)} s (server up ${start.serverUpSeconds.toFixed(1)} s, weighted ${start.weightedSeconds.toFixed(1)} s)`,
  ]);
}

if (wanted('tablet')) {
  // the tablet app in Chromium: bundle size, opening offline, page changes with a 10-person roster
  const { runTabletBench } = (await import('../tests/e2e/tablet-bench.ts')) as {
    runTabletBench: () => Promise<{ rows: Array<[string, string]>; json: unknown }>;
  };
  const tablet = await runTabletBench();
  results.tablet = tablet.json;
  rows.push(...tablet.rows);
}

if (wanted('tablet-crypto')) {
  console.error('tablet-crypto: sealing an IPEI draft per autosave, Node and Chromium at CPU 4x ...');
  const { runTabletCryptoBench } = await import('./tablet-crypto.ts');
  const crypt = await runTabletCryptoBench();
  results.tabletCrypto = crypt.json;
  rows.push(...crypt.rows);
}

if (wanted('analysis')) {
  const path = './analysis.ts';
  try {
    const mod = (await import(path)) as {
      runAnalysisBench?: (options: {
        withR?: boolean;
      }) => Promise<{ rows: Array<[string, string]>; json: unknown }>;
    };
    if (mod.runAnalysisBench) {
      const analysis = await mod.runAnalysisBench({ withR: !args.includes('--no-r') });
      results.analysis = analysis.json;
      rows.push(...analysis.rows);
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}

if (wanted('degf')) {
  const { runDegfBench } = await import('./degf.ts');
  const d = runDegfBench();
  results.degf = d.json;
  rows.push(...d.rows);
}

if (wanted('weighting')) {
  console.error(
    'weighting: the simulated demo with its JKn replicates, then R survey on the same inputs ...',
  );
  const { runWeightingBench } = await import('./weighting.ts');
  const weighting = await runWeightingBench({ r: !args.includes('--no-r') });
  results.weighting = weighting.json;
  rows.push(...weighting.rows);
}

if (wanted('tables')) {
  console.error('tables: the standard tables on the simulated demo weights (weighting not timed) ...');
  const { runTablesBench } = await import('./tables.ts');
  const out = args.find((a) => a.startsWith('--tables-out='))?.slice('--tables-out='.length);
  const tables = await runTablesBench({ out });
  results.tables = tables.json;
  rows.push(...tables.rows);
}

const width = Math.max(...rows.map(([k]) => k.length));
console.log(
  `\nMorabeza benchmarks (${results.machine && (results.machine as { cpus: number }).cpus} cores, Node ${process.version})`,
);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench/results/latest.json');
