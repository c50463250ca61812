/** Derived variables (classes of a number, groups of codes) and universes (conditions on a frame). */
import type { Cell, Column, DataFrame } from '../data.ts';
import { isMissing, nrow } from '../data.ts';
import type { Condition, Derived } from './plan.ts';

/** The derived column: class index codes of `cut` (lower bounds) or the group code of `recode`. */
export function deriveColumn(frame: DataFrame, d: Derived): Float64Array {
  const src = frame[d.from];
  const out = new Float64Array(src.length).fill(Number.NaN);
  if (d.cut) {
    const cut = d.cut;
    for (let i = 0; i < src.length; i++) {
      const x = Number(src[i]);
      if (isMissing(src[i]) || !Number.isFinite(x)) continue;
      let k = -1;
      for (let j = 0; j < cut.length; j++) if (x >= cut[j]) k = j;
      if (k >= 0) out[i] = d.values[k]?.code ?? k + 1;
    }
    return out;
  }
  const map = new Map<string, number>();
  for (const [target, codes] of Object.entries(d.recode ?? {}))
    for (const c of codes) map.set(String(c), Number(target));
  for (let i = 0; i < src.length; i++) {
    if (isMissing(src[i])) continue;
    const hit = map.get(String(src[i]));
    if (hit !== undefined) out[i] = hit;
    else if (d.otherwise !== null && d.otherwise !== undefined) out[i] = d.otherwise;
  }
  return out;
}

/** A frame with the derived variables whose sources it has. */
export function withDerived(frame: DataFrame, derived: Record<string, Derived>): DataFrame {
  const out: DataFrame = { ...frame };
  for (const [name, d] of Object.entries(derived)) if (frame[d.from]) out[name] = deriveColumn(frame, d);
  return out;
}

const same = (a: Cell, b: string | number) => (typeof b === 'number' ? Number(a) === b : String(a) === b);

/** 1 where every condition holds (rows with a missing value fail every comparison). */
export function universeMask(frame: DataFrame, conditions: Condition[]): Uint8Array {
  // nrow, not Object.values: that would read every column of a lazily copied frame
  const n = nrow(frame);
  const mask = new Uint8Array(n).fill(1);
  for (const c of conditions) {
    const col: Column = frame[c.variable];
    for (let i = 0; i < n; i++) {
      if (!mask[i]) continue;
      const v = col[i];
      const miss = isMissing(v);
      let ok: boolean;
      if (c.op === 'missing') ok = miss;
      else if (c.op === 'notmissing') ok = !miss;
      else if (miss) ok = false;
      else if (c.op === 'in') ok = (c.values ?? []).some((b) => same(v, b));
      else if (c.op === 'notin') ok = !(c.values ?? []).some((b) => same(v, b));
      else if (c.op === '=') ok = same(v, c.value as string | number);
      else if (c.op === '!=') ok = !same(v, c.value as string | number);
      else {
        const x = Number(v);
        const y = Number(c.value);
        ok = c.op === '>' ? x > y : c.op === '>=' ? x >= y : c.op === '<' ? x < y : x <= y;
      }
      if (!ok) mask[i] = 0;
    }
  }
  return mask;
}
