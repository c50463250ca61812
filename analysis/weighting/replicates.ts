/**
 * JKn replicate base weights: one replicate per PSU; the PSU's weight is set to 0 and the other PSUs
 * of its stratum are scaled by n_h / (n_h - 1) (rscale (n_h - 1) / n_h). A certainty cluster is a
 * stratum of its own with its units as PSUs (so a one-stage stratified design whose strata are
 * certainty clusters gets one replicate per unit, as R's as.svrepdesign(type = 'JKn') of
 * svydesign(ids = ~1, strata = ~cluster)). Strata with one PSU give no replicate. A certainty
 * cluster taken in full (every unit selected, pi2 = 1) was not sampled at all: it gets no replicate
 * and adds no variance, as R's as.svrepdesign(type = 'JKn') with an FPC of sampling fraction 1 there
 * (R leaves such a stratum out of the replicates). Partial takes of a certainty cluster keep the
 * rscale without FPC (R's default without fpc).
 * @see Wolter KM (2007) Introduction to Variance Estimation, 2nd ed., chapter 4.
 */
import type { UnitInput } from './types.ts';

export interface Replicate {
  varStratum: string;
  psu: string;
  rscale: number;
  w1: Float64Array;
}

export function varianceUnits(h: UnitInput): { varStratum: string; psu: string } {
  return h.certainty
    ? { varStratum: `${h.stratum}:${h.cluster}`, psu: h.id }
    : { varStratum: h.stratum, psu: h.cluster };
}

export function jknReplicates(
  households: readonly UnitInput[],
  w1: Float64Array,
): { replicates: Replicate[]; lonely: string[]; complete: string[] } {
  const units = households.map(varianceUnits);
  // certainty strata whose every unit was selected (pi2 = 1): no sampling, no variance
  const partial = new Set<string>();
  const certain = new Set<string>();
  households.forEach((h, i) => {
    if (!h.certainty) return;
    certain.add(units[i].varStratum);
    if (h.pi2 !== 1) partial.add(units[i].varStratum);
  });
  const complete = [...certain].filter((h) => !partial.has(h));
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
    if (complete.includes(h)) continue;
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
  return { replicates, lonely, complete };
}
