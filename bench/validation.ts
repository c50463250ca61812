/**
 * Validation speed, reference and fast side by side: survey-core's path (one reused model per version,
 * server/domain/answers-validation.ts) and the compiled plan (compiled-validation.ts) on the same
 * simulated IPEI households (half with planted problems), in interviews per second of wall time and per
 * CPU-second (per core, which stays meaningful on a loaded machine). The reference sees fewer
 * interviews because it needs seconds each; both rates are per interview. The verdicts of the two are
 * compared on every interview the reference saw. Last, the validator the worker uses (version-validator.ts)
 * on households as the demo simulates them, without corruptions. Run once per questionnaire version
 * (household.v2, and household.v3 with v3-shaped answers).
 */
import { readFileSync } from 'node:fs';
import { sampleInterviews, shapeOf } from '../scripts/validation/sample-interviews.ts';
import { createValidationModel, validateAnswers } from '../server/domain/answers-validation.ts';
import { validateCompiled } from '../server/domain/compiled-validation.ts';
import { compileValidationPlan } from '../server/domain/validation-plan.ts';
import { createVersionValidator } from '../server/domain/version-validator.ts';

interface Rate {
  interviews: number;
  seconds: number;
  perSecond: number;
  perCpuSecond: number;
}

function timed(n: number, run: (i: number) => void): Rate {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) run(i);
  const cpu = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  return {
    interviews: n,
    seconds,
    perSecond: n / seconds,
    perCpuSecond: n / ((cpu.user + cpu.system) / 1e6),
  };
}

export async function runValidationBench(
  options: { version?: string; reference?: number; fast?: number; demo?: number } = {},
) {
  const version = options.version ?? 'household.v2';
  const shape = shapeOf(version);
  const short = `IPEI ${version.replace('household.', '')}`;
  const referenceCount = options.reference ?? 20;
  const fastCount = options.fast ?? 2000;
  const json = JSON.parse(
    readFileSync(new URL(`../questionnaires/ipei/${version}.json`, import.meta.url), 'utf8'),
  );
  const sample = sampleInterviews(20261206, Math.max(referenceCount, fastCount), 0.5, shape);
  const model = createValidationModel(json);
  const plan = compileValidationPlan(json, model);
  if (!plan) throw new Error(`${version} has no compiled plan`);
  // warm both paths up on interviews outside the timed ones
  const warm = sampleInterviews(1, 30, 0.5, shape);
  for (const s of warm.slice(0, 2)) validateAnswers(model, s.answers);
  for (const s of warm) validateCompiled(plan, s.answers);
  const verdicts: string[] = [];
  const reference = timed(referenceCount, (i) => {
    const { errors, flagged, warnings } = validateAnswers(model, sample[i].answers);
    verdicts.push(JSON.stringify({ errors, flagged, warnings }));
  });
  let fallbacks = 0;
  const fast = timed(fastCount, (i) => {
    if (!validateCompiled(plan, sample[i].answers)) fallbacks++;
  });
  // what the validation worker runs (fast path, survey-core for what it does not cover) on households
  // as the demo's simulator makes them, without planted corruptions
  const demo = sampleInterviews(20261207, options.demo ?? 1000, 0, shape);
  const worker = createVersionValidator(json);
  for (const s of warm) worker.validate(s.answers);
  const asWorker = timed(demo.length, (i) => worker.validate(demo[i].answers));
  let differing = 0;
  for (let i = 0; i < referenceCount; i++) {
    const got = validateCompiled(plan, sample[i].answers);
    if (got && JSON.stringify(got) !== verdicts[i]) differing++;
  }
  const json_ = {
    reference,
    fast,
    asWorker,
    fallbacks,
    differing,
    ratio: fast.perCpuSecond / reference.perCpuSecond,
  };
  const rate = (r: Rate) =>
    `${r.perSecond.toFixed(1)}/s wall, ${r.perCpuSecond.toFixed(1)}/CPU-s (${r.interviews} in ${r.seconds.toFixed(1)} s)`;
  const rows: Array<[string, string]> = [
    [`validation, survey-core reference (${short})`, rate(reference)],
    [
      `validation, compiled plan (${short})`,
      `${rate(fast)}; ${json_.ratio.toFixed(0)}x per CPU-s, ${fallbacks} sent to survey-core, ${differing} verdicts differ`,
    ],
    [`validation as the worker runs it (${short} demo households)`, rate(asWorker)],
  ];
  return { rows, json: json_ };
}
