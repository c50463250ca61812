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
 * The stages from the key columns as text (R's identity of ids and strata: their printed values),
 * nested ids joined to the ids and strata they are nested in.
 */
function stringStages(
  data: DataFrame,
  n: number,
  idNames: string[],
  strataNames: string[],
  nest: boolean,
  hasStrata: boolean,
  checkStrata: boolean,
  nStages: number,
): Stage[] {
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
    stages.push(makeStage(cl.codes, cl.labels.length, st.codes, st.labels));
  }
  return stages;
}

/** A stage from its cluster and stratum codes: the PSU index and the sampled PSUs per stratum. */
function makeStage(
  cluster: Int32Array,
  nClusters: number,
  strata: Int32Array,
  strataLabels: string[],
): Stage {
  const firstRow = new Int32Array(nClusters).fill(-1);
  const nPSU = new Float64Array(strataLabels.length);
  for (let i = 0; i < cluster.length; i++) {
    if (firstRow[cluster[i]] < 0) {
      firstRow[cluster[i]] = i;
      nPSU[strata[i]] += 1;
    }
  }
  return {
    cluster,
    nClusters,
    strata,
    nStrata: strataLabels.length,
    strataLabels,
    strataOrder: sortOrder(strataLabels),
    nPSU,
    popsize: null,
    firstRow,
  };
}

/** Codes in order of first appearance of a numeric key column, with each code's first row. */
function firstAppearance(
  col: Float64Array,
  name: string,
  role: string,
): { codes: Int32Array; first: number[] } {
  const map = new Map<number, number>();
  const codes = new Int32Array(col.length);
  const first: number[] = [];
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (Number.isNaN(v))
      throw new SurveyError(
        `Missing value in ${role} column '${name}' at row ${i + 1}: every row needs a ${role} value (drop or impute the row).`,
        role,
      );
    let c = map.get(v);
    if (c === undefined) {
      c = first.length;
      map.set(v, c);
      first.push(i);
    }
    codes[i] = c;
  }
  return { codes, first };
}

/**
 * The stage of a single-stage design whose ids and strata are numeric columns, coded without a
 * string per row (whose garbage the first estimate would otherwise collect): the same codes,
 * labels, checks and messages as stringStages, as a number's identity there is its printed value
 * (0 and -0 print alike, as Map keys are alike) and a stratum-id pair's the two joined. Null for
 * other designs.
 */
function numericStages(
  data: DataFrame,
  n: number,
  idNames: string[],
  strataNames: string[],
  nest: boolean,
  hasStrata: boolean,
  checkStrata: boolean,
): Stage[] | null {
  if (idNames.length > 1 || strataNames.length > 1) return null;
  const idCol = idNames.length === 1 ? data[idNames[0]] : null;
  const stCol = strataNames.length === 1 ? data[strataNames[0]] : null;
  if (idCol !== null && !(idCol instanceof Float64Array)) return null;
  if (stCol !== null && !(stCol instanceof Float64Array)) return null;
  const ids = idCol ? firstAppearance(idCol, idNames[0], 'ids') : null;
  const strata = stCol ? firstAppearance(stCol, strataNames[0], 'strata') : null;
  if ((ids ? ids.first.length : n) === 1 && !(nest && hasStrata))
    throw new SurveyError(
      'Design has only one primary sampling unit: variance cannot be estimated. Check ids, or use ids = [] for an unclustered design.',
      'ids',
    );
  const idCodes = ids ? ids.codes : Int32Array.from({ length: n }, (_, i) => i);
  const nIds = ids ? ids.first.length : n;
  const stCodes = strata ? strata.codes : new Int32Array(n);
  const strataLabels = strata && stCol ? strata.first.map((i) => String(stCol[i])) : ['1'];
  let cluster = idCodes;
  let nClusters = nIds;
  if (nest && hasStrata) {
    // (stratum, id) pairs in order of first appearance
    const map = new Map<number, number>();
    cluster = new Int32Array(n);
    nClusters = 0;
    for (let i = 0; i < n; i++) {
      const key = stCodes[i] * nIds + idCodes[i];
      let c = map.get(key);
      if (c === undefined) {
        c = nClusters++;
        map.set(key, c);
      }
      cluster[i] = c;
    }
  }
  if (checkStrata && hasStrata && idCol && stCol) {
    const stratumOf = new Int32Array(nClusters).fill(-1);
    for (let i = 0; i < n; i++) {
      const prev = stratumOf[cluster[i]];
      if (prev < 0) stratumOf[cluster[i]] = stCodes[i];
      else if (prev !== stCodes[i])
        throw new SurveyError(
          `Clusters not nested in strata at top level: PSU '${String(idCol[i])}' appears in strata '${strataLabels[prev]}' and '${strataLabels[stCodes[i]]}'. Set nest: true if PSU ids are only unique within strata.`,
          'nest',
        );
    }
  }
  return [makeStage(cluster, nClusters, stCodes, strataLabels)];
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

  const stages =
    numericStages(data, n, idNames, strataNames, nest, hasStrata, spec.checkStrata ?? !nest) ??
    stringStages(data, n, idNames, strataNames, nest, hasStrata, spec.checkStrata ?? !nest, nStages);

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
  let notPositive = 0;
  for (let i = 0; i < n; i++)
    if (!(weights[i] > 0)) {
      if (weights[i] === 0) zeros++;
      else notPositive++;
    }
  zeroCache.set(weights, zeros);
  positiveCache.set(weights, zeros === 0 && notPositive === 0);
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
  const positive = positiveCache.get(weights);
  if (positive !== undefined) positiveCache.set(out, positive);
  return out;
}

const positiveCache = new WeakMap<Float64Array, boolean>();

/**
 * Whether every weight is > 0 (none 0, negative or NaN): known where svyDesign makes the weights,
 * else found once per weights array. Then a sum of a PSU's weights is 0 only when it has no rows.
 */
export function positiveWeights(weights: Float64Array): boolean {
  let positive = positiveCache.get(weights);
  if (positive === undefined) {
    positive = true;
    for (let i = 0; i < weights.length; i++)
      if (!(weights[i] > 0)) {
        positive = false;
        break;
      }
    positiveCache.set(weights, positive);
  }
  return positive;
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
