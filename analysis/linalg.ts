/** Small dense linear algebra on row-major number[][] matrices. */

export type Mat = number[][];

export function matMul(a: Mat, b: Mat): Mat {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const k = b.length;
  const out: Mat = Array.from({ length: n }, () => new Array(m).fill(0));
  for (let i = 0; i < n; i++)
    for (let l = 0; l < k; l++) {
      const ail = a[i][l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i][j] += ail * b[l][j];
    }
  return out;
}

export function transpose(a: Mat): Mat {
  return (a[0] ?? []).map((_, j) => a.map((row) => row[j]));
}

export function trace(a: Mat): number {
  return a.reduce((s, row, i) => s + row[i], 0);
}

/** Solves A X = B by Gaussian elimination with partial pivoting. */
export function solve(A: Mat, B: Mat): Mat {
  const n = A.length;
  const a = A.map((r) => [...r]);
  const b = B.map((r) => [...r]);
  const m = b[0]?.length ?? 0;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    if (a[piv][c] === 0) throw new Error('Singular matrix in solve()');
    [a[c], a[piv]] = [a[piv], a[c]];
    [b[c], b[piv]] = [b[piv], b[c]];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      if (f === 0) continue;
      for (let j = c; j < n; j++) a[r][j] -= f * a[c][j];
      for (let j = 0; j < m; j++) b[r][j] -= f * b[c][j];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    for (let j = 0; j < m; j++) {
      let s = b[c][j];
      for (let k = c + 1; k < n; k++) s -= a[c][k] * b[k][j];
      b[c][j] = s / a[c][c];
    }
  }
  return b;
}

/**
 * `solve` for one right-hand side on a flat row-major n x n matrix, in place (`a` and `b` are
 * overwritten, the solution left in `b`): the same pivots and the same operations in the same order
 * as `solve` on every entry it reads again, so the same bits, without copying rows. The eliminated
 * column below the pivot (which nothing reads afterwards) is not written.
 */
export function solveFlat(a: Float64Array, b: Float64Array, n: number): void {
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[piv * n + c])) piv = r;
    if (a[piv * n + c] === 0) throw new Error('Singular matrix in solve()');
    if (piv !== c) {
      for (let j = 0; j < n; j++) {
        const t = a[c * n + j];
        a[c * n + j] = a[piv * n + j];
        a[piv * n + j] = t;
      }
      const t = b[c];
      b[c] = b[piv];
      b[piv] = t;
    }
    const rc = c * n;
    const pivot = a[rc + c];
    for (let r = c + 1; r < n; r++) {
      const rr = r * n;
      const f = a[rr + c] / pivot;
      if (f === 0) continue;
      // a[r][c] itself (solve's j = c) is never read again: left as it is
      for (let j = c + 1; j < n; j++) a[rr + j] -= f * a[rc + j];
      b[r] -= f * b[c];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = b[c];
    for (let k = c + 1; k < n; k++) s -= a[c * n + k] * b[k];
    b[c] = s / a[c * n + c];
  }
}

/** Residuals of the columns of Y after least-squares projection on the columns of X (R qr.resid). */
export function qrResid(X: Mat, Y: Mat): Mat {
  const n = X.length;
  const p = X[0].length;
  const q: number[][] = [];
  for (let j = 0; j < p; j++) {
    const v = X.map((r) => r[j]);
    const norm0 = Math.hypot(...v);
    for (let pass = 0; pass < 2; pass++)
      for (const qk of q) {
        let d = 0;
        for (let i = 0; i < n; i++) d += qk[i] * v[i];
        for (let i = 0; i < n; i++) v[i] -= d * qk[i];
      }
    const norm = Math.hypot(...v);
    if (norm0 === 0 || norm < 1e-10 * norm0) continue;
    q.push(v.map((x) => x / norm));
  }
  const m = Y[0].length;
  const out: Mat = Y.map((r) => [...r]);
  for (let j = 0; j < m; j++)
    for (let pass = 0; pass < 2; pass++)
      for (const qk of q) {
        let d = 0;
        for (let i = 0; i < n; i++) d += qk[i] * out[i][j];
        for (let i = 0; i < n; i++) out[i][j] -= d * qk[i];
      }
  return out;
}
