/**
 * All tables of a plan file: derived variables added once, then each table computed on its own so
 * that a bad table is reported (table, field, message) and the others are still produced.
 */
import { NO_SPECIAL_CODES, type SpecialCodes } from '../export/special-codes.ts';
import { type ComputeOptions, computeTable, type TableResult } from './compute.ts';
import { withDerived } from './derive.ts';
import type { Labels } from './labels.ts';
import { isIssue, parseTablePlan, type TableIssue, type TablePlan, type TablesFile } from './plan.ts';
import type { ReliabilityRules } from './reliability.ts';
import type { WeightedData } from './weighted-data.ts';

export interface TablesRun {
  tables: TableResult[];
  issues: TableIssue[];
}

const prepared = new WeakMap<WeightedData, WeakMap<object, WeightedData>>();

/**
 * The data with the derived variables, once per data and derived set: the tables of a run, and the
 * requests on the same data (one per table in the analyst screen), share the unit's columns, so
 * work keyed by them (the replicate df of a row set) is done once.
 */
export function prepareData(data: WeightedData, file: Pick<TablesFile, 'derived'>): WeightedData {
  const byDerived = prepared.get(data) ?? new WeakMap<object, WeightedData>();
  prepared.set(data, byDerived);
  const hit = byDerived.get(file.derived);
  if (hit) return hit;
  const out = {
    ...data,
    households: withDerived(data.households, file.derived),
    persons: withDerived(data.persons, file.derived),
  };
  byDerived.set(file.derived, out);
  return out;
}

/**
 * How one table's result is obtained: `compute()` itself, or the caller's stored result of the same
 * plan on the same data (the server keeps computed tables per weighting run). Default: compute.
 */
export type TableMemo = (
  plan: TablePlan,
  compute: () => TableResult | TableIssue,
) => TableResult | TableIssue;

export function computeTables(
  file: TablesFile,
  data: WeightedData,
  labels: Labels,
  rules: ReliabilityRules,
  onProgress?: (done: number, total: number, id: string) => void,
  memo: TableMemo = (_plan, compute) => compute(),
  specialCodes: SpecialCodes = NO_SPECIAL_CODES,
): TablesRun {
  const prepared = prepareData(data, file);
  const opts = tableOptions(file, rules, specialCodes);
  const out: TablesRun = { tables: [], issues: [] };
  const seen = new Set<string>();
  file.tables.forEach((raw, i) => {
    const plan = parseTablePlan(raw, i);
    if (isIssue(plan)) out.issues.push(plan);
    else if (seen.has(plan.id))
      out.issues.push({
        table: plan.id,
        field: 'id',
        message: `duplicate table id '${plan.id}'.`,
        reason: 'duplicate_table',
      });
    else {
      seen.add(plan.id);
      const r = memo(plan, () => computeOne(plan, prepared, labels, opts));
      if (isIssue(r)) out.issues.push(r);
      else out.tables.push(r);
    }
    onProgress?.(i + 1, file.tables.length, plan && !isIssue(plan) ? plan.id : `tables[${i}]`);
  });
  return out;
}

/** The options every table of a plan file is computed with. */
export function tableOptions(
  file: TablesFile,
  rules: ReliabilityRules,
  specialCodes: SpecialCodes = NO_SPECIAL_CODES,
): ComputeOptions {
  return {
    confLevel: file.confLevel,
    missingCodes: file.missingCodes,
    specialCodes,
    rules,
    proxy: file.proxy ?? null,
  };
}

/** One table from a plan object (the analyst's table builder), with derived variables in place. */
export function computeOne(
  plan: TablePlan,
  prepared: WeightedData,
  labels: Labels,
  opts: ComputeOptions,
): TableResult | TableIssue {
  return computeTable(plan, prepared, labels, opts);
}
