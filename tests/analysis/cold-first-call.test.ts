/**
 * What the first (cold) estimate relies on gives the same numbers as the paths it replaces: the
 * design's PSU index (each cluster's first row) and its numeric coding of ids and strata, factors
 * coded in one pass with their missing rows counted (so the search for missing rows is skipped
 * when there are none), and svyBy taking the by codes as domain numbers when every combination is
 * present, and a factor's rows per level, which a mean over every row (no weight 0, no missing
 * level) takes instead of counting. First and repeated calls, and the fast and general paths, agree.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { factorColumn } from '../../analysis/data.ts';
import { positiveWeights } from '../../analysis/design.ts';
import { setFastPath } from '../../analysis/estimators/fast.ts';
import type { AnyDesign, DataFrame, Estimate, SurveyDesign } from '../../analysis/index.ts';
import { asSvrepDesign, subsetDesign, svyBy, svyDesign, svyMean } from '../../analysis/index.ts';
import { strataVariance } from '../../analysis/variance/taylor.ts';
import { genSynth, N_PSU, PSU_PER_STRATUM, u01 } from '../../bench/analysis-synth.ts';

/** Fresh column arrays, so no factor is cached yet (factors are cached per column array). */
function freshData(): DataFrame {
  const src = genSynth(12_000);
  const out: DataFrame = {};
  for (const [k, v] of Object.entries(src)) out[k] = Float64Array.from(v as Float64Array);
  return out;
}

function design(data: DataFrame): SurveyDesign {
  return svyDesign({ ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true }, data) as SurveyDesign;
}

/** A JK1-style replicate design from 10 groups of PSUs, given as PSU multipliers (as the bench). */
function replicate(d: SurveyDesign): AnyDesign {
  const R = 10;
  const table: Record<string, Float64Array> = {
    psu: new Float64Array(N_PSU),
    stratum: new Float64Array(N_PSU),
  };
  const columns: string[] = [];
  for (let p = 0; p < N_PSU; p++) {
    table.psu[p] = (p % PSU_PER_STRATUM) + 1;
    table.stratum[p] = Math.floor(p / PSU_PER_STRATUM) + 1;
  }
  for (let r = 0; r < R; r++) {
    const c = new Float64Array(N_PSU);
    for (let p = 0; p < N_PSU; p++) c[p] = p % R === r ? 0 : R / (R - 1);
    table[`rep${r + 1}`] = c;
    columns.push(`rep${r + 1}`);
  }
  return asSvrepDesign(d, { type: 'JK1', multipliers: { table, columns }, scale: (R - 1) / R });
}

function numbers(e: Estimate) {
  return { names: e.names, estimate: e.estimate, se: e.se, vcov: e.vcov, n: e.n, deff: e.deff };
}

const cb = { name: 'country_birth', factor: true };
const emp = { name: 'employment', factor: true };

afterAll(() => setFastPath(true));

describe('cold first estimate', () => {
  it("the design's PSU index holds each cluster's first row, sharing its stratum with every row", () => {
    const data = freshData();
    const two = svyDesign(
      { ids: ['psu', 'rep_group'], strata: 'stratum', weights: 'weight', nest: true },
      data,
    );
    for (const d of [design(data), two as SurveyDesign])
      for (const st of d.stages) {
        const first = new Int32Array(st.nClusters).fill(-1);
        for (let i = 0; i < d.n; i++) {
          const c = st.cluster[i];
          if (first[c] < 0) first[c] = i;
          expect(st.strata[i]).toBe(st.strata[st.firstRow[c]]);
        }
        expect(Array.from(st.firstRow)).toEqual(Array.from(first));
      }
  });

  it('numeric ids and strata are coded as their text would be: the same stages, checks and messages', () => {
    // rows permuted (a fixed stride), so first appearance is not sorted order
    const src = freshData();
    const rows = (src.weight as Float64Array).length;
    const data: DataFrame = {};
    for (const [k, v] of Object.entries(src))
      data[k] = Float64Array.from({ length: rows }, (_, i) => (v as Float64Array)[(i * 7919) % rows]);
    const asText: DataFrame = { weight: data.weight };
    for (const k of ['psu', 'stratum', 'psu_id', 'region']) asText[k] = Array.from(data[k] as Float64Array);
    const specs = [
      { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true },
      { ids: ['psu_id'], strata: 'stratum', weights: 'weight' },
      { ids: ['psu_id'], weights: 'weight' },
      { ids: [], strata: 'region', weights: 'weight' },
      { ids: ['psu'], strata: 'region', weights: 'weight', nest: true, checkStrata: true },
    ];
    for (const spec of specs) {
      const a = svyDesign(spec, data) as SurveyDesign;
      const b = svyDesign(spec, asText) as SurveyDesign;
      expect(a.stages).toEqual(b.stages);
    }
    const message = (d: DataFrame, spec: Parameters<typeof svyDesign>[0]) => {
      try {
        svyDesign(spec, d);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    // crossed PSUs without nest, a missing id, one PSU: the same errors
    const crossed = { ids: ['psu'], strata: 'stratum', weights: 'weight' };
    expect(message(data, crossed)).toContain('appears in strata');
    expect(message(data, crossed)).toBe(message(asText, crossed));
    const holed = { ...data, psu: Float64Array.from(data.psu as Float64Array) };
    (holed.psu as Float64Array)[7] = Number.NaN;
    const holedText = {
      ...asText,
      psu: Array.from(holed.psu as Float64Array, (v) => (Number.isNaN(v) ? null : v)),
    };
    const spec0 = { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true };
    expect(message(holed, spec0)).toContain('row 8');
    expect(message(holed, spec0)).toBe(message(holedText, spec0));
    const one = { ...data, psu: new Float64Array(data.weight.length).fill(4) };
    const oneText = { ...asText, psu: new Array(data.weight.length).fill(4) };
    expect(message(one, { ids: ['psu'], weights: 'weight' })).toContain('only one primary sampling unit');
    expect(message(one, { ids: ['psu'], weights: 'weight' })).toBe(
      message(oneText, { ids: ['psu'], weights: 'weight' }),
    );
  });

  it('the first call (factors built, nothing cached) equals the second bit for bit', () => {
    const d = design(freshData());
    const calls: [string, () => Estimate][] = [
      ['mean', () => svyMean(cb, d, { deff: true })],
      ['by', () => svyBy(emp, 'country_birth', d, 'mean', { naRm: true, deff: true })],
      ['by NA', () => svyBy(emp, 'sex', d, 'mean')],
    ];
    for (const [, f] of calls) expect(numbers(f())).toEqual(numbers(f()));
    const rep = replicate(design(freshData()));
    expect(numbers(svyMean(cb, rep))).toEqual(numbers(svyMean(cb, rep)));
  });

  it('a factor counts its missing rows; a variable with missing values still gives NA without naRm', () => {
    const data = freshData();
    const f = factorColumn(data, 'employment');
    expect(f.nMissing).toBe(f.codes.filter((c) => c < 0).length);
    expect(f.nMissing).toBeGreaterThan(0);
    expect(factorColumn(data, 'country_birth').nMissing).toBe(0);
    const d = design(data);
    expect(svyMean(emp, d).estimate.every(Number.isNaN)).toBe(true);
    expect(svyMean(emp, d, { naRm: true }).estimate.some(Number.isNaN)).toBe(false);
  });

  it('an integer factor with unused values in its range has the codes and levels of the general coding', () => {
    const x = new Float64Array([5, 1, Number.NaN, 9, 5, 1, 12, Number.NaN, 9]);
    const fast = factorColumn({ x }, 'x');
    const general = factorColumn({ x: Array.from(x) }, 'x');
    expect(fast.levels).toEqual(['1', '5', '9', '12']);
    expect(fast.levels).toEqual(general.levels);
    expect(Array.from(fast.codes)).toEqual(Array.from(general.codes));
    expect(fast.nMissing).toBe(2);
    expect(general.nMissing).toBe(2);
    // not integers (also when their differences are): the general coding's levels
    const halves = new Float64Array([2.5, 0.5, Number.NaN, 1.5, 0.5]);
    expect(factorColumn({ x: halves }, 'x').levels).toEqual(['0.5', '1.5', '2.5']);
    expect(Array.from(factorColumn({ x: halves }, 'x').codes)).toEqual([2, 0, -1, 1, 0]);
    // a value that rounds to an integer offset is still not an integer
    expect(factorColumn({ x: new Float64Array([-1, 1e-20]) }, 'x').levels).toEqual(['-1', '1e-20']);
    // below the sampled smallest value, and far above it: the same coding
    const spread = new Float64Array(9000).map((_, i) => (i % 7) + 3);
    spread[8999] = 1;
    spread[8998] = 50000;
    const f = factorColumn({ x: spread }, 'x');
    const g = factorColumn({ x: Array.from(spread) }, 'x');
    expect(f.levels).toEqual(g.levels);
    expect(Array.from(f.codes)).toEqual(Array.from(g.codes));
    // missing values only: no levels (this used to throw a RangeError)
    const none = factorColumn({ x: new Float64Array([Number.NaN, Number.NaN]) }, 'x');
    expect(none.levels).toEqual([]);
    expect(Array.from(none.codes)).toEqual([-1, -1]);
  });

  it('a factor counts its rows per level; a mean over every row (the sums-only pass) equals the general path', () => {
    const data = freshData();
    for (const name of ['country_birth', 'employment']) {
      const f = factorColumn(data, name);
      const want = new Array(f.levels.length).fill(0);
      for (const c of f.codes) if (c >= 0) want[c]++;
      expect(Array.from(f.counts ?? [])).toEqual(want);
    }
    // no weight 0 and no missing level: the sums-only pass; then one weight 0 (rows counted)
    const zero = { ...data, weight: Float64Array.from(data.weight as Float64Array) };
    (zero.weight as Float64Array)[5] = 0;
    for (const d of [design(data), design(zero)]) {
      setFastPath(true);
      const fast = numbers(svyMean(cb, d, { deff: true }));
      setFastPath(false);
      const general = numbers(svyMean(cb, d, { deff: true }));
      setFastPath(true);
      expect(fast.n).toEqual(general.n);
      for (let j = 0; j < fast.se.length; j++) {
        expect(fast.estimate[j]).toBeCloseTo(general.estimate[j], 12);
        expect(fast.se[j]).toBeCloseTo(general.se[j], 12);
      }
    }
    expect(svyMean(cb, design(zero)).n.reduce((a, b) => a + b, 0)).toBe(
      svyMean(cb, design(data)).n.reduce((a, b) => a + b, 0) - 1,
    );
  });

  it('svyBy equals the general path with every domain present and with one absent (domains renumbered)', () => {
    const data = freshData();
    const d = design(data);
    const keep = new Uint8Array(d.n);
    const cbCol = data.country_birth as Float64Array;
    for (let i = 0; i < d.n; i++) keep[i] = cbCol[i] === 3 ? 0 : 1;
    const designs: AnyDesign[] = [d, subsetDesign(d, keep), replicate(d)];
    for (const x of designs) {
      const run = () => numbers(svyBy(emp, 'country_birth', x, 'mean', { naRm: true, covmat: true }));
      setFastPath(true);
      const fast = run();
      setFastPath(false);
      const general = run();
      setFastPath(true);
      expect(fast.names).toEqual(general.names);
      expect(fast.n).toEqual(general.n);
      for (let j = 0; j < fast.se.length; j++) {
        expect(fast.estimate[j]).toBeCloseTo(general.estimate[j], 12);
        expect(fast.se[j]).toBeCloseTo(general.se[j], 12);
      }
    }
    expect(svyBy(emp, 'country_birth', subsetDesign(d, keep), 'mean', { naRm: true }).names).not.toContain(
      '3',
    );
    // a given level no row has is not a domain, though no weight is 0
    const levels = { country_birth: ['1', '2', '3', '99'] };
    expect(svyBy(emp, 'country_birth', d, 'mean', { naRm: true, levels }).domains?.labels).toEqual([
      ['1'],
      ['2'],
      ['3'],
    ]);
  });

  it("svyBy's sums-only pass (every weight > 0) gives, bit for bit, what the pass marking PSUs row by row gives", () => {
    // PSUs whose rows of a domain all miss the variable take no part in it, as PSUs without rows
    const data = freshData();
    const empCol = Float64Array.from(data.employment as Float64Array);
    const cbCol = data.country_birth as Float64Array;
    const psuId = data.psu_id as Float64Array;
    for (let i = 0; i < empCol.length; i++) if (cbCol[i] === 2 && psuId[i] <= 300) empCol[i] = Number.NaN;
    const d = design({ ...data, employment: empCol });
    expect(positiveWeights(d.weights)).toBe(true);
    // the same rows as a subset leaving out one row the estimate skips anyway (its variable is
    // missing): a weight 0, so the subset's pass marks each PSU of a domain from its rows
    const keep = new Uint8Array(d.n).fill(1);
    keep[empCol.findIndex((v) => Number.isNaN(v))] = 0;
    const sub = subsetDesign(d, keep);
    expect(positiveWeights(sub.weights)).toBe(false);
    const run = (x: AnyDesign) => numbers(svyBy(emp, 'country_birth', x, 'mean', { naRm: true, deff: true }));
    expect(run(d)).toEqual(run(sub));
    expect(positiveWeights(Float64Array.from([1, -2]))).toBe(false);
    expect(positiveWeights(Float64Array.from([1, Number.NaN]))).toBe(false);
  });

  it('strataVariance (clusters grouped by a counting sort) adds in the order of the Map grouping it replaced', () => {
    // strata numbered downwards, so their codes (first appearance) and label order differ
    const data = freshData();
    data.stratum = (data.stratum as Float64Array).map((h) => 41 - h);
    const d = design(data);
    const st = d.stages[0];
    expect(st.strataOrder[0]).not.toBe(0);
    // clusters in a scrambled order (as multistage gives them, by first appearance), some absent
    const clusters: number[] = [];
    for (let k = 0; k < st.nClusters; k++) {
      const c = (k * 7919) % st.nClusters;
      if (c % 5 !== 0) clusters.push(c);
    }
    const p = 3;
    const tot = new Float64Array(st.nClusters * p).map((_, i) => u01(i + 17) * 1000 - 400);
    for (const diagonalOnly of [false, true]) {
      const got = strataVariance(d, 0, clusters, tot, p, st.firstRow, [], diagonalOnly);
      expect(Array.from(got)).toEqual(Array.from(mapGroupedVariance(d, clusters, tot, p, diagonalOnly)));
    }
  });
});

/**
 * strataVariance's arithmetic as it was with clusters grouped in a Map (each stratum's in the
 * order given) and strata sorted by their labels' rank, for a design without population sizes
 * and strata of several PSUs (f = 1, no lonely PSU): the reference the new grouping must match.
 */
function mapGroupedVariance(
  d: SurveyDesign,
  clusters: number[],
  tot: Float64Array,
  p: number,
  diagonalOnly: boolean,
): Float64Array {
  const st = d.stages[0];
  const byStratum = new Map<number, number[]>();
  for (const c of clusters) {
    const h = st.strata[st.firstRow[c]];
    const list = byStratum.get(h) ?? [];
    list.push(c);
    byStratum.set(h, list);
  }
  const rank = new Int32Array(st.nStrata);
  st.strataOrder.forEach((h, r) => {
    rank[h] = r;
  });
  const v = new Float64Array(p * p);
  for (const h of [...byStratum.keys()].sort((a, b) => rank[a] - rank[b])) {
    const cl = byStratum.get(h) as number[];
    const nPSU = st.nPSU[h];
    const scale = (1 * nPSU) / (nPSU - 1);
    const mean = new Float64Array(p);
    for (const c of cl) for (let j = 0; j < p; j++) mean[j] += tot[c * p + j];
    for (let j = 0; j < p; j++) mean[j] /= Math.max(nPSU, cl.length);
    for (const c of cl) {
      const dev = Array.from({ length: p }, (_, j) => tot[c * p + j] - mean[j]);
      for (let a = 0; a < p; a++)
        for (let b = a; b < (diagonalOnly ? a + 1 : p); b++) v[a * p + b] += dev[a] * scale * dev[b];
    }
    const missingScale = (nPSU - cl.length) * scale;
    if (nPSU > cl.length)
      for (let a = 0; a < p; a++)
        for (let b = a; b < (diagonalOnly ? a + 1 : p); b++) v[a * p + b] += missingScale * mean[a] * mean[b];
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) v[a * p + b] = v[b * p + a];
  return v;
}
