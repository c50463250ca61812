/** Weight trimming (R survey's trimWeights), for Taylor and replicate designs. */
import type { AnyDesign } from '../estimators/core.ts';
import { isReplicate } from '../estimators/core.ts';
import { materialise, withRepWeights } from './post-stratify.ts';

/**
 * Trims weights to [lower, upper] and spreads the trimmed amount equally over the untrimmed rows
 * (R `trimWeights`; strict = true repeats until no weight is outside).
 */
export function trimWeights<D extends AnyDesign>(
  design: D,
  options: { lower?: number; upper?: number; strict?: boolean },
): D {
  const lower = options.lower ?? Number.NEGATIVE_INFINITY;
  const upper = options.upper ?? Number.POSITIVE_INFINITY;
  const trim = (pw: Float64Array, active: (i: number) => boolean): Float64Array | null => {
    const n = pw.length;
    let any = false;
    let trimmings = 0;
    let nIn = 0;
    const neww = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = pw[i];
      const out = active(i) && (w < lower || w > upper);
      neww[i] = out ? Math.max(lower, Math.min(w, upper)) : w;
      if (out) {
        any = true;
        trimmings += w - neww[i];
      } else if (active(i)) nIn++;
    }
    if (!any) return null;
    for (let i = 0; i < n; i++)
      if (active(i) && !(pw[i] < lower || pw[i] > upper)) neww[i] += trimmings / nIn;
    return neww;
  };
  const inDesign = (i: number) => design.weights[i] !== 0 || !isReplicate(design);
  const neww = trim(design.weights, inDesign);
  let out: D;
  if (isReplicate(design)) {
    // Each replicate's analysis weights are trimmed the same way (R's svyrep method leaves the
    // full-sample weights untrimmed, a bug we do not copy).
    const reps = materialise(design).map((wr) => trim(wr, (i) => wr[i] !== 0) ?? wr);
    out = { ...withRepWeights(design, neww ?? design.weights, reps), warnings: design.warnings } as D;
  } else {
    if (!neww) return design;
    out = { ...design, weights: neww } as D;
  }
  return options.strict ? trimWeights(out, options) : out;
}
