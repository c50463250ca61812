/**
 * The 1,000,000-record benchmark survey of oracle/bench/gen_synth.R, rebuilt in TypeScript from
 * the same integer hash (lowbias32), so TypeScript and R analyse exactly the same records.
 */
import type { DataFrame } from '../analysis/index.ts';

/** Chris Wellons' lowbias32 on unsigned 32-bit integers. */
export function lowbias32(key: number): number {
  let x = key >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

const TWO32 = 4294967296;
/** u(key) = (lowbias32(key mod 2^32) + 0.5) / 2^32. Keys above 2^32 wrap as in R's x %% 2^32. */
export function u01(key: number): number {
  return (lowbias32(key % TWO32) + 0.5) / TWO32;
}

export const N_STRATA = 40;
export const PSU_PER_STRATUM = 50;
export const N_PSU = N_STRATA * PSU_PER_STRATUM;
export const N_REPS = 80;

export const CAT_SPEC: [string, number, number][] = [
  ['sex', 2, 1],
  ['age_group', 6, 2],
  ['country_birth', 12, 3],
  ['reason_migration', 5, 4],
  ['years_residence', 5, 5],
  ['employment', 4, 6],
  ['education', 5, 7],
  ['language', 4, 8],
  ['citizenship', 3, 9],
];

/** Generates the survey: numeric columns, NaN for missing. */
export function genSynth(N = 1_000_000): DataFrame {
  const rowsPerPsu = Math.ceil(N / N_PSU);
  const cols: Record<string, Float64Array> = {};
  const mk = (name: string) => {
    cols[name] = new Float64Array(N);
    return cols[name];
  };
  const stratum = mk('stratum');
  const psu = mk('psu');
  const psuId = mk('psu_id');
  const region = mk('region');
  const weight = mk('weight');
  const cats = CAT_SPEC.map(([name]) => mk(name));
  const income = mk('income');
  const repGroup = mk('rep_group');
  // PSU-level uniforms, cached per PSU and column slot.
  const slots = [0, ...CAT_SPEC.map((c) => c[2]), 30];
  const up = new Float64Array(N_PSU * 64);
  for (let p = 0; p < N_PSU; p++) for (const j of slots) up[p * 64 + j] = u01(100000000 + p * 64 + j);
  for (let i = 0; i < N; i++) {
    const p = Math.min(Math.floor(i / rowsPerPsu), N_PSU - 1);
    const s = Math.floor(p / PSU_PER_STRATUM) + 1;
    stratum[i] = s;
    psu[i] = (p % PSU_PER_STRATUM) + 1;
    psuId[i] = p + 1;
    region[i] = ((s - 1) % 8) + 1;
    const key = i * 64;
    weight[i] = (20 + 5 * (s % 7)) * (0.75 + 0.5 * up[p * 64]) * (0.8 + 0.4 * u01(key));
    for (let c = 0; c < CAT_SPEC.length; c++) {
      const [, k, j] = CAT_SPEC[c];
      const t = 0.6 * u01(key + j) + 0.4 * up[p * 64 + j];
      cats[c][i] = Math.floor(k * t) + 1;
    }
    if (u01(key + 21) < 0.03) cols.employment[i] = Number.NaN;
    if (u01(key + 22) < 0.03) cols.education[i] = Number.NaN;
    const inc = Math.round(1000 * (1 + 3 * -Math.log(u01(key + 30))) * (0.8 + 0.4 * up[p * 64 + 30]));
    income[i] = u01(key + 31) < 0.05 ? Number.NaN : inc;
    repGroup[i] = p % N_REPS;
  }
  return cols;
}

/** The checksums of oracle/bench/README.md. */
export function checksums(df: DataFrame) {
  const w = df.weight as Float64Array;
  const cb = df.country_birth as Float64Array;
  const emp = df.employment as Float64Array;
  const inc = df.income as Float64Array;
  let sumW = 0;
  let empNa = 0;
  let incNa = 0;
  let sumInc = 0;
  const counts = new Array(12).fill(0);
  for (let i = 0; i < w.length; i++) {
    sumW += w[i];
    counts[cb[i] - 1]++;
    if (Number.isNaN(emp[i])) empNa++;
    if (Number.isNaN(inc[i])) incNa++;
    else sumInc += inc[i];
  }
  return {
    n: w.length,
    sumWeight: sumW,
    countryBirthCounts: counts,
    employmentNa: empNa,
    incomeNa: incNa,
    sumIncome: sumInc,
  };
}
