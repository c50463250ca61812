/**
 * The weighting pipeline at the demo's scale: the simulated IPEI fieldwork (120 EAs, ~1,400 selected
 * households, all complete interviews approved) weighted with its 461 JKn replicates, each redoing
 * steps 2-6. When Rscript is present, R survey does the same from the same inputs
 * (tests/fixtures/weighting/replicates.R: as.svrepdesign JKn, postStratify, calibrate raking with
 * bounds and the trimming loop per replicate), timed in the same run, and the two sets of weights
 * are compared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collapseCells } from '../analysis/weighting/cells.ts';
import {
  type HouseholdInput,
  ipeiControls,
  ipeiOptions,
  type PersonInput,
  runWeighting,
} from '../analysis/weighting/index.ts';
import { loadWeightingInputs } from '../server/domain/weighting/inputs.ts';
import { parseEnv } from '../server/env.ts';
import { DEMO_SEED, loadIpeiFrame } from '../server/seed/demo.ts';
import { demoApi } from '../server/seed/demo-api.ts';
import { reviewInterviews, simulateFieldwork } from '../server/seed/simulate/fieldwork.ts';
import { startMorabeza } from '../server/startup.ts';

const design = JSON.parse(
  readFileSync(new URL('../questionnaires/ipei/design.json', import.meta.url), 'utf8'),
);

/** The simulated demo's weighting inputs (validation replaced by an SQL update, as in tests/simulate). */
async function demoInputs(dir: string) {
  const parsed = parseEnv({
    DATABASE_URL: `file:${join(dir, 'm.db')}`,
    MORABEZA_CLIENT_DIR: join(dir, 'none'),
    MORABEZA_DEMO_FIELDWORK: 'false',
    MORABEZA_WEIGHTS_DIR: join(dir, 'weights'),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const started = await startMorabeza(parsed.env, { runJobs: false });
  try {
    const api = demoApi(started.app);
    const listed = new Set(
      (await started.database.client.execute('select ea_code from ea_listings')).rows.map((r) =>
        String(r.ea_code),
      ),
    );
    const eas = loadIpeiFrame()
      .rows.filter((r) => listed.has(r.ea_id))
      .map((row) => ({ row }));
    const summary = await simulateFieldwork(api, {
      seed: DEMO_SEED,
      password: 'demo',
      eas,
      listing: async () => {
        throw new Error('listed');
      },
      listed: true,
    });
    await started.database.client.execute("update interviews set status = 'validated'");
    await reviewInterviews(api, summary.pending, 'demo', summary);
    return await loadWeightingInputs(started.database.client);
  } finally {
    await started.close();
  }
}

const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (fields: readonly string[], rows: unknown[][]) =>
  `${[fields.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n')}\n`;

function writeRInputs(dir: string, households: HouseholdInput[], persons: PersonInput[]) {
  const options = ipeiOptions(design, true);
  const hhFields = [
    'id',
    'ea',
    'stratum',
    'pi1',
    'pi2',
    'E',
    'I',
    'U',
    'certainty',
    'status',
    'hhClass',
  ] as const;
  const pFields = [
    'id',
    'householdId',
    'eligible',
    'sex',
    'age',
    'natGroup',
    'individual',
    'respondent',
  ] as const;
  writeFileSync(
    join(dir, 'households.csv'),
    csv(
      hhFields,
      households.map((h) => hhFields.map((f) => h[f])),
    ),
  );
  writeFileSync(
    join(dir, 'persons.csv'),
    csv(
      pFields,
      persons.map((p) => pFields.map((f) => p[f])),
    ),
  );
  writeFileSync(join(dir, 'controls.json'), JSON.stringify(ipeiControls(design)));
  writeFileSync(join(dir, 'options.json'), JSON.stringify(options));
  const stratumOf = new Map(households.map((h) => [h.id, h.stratum]));
  const ageBreaks = options.ageBreaks;
  const group = (age: number) => {
    let k = 0;
    for (let i = 0; i < ageBreaks.length; i++) if (age >= ageBreaks[i]) k = i;
    return k === ageBreaks.length - 1 ? `${ageBreaks[k]}+` : `${ageBreaks[k]}-${ageBreaks[k + 1] - 1}`;
  };
  const cells = {
    household: Object.fromEntries(
      collapseCells(
        households
          .filter((h) => h.status !== 'ineligible')
          .map((h) => ({ stratum: h.stratum, cls: h.hhClass, respondent: h.status === 'respondent' })),
        options.collapseBelow,
      ),
    ),
    person: Object.fromEntries(
      collapseCells(
        persons
          .filter((p) => p.individual)
          .map((p) => ({
            stratum: stratumOf.get(p.householdId) as string,
            cls: `${p.sex}:${group(p.age)}`,
            respondent: p.respondent,
          })),
        options.collapseBelow,
      ),
    ),
  };
  writeFileSync(join(dir, 'cells.json'), JSON.stringify(cells));
}

export async function runWeightingBench(): Promise<{ rows: Array<[string, string]>; json: unknown }> {
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-bench-weighting-'));
  try {
    const { households, persons } = await demoInputs(dir);
    const controls = ipeiControls(design);
    const options = ipeiOptions(design, true);
    let t0 = performance.now();
    runWeighting(households, persons, controls, { ...options, replicates: false });
    const passMs = performance.now() - t0;
    t0 = performance.now();
    const result = runWeighting(households, persons, controls, options);
    const seconds = (performance.now() - t0) / 1000;
    const reps = result.replicates.hh.length;
    const json: Record<string, unknown> = {
      households: households.length,
      respondents: result.report.sample.respondents,
      persons: persons.length,
      replicates: reps,
      unboundedFallback: result.report.replicates.unboundedFallback,
      onePassMs: passMs,
      seconds,
    };
    const rows: Array<[string, string]> = [
      [
        'weighting, full sample (one pass)',
        `${passMs.toFixed(0)} ms (${result.report.sample.respondents} responding households, ${persons.length} persons)`,
      ],
      [
        'weighting with JKn replicates',
        `${seconds.toFixed(1)} s (${reps} replicates, each redoing steps 2-6)`,
      ],
    ];
    if (spawnSync('Rscript', ['--version']).status === 0) {
      writeRInputs(dir, households, persons);
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
