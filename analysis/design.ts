/**
 * Survey design values (R survey's svydesign): strata, one or more stages of clusters, weights or
 * probabilities, FPC at every stage, nest, lonely-PSU policy and the ultimate-cluster option.
 * A design is validated once and then treated as immutable; domains are made by zero-weighting
 * (`subsetDesign`), never by dropping rows.
 */
import type { Column, DataFrame } from './data.ts';
import { getColumn, isMissing, nrow, numericColumn } from './data.ts';
import { SurveyError } from './errors.ts';
import type { CalibrationStep } from './variance/calibration-steps.ts';

export type LonelyPsu = 'fail' | 'remove' | 'certainty' | 'adjust' | 'average';

/** Arguments of `svyDesign`, named as R's svydesign. */
export interface DesignSpec {
  /** Cluster columns, one per stage (PSU first). Empty or null: each row is its own PSU (R `id = ~1`). */
  ids?: string | readonly string[] | null;
  /** Stratum column(s): first stage, and optionally later stages. */
  strata?: string | readonly string[] | null;
  /** Sampling-weight column. */
  weights?: string | null;
  /** Selection-probability column (alternative to weights). */
  probs?: string | null;
  /** FPC columns, one per stage: population sizes (> 1) or sampling fractions (<= 1). */
  fpc?: string | readonly string[] | null;
  /** Cluster ids are only unique within strata (R `nest = TRUE`). */
  nest?: boolean;
  /** Lonely-PSU policy (R option survey.lonely.psu); default 'fail'. */
  lonelyPsu?: LonelyPsu;
  /**
   * PPS without replacement with Brewer's approximation (R `pps = "brewer"`): `fpc` then holds
   * each PSU's selection probability, and each PSU's variance term gets its own (1 - pi_i).
   */
  pps?: 'brewer' | null;
  /** Use only PSU totals (R option survey.ultimate.cluster); default false = full multistage variance. */
  ultimateCluster?: boolean;
  /** Apply `adjust`/`average` to strata with a single PSU in a domain (R survey.adjust.domain.lonely). */
  adjustDomainLonely?: boolean;
  /** Check that PSUs are nested in strata (R check.strata, default !nest). */
  checkStrata?: boolean;
}

/** One sampling stage, as integer codes per row. */
export interface Stage {
  /** Cluster code per row, unique across the design at this stage (nested in earlier stages and strata). */
  cluster: Int32Array;
  nClusters: number;
  /** Stratum code per row at this stage (later stages are stratified by the previous cluster). */
  strata: Int32Array;
  nStrata: number;
  /** Label of each stratum code (stage 1: the stratum value). */
  strataLabels: string[];
  /** Sorted order of strata for reporting (R factor order). */
  strataOrder: Int32Array;
  /** Number of sampled clusters in each stratum of the full design (R fpc$sampsize). */
  nPSU: Float64Array;
  /** Population size per row at this stage (R fpc$popsize), or null without fpc. */
  popsize: Float64Array | null;
  /**
   * First row of each cluster code (the design's PSU index, built once here so estimates do not
   * scan the rows for each cluster's stratum and population size).
   */
  firstRow: Int32Array;
}

/** A validated Taylor-linearisation design. */
export interface SurveyDesign {
  readonly kind: 'taylor';
  readonly data: DataFrame;
  readonly n: number;
  /** Sampling weights; 0 marks rows outside the (sub)design. */
  readonly weights: Float64Array;
  /** Rows that R would keep in a subset (1) — zero-weighted rows of calibrated designs stay. */
  readonly inSubset: Uint8Array;
  readonly stages: Stage[];
  readonly hasStrata: boolean;
  readonly lonelyPsu: LonelyPsu;
  readonly ultimateCluster: boolean;
  readonly adjustDomainLonely: boolean;
  /** Calibration steps whose residuals the variance uses (R design$postStrata). */
  readonly calibration: CalibrationStep[];
  readonly warnings: string[];
  readonly spec: DesignSpec;
}

function asList(x: string | readonly string[] | null | undefined): string[] {
  if (x === null || x === undefined) return [];
  return typeof x === 'string' ? [x] : [...x];
}

function keyColumn(col: Column, name: string, role: string): string[] {
  const out = new Array<string>(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (isMissing(v))
      throw new SurveyError(
        `Missing value in ${role} column '${name}' at row ${i + 1}: every row needs a ${role} value (drop or impute the row).`,
        role,
      );
    out[i] = String(v);
  }
  return out;
}

function encode(keys: string[]): { codes: Int32Array; labels: string[] } {
  const map = new Map<string, number>();
  const labels: string[] = [];
  const codes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    let c = map.get(keys[i]);
    if (c === undefined) {
      c = labels.length;
      map.set(keys[i], c);
      labels.push(keys[i]);
    }
    codes[i] = c;
  }
  return { codes, labels };
}

function sortOrder(labels: string[]): Int32Array {
  const idx = labels.map((_, i) => i);
  const allNum = labels.every((l) => l !== '' && Number.isFinite(Number(l)));
  idx.sort((a, b) => {
    if (allNum) return Number(labels[a]) - Number(labels[b]);
    return labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0;
  });
  return Int32Array.from(idx);
}

/**
 * Builds a validated survey design, as R's `svydesign`.
 *
 * @example
 * const dclus1 = svyDesign({ ids: ['dnum'], weights: 'pw', fpc: ['fpc'] }, apiclus1);
 * svyMean('api00', dclus1); // estimate 644.17, se 23.54
 * @see Lumley T (2004) Analysis of complex survey samples. J Stat Software 9(8).
 */
export function svyDesign(spec: DesignSpec, data: DataFrame): SurveyDesign {
  const n = nrow(data);
  if (n === 0) throw new SurveyError('The data have no rows: supply at least two PSUs.', 'data');
  const warnings: string[] = [];
  const nest = spec.nest ?? false;
  const idNames = asList(spec.ids).filter((x) => x !== '1');
  const strataNames = asList(spec.strata);
  const fpcNames = asList(spec.fpc);
  const hasStrata = strataNames.length > 0;
  const nStages = Math.max(1, idNames.length);
  const lonelyPsu = spec.lonelyPsu ?? 'fail';
  if (!['fail', 'remove', 'certainty', 'adjust', 'average'].includes(lonelyPsu))
    throw new SurveyError(
      `lonelyPsu must be one of fail, remove, certainty, adjust, average (got '${lonelyPsu}').`,
      'lonelyPsu',
    );

  // Raw keys per stage.
  const idKeys: string[][] =
    idNames.length === 0
      ? [Array.from({ length: n }, (_, i) => String(i + 1))]
      : idNames.map((nm) => keyColumn(getColumn(data, nm, 'ids'), nm, 'ids'));
  const strataKeys: string[][] = strataNames.map((nm) =>
    keyColumn(getColumn(data, nm, 'strata'), nm, 'strata'),
  );
  if (strataKeys.length === 0) strataKeys.push(new Array<string>(n).fill('1'));

  if (new Set(idKeys[0]).size === 1 && !(nest && hasStrata))
    throw new SurveyError(
      'Design has only one primary sampling unit: variance cannot be estimated. Check ids, or use ids = [] for an unclustered design.',
      'ids',
    );

  // Later-stage ids nested in earlier ones; with nest, in strata too.
  const SEP = '\u0001';
  for (let s = 1; s < nStages; s++) {
    const prev = idKeys[s - 1];
    const cur = idKeys[s];
    for (let i = 0; i < n; i++) cur[i] = prev[i] + SEP + cur[i];
  }
  if (nest && hasStrata) {
    for (let s = 0; s < nStages; s++) {
      const sk = strataKeys[Math.min(s, strataKeys.length - 1)];
      const cur = idKeys[s];
      for (let i = 0; i < n; i++) cur[i] = `${sk[i]}${SEP}${cur[i]}`;
    }
  }
  const checkStrata = spec.checkStrata ?? !nest;
  if (checkStrata && hasStrata) {
    const seen = new Map<string, string>();
    const sk = strataKeys[0];
    for (let i = 0; i < n; i++) {
      const prev = seen.get(idKeys[0][i]);
      if (prev === undefined) seen.set(idKeys[0][i], sk[i]);
      else if (prev !== sk[i])
        throw new SurveyError(
          `Clusters not nested in strata at top level: PSU '${idKeys[0][i]}' appears in strata '${prev}' and '${sk[i]}'. Set nest: true if PSU ids are only unique within strata.`,
          'nest',
        );
    }
  }

  // Stage codes.
  const stages: Stage[] = [];
  for (let s = 0; s < nStages; s++) {
    const cl = encode(idKeys[s]);
    let stKeys: string[];
    if (s === 0) stKeys = strataKeys[0];
    else {
      const base = strataKeys[Math.min(s, strataKeys.length - 1)];
      stKeys = new Array<string>(n);
      for (let i = 0; i < n; i++) stKeys[i] = base[i] + SEP + idKeys[s - 1][i];
    }
    const st = encode(stKeys);
    const firstRow = new Int32Array(cl.labels.length).fill(-1);
    const nPSU = new Float64Array(st.labels.length);
    for (let i = 0; i < n; i++) {
      if (firstRow[cl.codes[i]] < 0) {
        firstRow[cl.codes[i]] = i;
        nPSU[st.codes[i]] += 1;
      }
    }
    stages.push({
      cluster: cl.codes,
      nClusters: cl.labels.length,
      strata: st.codes,
      nStrata: st.labels.length,
      strataLabels: st.labels,
      strataOrder: sortOrder(st.labels),
      nPSU,
      popsize: null,
      firstRow,
    });
  }

  // FPC.
  if (fpcNames.length > 0) {
    if (fpcNames.length !== nStages)
      throw new SurveyError(
        `fpc has ${fpcNames.length} column(s) but the design has ${nStages} stage(s): give one fpc column per stage of ids.`,
        'fpc',
      );
    const cols = fpcNames.map((nm) => {
      const c = numericColumn(data, nm, 'fpc');
      for (let i = 0; i < n; i++)
        if (Number.isNaN(c[i]))
          throw new SurveyError(`Missing value in fpc column '${nm}' at row ${i + 1}.`, 'fpc');
      return c;
    });
    let anyBig = false;
    let allGe1 = true;
    for (const c of cols)
      for (let i = 0; i < n; i++) {
        if (c[i] > 1) anyBig = true;
        if (c[i] < 1) allGe1 = false;
      }
    if (spec.pps === 'brewer' && anyBig)
      throw new SurveyError(
        "With pps: 'brewer' the fpc must be each PSU's selection probability (between 0 and 1), not a population size.",
        'fpc',
      );
    if (anyBig !== allGe1)
      throw new SurveyError(
        'Must have all fpc >= 1 (population sizes) or all fpc <= 1 (sampling fractions), not a mixture.',
        'fpc',
      );
    cols.forEach((c, s) => {
      const st = stages[s];
      const pop = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const nn = st.nPSU[st.strata[i]];
        pop[i] = anyBig ? c[i] : nn / c[i];
        if (pop[i] < nn)
          throw new SurveyError(
            `FPC implies >100% sampling in some strata (row ${i + 1}, stage ${s + 1}: population ${pop[i]} < sample ${nn}). Check the fpc column '${fpcNames[s]}'.`,
            'fpc',
          );
      }
      const first = new Float64Array(st.nStrata).fill(Number.NaN);
      let warned = spec.pps === 'brewer'; // probabilities vary within strata by design
      for (let i = 0; i < n && !warned; i++) {
        const h = st.strata[i];
        if (Number.isNaN(first[h])) first[h] = pop[i];
        else if (first[h] !== pop[i]) {
          warnings.push(`fpc varies within strata: stratum ${st.strataLabels[h]} at stage ${s + 1}.`);
          warned = true;
        }
      }
      st.popsize = pop;
    });
  }

  // Weights.
  if (spec.weights && spec.probs)
    throw new SurveyError(
      "Can't specify both sampling weights and probabilities: give weights or probs.",
      'weights',
    );
  let weights: Float64Array;
  if (spec.weights || spec.probs) {
    const nm = (spec.weights || spec.probs) as string;
    const role = spec.weights ? 'weights' : 'probs';
    const raw = numericColumn(data, nm, role);
    weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = raw[i];
      if (Number.isNaN(v))
        throw new SurveyError(
          `Missing value in ${role} column '${nm}' at row ${i + 1}: every sampled row needs a ${role === 'weights' ? 'weight' : 'probability'}.`,
          role,
        );
      if (v < 0 || (role === 'probs' && (v === 0 || v > 1)))
        throw new SurveyError(
          role === 'weights'
            ? `Negative weight ${v} in column '${nm}' at row ${i + 1}: weights must be >= 0.`
            : `Probability ${v} in column '${nm}' at row ${i + 1} is outside (0, 1].`,
          role,
        );
      weights[i] = role === 'weights' ? v : 1 / v;
    }
  } else if (stages[0].popsize) {
    weights = new Float64Array(n).fill(1);
    for (const st of stages)
      for (let i = 0; i < n; i++) weights[i] *= (st.popsize as Float64Array)[i] / st.nPSU[st.strata[i]];
  } else {
    warnings.push('No weights or probabilities supplied, assuming equal probability.');
    weights = new Float64Array(n).fill(1);
  }
  let zeros = 0;
  for (let i = 0; i < n; i++) if (weights[i] === 0) zeros++;
  zeroCache.set(weights, zeros);
  if (zeros > 0) warnings.push(`${zeros} row(s) have weight 0 and are treated as outside the design.`);

  // Lonely PSUs.
  const st1 = stages[0];
  const lonely: string[] = [];
  for (const h of st1.strataOrder) if (st1.nPSU[h] === 1) lonely.push(st1.strataLabels[h]);
  if (lonely.length > 0) {
    const fix =
      lonelyPsu === 'fail'
        ? " Variances will fail under lonelyPsu 'fail': collapse strata or set lonelyPsu to 'adjust', 'average', 'certainty' or 'remove'."
        : '';
    warnings.push(
      `${lonely.length} stratum/strata have a single PSU at stage 1 (${lonely.slice(0, 10).join(', ')}${lonely.length > 10 ? ', ...' : ''}).${fix}`,
    );
  }
  // Suspicious weights.
  let wmin = Number.POSITIVE_INFINITY;
  let wmax = 0;
  for (let i = 0; i < n; i++)
    if (weights[i] > 0) {
      if (weights[i] < wmin) wmin = weights[i];
      if (weights[i] > wmax) wmax = weights[i];
    }
  if (wmax / wmin > 1000)
    warnings.push(`Weights vary more than 1000-fold (${wmin} to ${wmax}): check for errors or trim them.`);

  return {
    kind: 'taylor',
    data,
    n,
    weights,
    inSubset: new Uint8Array(n).fill(1),
    stages,
    hasStrata,
    lonelyPsu,
    ultimateCluster: spec.ultimateCluster ?? false,
    adjustDomainLonely: spec.adjustDomainLonely ?? false,
    calibration: [],
    warnings,
    spec,
  };
}

/** Options that can be changed on an existing design without rebuilding it (R options()). */
export function withOptions(
  design: SurveyDesign,
  opts: { lonelyPsu?: LonelyPsu; ultimateCluster?: boolean; adjustDomainLonely?: boolean },
): SurveyDesign {
  return { ...design, ...opts };
}

/**
 * A domain of a design (R `subset`): rows outside get weight 0 but keep their place in strata and
 * PSUs, so the design degrees of freedom and the variance stay right.
 */
export function subsetDesign(design: SurveyDesign, keep: ArrayLike<boolean | number>): SurveyDesign {
  const n = design.n;
  const weights = new Float64Array(n);
  const inSubset = new Uint8Array(design.inSubset);
  // Calibrated and PPS designs keep the rows (R sets their probability to Inf).
  const calibrated = design.calibration.length > 0 || design.spec.pps === 'brewer';
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i]) weights[i] = design.weights[i];
    else if (!calibrated) inSubset[i] = 0;
    if (weights[i] === 0) zeros++;
  }
  zeroCache.set(weights, zeros);
  return { ...design, weights, inSubset };
}

const zeroCache = new WeakMap<Float64Array, number>();

/** A copy of a design's weights that keeps their zero count (a replicate design's full sample). */
export function copyWeights(weights: Float64Array): Float64Array {
  const out = Float64Array.from(weights);
  zeroCache.set(out, zeroWeights(weights));
  return out;
}

/**
 * Rows with weight 0 (outside the (sub)design): counted where the weights are made (svyDesign,
 * subsetDesign), else once per weights array (weights are never changed in place).
 */
export function zeroWeights(weights: Float64Array): number {
  let zeros = zeroCache.get(weights);
  if (zeros === undefined) {
    zeros = 0;
    for (let i = 0; i < weights.length; i++) if (weights[i] === 0) zeros++;
    zeroCache.set(weights, zeros);
  }
  return zeros;
}

/** Design degrees of freedom: PSUs with non-zero weight minus strata (R `degf`). */
const degfCache = new WeakMap<Float64Array, number>();
export function degfTaylor(design: SurveyDesign): number {
  const hit = degfCache.get(design.weights);
  if (hit !== undefined) return hit;
  const v = degfCompute(design);
  degfCache.set(design.weights, v);
  return v;
}

function degfCompute(design: SurveyDesign): number {
  const st = design.stages[0];
  const seenC = new Uint8Array(st.nClusters);
  const seenS = new Uint8Array(st.nStrata);
  let nc = 0;
  let ns = 0;
  for (let i = 0; i < design.n; i++) {
    if (design.weights[i] === 0) continue;
    const c = st.cluster[i];
    const h = st.strata[i];
    if (!seenC[c]) {
      seenC[c] = 1;
      nc++;
    }
    if (!seenS[h]) {
      seenS[h] = 1;
      ns++;
    }
  }
  return nc - ns;
}
