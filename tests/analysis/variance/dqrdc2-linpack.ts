/**
 * The replicate df's rank as LINPACK dqrdc2 runs it in full, kept as the reference of
 * analysis/variance/replicate-rank.ts's dqrdc2Rank (which stops once only moved columns remain and
 * no longer transforms moved columns): every step, every column transformed, as before that change.
 * Tests compare the two ranks; analysis/ never imports this file.
 */
export function dqrdc2RankLinpack(rows: Float64Array[], R: number, tol: number): number {
  const m = rows.length;
  if (m === 0) return 0;
  const x = new Float64Array(m * R);
  for (let i = 0; i < m; i++) {
    const row = rows[i];
    for (let r = 0; r < R; r++) x[r * m + i] = row[r];
  }
  const offset = Int32Array.from({ length: R }, (_, j) => j * m); // column j starts at offset[j]
  const norm = (o: number, from: number) => {
    let s = 0;
    for (let i = o + from; i < o + m; i++) s += x[i] * x[i];
    return Math.sqrt(s);
  };
  const qraux = new Float64Array(R);
  const original = new Float64Array(R);
  /** Column j's remaining norm after step l (LINPACK's downdate, recomputed when it lost 6 digits). */
  const downdate = (j: number, oj: number, l: number) => {
    if (qraux[j] === 0) return;
    const tt = Math.max(1 - (Math.abs(x[oj + l]) / qraux[j]) ** 2, 0);
    if (tt < 1e-6) qraux[j] = norm(oj, l + 1);
    else qraux[j] *= Math.sqrt(tt);
  };
  for (let j = 0; j < R; j++) {
    qraux[j] = norm(offset[j], 0);
    original[j] = qraux[j] === 0 ? 1 : qraux[j];
  }
  const lup = Math.min(m, R);
  let k = R + 1; // 1-based as LINPACK
  for (let l = 0; l < lup; l++) {
    while (l + 1 < k && qraux[l] < original[l] * tol) {
      const o = offset[l];
      const q = qraux[l];
      const w = original[l];
      offset.copyWithin(l, l + 1);
      qraux.copyWithin(l, l + 1);
      original.copyWithin(l, l + 1);
      offset[R - 1] = o;
      qraux[R - 1] = q;
      original[R - 1] = w;
      k--;
    }
    if (l === m - 1) break;
    const ol = offset[l];
    let nrmxl = norm(ol, l);
    if (nrmxl === 0) continue;
    if (x[ol + l] < 0) nrmxl = -nrmxl;
    for (let i = ol + l; i < ol + m; i++) x[i] /= nrmxl;
    x[ol + l] += 1;
    const pivot = x[ol + l];
    // four columns per sweep over column l (each column's sums in the same order as one at a time)
    let j = l + 1;
    for (; j + 3 < R; j += 4) {
      const o0 = offset[j];
      const o1 = offset[j + 1];
      const o2 = offset[j + 2];
      const o3 = offset[j + 3];
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let i = l; i < m; i++) {
        const v = x[ol + i];
        d0 += v * x[o0 + i];
        d1 += v * x[o1 + i];
        d2 += v * x[o2 + i];
        d3 += v * x[o3 + i];
      }
      const t0 = -d0 / pivot;
      const t1 = -d1 / pivot;
      const t2 = -d2 / pivot;
      const t3 = -d3 / pivot;
      for (let i = l; i < m; i++) {
        const v = x[ol + i];
        x[o0 + i] += t0 * v;
        x[o1 + i] += t1 * v;
        x[o2 + i] += t2 * v;
        x[o3 + i] += t3 * v;
      }
      downdate(j, o0, l);
      downdate(j + 1, o1, l);
      downdate(j + 2, o2, l);
      downdate(j + 3, o3, l);
    }
    for (; j < R; j++) {
      const oj = offset[j];
      let dot = 0;
      for (let i = l; i < m; i++) dot += x[ol + i] * x[oj + i];
      const t = -dot / pivot;
      for (let i = l; i < m; i++) x[oj + i] += t * x[ol + i];
      downdate(j, oj, l);
    }
  }
  return Math.min(k - 1, m);
}
