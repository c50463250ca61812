/**
 * Normal, Student t, F and chi-square CDFs and quantiles to double precision, built on the
 * incomplete gamma and beta functions. Quantiles use a starting value refined by Newton steps.
 */
import { betaInc, qbeta } from './beta.ts';
import { gammaInc, lgamma } from './gamma.ts';

const SQRT1_2 = Math.SQRT1_2;

/** Complementary error function, from the regularised upper incomplete gamma Q(1/2, x^2). */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  return gammaInc(0.5, x * x).q;
}

/** Standard normal CDF (lowerTail) or survival function. */
export function pnorm(x: number, mean = 0, sd = 1, lowerTail = true): number {
  const z = (x - mean) / sd;
  if (Number.isNaN(z)) return Number.NaN;
  return lowerTail ? 0.5 * erfc(-z * SQRT1_2) : 0.5 * erfc(z * SQRT1_2);
}

/** Standard normal density. */
export function dnorm(x: number, mean = 0, sd = 1): number {
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}

/** Acklam's rational approximation (relative error 1.2e-9), refined below. */
function qnormStart(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const plow = 0.02425;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - plow) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Standard normal quantile. */
export function qnorm(p: number, mean = 0, sd = 1): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x = qnormStart(p);
  // Halley refinement on the smaller tail.
  for (let i = 0; i < 3; i++) {
    const e = x < 0 ? pnorm(x) - p : -(pnorm(x, 0, 1, false) - (1 - p));
    const u = e / dnorm(x);
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) < 1e-16 * Math.abs(x)) break;
  }
  return mean + sd * x;
}

/** Student t CDF. */
export function pt(t: number, df: number, lowerTail = true): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return pnorm(t, 0, 1, lowerTail);
  // P(|T| > |t|) / 2 = I_x(df/2, 1/2) / 2 with x = df / (df + t^2); betaInc keeps both tails accurate.
  const x = df / (df + t * t);
  const r = x < 0.5 ? betaInc(x, df / 2, 0.5).p : betaInc((t * t) / (df + t * t), 0.5, df / 2).q;
  const tail = 0.5 * r;
  if (t > 0) return lowerTail ? 1 - tail : tail;
  return lowerTail ? tail : 1 - tail;
}

/** Student t density. */
export function dt(t: number, df: number): number {
  return Math.exp(
    lgamma((df + 1) / 2) -
      lgamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/** Student t quantile. */
export function qt(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1 || df <= 0) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return qnorm(p);
  if (p === 0.5) return 0;
  if (p < 0.5) return -qt(1 - p, df);
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Exact inversion through the beta quantile: P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2) = 2(1-p).
  const tail = 2 * (1 - p);
  const x = qbeta(tail, df / 2, 0.5);
  let t = Math.sqrt((df * (1 - x)) / x);
  if (!Number.isFinite(t)) t = qnorm(p);
  // Newton polish on the t scale.
  for (let i = 0; i < 4; i++) {
    const e = pt(t, df, false) - (1 - p);
    const step = -e / dt(t, df);
    t -= step;
    if (Math.abs(step) < 1e-15 * Math.abs(t)) break;
  }
  return t;
}

/** F CDF. */
export function pf(x: number, df1: number, df2: number, lowerTail = true): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (df2 === Number.POSITIVE_INFINITY) return pchisq(x * df1, df1, lowerTail);
  const r = betaInc((df1 * x) / (df1 * x + df2), df1 / 2, df2 / 2);
  return lowerTail ? r.p : r.q;
}

/** F quantile. */
export function qf(p: number, df1: number, df2: number): number {
  const x = qbeta(p, df1 / 2, df2 / 2);
  return (df2 * x) / (df1 * (1 - x));
}

/** Chi-square CDF. */
export function pchisq(x: number, df: number, lowerTail = true): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  const r = gammaInc(df / 2, x / 2);
  return lowerTail ? r.p : r.q;
}

/** Chi-square quantile (Newton on the CDF from the Wilson-Hilferty start). */
export function qchisq(p: number, df: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const z = qnorm(p);
  const h = 2 / (9 * df);
  let x = Math.max(1e-10, df * (1 - h + z * Math.sqrt(h)) ** 3);
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i++) {
    const upper = p > 0.5;
    const e = upper ? -(pchisq(x, df, false) - (1 - p)) : pchisq(x, df) - p;
    if (e > 0) hi = x;
    else lo = x;
    const k = df / 2;
    const dens = Math.exp((k - 1) * Math.log(x / 2) - x / 2 - lgamma(k)) / 2;
    let next = x - e / dens;
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : x * 2;
    if (Math.abs(next - x) < 1e-15 * x) return next;
    x = next;
  }
  return x;
}
