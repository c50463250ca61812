/**
 * Nonresponse adjustment in weighting classes (ratio of the weight of all eligible units to that of
 * the respondents), with a collapsing rule: within a stratum, a cell with fewer than `minimum`
 * respondents is merged with the smallest other cell of the stratum until every cell reaches it.
 * @see Kalton G, Flores-Cervantes I (2003) Weighting methods. J Off Stat 19:81-97.
 */
import { WeightingError } from './errors.ts';
import type { CellFactor } from './types.ts';

export interface CellUnit {
  stratum: string;
  cls: string | null;
  respondent: boolean;
}

/** Maps each original cell 'stratum|class' to its collapsed cell, decided on the unweighted counts. */
export function collapseCells(units: readonly CellUnit[], minimum: number): Map<string, string> {
  const byStratum = new Map<string, Map<string, number>>();
  for (const u of units) {
    const cells = byStratum.get(u.stratum) ?? new Map<string, number>();
    const key = u.cls ?? '(unknown)';
    cells.set(key, (cells.get(key) ?? 0) + (u.respondent ? 1 : 0));
    byStratum.set(u.stratum, cells);
  }
  const map = new Map<string, string>();
  for (const [stratum, cells] of byStratum) {
    let groups = [...cells].map(([cls, n]) => ({ members: [cls], n }));
    groups.sort((a, b) => a.n - b.n || a.members[0].localeCompare(b.members[0]));
    while (groups.length > 1 && groups[0].n < minimum) {
      const [a, b, ...rest] = groups;
      groups = [{ members: [...a.members, ...b.members], n: a.n + b.n }, ...rest];
      groups.sort((x, y) => x.n - y.n || x.members[0].localeCompare(y.members[0]));
    }
    for (const g of groups) {
      const name = `${stratum}|${[...g.members].sort().join('+')}`;
      for (const cls of g.members) map.set(`${stratum}|${cls}`, name);
    }
  }
  return map;
}

export const cellOf = (u: CellUnit) => `${u.stratum}|${u.cls ?? '(unknown)'}`;

/**
 * Nonresponse factors per collapsed cell: sum(w, eligible) / sum(w, respondents); respondents get
 * w * factor, nonrespondents 0. An eligible cell without any respondent weight is an error.
 */
export function nonresponseAdjust(
  units: readonly CellUnit[],
  w: Float64Array,
  cells: Map<string, string>,
  what: string,
): { adjusted: Float64Array; factors: CellFactor[] } {
  const all = new Map<string, number>();
  const resp = new Map<string, number>();
  const nAll = new Map<string, number>();
  const nResp = new Map<string, number>();
  const members = new Map<string, Set<string>>();
  const cellIds = units.map((u, i) => {
    const c = cells.get(cellOf(u));
    if (!c) throw new WeightingError(`${what}: unit in unknown cell ${cellOf(u)}.`, 'weighting.cell');
    all.set(c, (all.get(c) ?? 0) + w[i]);
    return c;
  });
  units.forEach((u, i) => {
    const c = cellIds[i];
    nAll.set(c, (nAll.get(c) ?? 0) + 1);
    if (!members.has(c)) members.set(c, new Set());
    members.get(c)?.add(cellOf(u));
    if (u.respondent) {
      resp.set(c, (resp.get(c) ?? 0) + w[i]);
      nResp.set(c, (nResp.get(c) ?? 0) + 1);
    }
  });
  const factors: CellFactor[] = [];
  const f = new Map<string, number>();
  for (const [c, total] of all) {
    const r = resp.get(c) ?? 0;
    if (total > 0 && !(r > 0))
      throw new WeightingError(
        `${what}: weighting class ${c} has eligible units but no responding one (empty class): collapse it with another class or lower the minimum.`,
        'weighting.empty_cell',
      );
    const factor = total > 0 ? total / r : 1;
    f.set(c, factor);
    factors.push({
      cell: c,
      members: [...(members.get(c) ?? [])].sort(),
      respondents: nResp.get(c) ?? 0,
      eligible: nAll.get(c) ?? 0,
      factor,
    });
  }
  const adjusted = Float64Array.from(units, (u, i) =>
    u.respondent ? w[i] * (f.get(cellIds[i]) as number) : 0,
  );
  factors.sort((a, b) => a.cell.localeCompare(b.cell));
  return { adjusted, factors };
}
