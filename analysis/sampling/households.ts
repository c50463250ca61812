/**
 * Second stage: systematic random sampling of m households from an EA's list of E eligible ones
 * (take-all when E <= m), pi2 = m / E.
 */
import { SamplingError } from './errors.ts';
import type { Uniform } from './rng.ts';

export interface HouseholdSelection {
  /** 0-based positions in the eligible list, increasing. */
  positions: number[];
  m: number;
  eligible: number;
  pi2: number;
  takeAll: boolean;
}

/** @example selectHouseholds(40, 15, seededUniform(7)) // 15 positions, pi2 = 0.375 */
export function selectHouseholds(
  eligible: number,
  take: number,
  uniform: Uniform,
  ea = 'EA',
): HouseholdSelection {
  if (!Number.isInteger(eligible) || eligible < 0)
    throw new SamplingError(
      `EA ${ea}: eligible count ${eligible} must be a whole number >= 0.`,
      'listing.invalid',
    );
  if (eligible === 0) return { positions: [], m: 0, eligible, pi2: 0, takeAll: true };
  const m = Math.min(take, eligible);
  if (m === eligible)
    return { positions: Array.from({ length: m }, (_, i) => i), m, eligible, pi2: 1, takeAll: true };
  const interval = eligible / m;
  const start = uniform() * interval;
  const positions = Array.from({ length: m }, (_, j) => Math.floor(start + j * interval));
  return { positions, m, eligible, pi2: m / eligible, takeAll: false };
}

/** A recorded selection must not exceed the eligible households it was drawn from. */
export function checkSelection(ea: string, eligible: number, selected: number): number {
  if (selected > eligible)
    throw new SamplingError(
      `EA ${ea}: ${selected} households selected but the listing has only ${eligible} eligible: select at most ${eligible} or correct the listing.`,
      'listing.over_selected',
    );
  if (selected < 1) throw new SamplingError(`EA ${ea}: no household selected.`, 'listing.none_selected');
  return selected / eligible;
}
