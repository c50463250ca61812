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
 * Each unit's collapsed cell as a number, with the cells' names (in order of first appearance),
 * original members and unweighted counts: they depend on the units and cells only, so every
 * replicate shares them. A unit in no cell is an error.
 */
export interface CellIndex {
  cell: Int32Array;
  names: string[];
  members: string[][];
  eligible: number[];
  respondents: number[];
  respondent: Uint8Array;
}

export function indexCells(
  units: readonly CellUnit[],
  cells: Map<string, string>,
  what: RecordLevel,
): CellIndex {
  const number = new Map<string, number>();
  const names: string[] = [];
  const members: Array<Set<string>> = [];
  const eligible: number[] = [];
  const respondents: number[] = [];
  const cell = new Int32Array(units.length);
  const respondent = new Uint8Array(units.length);
  units.forEach((u, i) => {
    const original = cellOf(u);
    const c = cells.get(original);
    if (!c) throw weightingError('cell.unknown', { level: what, cell: original });
    let k = number.get(c);
    if (k === undefined) {
      k = names.length;
      number.set(c, k);
      names.push(c);
      members.push(new Set());
      eligible.push(0);
      respondents.push(0);
    }
    cell[i] = k;
    members[k].add(original);
    eligible[k]++;
    if (u.respondent) {
      respondent[i] = 1;
      respondents[k]++;
    }
  });
  return { cell, names, members: members.map((m) => [...m].sort()), eligible, respondents, respondent };
}

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
  return nonresponseAdjustIndexed(indexCells(units, cells, what), w, what);
}

/** `nonresponseAdjust` on cells indexed once (indexCells): the same sums in the same unit order. */
export function nonresponseAdjustIndexed(
  index: CellIndex,
  w: Float64Array,
  what: RecordLevel,
): { adjusted: Float64Array; factors: CellFactor[] } {
  const { cell, names, respondent } = index;
  const all = new Float64Array(names.length);
  const resp = new Float64Array(names.length);
  for (let i = 0; i < cell.length; i++) all[cell[i]] += w[i];
  for (let i = 0; i < cell.length; i++) if (respondent[i]) resp[cell[i]] += w[i];
  const factors: CellFactor[] = [];
  const f = new Float64Array(names.length);
  for (let c = 0; c < names.length; c++) {
    const total = all[c];
    const r = resp[c];
    if (total > 0 && !(r > 0)) throw weightingError('cell.empty', { level: what, cell: names[c] });
    const factor = total > 0 ? total / r : 1;
    f[c] = factor;
    factors.push({
      cell: names[c],
      members: [...index.members[c]],
      respondents: index.respondents[c],
      eligible: index.eligible[c],
      factor,
    });
  }
  const adjusted = new Float64Array(cell.length);
  for (let i = 0; i < cell.length; i++) if (respondent[i]) adjusted[i] = w[i] * f[cell[i]];
  factors.sort((a, b) => a.cell.localeCompare(b.cell));
  return { adjusted, factors };
}
