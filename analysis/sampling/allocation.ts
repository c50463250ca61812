/**
 * Allocation of the first-stage sample to strata: proportional to a power of a size
 * (e.g. the square root of the population of interest), with a minimum per stratum, rounded by largest remainder.
 */
import { SamplingError } from './errors.ts';

export interface StratumSize {
  stratum: string;
  /** The size the allocation is proportional to (before the power), e.g. foreign persons. */
  size: number;
  /** Units in the frame: the allocation may not exceed it. */
  units: number;
}

export interface AllocationOptions {
  total: number;
  /** 0.5 = square root (a compromise between equal and proportional), 1 = proportional, 0 = equal. */
  power?: number;
  minimum?: number;
}

/**
 * @example allocate([{ stratum: 'PR', size: 4154, units: 239 }, ...], { total: 120, power: 0.5, minimum: 3 })
 */
export function allocate(strata: readonly StratumSize[], options: AllocationOptions): Record<string, number> {
  const power = options.power ?? 0.5;
  const minimum = options.minimum ?? 0;
  const { total } = options;
  const units = strata.reduce((s, h) => s + h.units, 0);
  if (total > units)
    throw new SamplingError(
      `Total sample ${total} exceeds the ${units} units of the frame: lower the total.`,
      'allocation.over',
    );
  for (const h of strata) {
    if (!(h.size >= 0))
      throw new SamplingError(
        `Stratum ${h.stratum}: size ${h.size} is missing or negative.`,
        'allocation.size',
      );
    if (minimum > h.units)
      throw new SamplingError(
        `Stratum ${h.stratum} has ${h.units} units, fewer than the minimum ${minimum}: lower the minimum or merge the stratum.`,
        'allocation.over',
      );
  }
  const out: Record<string, number> = Object.fromEntries(strata.map((h) => [h.stratum, minimum]));
  // Iteratively: strata that hit their minimum or their frame size are fixed; the rest share what is left.
  let free = strata.filter(() => true);
  for (let pass = 0; pass < strata.length + 1; pass++) {
    const fixed = strata.filter((h) => !free.includes(h)).reduce((s, h) => s + out[h.stratum], 0);
    const left = total - fixed;
    const mass = free.reduce((s, h) => s + h.size ** power, 0);
    const raw = free.map((h) => (mass > 0 ? (left * h.size ** power) / mass : left / free.length));
    const capped = free.filter((h, i) => raw[i] < minimum || raw[i] > h.units);
    if (!capped.length) {
      const base = raw.map(Math.floor);
      let rest = left - base.reduce((s, v) => s + v, 0);
      const order = raw
        .map((v, i) => [v - Math.floor(v), i] as const)
        .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      for (const [, i] of order) {
        if (rest <= 0) break;
        if (base[i] < free[i].units) {
          base[i]++;
          rest--;
        }
      }
      free.forEach((h, i) => {
        out[h.stratum] = base[i];
      });
      return out;
    }
    for (const h of capped) {
      const i = free.indexOf(h);
      out[h.stratum] = raw[i] < minimum ? minimum : h.units;
    }
    free = free.filter((h) => !capped.includes(h));
  }
  throw new SamplingError('Allocation did not settle: check the sizes and the minimum.', 'allocation.failed');
}

/** Checks a given allocation against the frame: every stratum known, none over its units. */
export function checkAllocation(
  allocation: Record<string, number>,
  unitsPerStratum: Record<string, number>,
): void {
  for (const [stratum, n] of Object.entries(allocation)) {
    const units = unitsPerStratum[stratum];
    if (units === undefined)
      throw new SamplingError(
        `Stratum ${stratum} is allocated ${n} units but has none in the frame: fix the stratum code.`,
        'allocation.unknown',
      );
    if (!Number.isInteger(n) || n < 1)
      throw new SamplingError(
        `Stratum ${stratum}: allocation ${n} must be a whole number of at least 1.`,
        'allocation.invalid',
      );
    if (n > units)
      throw new SamplingError(
        `Stratum ${stratum} is allocated ${n} units but has only ${units} in the frame: lower its allocation to at most ${units}.`,
        'allocation.over',
      );
  }
}
