/** A synthetic listing of one EA (ipei.md 5.3, 5.6): dwellings with screening dispositions 1-6. */
import type { FrameRow } from './frame-row.ts';
import { drawNationality, hhClassOf, poisson, type Rand } from './population.ts';

export interface SyntheticListing {
  dwellings: Array<{
    l01_dwelling: number;
    l03_visits: number;
    l05_disposition: number;
    l06_households?: number;
    l08_residents?: number;
    b02_foreign_nat?: number;
    b03_stateless?: number;
    b04_foreign_born?: number;
  }>;
  /** Nationality of the eligible dwellings' screener respondent, by dwelling number. */
  nationality: Record<string, string>;
  classes: Record<string, string>;
}

export function syntheticListing(r: Rand, ea: FrameRow): SyntheticListing {
  const n = Math.max(20, Math.round(ea.households_2021 * (0.9 + 0.2 * r())));
  const foreign = Math.min(
    n,
    Math.max(
      0,
      Math.round(ea.foreign_hh_2021 * (0.85 + 0.3 * r())) + (ea.foreign_hh_2021 === 0 ? poisson(r, 0.3) : 0),
    ),
  );
  const unknownRate = ['PR', 'SL'].includes(ea.stratum) ? 0.1 : 0.06;
  const eligibleAt = new Set<number>();
  while (eligibleAt.size < foreign) eligibleAt.add(1 + Math.floor(r() * n));
  const out: SyntheticListing = { dwellings: [], nationality: {}, classes: {} };
  for (let d = 1; d <= n; d++) {
    const u = r();
    if (u < 0.05) {
      out.dwellings.push({ l01_dwelling: d, l03_visits: 1, l05_disposition: r() < 0.7 ? 5 : 6 });
      continue;
    }
    if (u < 0.05 + unknownRate) {
      out.dwellings.push({ l01_dwelling: d, l03_visits: 3, l05_disposition: r() < 0.6 ? 3 : 4 });
      continue;
    }
    const eligible = eligibleAt.has(d);
    out.dwellings.push({
      l01_dwelling: d,
      l03_visits: 1 + Math.floor(r() * r() * 3),
      l05_disposition: eligible ? 1 : 2,
      l06_households: 1,
      l08_residents: 1 + poisson(r, 2.2),
      b02_foreign_nat: eligible ? 1 : 2,
      b03_stateless: 2,
      b04_foreign_born: eligible || r() < 0.05 ? 1 : 2,
    });
    if (eligible) {
      const nat = drawNationality(r, ea.stratum);
      out.nationality[String(d)] = nat;
      out.classes[String(d)] = hhClassOf(nat);
    }
  }
  return out;
}
