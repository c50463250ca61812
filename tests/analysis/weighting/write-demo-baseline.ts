/**
 * Rewrites tests/fixtures/weighting/baseline/demo.json.gz when the simulated demo changes: the weights of
 * the pipeline as it was before the weighting recipe (commit 0caa9c6, IPEI-specific, independent of the
 * recipe's pipeline) on today's demo, so that weights.test.ts keeps comparing the recipe to that older
 * implementation, not to itself. The old analysis/ is extracted from git, then run on the demo's weighting
 * inputs turned into its shape (one class per household, one nationality group per person):
 *   rm -rf /tmp/pre-recipe && mkdir /tmp/pre-recipe && git archive 0caa9c6 analysis | tar -x -C /tmp/pre-recipe
 *   npx tsx tests/analysis/weighting/write-demo-baseline.ts /tmp/pre-recipe [--check]
 * With --check it writes nothing and prints how far the old pipeline is from the committed file (run it
 * on an unchanged demo: 0 differences shows the conversion is faithful). The format is write-baseline.ts's
 * at 0caa9c6 (full sample, every step, no replicates).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { recipeValues } from '../../../analysis/weighting/index.ts';
import { loadWeightingInputs } from '../../../server/domain/weighting/inputs.ts';
import { weightingSurveyOf } from '../../../server/domain/weighting/weigh-survey.ts';
import { decideWithoutValidation, playFieldwork, startDemo } from '../../helpers/simulated-demo.ts';

const [oldRoot, flag] = process.argv.slice(2);
if (!oldRoot) throw new Error('usage: write-demo-baseline.ts <dir with the 0caa9c6 analysis/> [--check]');
const old = await import(join(oldRoot, 'analysis/weighting/index.ts'));
const root = new URL('../../..', import.meta.url).pathname;
const survey = weightingSurveyOf({ root, survey: 'ipei' });
const design = JSON.parse(readFileSync(join(root, 'questionnaires/ipei/design.json'), 'utf8'));
const file = join(root, 'tests/fixtures/weighting/baseline/demo.json.gz');

const dir = mkdtempSync(join(tmpdir(), 'morabeza-baseline-'));
const started = await startDemo(dir);
let inputs: Awaited<ReturnType<typeof loadWeightingInputs>>;
try {
  await decideWithoutValidation(started, await playFieldwork(started));
  inputs = await loadWeightingInputs(started.database.client, survey);
} finally {
  await started.close();
  rmSync(dir, { recursive: true, force: true });
}
const values = recipeValues(survey.recipe.variables);
const households = inputs.households.map((h) => ({
  id: h.id,
  ea: h.cluster,
  stratum: h.stratum,
  pi1: h.pi1,
  pi2: h.pi2,
  E: h.E,
  I: h.I,
  U: h.U,
  certainty: h.certainty,
  status: h.status,
  hhClass: h.values.hh_class ?? null,
}));
const stratumOf = new Map(inputs.households.map((h) => [h.id, h.stratum]));
const persons = inputs.persons.map((p) => ({
  id: p.id,
  householdId: p.householdId,
  eligible: p.eligible,
  sex: p.sex,
  age: p.age,
  natGroup: values({ ...p.values, stratum: stratumOf.get(p.householdId) ?? null, sex: p.sex, age: p.age })
    .nat_group,
  individual: p.individual,
  respondent: p.respondent,
}));
const result = old.runWeighting(
  households,
  persons,
  old.ipeiControls(design),
  old.ipeiOptions(design, false),
);

const num = (a: ArrayLike<number>) => Array.from(a, (x) => Number(x.toPrecision(15)));
type R = Record<string, unknown> & { id: string };
const hh = result.households as Array<R & Record<string, number>>;
const ps = result.persons as Array<R & Record<string, number>>;
const dump = {
  households: hh.map((h) => h.id),
  status: hh.map((h) => h.status),
  persons: ps.map((p) => p.id),
  w1_base: num(hh.map((h) => h.w1_base)),
  w2_elig: num(hh.map((h) => h.w2_elig)),
  w3_hhnr: num(hh.map((h) => h.w3_hhnr)),
  w_hh: num(hh.map((h) => h.w_hh)),
  person_w_hh: num(ps.map((p) => p.w_hh)),
  w4_ind: num(ps.map((p) => p.w4_ind)),
  w_roster_final: num(ps.map((p) => p.w_roster_final)),
  w_person_final: num(ps.map((p) => p.w_person_final)),
  varStratum: hh.map((h) => h.varStratum),
  psu: hh.map((h) => h.psu),
  replicates: null,
  report: {
    householdCells: result.report.householdCells,
    personCells: result.report.personCells,
    rosterTrimRounds: result.report.rosterRake.trimRounds,
    personTrimRounds: result.report.personRake.trimRounds,
    controls: result.report.controls.map((c: { weighted: number }) => ({
      ...c,
      weighted: Number(c.weighted.toPrecision(15)),
      difference: undefined,
    })),
  },
};
console.log(`${households.length} households, ${persons.length} persons`);
if (flag === '--check') {
  const committed = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  const fresh = JSON.parse(JSON.stringify(dump));
  const differ = Object.keys(fresh).filter((k) => JSON.stringify(fresh[k]) !== JSON.stringify(committed[k]));
  console.log(differ.length ? `differs in: ${differ.join(', ')}` : 'identical to the committed baseline');
} else {
  writeFileSync(file, gzipSync(`${JSON.stringify(dump)}\n`, { level: 9 }));
  console.log(`wrote ${file}`);
}
