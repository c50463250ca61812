/**
 * What a calibrated design remembers so that its linearisation variance uses the residuals of the
 * calibration model (R design$postStrata): post-stratification, raking and GREG-type calibration.
 */

export type CalibrationStep =
  | {
      kind: 'poststratify';
      index: Int32Array;
      nLevels: number;
      weights: Float64Array;
      oldWeights: Float64Array;
    }
  | { kind: 'raking'; margins: { index: Int32Array; nLevels: number; weights: Float64Array }[] }
  | { kind: 'greg'; q: Float64Array[]; w: Float64Array };

/** Removes the calibration fit from influence columns, in place order as R's svyrecvar. */
export function calibrationResiduals(x: Float64Array[], steps: readonly CalibrationStep[]): Float64Array[] {
  if (steps.length === 0) return x;
  let cols = x.map((c) => Float64Array.from(c));
  const n = x.length ? x[0].length : 0;
  for (const step of steps) {
    if (step.kind === 'greg') {
      const { q, w } = step;
      cols = cols.map((c) => {
        const y = new Float64Array(n);
        for (let i = 0; i < n; i++) y[i] = c[i] / w[i];
        for (const qk of q) {
          let dot = 0;
          for (let i = 0; i < n; i++) dot += qk[i] * y[i];
          for (let i = 0; i < n; i++) y[i] -= dot * qk[i];
        }
        for (let i = 0; i < n; i++) y[i] *= w[i];
        return y;
      });
    } else if (step.kind === 'raking') {
      for (let it = 0; it < 10; it++) {
        for (const m of step.margins) {
          const counts = new Float64Array(m.nLevels);
          for (let i = 0; i < n; i++) counts[m.index[i]] += 1;
          for (const c of cols) {
            const sums = new Float64Array(m.nLevels);
            for (let i = 0; i < n; i++) sums[m.index[i]] += c[i] / m.weights[i];
            for (let i = 0; i < n; i++) c[i] -= (m.weights[i] * sums[m.index[i]]) / counts[m.index[i]];
          }
        }
      }
    } else {
      const { index, nLevels, weights, oldWeights } = step;
      const psw = Float64Array.from(weights);
      for (let i = 0; i < n; i++) if (psw[i] === 0 && oldWeights[i] === 0) psw[i] = 1;
      const denom = new Float64Array(nLevels);
      for (let i = 0; i < n; i++) denom[index[i]] += oldWeights[i];
      for (const c of cols) {
        const sums = new Float64Array(nLevels);
        for (let i = 0; i < n; i++) sums[index[i]] += (c[i] * oldWeights[i]) / psw[i];
        for (let i = 0; i < n; i++) c[i] -= (sums[index[i]] / denom[index[i]]) * psw[i];
      }
    }
  }
  return cols;
}

/** Orthonormal basis of the columns of X (modified Gram-Schmidt, applied twice for stability). */
export function orthonormalBasis(X: Float64Array[], tol = 1e-7): Float64Array[] {
  const q: Float64Array[] = [];
  for (const col of X) {
    const v = Float64Array.from(col);
    const norm0 = Math.sqrt(v.reduce((s, a) => s + a * a, 0));
    for (let pass = 0; pass < 2; pass++)
      for (const qk of q) {
        let dot = 0;
        for (let i = 0; i < v.length; i++) dot += qk[i] * v[i];
        for (let i = 0; i < v.length; i++) v[i] -= dot * qk[i];
      }
    const norm = Math.sqrt(v.reduce((s, a) => s + a * a, 0));
    if (norm0 === 0 || norm <= tol * norm0) continue; // linearly dependent column (R qr pivots it out)
    for (let i = 0; i < v.length; i++) v[i] /= norm;
    q.push(v);
  }
  return q;
}
