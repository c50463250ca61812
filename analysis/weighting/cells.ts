/**
 * Nonresponse adjustment in weighting classes (ratio of the weight of all eligible units to that of
 * the respondents), with a collapsing rule: within a stratum, while the cell with the fewest
 * respondents has fewer than `minimum`, it is merged with the next smallest; then, if `maxFactor` is
 * set, a cell whose unweighted ratio eligible / respondents exceeds it is merged with the smallest
 * other cell, until none does (or one cell is left).
 * @see Kalton G, Flores-Cervantes I (2003) Weighting methods. J Off Stat 19:81-97.
 */
import type { RecordLevel } from './errors.ts';
import { weightingError } from './failure-text.ts';
import type { CellFactor } from './types.ts';

export interface CellUnit {
  stratum: string;
  cls: string | null;
  respondent: boolean;
}

/** Maps each original cell 'stratum|class' to its collapsed cell, decided on the unweighted counts. */
export function collapseCells(
  units: readonly CellUnit[],
  minimum: number,
  maxFactor: number | null = null,
): Map<string, string> {
  const byStratum = new Map<string, Map<string, { n: number; all: number }>>();
  for (const u of units) {
    const cells = byStratum.get(u.stratum) ?? new Map<string, { n: number; all: number }>();
    const key = u.cls ?? '(unknown)';
    const c = cells.get(key) ?? { n: 0, all: 0 };
    c.n += u.respondent ? 1 : 0;
    c.all += 1;
    cells.set(key, c);
    byStratum.set(u.stratum, cells);
  }
  type Group = { members: string[]; n: number; all: number };
  const order = (x: Group, y: Group) => x.n - y.n || x.members[0].localeCompare(y.members[0]);
  const merge = (a: Group, b: Group): Group => ({
    members: [...a.members, ...b.members],
    n: a.n + b.n,
    all: a.all + b.all,
  });
  const map = new Map<string, string>();
  for (const [stratum, cells] of byStratum) {
    let groups: Group[] = [...cells].map(([cls, c]) => ({ members: [cls], n: c.n, all: c.all }));
    groups.sort(order);
    while (groups.length > 1 && groups[0].n < minimum) {
      const [a, b, ...rest] = groups;
      groups = [merge(a, b), ...rest];
      groups.sort(order);
    }
    while (maxFactor !== null && groups.length > 1) {
      const k = groups.findIndex((g) => g.all > maxFactor * g.n);
      if (k < 0) break;
      const other = k === 0 ? 1 : 0;
      const merged = merge(groups[k], groups[other]);
      groups = [merged, ...groups.filter((_, i) => i !== k && i !== other)];
      groups.sort(order);
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
  what: RecordLevel,
): { adjusted: Float64Array; factors: CellFactor[] } {
  const all = new Map<string, number>();
  const resp = new Map<string, number>();
  const nAll = new Map<string, number>();
  const nResp = new Map<string, number>();
  const members = new Map<string, Set<string>>();
  const cellIds = units.map((u, i) => {
    const c = cells.get(cellOf(u));
    if (!c) throw weightingError('cell.unknown', { level: what, cell: cellOf(u) });
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
    if (total > 0 && !(r > 0)) throw weightingError('cell.empty', { level: what, cell: c });
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
