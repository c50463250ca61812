/**
 * The control totals of a recipe's margins, resolved against the survey's design (design.json, parsed
 * by the caller): inline totals, an object category -> total at a dotted path, an array of records
 * (category in `key`, total in `value`), or an array with one total per column (`<column>:<key>`).
 * An unresolvable reference is a WeightingError naming the margin and the path.
 */
import { WeightingError } from './errors.ts';
import type { ControlsRef } from './recipe.ts';

const fail = (where: string, message: string) =>
  new WeightingError(`Weighting recipe, ${where}: ${message}`, 'weighting.recipe');

function at(design: unknown, path: string, where: string): unknown {
  let node = design;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node))
      throw fail(where, `design.json has nothing at '${path}' (missing '${part}'): fix the path.`);
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const total = (v: unknown, where: string, what: string): number => {
  if (typeof v !== 'number' || !(v >= 0))
    throw fail(where, `the total of ${what} is ${JSON.stringify(v)}, not a number >= 0.`);
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
    if (!node || typeof node !== 'object') throw fail(where, `'${ref.design}' is not a table of totals.`);
    for (const [k, v] of Object.entries(node)) out[k] = total(v, where, `'${k}'`);
    return out;
  }
  if (!ref.key) throw fail(where, `'${ref.design}' is a list: say which field is the category (key).`);
  const key = ref.key;
  for (const [i, row] of node.entries()) {
    const r = row as Record<string, unknown>;
    if (r?.[key] === undefined) throw fail(where, `row ${i + 1} of '${ref.design}' has no '${key}'.`);
    if (ref.columns)
      for (const c of ref.columns) out[`${c}:${r[key]}`] = total(r[c], where, `'${c}:${r[key]}'`);
    else if (ref.value) out[String(r[key])] = total(r[ref.value], where, `'${r[key]}'`);
    else throw fail(where, `'${ref.design}' is a list: say which field holds the total (value or columns).`);
  }
  return out;
}
