/**
 * Rao-Scott tests of association in a two-way table (R `svychisq`): the second-order F
 * (default), the first-order chi-square, and the Wald and adjusted Wald tests.
 * @see Rao JNK, Scott AJ (1984) On chi-squared tests for multiway contingency tables with cell
 *   proportions estimated from survey data. Annals of Statistics 12:46-60.
 */
import { factorColumn } from '../data.ts';
import { pchisq, pf } from '../distributions/continuous.ts';
import { SurveyError } from '../errors.ts';
import type { Mat } from '../linalg.ts';
import { matMul, qrResid, solve, trace, transpose } from '../linalg.ts';
import { meanStat, totalStat } from './basic.ts';
import type { AnyDesign } from './core.ts';
import { assertDesign, degf, estimateStat, handleMissing, isReplicate } from './core.ts';

export type ChisqStatistic = 'F' | 'Chisq' | 'Wald' | 'adjWald';

/** A test result (R htest). */
export interface TestResult {
  method: string;
  statisticName: string;
  statistic: number;
  parameterNames: string[];
  parameter: number[];
  pValue: number;
  warnings: string[];
  /** The weighted table scaled to the sample size (rows x cols) and its dimnames. */
  table: { rows: string[]; cols: string[]; counts: number[][] };
}

/**
 * @example
 * svyChisq(['sch.wide', 'stype'], dclus1, 'F'); // F = 5.19, ndf 1.49, ddf 20.9, p = 0.0217
 */
export function svyChisq(
  variables: readonly [string, string],
  design: AnyDesign,
  statistic: ChisqStatistic = 'F',
  options: { levels?: Record<string, readonly string[]> } = {},
): TestResult {
  assertDesign(design);
  const [rv, cv] = variables;
  const fr = factorColumn(design.data, rv, options.levels?.[rv], 'variables');
  const fc = factorColumn(design.data, cv, options.levels?.[cv], 'variables');
  const n = design.n;
  const inDesign = (i: number) => (isReplicate(design) ? design.weights[i] !== 0 : design.inSubset[i] === 1);
  // Levels present among the rows of the design (R: unique values).
  const rowsUsed = new Uint8Array(fr.levels.length);
  const colsUsed = new Uint8Array(fc.levels.length);
  let N = 0;
  for (let i = 0; i < n; i++) {
    if (!inDesign(i)) continue;
    N++;
    if (fr.codes[i] >= 0) rowsUsed[fr.codes[i]] = 1;
    if (fc.codes[i] >= 0) colsUsed[fc.codes[i]] = 1;
  }
  const rl = fr.levels.map((_, k) => k).filter((k) => rowsUsed[k]);
  const cl = fc.levels.map((_, k) => k).filter((k) => colsUsed[k]);
  const nr = rl.length;
  const nc = cl.length;
  if (nr < 2 || nc < 2)
    throw new SurveyError(
      `svyChisq needs at least two levels in each variable (${rv}: ${nr}, ${cv}: ${nc}).`,
      'variables',
    );
  const rIndex = new Int32Array(fr.levels.length).fill(-1);
  rl.forEach((k, j) => {
    rIndex[k] = j;
  });
  const cIndex = new Int32Array(fc.levels.length).fill(-1);
  cl.forEach((k, j) => {
    cIndex[k] = j;
  });
  const K = nr * nc;
  const cellOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = fr.codes[i] >= 0 ? rIndex[fr.codes[i]] : -1;
    const b = fc.codes[i] >= 0 ? cIndex[fc.codes[i]] : -1;
    cellOf[i] = a < 0 || b < 0 ? -1 : a + nr * b;
  }
  const cells: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = cellOf[i] < 0 ? Number.NaN : cellOf[i] === k ? 1 : 0;
    cells.push(c);
  }
  const warnings: string[] = [];
  const nu = isReplicate(design) ? degf(design) : taylorNu(design);
  // Pearson X^2 on the weighted table scaled to N.
  const tbl = new Float64Array(K);
  let tsum = 0;
  for (let i = 0; i < n; i++)
    if (cellOf[i] >= 0 && design.weights[i] !== 0) {
      tbl[cellOf[i]] += design.weights[i];
      tsum += design.weights[i];
    }
  for (let k = 0; k < K; k++) tbl[k] *= N / tsum;
  const rs = new Float64Array(nr);
  const cs = new Float64Array(nc);
  let tot = 0;
  for (let a = 0; a < nr; a++)
    for (let b = 0; b < nc; b++) {
      rs[a] += tbl[a + nr * b];
      cs[b] += tbl[a + nr * b];
      tot += tbl[a + nr * b];
    }
  let X2 = 0;
  let small = false;
  for (let a = 0; a < nr; a++)
    for (let b = 0; b < nc; b++) {
      const E = (rs[a] * cs[b]) / tot;
      if (E < 5) small = true;
      X2 += (tbl[a + nr * b] - E) ** 2 / E;
    }
  const table = {
    rows: rl.map((k) => fr.levels[k]),
    cols: cl.map((k) => fc.levels[k]),
    counts: Array.from({ length: nr }, (_, a) => Array.from({ length: nc }, (_, b) => tbl[a + nr * b])),
  };

  if (statistic === 'Wald' || statistic === 'adjWald') {
    const rowInd = Array.from({ length: nr }, (_, a) => {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = fr.codes[i] < 0 ? Number.NaN : rIndex[fr.codes[i]] === a ? 1 : 0;
      return c;
    });
    const colInd = Array.from({ length: nc }, (_, b) => {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = fc.codes[i] < 0 ? Number.NaN : cIndex[fc.codes[i]] === b ? 1 : 0;
      return c;
    });
    const one = new Float64Array(n).fill(1);
    const all = [...cells, ...rowInd, ...colInd, one];
    const miss = handleMissing(design, all, true);
    const r = estimateStat(miss.design, totalStat([], miss.cols, n), warnings);
    const T = r.estimate;
    const P = all.length;
    const Vc: Mat = Array.from({ length: P }, (_, a) => Array.from(r.vcov.subarray(a * P, a * P + P)));
    const total = T[K + nr + nc];
    const J: Mat = Array.from({ length: K }, () => new Array(P).fill(0));
    const Y: number[] = new Array(K);
    for (let k = 0; k < K; k++) {
      const a = k % nr;
      const b = Math.floor(k / nr);
      J[k][k] = 1;
      J[k][K + a] = -T[K + nr + b] / total;
      J[k][K + nr + b] = -T[K + a] / total;
      J[k][K + nr + nc] = (T[K + a] * T[K + nr + b]) / (total * total);
      Y[k] = T[k] - (T[K + a] * T[K + nr + b]) / total;
    }
    const V = matMul(matMul(J, Vc), transpose(J));
    const use: number[] = [];
    for (let b = 1; b < nc; b++) for (let a = 1; a < nr; a++) use.push(a + nr * b);
    const Vu = use.map((i) => use.map((j) => V[i][j]));
    const Yu = use.map((i) => [Y[i]]);
    const W = Yu.reduce((s, y, i) => s + y[0] * solve(Vu, Yu)[i][0], 0);
    const k = (nc - 1) * (nr - 1);
    let stat: number;
    let ddf: number;
    if (statistic === 'Wald') {
      stat = W / k;
      ddf = nu;
    } else {
      ddf = nu - k + 1;
      stat = (W * ddf) / (k * nu);
    }
    return {
      method: 'Design-based Wald test of association',
      statisticName: 'F',
      statistic: stat,
      parameterNames: ['ndf', 'ddf'],
      parameter: [k, ddf],
      pValue: pf(stat, k, ddf, false),
      warnings,
      table,
    };
  }

  const miss = handleMissing(design, cells, true);
  const r = estimateStat(miss.design, meanStat([], miss.cols, n), warnings);
  const mean2 = Array.from(r.estimate);
  const V: Mat = Array.from({ length: K }, (_, a) => Array.from(r.vcov.subarray(a * K, a * K + K)));
  // Main-effects design X1 and interaction columns, on the expand.grid of (rows, cols).
  const X1: Mat = [];
  const X12int: Mat = [];
  for (let k = 0; k < K; k++) {
    const a = k % nr;
    const b = Math.floor(k / nr);
    const row = [1];
    for (let i = 1; i < nr; i++) row.push(a === i ? 1 : 0);
    for (let j = 1; j < nc; j++) row.push(b === j ? 1 : 0);
    X1.push(row);
    const inter: number[] = [];
    for (let j = 1; j < nc; j++) for (let i = 1; i < nr; i++) inter.push(a === i && b === j ? 1 : 0);
    X12int.push(inter);
  }
  const C = qrResid(X1, X12int);
  const iD = mean2.map((m) => (m === 0 ? 0 : 1 / m));
  const Ct = transpose(C);
  const scaleRows = (M: Mat, s: number[]) => M.map((row, i) => row.map((v) => v * s[i]));
  const denom = matMul(
    Ct,
    scaleRows(
      C,
      iD.map((v) => v / N),
    ),
  );
  const iDC = scaleRows(C, iD);
  const numr = matMul(transpose(iDC), matMul(V, iDC));
  const Delta = solve(denom, numr);
  const trD = trace(Delta);
  const trD2 = trace(matMul(Delta, Delta));
  const d0 = (trD * trD) / trD2;
  if (small) warnings.push('Chi-squared approximation may be incorrect');
  if (statistic === 'F') {
    const F = X2 / trD;
    return {
      method: "Pearson's X^2: Rao & Scott adjustment",
      statisticName: 'F',
      statistic: F,
      parameterNames: ['ndf', 'ddf'],
      parameter: [d0, d0 * nu],
      pValue: pf(F, d0, d0 * nu, false),
      warnings,
      table,
    };
  }
  const dfC = Delta.length;
  return {
    method: "Pearson's X^2: Rao & Scott adjustment",
    statisticName: 'X-squared',
    statistic: X2,
    parameterNames: ['df'],
    parameter: [dfC],
    pValue: pchisq(X2 / (trD / dfC), dfC, false),
    warnings,
    table,
  };
}

function taylorNu(design: AnyDesign): number {
  if (design.kind !== 'taylor') return degf(design);
  const st = design.stages[0];
  const c = new Set<number>();
  const s = new Set<number>();
  for (let i = 0; i < design.n; i++)
    if (design.inSubset[i]) {
      c.add(st.cluster[i]);
      s.add(st.strata[i]);
    }
  return c.size - s.size;
}
