/**
 * Systematic PPS selection within one stratum, after sorting (implicit stratification), with
 * certainty units: a unit whose pi = n * MOS / sum(MOS) reaches 1 is taken with pi = 1 and n is
 * re-allocated among the others, repeatedly.
 * @see Cochran WG (1977) Sampling Techniques, 3rd ed., section 9A.4 (systematic PPS).
 */
import { SamplingError } from './errors.ts';
import type { Uniform } from './rng.ts';

export interface PpsUnit {
  id: string;
  mos: number;
}

export interface PpsResult {
  /** Inclusion probability of every unit of the stratum, in input order. */
  pi: number[];
  certainty: boolean[];
  /** Indices (input order) of the selected units, in selection order. */
  selected: number[];
}

/** Inclusion probabilities with certainty units; sums to n exactly. */
export function ppsProbabilities(mos: readonly number[], n: number): { pi: number[]; certainty: boolean[] } {
  const certainty = mos.map(() => false);
  let remaining = n;
  for (let pass = 0; pass <= mos.length; pass++) {
    const total = mos.reduce((s, m, i) => (certainty[i] ? s : s + m), 0);
    let changed = false;
    for (let i = 0; i < mos.length; i++)
      if (!certainty[i] && total > 0 && (remaining * mos[i]) / total >= 1) {
        certainty[i] = true;
        remaining--;
        changed = true;
      }
    if (!changed) {
      const pi = mos.map((m, i) => (certainty[i] ? 1 : total > 0 ? (remaining * m) / total : 0));
      return { pi, certainty };
    }
  }
  throw new Error('unreachable: certainty passes exceed the units');
}

/** Checks the measures of size: every one present, finite and not negative. */
export function checkMos(units: readonly PpsUnit[], stratum: string): void {
  for (const u of units)
    if (typeof u.mos !== 'number' || !Number.isFinite(u.mos) || u.mos < 0)
      throw new SamplingError(
        `EA ${u.id} (stratum ${stratum}) has a missing or negative measure of size (${u.mos}): fix the frame row.`,
        'frame.mos',
      );
}

/**
 * Systematic PPS of n units from `units` (already sorted for implicit stratification).
 * @example systematicPps([{ id: 'a', mos: 3 }, { id: 'b', mos: 1 }], 1, 'PR', seededUniform(1))
 */
export function systematicPps(
  units: readonly PpsUnit[],
  n: number,
  stratum: string,
  uniform: Uniform,
): PpsResult {
  checkMos(units, stratum);
  if (n > units.length)
    throw new SamplingError(
      `Stratum ${stratum} is allocated ${n} units but has only ${units.length}: lower its allocation to at most ${units.length}.`,
      'allocation.over',
    );
  const positive = units.filter((u) => u.mos > 0).length;
  if (n > positive)
    throw new SamplingError(
      `Stratum ${stratum} is allocated ${n} units but only ${positive} have a positive measure of size: floor the MOS (e.g. max(MOS, 0.5)) or lower the allocation.`,
      'allocation.over',
    );
  const { pi, certainty } = ppsProbabilities(
    units.map((u) => u.mos),
    n,
  );
  const selected: number[] = [];
  units.forEach((_, i) => {
    if (certainty[i]) selected.push(i);
  });
  const rest = n - selected.length;
  if (rest > 0) {
    // Cumulate the non-certainty probabilities (which sum to `rest`); unit i is hit by a point
    // start + k (k = 0..rest-1) when one falls in [cum_i, cum_i + pi_i).
    const start = uniform();
    let cum = 0;
    for (let i = 0; i < units.length; i++) {
      if (certainty[i]) continue;
      const k = Math.max(0, Math.ceil(cum - start));
      if (k < rest && start + k < cum + pi[i]) selected.push(i);
      cum += pi[i];
    }
  }
  return { pi, certainty, selected };
}
