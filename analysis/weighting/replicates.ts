/**
 * JKn replicate base weights: one replicate per PSU; the PSU's weight is set to 0 and the other PSUs
 * of its stratum are scaled by n_h / (n_h - 1) (rscale (n_h - 1) / n_h). Certainty EAs are their own
 * strata with households as PSUs (ipei.md 5.9 step 7). Strata with one PSU give no replicate.
 * @see Wolter KM (2007) Introduction to Variance Estimation, 2nd ed., chapter 4.
 */
import type { HouseholdInput } from './types.ts';

export interface Replicate {
  varStratum: string;
  psu: string;
  rscale: number;
  w1: Float64Array;
}

export function varianceUnits(h: HouseholdInput): { varStratum: string; psu: string } {
  return h.certainty
    ? { varStratum: `${h.stratum}:${h.ea}`, psu: h.id }
    : { varStratum: h.stratum, psu: h.ea };
}

export function jknReplicates(
  households: readonly HouseholdInput[],
  w1: Float64Array,
): { replicates: Replicate[]; lonely: string[] } {
  const units = households.map(varianceUnits);
  const psus = new Map<string, string[]>();
  for (const u of units) {
    const list = psus.get(u.varStratum) ?? [];
    if (!list.includes(u.psu)) list.push(u.psu);
    psus.set(u.varStratum, list);
  }
  const replicates: Replicate[] = [];
  const lonely: string[] = [];
  for (const [h, list] of psus) {
    const n = list.length;
    if (n < 2) {
      lonely.push(h);
      continue;
    }
    for (const psu of list) {
      const w = Float64Array.from(w1, (v, i) => {
        if (units[i].varStratum !== h) return v;
        return units[i].psu === psu ? 0 : (v * n) / (n - 1);
      });
      replicates.push({ varStratum: h, psu, rscale: (n - 1) / n, w1: w });
    }
  }
  return { replicates, lonely };
}
