/**
 * Log-gamma and the regularised incomplete gamma function, accurate to about 1e-15 relative.
 * Stirling's series with the recurrence for small arguments; series / Lentz continued fraction for
 * the incomplete gamma (Numerical Recipes 6.2, with the upper tail computed directly).
 */

const LN_SQRT_2PI = 0.9189385332046728;

/** Stirling correction lgamma(x) - [(x - 1/2) ln x - x + ln sqrt(2 pi)], for x >= 10. */
function stirlingTail(x: number): number {
  const x2 = 1 / (x * x);
  const series =
    1 / 12 +
    x2 * (-1 / 360 + x2 * (1 / 1260 + x2 * (-1 / 1680 + x2 * (1 / 1188 + x2 * (-691 / 360360 + x2 / 156)))));
  return series / x;
}

/** Natural logarithm of the gamma function for x > 0. */
export function lgamma(x: number): number {
  if (Number.isNaN(x) || x <= 0) return x === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  if (x === 1 || x === 2) return 0;
  if (x < 10) {
    // lgamma(x) = lgamma(x + k) - ln(x (x+1) ... (x+k-1))
    let prod = 1;
    let y = x;
    while (y < 10) {
      prod *= y;
      y += 1;
    }
    return lgamma(y) - Math.log(prod);
  }
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingTail(x);
}

/** log B(a, b), computed to avoid cancellation when both are large. */
export function lbeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    // Both large: Stirling corrections separately (as R's lbeta).
    const corr = stirlingTail(p) + stirlingTail(q) - stirlingTail(p + q);
    return (
      Math.log(q) * -0.5 +
      LN_SQRT_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = stirlingTail(q) - stirlingTail(p + q);
    return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return lgamma(p) + lgamma(q) - lgamma(p + q);
}

const EPS = 1e-16;
const TINY = 1e-300;

/** Regularised lower incomplete gamma P(a, x) and upper Q(a, x). */
export function gammaInc(a: number, x: number): { p: number; q: number } {
  if (x <= 0) return { p: 0, q: 1 };
  if (x === Number.POSITIVE_INFINITY) return { p: 1, q: 0 };
  const lpre = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 10000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    const p = sum * Math.exp(lpre);
    return { p, q: 1 - p };
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const q = Math.exp(lpre) * h;
  return { p: 1 - q, q };
}
