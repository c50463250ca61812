/**
 * Linearisation variance of influence values (R survey's svyrecvar / multistage / onestage /
 * onestrat): PSU totals centred within strata, FPC at every stage, lonely-PSU policies and the
 * recursive later-stage terms weighted by the first-stage sampling fraction.
 */
import type { SurveyDesign } from '../design.ts';
import { SurveyError } from '../errors.ts';
import { calibrationResiduals } from './calibration-steps.ts';

/** Symmetric p x p matrix, row-major. */
export type Matrix = Float64Array;

interface Ctx {
  design: SurveyDesign;
  x: Float64Array[];
  p: number;
  warnings: string[];
  // Scratch per stage, reused.
  tot: Float64Array[];
  seen: Int32Array[];
}

/**
 * Covariance matrix (p x p, row-major) of the totals of the influence columns `x` under `design`.
 * Rows outside the subset must have x = 0.
 */
export function svyRecVar(design: SurveyDesign, x: Float64Array[], warnings: string[] = []): Matrix {
  const p = x.length;
  const cols = calibrationResiduals(x, design.calibration);
  const rows: number[] = [];
  for (let i = 0; i < design.n; i++) if (design.inSubset[i]) rows.push(i);
  const ctx: Ctx = {
    design,
    x: cols,
    p,
    warnings,
    tot: design.stages.map((s) => new Float64Array(s.nClusters * p)),
    seen: design.stages.map((s) => new Int32Array(s.nClusters).fill(-1)),
  };
  return multistage(ctx, Int32Array.from(rows), 0);
}

function multistage(ctx: Ctx, rows: Int32Array, s: number): Matrix {
  const { design, p } = ctx;
  const st = design.stages[s];
  const tot = ctx.tot[s];
  const seen = ctx.seen[s];
  // PSU totals over these rows; clusters in first-appearance order.
  const clusters: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const c = st.cluster[i];
    if (seen[c] < 0) {
      seen[c] = i; // first row of the cluster
      clusters.push(c);
      for (let j = 0; j < p; j++) tot[c * p + j] = 0;
    }
    const base = c * p;
    for (let j = 0; j < p; j++) tot[base + j] += ctx.x[j][i];
  }
  const v = strataVariance(design, s, clusters, tot, p, seen, ctx.warnings);

  // Later stages.
  const recurse =
    !design.ultimateCluster && st.popsize !== null && s + 1 < design.stages.length && clusters.length > 0;
  if (recurse) {
    // Group rows by cluster (counting sort over clusters in first-appearance order).
    const pos = new Map<number, number>();
    clusters.forEach((c, k) => {
      pos.set(c, k);
    });
    const counts = new Int32Array(clusters.length + 1);
    for (let k = 0; k < rows.length; k++) counts[(pos.get(st.cluster[rows[k]]) as number) + 1]++;
    for (let k = 0; k < clusters.length; k++) counts[k + 1] += counts[k];
    const sorted = new Int32Array(rows.length);
    const fill = counts.slice(0, clusters.length);
    for (let k = 0; k < rows.length; k++) {
      const g = pos.get(st.cluster[rows[k]]) as number;
      sorted[fill[g]++] = rows[k];
    }
    const popsize = st.popsize as Float64Array;
    for (let g = 0; g < clusters.length; g++) {
      const sub = sorted.subarray(counts[g], counts[g + 1]);
      const first = sub[0];
      const frac = st.nPSU[st.strata[first]] / popsize[first];
      if (frac === 0) continue;
      const vs = multistage(ctx, sub, s + 1);
      for (let a = 0; a < p * p; a++) v[a] += vs[a] * frac;
    }
  }
  for (const c of clusters) seen[c] = -1;
  return v;
}

/**
 * Between-cluster variance at one stage from cluster totals (R onestage/onestrat): clusters are
 * grouped by stratum, centred on the stratum mean over all nPSU clusters of the full design (those
 * without rows here count as zero totals), scaled by (1 - f) n/(n - 1), with the lonely-PSU policy.
 * A cluster's stratum and population size are those of its row `first[c]` (plain arrays, not
 * callbacks: the loops stay monomorphic). `diagonalOnly`: the variances alone, covariances left 0
 * (for callers that read only the diagonal).
 */
export function strataVariance(
  design: SurveyDesign,
  s: number,
  clusters: readonly number[],
  tot: Float64Array,
  p: number,
  first: Int32Array,
  warnings: string[],
  diagonalOnly = false,
): Float64Array {
  const st = design.stages[s];
  const strata = st.strata;
  const popsize = st.popsize;
  const popOf = (c: number) => (popsize ? popsize[first[c]] : Number.POSITIVE_INFINITY);
  const pps = design.spec.pps === 'brewer' && st.popsize ? ppsScales(design) : null;
  // Group clusters by stratum, each stratum's in the order given (a stable counting sort: typed
  // arrays, no Map, so the loop is cheap while it runs interpreted, once per domain of a svyBy).
  const nS = st.nStrata;
  const m = clusters.length;
  const start = new Int32Array(nS + 1);
  const stratumOf = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const h = strata[first[clusters[k]]];
    stratumOf[k] = h;
    start[h + 1]++;
  }
  let nstrat = 0;
  for (let h = 0; h < nS; h++) {
    if (start[h + 1] > 0) nstrat++;
    start[h + 1] += start[h];
  }
  const grouped = new Int32Array(m);
  const next = start.slice(0, nS);
  for (let k = 0; k < m; k++) grouped[next[stratumOf[k]]++] = clusters[k];
  const v = new Float64Array(p * p);
  let nok = 0;
  const dev = new Float64Array(p);
  const mean = new Float64Array(p);
  // Strata in the order of their labels.
  for (let r = 0; r < nS; r++) {
    const h = st.strataOrder[r];
    const lo = start[h];
    const hi = start[h + 1];
    if (lo === hi) continue;
    const nPSU = st.nPSU[h];
    const nsub = hi - lo;
    const pop = popOf(grouped[lo]);
    let allSelf = true;
    if (st.popsize) {
      for (let k = lo; k < hi; k++) {
        const pc = popOf(grouped[k]);
        const fc = pc === Number.POSITIVE_INFINITY ? 1 : (pc - nPSU) / pc;
        if (!(fc < 1e-7)) allSelf = false;
      }
    } else allSelf = false;
    if (allSelf) {
      nok++;
      continue;
    }
    const scale = stratumScale(pop, nPSU);
    const label = st.strataLabels[h];
    if (nPSU <= 1 && design.lonelyPsu === 'fail')
      throw new SurveyError(
        `Stratum (${label}) has only one PSU at stage ${s + 1}. Collapse it with a neighbouring stratum or set lonelyPsu to 'adjust', 'average', 'certainty' or 'remove'.`,
        'lonelyPsu',
      );
    const centre = design.lonelyPsu !== 'adjust' || nsub > 1 || (nPSU > 1 && !design.adjustDomainLonely);
    let isNA = false;
    if (nsub === 1 && nPSU > 1 && design.adjustDomainLonely) {
      warnings.push(`Stratum (${label}) has only one PSU at stage ${s + 1}`);
      if (design.lonelyPsu === 'average') isNA = true;
    }
    if (nPSU <= 1 && design.lonelyPsu === 'average') isNA = true;
    if (isNA) continue;
    nok++;
    mean.fill(0);
    if (centre) {
      for (let k = lo; k < hi; k++) addRow(mean, tot, grouped[k] * p, p);
      for (let j = 0; j < p; j++) mean[j] /= Math.max(nPSU, nsub);
    }
    // PPS (Brewer): each PSU's own (1 - pi_i) n/(n - 1).
    let presentScale = 0;
    for (let k = lo; k < hi; k++) {
      const c = grouped[k];
      const sc = pps ? stratumScale(popOf(c), nPSU) : scale;
      presentScale += sc;
      addOuter(v, tot, c * p, mean, dev, p, sc, diagonalOnly);
    }
    // Zero-padded PSUs of the stratum that have no rows here contribute (0 - mean)^2 each.
    const missing = nPSU - nsub;
    const missingScale = pps
      ? pps.scaleSum(s, h, (popC) => stratumScale(popC, nPSU)) - presentScale
      : missing * scale;
    if (missing > 0 && centre)
      for (let a = 0; a < p; a++)
        for (let b = a; b < p; b++) {
          v[a * p + b] += missingScale * mean[a] * mean[b];
          if (diagonalOnly) break;
        }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) v[a * p + b] = v[b * p + a];
  if (nok < nstrat && nok > 0) {
    const k = nstrat / nok;
    for (let a = 0; a < p * p; a++) v[a] *= k;
  } else if (nok === 0 && nstrat > 0) v.fill(Number.NaN);

  return v;
}

/** A stratum's (1 - f) n/(n - 1) for a cluster of population size popC (Infinity: f = 0). */
function stratumScale(popC: number, nPSU: number): number {
  const f = popC === Number.POSITIVE_INFINITY ? 1 : (popC - nPSU) / popC;
  return nPSU > 1 ? (f * nPSU) / (nPSU - 1) : f;
}

/** mean += tot[at .. at + p). */
function addRow(mean: Float64Array, tot: Float64Array, at: number, p: number): void {
  for (let j = 0; j < p; j++) mean[j] += tot[at + j];
}

/** v (upper triangle, or its diagonal) += sc * dev dev' with dev = tot[at .. at + p) - mean. */
function addOuter(
  v: Float64Array,
  tot: Float64Array,
  at: number,
  mean: Float64Array,
  dev: Float64Array,
  p: number,
  sc: number,
  diagonalOnly: boolean,
): void {
  for (let j = 0; j < p; j++) dev[j] = tot[at + j] - mean[j];
  // The diagonal-only case breaks out of the inner loop: no new arithmetic whose missing type
  // feedback would deoptimise the code compiled for full covariances (a mean before a svyBy).
  for (let a = 0; a < p; a++) {
    const da = dev[a] * sc;
    for (let b = a; b < p; b++) {
      v[a * p + b] += da * dev[b];
      if (diagonalOnly) break;
    }
  }
}

/**
 * Brewer's approximation (R svydesign(pps = "brewer")): the fpc holds each PSU's selection
 * probability pi_i, popsize = n_h / pi_i, and each PSU's term is scaled by its own
 * (1 - pi_i) n_h / (n_h - 1). Sum of those scales over every PSU of a stratum (also those without
 * rows in the current set), for the zero totals of PSUs outside a domain.
 */
function ppsScales(design: SurveyDesign) {
  let cached = ppsCache.get(design.stages);
  if (!cached) {
    cached = design.stages.map((st) => {
      const pop = new Float64Array(st.nClusters).fill(Number.NaN);
      const strat = new Int32Array(st.nClusters);
      const popsize = st.popsize;
      if (popsize)
        for (let i = 0; i < design.n; i++)
          if (Number.isNaN(pop[st.cluster[i]])) {
            pop[st.cluster[i]] = popsize[i];
            strat[st.cluster[i]] = st.strata[i];
          }
      return { pop, strat };
    });
    ppsCache.set(design.stages, cached);
  }
  const perStage = cached;
  return {
    scaleSum(s: number, h: number, scaleOf: (pop: number) => number): number {
      const { pop, strat } = perStage[s];
      let sum = 0;
      for (let c = 0; c < pop.length; c++) if (strat[c] === h) sum += scaleOf(pop[c]);
      return sum;
    },
  };
}
const ppsCache = new WeakMap<object, { pop: Float64Array; strat: Int32Array }[]>();
