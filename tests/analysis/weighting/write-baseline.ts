/**
 * One-off: writes the weights of the pipeline as it was before the weighting recipe (commit 75052d9)
 * to tests/fixtures/weighting/baseline/: the replicate example (full sample, every step, all JKn
 * replicates) and the simulated demo (full sample, every step). The recipe's pipeline is compared to
 * these files at 1e-10 (recipe-baseline.test.ts, tests/simulate/weights.test.ts).
 * Run: npx tsx tests/analysis/weighting/write-baseline.ts [example|demo]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ipeiControls,
  ipeiOptions,
  runWeighting,
  type WeightingResult,
} from '../../../analysis/weighting/index.ts';
import { loadWeightingInputs } from '../../../server/domain/weighting/inputs.ts';
import { decideWithoutValidation, playFieldwork, startDemo } from '../../helpers/simulated-demo.ts';
import { controls, households, options, persons } from './replicates-example.ts';

const out = new URL('../../fixtures/weighting/baseline/', import.meta.url).pathname;
const num = (a: ArrayLike<number>) => Array.from(a, (x) => Number(x.toPrecision(15)));

function dump(result: WeightingResult, replicates: boolean) {
  return {
    households: result.households.map((h) => h.id),
    status: result.households.map((h) => h.status),
    persons: result.persons.map((p) => p.id),
    w1_base: num(result.households.map((h) => h.w1_base)),
    w2_elig: num(result.households.map((h) => h.w2_elig)),
    w3_hhnr: num(result.households.map((h) => h.w3_hhnr)),
    w_hh: num(result.households.map((h) => h.w_hh)),
    person_w_hh: num(result.persons.map((p) => p.w_hh)),
    w4_ind: num(result.persons.map((p) => p.w4_ind)),
    w_roster_final: num(result.persons.map((p) => p.w_roster_final)),
    w_person_final: num(result.persons.map((p) => p.w_person_final)),
    varStratum: result.households.map((h) => h.varStratum),
    psu: result.households.map((h) => h.psu),
    replicates: replicates
      ? {
          psus: result.replicates.psus,
          rscales: result.replicates.rscales,
          hh: result.replicates.hh.map(num),
          roster: result.replicates.roster.map(num),
          person: result.replicates.person.map(num),
        }
      : null,
    report: {
      householdCells: result.report.householdCells,
      personCells: result.report.personCells,
      rosterTrimRounds: result.report.rosterRake.trimRounds,
      personTrimRounds: result.report.personRake.trimRounds,
      controls: result.report.controls.map((c) => ({
        ...c,
        weighted: Number(c.weighted.toPrecision(15)),
        difference: undefined,
      })),
    },
  };
}

const write = (name: string, value: unknown) =>
  writeFileSync(join(out, name), gzipSync(`${JSON.stringify(value)}\n`, { level: 9 }));

const what = process.argv[2] ?? 'example';
if (what === 'example') {
  write('example.json.gz', dump(runWeighting(households, persons, controls, options), true));
} else {
  const design = JSON.parse(
    readFileSync(new URL('../../../questionnaires/ipei/design.json', import.meta.url), 'utf8'),
  );
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-baseline-'));
  const started = await startDemo(dir);
  try {
    await decideWithoutValidation(started, await playFieldwork(started));
    const inputs = await loadWeightingInputs(started.database.client);
    const t0 = Date.now();
    const result = runWeighting(
      inputs.households,
      inputs.persons,
      ipeiControls(design),
      ipeiOptions(design, false),
    );
    console.log(
      `weighting ${(Date.now() - t0) / 1000} s; ${inputs.households.length} households, ${inputs.persons.length} persons`,
    );
    write('demo.json.gz', dump(result, false));
  } finally {
    await started.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
