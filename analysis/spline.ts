/**
 * R's interpolating cubic spline (stats::spline, method "fmm": Forsythe, Malcolm and Moler end
 * conditions) and linear interpolation (stats::approx), as used by R survey's profile intervals.
 */

/** Coefficients b, c, d of the fmm spline through (x, y); x increasing. */
export function fmmSpline(x: number[], y: number[]): { b: number[]; c: number[]; d: number[] } {
  const n = x.length;
  const b = new Array<number>(n + 1).fill(0);
  const c = new Array<number>(n + 1).fill(0);
  const d = new Array<number>(n + 1).fill(0);
  const X = [0, ...x];
  const Y = [0, ...y];
  if (n < 3) {
    const t = (Y[2] - Y[1]) / (X[2] - X[1]);
    return { b: [t, t], c: [0, 0], d: [0, 0] };
  }
  const nm1 = n - 1;
  d[1] = X[2] - X[1];
  c[2] = (Y[2] - Y[1]) / d[1];
  for (let i = 2; i < n; i++) {
    d[i] = X[i + 1] - X[i];
    b[i] = 2 * (d[i - 1] + d[i]);
    c[i + 1] = (Y[i + 1] - Y[i]) / d[i];
    c[i] = c[i + 1] - c[i];
  }
  b[1] = -d[1];
  b[n] = -d[nm1];
  c[1] = 0;
  c[n] = 0;
  if (n > 3) {
    c[1] = c[3] / (X[4] - X[2]) - c[2] / (X[3] - X[1]);
    c[n] = c[nm1] / (X[n] - X[n - 2]) - c[n - 2] / (X[nm1] - X[n - 3]);
    c[1] = (c[1] * d[1] * d[1]) / (X[4] - X[1]);
    c[n] = (-c[n] * d[nm1] * d[nm1]) / (X[n] - X[n - 3]);
  }
  for (let i = 2; i <= n; i++) {
    const t = d[i - 1] / b[i - 1];
    b[i] = b[i] - t * d[i - 1];
    c[i] = c[i] - t * c[i - 1];
  }
  c[n] = c[n] / b[n];
  for (let i = nm1; i >= 1; i--) c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
  b[n] = (Y[n] - Y[n - 1]) / d[n - 1] + d[n - 1] * (c[n - 1] + 2 * c[n]);
  for (let i = 1; i <= nm1; i++) {
    b[i] = (Y[i + 1] - Y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i]);
    d[i] = (c[i + 1] - c[i]) / d[i];
    c[i] = 3 * c[i];
  }
  c[n] = 3 * c[n];
  d[n] = d[nm1];
  return { b: b.slice(1), c: c.slice(1), d: d.slice(1) };
}

/** R's spline(x, y, n = 3 * length(x)): the fmm spline evaluated on an even grid. */
export function spline(x: number[], y: number[], nOut = 3 * x.length): { x: number[]; y: number[] } {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const xs = order.map((i) => x[i]);
  const ys = order.map((i) => y[i]);
  const { b, c, d } = fmmSpline(xs, ys);
  const n = xs.length;
  const lo = xs[0];
  const hi = xs[n - 1];
  const by = (hi - lo) / (nOut - 1);
  const outX: number[] = [];
  const outY: number[] = [];
  let i = 0;
  for (let l = 0; l < nOut; l++) {
    const u = l === nOut - 1 ? hi : lo + l * by;
    if (u < xs[i] || (i < n - 1 && xs[i + 1] < u)) {
      i = 0;
      let j = n;
      do {
        const k = Math.floor((i + j) / 2);
        if (u < xs[k]) j = k;
        else i = k;
      } while (j > i + 1);
    }
    const dx = u - xs[i];
    outX.push(u);
    outY.push(ys[i] + dx * (b[i] + dx * (c[i] + dx * d[i])));
  }
  return { x: outX, y: outY };
}

/** R's approx(x, y, xout) with rule = 1 (NaN outside), ties averaged, NaN pairs dropped. */
export function approx(x: number[], y: number[], xout: number): number {
  // R drops NA pairs first (a NaN x would otherwise never match its own tie and loop for ever).
  const pairs = x
    .map((v, i) => [v, y[i]] as [number, number])
    .filter(([a, b]) => !Number.isNaN(a) && !Number.isNaN(b))
    .sort((a, b) => a[0] - b[0]);
  if (pairs.length === 0) return Number.NaN;
  // ties = mean
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < pairs.length; ) {
    let m = k;
    let s = 0;
    while (m < pairs.length && pairs[m][0] === pairs[k][0]) s += pairs[m++][1];
    xs.push(pairs[k][0]);
    ys.push(s / (m - k));
    k = m;
  }
  const n = xs.length;
  if (xout < xs[0] || xout > xs[n - 1]) return Number.NaN;
  let i = 0;
  let j = n - 1;
  while (i < j - 1) {
    const ij = Math.floor((i + j) / 2);
    if (xout < xs[ij]) j = ij;
    else i = ij;
  }
  if (xout === xs[j]) return ys[j];
  if (xout === xs[i]) return ys[i];
  return ys[i] + ((ys[j] - ys[i]) * (xout - xs[i])) / (xs[j] - xs[i]);
}
