/**
 * The row sets whose replicate df (a rank, analysis/variance/replicate-rank.ts) the tables of a
 * plan file will ask for: each table's universe and each of its domains (the rows of the overall
 * cells and of each domain's cells), found with the same code as computeTable, before any estimate.
 * A caller with threads to spare computes those ranks beforehand (server/jobs/rank-pool.ts) and
 * seeds them; a set missed here is computed by the table itself, one found in vain costs only time.
 */
import { isMissing } from '../data.ts';
import type { ComputeOptions } from './compute.ts';
import { tableRows } from './compute.ts';
import type { Labels } from './labels.ts';
import { isIssue, parseTablePlan, type TablesFile } from './plan.ts';
import { prepareData } from './run.ts';
import type { WeightedData } from './weighted-data.ts';

export interface RankSet {
  /** The unit's replicate weight columns, the very objects the tables' designs use. */
  reps: Float64Array[];
  /** 1 for the rows of the set. */
  rows: Uint8Array;
}

export function tableRankSets(
  file: TablesFile,
  data: WeightedData,
  labels: Labels,
  opts: ComputeOptions,
): RankSet[] {
  const prepared = prepareData(data, file);
  const out: RankSet[] = [];
  const seen = new Set<string>();
  const add = (reps: Float64Array[], rows: Uint8Array) => {
    let key = '';
    for (let i = 0; i < rows.length; i++) if (rows[i]) key += `${i},`;
    if (key === '' || seen.has(`${reps.length}|${key}`)) return;
    seen.add(`${reps.length}|${key}`);
    out.push({ reps, rows });
  };
  file.tables.forEach((raw, i) => {
    const plan = parseTablePlan(raw, i);
    if (isIssue(plan) || plan.statistic === 'median') return; // a median's interval is Woodruff's
    const t = tableRows(plan, prepared, labels, opts);
    if ('table' in t) return;
    const cols = t.weights.repweights.map((c) => t.frame[c]);
    if (!cols.every((c) => c instanceof Float64Array)) return; // designs would copy them: no sharing
    const reps = cols as Float64Array[];
    add(reps, t.universe);
    if (!plan.domains.length) return;
    const y = t.frame[plan.variable];
    const domainCols = plan.domains.map((d) => t.frame[d]);
    const groups = new Map<string, { rows: Uint8Array; answered: boolean }>();
    for (let r = 0; r < t.withDomains.length; r++) {
      if (!t.withDomains[r]) continue;
      const key = domainCols.map((c) => String(c[r])).join('\u0000');
      let g = groups.get(key);
      if (!g) {
        g = { rows: new Uint8Array(t.withDomains.length), answered: false };
        groups.set(key, g);
      }
      g.rows[r] = 1;
      if (!isMissing(y[r])) g.answered = true;
    }
    for (const g of groups.values()) if (g.answered) add(reps, g.rows);
  });
  return out;
}
