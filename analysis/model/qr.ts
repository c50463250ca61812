/**
 * Householder QR with R's limited column pivoting (LINPACK dqrdc2, which R's lm.fit and glm.fit
 * call through Cdqrls): a column whose norm falls below tol times its original norm is moved to
 * the end and counts as aliased (its coefficient is NA in R). Least-squares coefficients by
 * applying Q' and back-substitution; (R'R)^-1 as R's chol2inv for the unscaled covariance.
 * Columns are Float64Arrays (column-major), loops only.
 */

export interface QrFit {
  /** Coefficients in the original column order; NaN for aliased columns. */
  coefficients: Float64Array;
  rank: number;
  /** Original column index of each pivoted position (R's qr$pivot, 0-based). */
  pivot: Int32Array;
  /** Upper-triangular R of the first `rank` pivoted columns, rank x rank row-major. */
  r: Float64Array;
}

/**
 * Least squares of y on the columns of x (each of length m), as R's Cdqrls(x, y, tol). With
 * `overwrite` the columns and y are used as work space (the caller's copies are destroyed).
 */
export function qrLeastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  tol: number,
  overwrite = false,
): QrFit {
  const p = columns.length;
  const m = y.length;
  const x = overwrite ? [...columns] : columns.map((c) => Float64Array.from(c));
  const qy = overwrite ? y : Float64Array.from(y);
  const pivot = Int32Array.from({ length: p }, (_, j) => j);
  const qraux = new Float64Array(p);
  const work1 = new Float64Array(p);
  const work2 = new Float64Array(p);
  const norm = (c: Float64Array, from: number) => {
    // scaled two-norm, as BLAS dnrm2
    let scale = 0;
    let ssq = 1;
    for (let i = from; i < m; i++) {
      const v = c[i];
      if (v !== 0) {
        const a = Math.abs(v);
        if (scale < a) {
          ssq = 1 + ssq * (scale / a) ** 2;
          scale = a;
        } else ssq += (a / scale) ** 2;
      }
    }
    return scale * Math.sqrt(ssq);
  };
  for (let j = 0; j < p; j++) {
    qraux[j] = norm(x[j], 0);
    work1[j] = qraux[j];
    work2[j] = qraux[j] === 0 ? 1 : qraux[j];
  }
  const lup = Math.min(m, p);
  let k = p + 1; // 1-based as LINPACK
  for (let l = 0; l < lup; l++) {
    // Cycle negligible columns to the end.
    while (l + 1 < k && qraux[l] < work2[l] * tol) {
      const col = x[l];
      const pv = pivot[l];
      const q = qraux[l];
      const w1 = work1[l];
      const w2 = work2[l];
      for (let j = l + 1; j < p; j++) {
        x[j - 1] = x[j];
        pivot[j - 1] = pivot[j];
        qraux[j - 1] = qraux[j];
        work1[j - 1] = work1[j];
        work2[j - 1] = work2[j];
      }
      x[p - 1] = col;
      pivot[p - 1] = pv;
      qraux[p - 1] = q;
      work1[p - 1] = w1;
      work2[p - 1] = w2;
      k--;
    }
    if (l === m - 1) break;
    const xl = x[l];
    let nrmxl = norm(xl, l);
    if (nrmxl === 0) continue;
    if (xl[l] !== 0) nrmxl = Math.sign(xl[l]) * Math.abs(nrmxl);
    for (let i = l; i < m; i++) xl[i] /= nrmxl;
    xl[l] += 1;
    for (let j = l + 1; j < p; j++) {
      const xj = x[j];
      let dot = 0;
      for (let i = l; i < m; i++) dot += xl[i] * xj[i];
      const t = -dot / xl[l];
      for (let i = l; i < m; i++) xj[i] += t * xl[i];
      if (qraux[j] === 0) continue;
      const tt = Math.max(1 - (Math.abs(xj[l]) / qraux[j]) ** 2, 0);
      if (Math.abs(tt) < 1e-6) {
        qraux[j] = norm(xj, l + 1);
        work1[j] = qraux[j];
      } else qraux[j] *= Math.sqrt(tt);
    }
    // Q'y for this reflector.
    let dot = 0;
    for (let i = l; i < m; i++) dot += xl[i] * qy[i];
    const t = -dot / xl[l];
    for (let i = l; i < m; i++) qy[i] += t * xl[i];
    qraux[l] = xl[l];
    xl[l] = -nrmxl;
  }
  const rank = Math.min(k - 1, m);
  const r = new Float64Array(rank * rank);
  for (let a = 0; a < rank; a++) for (let b = a; b < rank; b++) r[a * rank + b] = x[b][a];
  // Back-substitution R b = (Q'y)[0:rank].
  const b = new Float64Array(rank);
  for (let a = rank - 1; a >= 0; a--) {
    let s = qy[a];
    for (let c = a + 1; c < rank; c++) s -= r[a * rank + c] * b[c];
    b[a] = s / r[a * rank + a];
  }
  const coefficients = new Float64Array(p).fill(Number.NaN);
  for (let a = 0; a < rank; a++) coefficients[pivot[a]] = b[a];
  return { coefficients, rank, pivot, r };
}

/** (R'R)^-1 from the upper-triangular R (rank x rank, row-major), as R's chol2inv. */
export function chol2inv(r: Float64Array, rank: number): Float64Array {
  // Rinv upper triangular, then Rinv Rinv'.
  const inv = new Float64Array(rank * rank);
  for (let j = 0; j < rank; j++) {
    inv[j * rank + j] = 1 / r[j * rank + j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let c = i + 1; c <= j; c++) s += r[i * rank + c] * inv[c * rank + j];
      inv[i * rank + j] = -s / r[i * rank + i];
    }
  }
  const out = new Float64Array(rank * rank);
  for (let a = 0; a < rank; a++)
    for (let b = a; b < rank; b++) {
      let s = 0;
      for (let c = b; c < rank; c++) s += inv[a * rank + c] * inv[b * rank + c];
      out[a * rank + b] = s;
      out[b * rank + a] = s;
    }
  return out;
}
