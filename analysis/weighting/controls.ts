/**
 * The control totals of a recipe's margins, resolved against the survey's design (design.json, parsed
 * by the caller): inline totals, an object category -> total at a dotted path, an array of records
 * (category in `key`, total in `value`), or an array with one total per column (`<column>:<key>`).
 * An unresolvable reference is a WeightingError naming the margin and the path.
 */
import { weightingError } from './failure-text.ts';
import type { ControlsRef } from './recipe.ts';

function at(design: unknown, path: string, where: string): unknown {
  let node = design;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node))
      throw weightingError('recipe.controls_path', { where, path, part });
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const total = (v: unknown, where: string, category: string): number => {
  if (typeof v !== 'number' || !(v >= 0))
    throw weightingError('recipe.controls_total', { where, category, value: String(JSON.stringify(v)) });
  return v;
};

/** Category -> total; `fromRoster` controls are computed by the pipeline and not resolved here. */
export function resolveControls(
  ref: Exclude<ControlsRef, { fromRoster: true }>,
  design: unknown,
  where: string,
): Record<string, number> {
  if ('totals' in ref) return { ...ref.totals };
  const node = at(design, ref.design, where);
  const out: Record<string, number> = {};
  if (!Array.isArray(node)) {
    if (!node || typeof node !== 'object')
      throw weightingError('recipe.controls_table', { where, design: ref.design });
    for (const [k, v] of Object.entries(node)) out[k] = total(v, where, k);
    return out;
  }
  if (!ref.key) throw weightingError('recipe.controls_key', { where, design: ref.design });
  const key = ref.key;
  for (const [i, row] of node.entries()) {
    const r = row as Record<string, unknown>;
    if (r?.[key] === undefined)
      throw weightingError('recipe.controls_row', { where, design: ref.design, row: i + 1, key });
    if (ref.columns)
      for (const c of ref.columns) out[`${c}:${r[key]}`] = total(r[c], where, `${c}:${r[key]}`);
    else if (ref.value) out[String(r[key])] = total(r[ref.value], where, String(r[key]));
    else throw weightingError('recipe.controls_value', { where, design: ref.design });
  }
  return out;
}
