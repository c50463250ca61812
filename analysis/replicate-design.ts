/**
 * Replicate-weight designs (R survey's svrepdesign and as.svrepdesign): JK1, JKn, BRR, Fay,
 * bootstrap or any replicate weights with their scale, rscales and mse choice.
 */
import type { DataFrame } from './data.ts';
import { isMissing, nrow, numericColumn } from './data.ts';
import type { SurveyDesign } from './design.ts';
import { copyWeights } from './design.ts';
import { SurveyError } from './errors.ts';
import { lazyDegf } from './lazy-df.ts';
import { replicateRank } from './variance/replicate.ts';

export type ReplicateType = 'JK1' | 'JKn' | 'BRR' | 'Fay' | 'bootstrap' | 'other';

/** PSU multipliers: replicate weight of row i = weight_i x values[psu_i, r]. */
export interface PsuMultipliers {
  psu: Int32Array;
  nPsu: number;
  /** nPsu x R, row-major. */
  values: Float64Array;
}

/** A replicate-weight design. */
export interface ReplicateDesign {
  readonly kind: 'replicate';
  readonly data: DataFrame;
  readonly n: number;
  /** Full-sample analysis weights; 0 marks rows outside the subset. */
  readonly weights: Float64Array;
  readonly type: ReplicateType;
  readonly scale: number;
  readonly rscales: Float64Array;
  readonly mse: boolean;
  readonly nReplicates: number;
  readonly multipliers?: PsuMultipliers;
  /** Replicate analysis weights (one column per replicate) when not PSU multipliers. */
  readonly repWeights?: Float64Array[];
  /** Degrees of freedom of the full design: rank of the replicate weights - 1 (R degf). */
  readonly degf: number;
  readonly warnings: string[];
}

/** Arguments of `svrepDesign`, named as R's svrepdesign. */
export interface SvrepSpec {
  type: ReplicateType;
  /** Replicate weight columns (or the columns themselves). */
  repweights: readonly string[] | readonly ArrayLike<number>[];
  /** Full-sample weight column; default 1 for every row. */
  weights?: string | null;
  /** true (R default): replicate columns are analysis weights; false: multipliers of `weights`. */
  combinedWeights?: boolean;
  scale?: number;
  rscales?: readonly number[];
  mse?: boolean;
  /** Fay's rho (type 'Fay'). */
  rho?: number;
}

function defaultScale(type: ReplicateType, R: number, rho: number): number {
  switch (type) {
    case 'BRR':
      return 1 / R;
    case 'Fay':
      return 1 / (R * (1 - rho) ** 2);
    case 'JK1':
      return (R - 1) / R;
    case 'bootstrap':
      return 1 / (R - 1);
    default:
      return 1;
  }
}

/** The design with its df (a rank of the replicate weights) computed when first read. */
function finish(d: Omit<ReplicateDesign, 'degf'>): ReplicateDesign {
  const design = { ...d, degf: 0 } as ReplicateDesign;
  return lazyDegf(design, 'degf', () => replicateRank(design) - 1);
}

/**
 * Replicate weight columns already found free of missing and negative values: a data set's columns
 * are never changed in place, so the designs built anew on them (each table of a run) check them once.
 */
const checkedColumns = new WeakSet<Float64Array>();

/**
 * A design from replicate weights already on the data (R `svrepdesign`).
 *
 * @example
 * const rscd = svrepDesign({ type: 'BRR', repweights: halfSamples, combinedWeights: false }, scd);
 */
export function svrepDesign(spec: SvrepSpec, data: DataFrame): ReplicateDesign {
  const n = nrow(data);
  const cols: Float64Array[] = spec.repweights.map((c, r) => {
    const col =
      typeof c === 'string'
        ? numericColumn(data, c, 'replicates.columns')
        : Float64Array.from(c as ArrayLike<number>);
    if (col.length !== n)
      throw new SurveyError(
        `Replicate weight ${r + 1} has ${col.length} values for ${n} rows.`,
        'replicates.columns',
      );
    if (checkedColumns.has(col)) return col;
    for (let i = 0; i < n; i++)
      if (Number.isNaN(col[i]) || col[i] < 0)
        throw new SurveyError(
          `Replicate weight column ${typeof c === 'string' ? `'${c}'` : r + 1} has a missing or negative value at row ${i + 1}.`,
          'replicates.columns',
        );
    checkedColumns.add(col);
    return col;
  });
  const R = cols.length;
  if (R < 2) throw new SurveyError('Give at least two replicate weight columns.', 'replicates.columns');
  const weights = spec.weights
    ? Float64Array.from(numericColumn(data, spec.weights, 'weights'))
    : new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++)
    if (Number.isNaN(weights[i]) || weights[i] < 0)
      throw new SurveyError(`Missing or negative weight at row ${i + 1}.`, 'weights');
  const combined = spec.combinedWeights ?? true;
  // frozen: the variance code keys its caches by this array's columns, computed once per array
  const repWeights = Object.freeze(
    combined
      ? cols
      : cols.map((c) => {
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = c[i] * weights[i];
          return out;
        }),
  ) as Float64Array[];
  const rho = spec.rho ?? 0;
  if (spec.type === 'JKn' && !spec.rscales)
    throw new SurveyError(
      "Type 'JKn' needs rscales ((n_h - 1)/n_h of each replicate's stratum).",
      'replicates.rscales',
    );
  const rscales = Float64Array.from(spec.rscales ?? new Array(R).fill(1));
  if (rscales.length !== R)
    throw new SurveyError(`rscales has ${rscales.length} values for ${R} replicates.`, 'replicates.rscales');
  return finish({
    kind: 'replicate',
    data,
    n,
    weights,
    type: spec.type,
    scale: spec.scale ?? defaultScale(spec.type, R, rho),
    rscales,
    mse: spec.mse ?? false,
    nReplicates: R,
    repWeights,
    warnings: [],
  });
}

/** Options of `asSvrepDesign`. */
export interface AsSvrepOptions {
  type?: 'JK1' | 'JKn' | 'BRR' | 'Fay' | 'bootstrap' | 'other';
  /** Fay's rho for type 'Fay'. */
  fayRho?: number;
  /** Number of bootstrap replicates (default 50). */
  replicates?: number;
  /** Seed of the bootstrap resampling (deterministic). */
  seed?: number;
  mse?: boolean;
  /**
   * Explicit PSU multipliers: a table with the design's PSU id column (and stratum column when
   * nest = true) plus one column per replicate, as exported by R.
   */
  multipliers?: { table: DataFrame; columns: readonly string[] };
  scale?: number;
  rscales?: readonly number[];
}

function psuKey(design: SurveyDesign): {
  keyOf: (table: DataFrame, i: number) => string;
  labels: Map<string, number>;
} {
  const idNames = [design.spec.ids ?? []].flat() as string[];
  const strataName = [design.spec.strata ?? []].flat()[0] as string | undefined;
  const nest = design.spec.nest && strataName !== undefined;
  const keyOf = (table: DataFrame, i: number) => {
    const id = idNames.length ? String(table[idNames[0]][i]) : String(i + 1);
    return nest ? `${table[strataName as string][i]}\u0001${id}` : id;
  };
  const labels = new Map<string, number>();
  const st = design.stages[0];
  for (let i = 0; i < design.n; i++) {
    const k = keyOf(design.data, i);
    if (!labels.has(k)) labels.set(k, st.cluster[i]);
  }
  return { keyOf, labels };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Converts a Taylor design to replicate weights (R `as.svrepdesign`): JK1 (unstratified), JKn,
 * BRR / Fay (two PSUs per stratum, Sylvester-Hadamard half-samples) or the Canty-Davison bootstrap.
 * The FPC is kept for JK1 / JKn (in scale / rscales) and dropped for BRR / Fay with a warning.
 */
export function asSvrepDesign(design: SurveyDesign, options: AsSvrepOptions = {}): ReplicateDesign {
  const st = design.stages[0];
  const warnings: string[] = [];
  const type = options.type ?? (design.hasStrata ? 'JKn' : 'JK1');
  const C = st.nClusters;
  const psu = st.cluster;
  const fpcOf = new Float64Array(C).fill(1); // (N - n)/N per PSU's stratum
  const strataOfPsu = new Int32Array(C);
  for (let i = 0; i < design.n; i++) {
    strataOfPsu[psu[i]] = st.strata[i];
    if (st.popsize) fpcOf[psu[i]] = (st.popsize[i] - st.nPSU[st.strata[i]]) / st.popsize[i];
  }
  let R = 0;
  let values: Float64Array;
  let scale = 1;
  let rscales: Float64Array;
  if (options.multipliers) {
    const { table, columns } = options.multipliers;
    const { keyOf, labels } = psuKey(design);
    R = columns.length;
    values = new Float64Array(C * R).fill(Number.NaN);
    const cols = columns.map((c) => numericColumn(table, c, 'multipliers'));
    const m = nrow(table);
    for (let i = 0; i < m; i++) {
      const c = labels.get(keyOf(table, i));
      if (c === undefined) continue;
      for (let r = 0; r < R; r++) values[c * R + r] = cols[r][i];
    }
    if (values.some((v) => Number.isNaN(v)))
      throw new SurveyError('Some PSUs of the design have no row in the multiplier table.', 'multipliers');
    scale = options.scale ?? 1;
    rscales = Float64Array.from(options.rscales ?? new Array(R).fill(1));
  } else if (type === 'JK1') {
    if (design.hasStrata)
      throw new SurveyError("Can't use JK1 for a stratified design: use type 'JKn'.", 'type');
    R = C;
    values = new Float64Array(C * R).fill(C / (C - 1));
    for (let c = 0; c < C; c++) values[c * R + c] = 0;
    scale = (fpcOf[0] * (C - 1)) / C;
    rscales = new Float64Array(R).fill(1);
  } else if (type === 'JKn') {
    if (!design.hasStrata)
      throw new SurveyError('Must use JK1 or bootstrap for an unstratified design.', 'type');
    // Strata and PSUs in order of appearance, as R's jknweights.
    const psuOrder: number[] = [];
    const seen = new Uint8Array(C);
    for (let i = 0; i < design.n; i++)
      if (!seen[psu[i]]) {
        seen[psu[i]] = 1;
        psuOrder.push(psu[i]);
      }
    const strataOrder: number[] = [];
    const seenS = new Uint8Array(st.nStrata);
    for (let i = 0; i < design.n; i++)
      if (!seenS[st.strata[i]]) {
        seenS[st.strata[i]] = 1;
        strataOrder.push(st.strata[i]);
      }
    // R's jknweights: lonely strata are skipped ('remove', 'certainty', 'average': then the scale is
    // multiplied by PSUs / replicates) or, under 'adjust', get one replicate that deletes the lonely
    // PSU and multiplies every other PSU by H/(H - 1), with rscale (H - 1)/H.
    const H = strataOrder.length;
    const reps: { deleted: number; stratum: number; lonely: boolean }[] = [];
    for (const h of strataOrder) {
      const inH = psuOrder.filter((c) => strataOfPsu[c] === h);
      if (inH.length === 1 && fpcOf[inH[0]] !== 0) {
        if (design.lonelyPsu === 'fail')
          throw new SurveyError(
            `Stratum ${st.strataLabels[h]} has only one PSU: set lonelyPsu or collapse strata.`,
            'lonelyPsu',
          );
        if (design.lonelyPsu === 'adjust') reps.push({ deleted: inH[0], stratum: h, lonely: true });
        continue;
      }
      for (const c of inH) reps.push({ deleted: c, stratum: h, lonely: false });
    }
    R = reps.length;
    values = new Float64Array(C * R).fill(1);
    rscales = new Float64Array(R);
    reps.forEach(({ deleted, stratum, lonely }, r) => {
      if (lonely) {
        for (let c = 0; c < C; c++) values[c * R + r] = strataOfPsu[c] === stratum ? 0 : H / (H - 1);
        rscales[r] = (H - 1) / H;
        return;
      }
      const nh = st.nPSU[stratum];
      for (let c = 0; c < C; c++)
        if (strataOfPsu[c] === stratum) values[c * R + r] = c === deleted ? 0 : nh / (nh - 1);
      rscales[r] = (fpcOf[deleted] * (nh - 1)) / nh;
    });
    scale = R < C && design.lonelyPsu === 'average' ? C / R : 1;
  } else if (type === 'BRR' || type === 'Fay') {
    if (st.popsize) warnings.push('Finite population correction dropped in conversion');
    const rho = type === 'Fay' ? (options.fayRho ?? 0) : 0;
    const H = st.nStrata;
    let order = 1;
    while (order <= H) order *= 2;
    R = order;
    const had = (r: number, j: number) => {
      let x = r & j;
      let bits = 0;
      while (x) {
        bits ^= x & 1;
        x >>= 1;
      }
      return bits ? -1 : 1;
    };
    values = new Float64Array(C * R);
    const rank = new Int32Array(C).fill(-1);
    const count = new Int32Array(H);
    const firstSeen = new Uint8Array(C);
    for (let i = 0; i < design.n; i++)
      if (!firstSeen[psu[i]]) {
        firstSeen[psu[i]] = 1;
        rank[psu[i]] = count[strataOfPsu[psu[i]]]++;
      }
    for (let h = 0; h < H; h++)
      if (count[h] !== 2)
        throw new SurveyError(
          `BRR needs exactly 2 PSUs per stratum; stratum ${st.strataLabels[h]} has ${count[h]}. Collapse or split PSUs, or use JKn.`,
          'type',
        );
    for (let c = 0; c < C; c++) {
      const h = strataOfPsu[c];
      for (let r = 0; r < R; r++) {
        const sign = had(r, h + 1) * (rank[c] === 0 ? 1 : -1);
        values[c * R + r] = sign > 0 ? 2 - rho : rho;
      }
    }
    scale = 1 / (R * (1 - rho) ** 2);
    rscales = new Float64Array(R).fill(1);
  } else if (type === 'bootstrap') {
    // R's bootweights without fpc: each stratum's PSUs resampled with replacement (n_h draws);
    // scale = nbar / ((nbar - 1)(R - 1)) with nbar the harmonic mean of PSUs per stratum.
    if (st.popsize)
      warnings.push('Finite population correction not used by this bootstrap (with-replacement resampling).');
    R = options.replicates ?? 50;
    const rand = mulberry32(options.seed ?? 20240601);
    values = new Float64Array(C * R);
    const byStratum: number[][] = Array.from({ length: st.nStrata }, () => []);
    for (let c = 0; c < C; c++) byStratum[strataOfPsu[c]].push(c);
    for (let r = 0; r < R; r++)
      for (const list of byStratum) {
        const nh = list.length;
        for (let k = 0; k < nh; k++) values[list[Math.floor(rand() * nh)] * R + r] += 1;
      }
    let invSum = 0;
    for (const list of byStratum) if (list.length) invSum += 1 / list.length;
    const nbar = 1 / (invSum / byStratum.filter((l) => l.length).length);
    scale = nbar / ((nbar - 1) * (R - 1));
    rscales = new Float64Array(R).fill(1);
  } else throw new SurveyError(`Unknown replicate type '${type}'.`, 'type');
  return finish({
    kind: 'replicate',
    data: design.data,
    n: design.n,
    weights: copyWeights(design.weights),
    type,
    scale: options.scale ?? scale,
    rscales: options.rscales ? Float64Array.from(options.rscales) : rscales,
    mse: options.mse ?? false,
    nReplicates: R,
    multipliers: { psu, nPsu: C, values },
    warnings,
  });
}

/** A domain of a replicate design: rows outside get weight 0 in the full sample and every replicate. */
export function subsetReplicate(design: ReplicateDesign, keep: ArrayLike<boolean | number>): ReplicateDesign {
  const weights = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) if (keep[i]) weights[i] = design.weights[i];
  // the properties as they are (a df not yet computed stays so), the weights replaced
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(design)) as ReplicateDesign;
  Object.defineProperty(out, 'weights', {
    value: weights,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return out;
}

export function isMissingCell(v: unknown): boolean {
  return isMissing(v as never);
}
