/**
 * The 1,000,000-record analysis benchmark (oracle/bench): rebuilds the synthetic survey from the
 * hash recipe, checks its checksums and R's estimates, and times the Taylor mean of a 12-level
 * variable, svyBy of a 4-level variable over 12 domains, and the same two with 80 jackknife
 * replicates, with peak memory. When Rscript is present it times R on the same data in the same
 * run (scripts/r/bench-analysis.R) and prints the ratio. Both sides do the same work in each
 * timer: R's bench codes country_birth and employment with factor() before svydesign, so this one
 * codes them (toFactor, cached per column) before its design too, each on its own timer, and the
 * estimates' timers (cold and warm) hold the estimates only.
 * Run alone: npx tsx bench/analysis.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyDesign, DataFrame, Estimate, SurveyDesign } from '../analysis/index.ts';
import { asSvrepDesign, svyBy, svyDesign, svyMean, toFactor } from '../analysis/index.ts';
import { checksums, genSynth, N_PSU, N_REPS, PSU_PER_STRATUM } from './analysis-synth.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCE = join(ROOT, 'tests', 'fixtures', 'oracle', 'bench', 'results_R_1000000.json');

interface Step {
  name: string;
  coldMs: number;
  /** CPU time of the cold run, every thread of the process (V8's compiler and GC included). */
  coldCpuMs: number;
  medianMs: number;
  rSeconds: number | null;
}

function time<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

/** One cold run (wall and CPU time), then the median of `warm` runs. */
function measure<T>(f: () => T, warm = 5): { value: T; coldMs: number; coldCpuMs: number; medianMs: number } {
  const cpu = process.cpuUsage();
  const cold = time(f);
  const used = process.cpuUsage(cpu);
  const runs: number[] = [];
  for (let k = 0; k < warm; k++) runs.push(time(f).ms);
  runs.sort((a, b) => a - b);
  return {
    value: cold.value,
    coldMs: cold.ms,
    coldCpuMs: (used.user + used.system) / 1000,
    medianMs: runs[Math.floor(runs.length / 2)],
  };
}

function maxRel(got: number[], want: number[]): number {
  let m = 0;
  want.forEach((w, j) => {
    m = Math.max(m, Math.abs(got[j] - w) / Math.abs(w));
  });
  return m;
}

function jk1Multipliers(): { table: DataFrame; columns: string[] } {
  const table: Record<string, Float64Array> = {
    psu: new Float64Array(N_PSU),
    stratum: new Float64Array(N_PSU),
  };
  const columns: string[] = [];
  for (let p = 0; p < N_PSU; p++) {
    table.psu[p] = (p % PSU_PER_STRATUM) + 1;
    table.stratum[p] = Math.floor(p / PSU_PER_STRATUM) + 1;
  }
  for (let r = 0; r < N_REPS; r++) {
    const c = new Float64Array(N_PSU);
    for (let p = 0; p < N_PSU; p++) c[p] = p % N_REPS === r ? 0 : N_REPS / (N_REPS - 1);
    table[`rep${r + 1}`] = c;
    columns.push(`rep${r + 1}`);
  }
  return { table, columns };
}

function runR(n: number): Record<string, number> | null {
  const probe = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  console.error('analysis: timing R survey on the same data (about a minute) ...');
  const r = spawnSync('Rscript', [join(ROOT, 'scripts', 'r', 'bench-analysis.R'), String(n)], {
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) {
    console.error(`analysis: R run failed: ${r.stderr.slice(0, 500)}`);
    return null;
  }
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line);
}

export async function runAnalysisBench(options: { n?: number; withR?: boolean } = {}) {
  const n = options.n ?? 1_000_000;
  console.error(`analysis: generating ${n.toLocaleString('en')} records ...`);
  const gen = time(() => genSynth(n));
  const data = gen.value;
  const sums = checksums(data);
  const ref = JSON.parse(readFileSync(REFERENCE, 'utf8')).reference;
  // As R's factor() before svydesign: coded once per column, outside the estimates' timers.
  const coding = time(() => {
    toFactor(data.country_birth);
    toFactor(data.employment);
  });
  const design = time(() =>
    svyDesign({ ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true }, data),
  );
  const d = design.value as SurveyDesign;
  const cb = { name: 'country_birth', factor: true };
  const emp = { name: 'employment', factor: true };
  const steps: Step[] = [];
  const results: Record<string, Estimate> = {};
  const run = (name: string, key: string, des: AnyDesign, f: (x: AnyDesign) => Estimate) => {
    const m = measure(() => f(des));
    results[key] = m.value;
    steps.push({ name, coldMs: m.coldMs, coldCpuMs: m.coldCpuMs, medianMs: m.medianMs, rSeconds: null });
  };
  run('Taylor svyMean(country_birth) [12 levels]', 'taylorMean', d, (x) => svyMean(cb, x));
  run('Taylor svyBy(employment, country_birth) [12 x 4]', 'taylorBy', d, (x) =>
    svyBy(emp, 'country_birth', x, 'mean', { naRm: true }),
  );
  const repDesign = time(() =>
    asSvrepDesign(d, { type: 'JK1', multipliers: jk1Multipliers(), scale: (N_REPS - 1) / N_REPS }),
  );
  run('Replicate svyMean(country_birth) [80 JK]', 'replicateMean', repDesign.value, (x) => svyMean(cb, x));
  run('Replicate svyBy(employment, country_birth) [80 JK]', 'replicateBy', repDesign.value, (x) =>
    svyBy(emp, 'country_birth', x, 'mean', { naRm: true }),
  );
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const agreement =
    n === 1_000_000
      ? {
          taylorMeanEst: maxRel(results.taylorMean.estimate, ref.taylor_mean_country_birth.est),
          taylorMeanSe: maxRel(results.taylorMean.se, ref.taylor_mean_country_birth.se),
          taylorBySe: maxRel(results.taylorBy.se, ref.taylor_by_cb_employment.se),
          replicateMeanSe: maxRel(results.replicateMean.se, ref.rep_mean_country_birth.se),
          replicateBySe: maxRel(results.replicateBy.se, ref.rep_by_cb_employment.se),
          checksumsMatch:
            Math.abs(sums.sumWeight - ref.checksums.sum_weight) < 1e-6 &&
            JSON.stringify(sums.countryBirthCounts) === JSON.stringify(ref.checksums.country_birth_counts) &&
            sums.employmentNa === ref.checksums.employment_na &&
            sums.incomeNa === ref.checksums.income_na &&
            sums.sumIncome === ref.checksums.sum_income,
        }
      : null;

  const r = options.withR === false ? null : runR(n);
  const rKeys = ['taylorMean', 'taylorBy', 'replicateMean', 'replicateBy'];
  if (r)
    steps.forEach((s, k) => {
      s.rSeconds = r[rKeys[k]];
    });
  const rows: Array<[string, string]> = [
    [
      `analysis data (${n.toLocaleString('en')} rows, hash recipe)`,
      `${gen.ms.toFixed(0)} ms; checksums ${agreement?.checksumsMatch ? 'match R' : 'NOT checked/matching'}`,
    ],
    [
      'analysis factors coded before the design, as R (2 columns)',
      `${coding.ms.toFixed(0)} ms cold${r ? ` (R factor() ${r.factor.toFixed(2)} s)` : ''}; not in the estimates' timers, on either side`,
    ],
    [
      'analysis svyDesign (40 strata, 2,000 PSUs, nest)',
      `${design.ms.toFixed(0)} ms${r ? ` (R ${r.design.toFixed(2)} s)` : ''}`,
    ],
    [
      'analysis JK1 design from PSU multipliers (80 reps)',
      `${repDesign.ms.toFixed(0)} ms${r ? ` (R svrepdesign ${r.replicateDesign.toFixed(2)} s)` : ''}`,
    ],
  ];
  for (const s of steps) {
    const ratio =
      s.rSeconds !== null
        ? `; R ${s.rSeconds.toFixed(2)} s = ${((s.rSeconds * 1000) / s.medianMs).toFixed(0)}x (cold ${((s.rSeconds * 1000) / s.coldMs).toFixed(0)}x)`
        : '';
    rows.push([
      `analysis ${s.name}`,
      `${s.medianMs.toFixed(0)} ms median, ${s.coldMs.toFixed(0)} ms cold (CPU ${s.coldCpuMs.toFixed(0)} ms)${ratio}`,
    ]);
  }
  rows.push(['analysis peak RSS (whole process so far)', `${peakRssMb.toFixed(0)} MB`]);
  if (agreement)
    rows.push([
      'analysis agreement with R (max relative diff)',
      `mean est ${agreement.taylorMeanEst.toExponential(1)}, SEs ${Math.max(agreement.taylorMeanSe, agreement.taylorBySe, agreement.replicateMeanSe, agreement.replicateBySe).toExponential(1)}`,
    ]);
  return {
    rows,
    json: {
      n,
      generateMs: gen.ms,
      factorCodingMs: coding.ms,
      designMs: design.ms,
      replicateDesignMs: repDesign.ms,
      steps,
      peakRssMb,
      agreement,
      r,
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const withR = !process.argv.includes('--no-r');
  const out = await runAnalysisBench({ withR });
  const width = Math.max(...out.rows.map(([k]) => k.length));
  for (const [k, v] of out.rows) console.log(`${k.padEnd(width)}  ${v}`);
}
