/**
 * The recipe's classification variables (a code table, age groups, a cross of variables), derived in
 * the recipe's order from a record's values, and the other helpers of the margins: age groups and the
 * median of the trimming rule.
 */
import { weightingError } from './failure-text.ts';
import type { Derived } from './recipe.ts';

export type Values = Record<string, string | number | null | undefined>;

/** '0-14', '15-24', ..., '65+' from lower bounds [0, 15, 25, 35, 45, 65]. */
export function ageGroup(age: number, breaks: readonly number[]): string {
  let k = -1;
  for (let i = 0; i < breaks.length; i++) if (age >= breaks[i]) k = i;
  if (k < 0) throw new RangeError(`age ${age} is below the first age group`);
  return k === breaks.length - 1 ? `${breaks[k]}+` : `${breaks[k]}-${breaks[k + 1] - 1}`;
}

/** Median of the values (the mean of the two middle ones for an even count). */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (!n) return Number.NaN;
  const s = Float64Array.from(values);
  let nan = false;
  for (let i = 0; i < n && !nan; i++) nan = Number.isNaN(s[i]);
  if (nan) {
    s.sort(); // NaN last, as (a, b) => a - b leaves it nowhere in particular
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
  // the middle order statistics by selection (the same values a sort puts there, in O(n))
  const hi = select(s, n >> 1);
  if (n % 2) return hi;
  let lo = s[0];
  for (let i = 1; i < n >> 1; i++) if (s[i] > lo) lo = s[i];
  return (lo + hi) / 2;
}

/** Hoare's selection: reorders `s` so that s[k] is its k-th smallest, smaller values before it. */
function select(s: Float64Array, k: number): number {
  let left = 0;
  let right = s.length - 1;
  while (left < right) {
    const pivot = s[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (s[i] < pivot) i++;
      while (s[j] > pivot) j--;
      if (i <= j) {
        const t = s[i];
        s[i] = s[j];
        s[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return s[k];
}

/** A compiled recipe variable: value -> category (null = missing). */
export type Classifier = (values: Values) => string | null;

export function compileVariable(variable: string, d: Derived): Classifier {
  if ('recode' in d) {
    const group = new Map<string, string>();
    for (const [g, codes] of Object.entries(d.groups))
      for (const c of codes) {
        const prior = group.get(String(c));
        if (prior !== undefined && prior !== g)
          throw weightingError('recipe.group_twice', { variable, code: String(c), first: prior, second: g });
        group.set(String(c), g);
      }
    return (v) => {
      const x = v[d.recode];
      if (x === null || x === undefined || x === '') return null;
      return group.get(String(x)) ?? d.otherwise;
    };
  }
  if ('cut' in d)
    return (v) => {
      const x = v[d.cut];
      if (x === null || x === undefined || x === '' || !Number.isFinite(Number(x))) return null;
      return Number(x) < d.breaks[0] ? null : ageGroup(Number(x), d.breaks);
    };
  return (v) => {
    const parts = d.cross.map((c) => v[c]);
    return parts.some((p) => p === null || p === undefined || p === '') ? null : parts.join(':');
  };
}

/** Adds the recipe's variables to a record's values, in the recipe's order. */
export function deriveAll(variables: Record<string, Derived>): (values: Values) => Values {
  const compiled = Object.entries(variables).map(([n, d]) => [n, compileVariable(n, d)] as const);
  return (values) => {
    const out: Values = { ...values };
    for (const [n, f] of compiled) out[n] = f(out);
    return out;
  };
}

/**
 * A record's values as the weighting sees them: its own values (kept when present) plus the recipe's
 * derived variables. The pipeline classifies units and persons with it, and the tables find each
 * row's calibration class with it (analysis/tables/calibration-classes.ts).
 */
export function recipeValues(variables: Record<string, Derived>): (own: Values) => Values {
  const derive = deriveAll(variables);
  return (own) => {
    const out = derive(own);
    for (const [k, v] of Object.entries(own)) if (v !== null && v !== undefined) out[k] = v;
    return out;
  };
}
