/**
 * Domain estimates (R `svyby`): the statistic in every combination of the by variables, each as a
 * zero-weighted domain of the whole design, with the joint covariance across domains (covmat).
 */
import { getColumn, interactionCodes, toFactor } from '../data.ts';
import { zeroWeights } from '../design.ts';
import { fastDeff, meanStat, svyMean, svyRatio, svyTotal, totalStat } from './basic.ts';
import type { AnyDesign, Estimate, TotalsStat, VarSpec } from './core.ts';
import {
  assertDesign,
  degf,
  estimateStat,
  handleMissing,
  lazyDegf,
  modelColumns,
  subsetAny,
} from './core.ts';
import { blocksOf, fastEstimate, fastPathApplies, missingRows } from './fast.ts';

export interface ByOptions {
  naRm?: boolean;
  deff?: boolean | 'replace';
  /** Full covariance across domains (R covmat = TRUE). */
  covmat?: boolean;
  /** Level order of the by variables. */
  levels?: Record<string, readonly string[]>;
}

export type ByStatistic = 'mean' | 'total' | { ratio: string };

/**
 * Estimates per domain. The domains are combinations of `by` present in the data, ordered with
 * the first variable varying fastest (R's order).
 *
 * @example
 * svyBy('api00', ['stype'], dclus1, 'mean', { deff: true });
 */
export function svyBy(
  x: VarSpec | readonly VarSpec[],
  by: string | readonly string[],
  design: AnyDesign,
  statistic: ByStatistic = 'mean',
  options: ByOptions = {},
): Estimate {
  assertDesign(design);
  const byVars = typeof by === 'string' ? [by] : [...by];
  const factors = byVars.map((b) => toFactor(getColumn(design.data, b, 'by'), options.levels?.[b]));
  const inter = interactionCodes(factors);
  // Domains only among rows in the design. Without given levels every combination occurs in some
  // row, so with no zero weight every one is present (no pass over the rows).
  const present = new Uint8Array(inter.labels.length);
  if (zeroWeights(design.weights) === 0 && byVars.every((b) => options.levels?.[b] === undefined))
    present.fill(1);
  else {
    const w = design.weights;
    const codes = inter.codes;
    for (let i = 0; i < design.n; i++) if (w[i] !== 0 && codes[i] >= 0) present[codes[i]] = 1;
  }
  const domainIdx = inter.labels.map((_, k) => k).filter((k) => present[k]);
  const D = domainIdx.length;
  if (typeof statistic !== 'object' && fastPathApplies(design))
    return byFast(x, byVars, design, statistic, options, inter, domainIdx);
  const results: Estimate[] = domainIdx.map((k) => {
    const keep = new Uint8Array(design.n);
    for (let i = 0; i < design.n; i++) keep[i] = inter.codes[i] === k ? 1 : 0;
    const sub = subsetAny(design, keep);
    if (typeof statistic === 'object') {
      const vars = Array.isArray(x) ? x : [x];
      return svyRatio(
        String(typeof vars[0] === 'string' ? vars[0] : (vars[0] as { name: string }).name),
        statistic.ratio,
        sub,
        options,
      );
    }
    return statistic === 'mean' ? svyMean(x, sub, options) : svyTotal(x, sub, options);
  });
  const statNames = results[0]?.names ?? [];
  const S = statNames.length;
  const names: string[] = [];
  const estimate: number[] = [];
  const se: number[] = [];
  const n: number[] = [];
  const deff: number[] = [];
  for (let s = 0; s < S; s++)
    for (let d = 0; d < D; d++) {
      names.push(
        S > 1
          ? `${inter.labels[domainIdx[d]].join('.')}:${statNames[s]}`
          : inter.labels[domainIdx[d]].join('.'),
      );
      estimate.push(results[d].estimate[s]);
      se.push(results[d].se[s]);
      n.push(results[d].n[s]);
      if (results[d].deff) deff.push((results[d].deff as number[])[s]);
    }
  const P = S * D;
  let vcov: number[][] = Array.from({ length: P }, (_, a) =>
    Array.from({ length: P }, (_, b) => (a === b ? se[a] * se[a] : Number.NaN)),
  );
  if (options.covmat && typeof statistic !== 'object')
    vcov = jointVcov(x, design, domainIdx, inter.codes, statistic, options.naRm ?? false, S, D);
  const warnings = results.flatMap((r) => r.warnings);
  return lazyDegf(
    {
      statistic: typeof statistic === 'object' ? 'ratio' : statistic,
      names,
      estimate,
      se,
      vcov,
      deff: deff.length === P ? deff : undefined,
      cv: estimate.map((e, j) => se[j] / Math.abs(e)),
      n,
      df: 0,
      domains: { by: byVars, labels: domainIdx.map((k) => inter.labels[k]), statisticNames: statNames },
      warnings: [...new Set(warnings)],
    },
    'df',
    () => degf(design),
  );
}

function byFast(
  x: VarSpec | readonly VarSpec[],
  byVars: string[],
  design: AnyDesign,
  statistic: 'mean' | 'total',
  options: ByOptions,
  inter: { codes: Int32Array; labels: string[][] },
  domainIdx: number[],
): Estimate {
  const D = domainIdx.length;
  const { blocks, names: statNames } = blocksOf(design.data, Array.isArray(x) ? x : [x as VarSpec]);
  const S = statNames.length;
  const map = new Int32Array(inter.labels.length).fill(-1);
  domainIdx.forEach((k, d) => {
    map[k] = d;
  });
  const codes = inter.codes;
  // Every combination present (the usual case): the codes already are the domain numbers.
  let domain = codes;
  if (D < inter.labels.length) {
    domain = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const k = codes[i];
      domain[i] = k < 0 ? -1 : map[k];
    }
  }
  const naDomain = new Uint8Array(D);
  if (!options.naRm) {
    const bad = missingRows(design, blocks);
    if (bad) for (let i = 0; i < design.n; i++) if (bad[i] && domain[i] >= 0) naDomain[domain[i]] = 1;
  }
  const warnings: string[] = [];
  // Only each domain's variances are read (the joint covariance, when asked, is made apart).
  const r = fastEstimate(design, blocks, statistic, domain, D, options.covmat ?? false, warnings, true);
  const names: string[] = [];
  const estimate: number[] = [];
  const se: number[] = [];
  const n: number[] = [];
  const deff: number[] = [];
  const deffs = options.deff
    ? r.estimate.map((_, d) => fastDeff(r, d, statistic, options.deff === 'replace'))
    : null;
  for (let s = 0; s < S; s++)
    for (let d = 0; d < D; d++) {
      const label = inter.labels[domainIdx[d]].join('.');
      names.push(S > 1 ? `${label}:${statNames[s]}` : label);
      const na = naDomain[d] === 1;
      estimate.push(na ? Number.NaN : r.estimate[d][s]);
      se.push(na ? Number.NaN : Math.sqrt(r.vcov[d][s * S + s]));
      n.push(r.n[d][s]);
      if (deffs) deff.push(na ? Number.NaN : deffs[d][s]);
    }
  const P = S * D;
  const vcov: number[][] = r.joint
    ? Array.from({ length: P }, (_, a) => Array.from((r.joint as Float64Array).subarray(a * P, a * P + P)))
    : Array.from({ length: P }, (_, a) =>
        Array.from({ length: P }, (_, b) => (a === b ? se[a] * se[a] : Number.NaN)),
      );
  if (naDomain.some((v) => v))
    warnings.push('Missing values: domains with missing values are NA. Set naRm: true.');
  return lazyDegf(
    {
      statistic,
      names,
      estimate,
      se,
      vcov,
      deff: deffs ? deff : undefined,
      cv: estimate.map((e, j) => se[j] / Math.abs(e)),
      n,
      df: 0,
      domains: { by: byVars, labels: domainIdx.map((k) => inter.labels[k]), statisticNames: statNames },
      warnings: [...new Set(warnings)],
    },
    'df',
    () => degf(design),
  );
}

/** Joint covariance of all domain estimates: influence columns of every domain stacked. */
function jointVcov(
  x: VarSpec | readonly VarSpec[],
  design: AnyDesign,
  domainIdx: number[],
  codes: Int32Array,
  statistic: 'mean' | 'total',
  naRm: boolean,
  S: number,
  D: number,
): number[][] {
  const mc = modelColumns(design.data, Array.isArray(x) ? x : [x as VarSpec]);
  const miss = handleMissing(design, mc.cols, naRm);
  const base = miss.design;
  const n = base.n;
  const P = S * D;
  const warnings: string[] = [];
  // Stack the per-domain statistics into one totals-based statistic (statistic-major order).
  const stats: TotalsStat[] = domainIdx.map((k) => {
    const cols = miss.cols.map((c) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) if (codes[i] === k) out[i] = c[i];
      return out;
    });
    const ind = new Float64Array(n);
    for (let i = 0; i < n; i++) if (codes[i] === k) ind[i] = 1;
    if (statistic === 'total') return totalStat(mc.names, cols, n);
    const m = meanStat(mc.names, cols, n);
    m.u[m.u.length - 1] = ind;
    return {
      ...m,
      influence: (T: Float64Array, w: Float64Array) =>
        cols.map((xc, j) => {
          const mu = T[j] / T[S];
          const z = new Float64Array(n);
          for (let i = 0; i < n; i++) if (w[i] !== 0 && ind[i]) z[i] = (w[i] * (xc[i] - mu)) / T[S];
          return z;
        }),
    };
  });
  const offsets: number[] = [];
  const u: Float64Array[] = [];
  for (const st of stats) {
    offsets.push(u.length);
    u.push(...st.u);
  }
  const joint: TotalsStat = {
    names: [],
    u,
    evaluate: (T) => {
      const out = new Float64Array(P);
      stats.forEach((st, d) => {
        const e = st.evaluate(T.subarray(offsets[d], offsets[d] + st.u.length));
        for (let s = 0; s < S; s++) out[s * D + d] = e[s];
      });
      return out;
    },
    influence: (T, w) => {
      const out: Float64Array[] = new Array(P);
      stats.forEach((st, d) => {
        const z = st.influence(T.subarray(offsets[d], offsets[d] + st.u.length), w);
        for (let s = 0; s < S; s++) out[s * D + d] = z[s];
      });
      return out;
    },
  };
  const r = estimateStat(base, joint, warnings);
  return Array.from({ length: P }, (_, a) => Array.from(r.vcov.subarray(a * P, a * P + P)));
}
