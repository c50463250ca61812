/**
 * Regularised incomplete beta I_x(a, b) by the Lentz continued fraction (Numerical Recipes 6.4),
 * always evaluated on the side where it converges fast and returned with its complement so upper
 * tails keep full relative precision; qbeta by safeguarded Newton iteration on the CDF.
 */
import { lbeta } from './gamma.ts';

const EPS = 1e-16;
const TINY = 1e-300;

function betacf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** I_x(a, b) and 1 - I_x(a, b), both to full relative precision. */
export function betaInc(x: number, a: number, b: number): { p: number; q: number } {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b)) return { p: Number.NaN, q: Number.NaN };
  if (x <= 0) return { p: 0, q: 1 };
  if (x >= 1) return { p: 1, q: 0 };
  const lfront = a * Math.log(x) + b * Math.log1p(-x) - lbeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const p = (Math.exp(lfront) * betacf(a, b, x)) / a;
    return { p, q: 1 - p };
  }
  const q = (Math.exp(lfront) * betacf(b, a, 1 - x)) / b;
  return { p: 1 - q, q };
}

/** Beta CDF P(X <= x) (lowerTail) or P(X > x). */
export function pbeta(x: number, a: number, b: number, lowerTail = true): number {
  const r = betaInc(x, a, b);
  return lowerTail ? r.p : r.q;
}

/** Beta density. */
export function dbeta(x: number, a: number, b: number): number {
  if (x < 0 || x > 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b));
}

/** Beta quantile: the x with I_x(a, b) = p. Newton steps inside a shrinking bracket. */
export function qbeta(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b) || a <= 0 || b <= 0 || p < 0 || p > 1)
    return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Work on the tail that is smaller, for relative accuracy.
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const f = (x: number) => (upper ? pbeta(x, a, b, false) : pbeta(x, a, b, true)) - target;
  let lo = 0;
  let hi = 1;
  // Initial guess: mean, then bisection to bracket reasonably before Newton.
  let x = a / (a + b);
  for (let i = 0; i < 60; i++) {
    const fx = f(x);
    if (fx === 0) return x;
    const increasing = !upper;
    if (fx > 0 === increasing) hi = x;
    else lo = x;
    const dens = dbeta(x, a, b);
    let next = Number.NaN;
    if (dens > 0 && Number.isFinite(dens)) next = increasing ? x - fx / dens : x + fx / dens;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300)) return next;
    x = next;
    if (hi - lo < 1e-17 * hi) break;
  }
  // Finish with bisection if Newton did not converge.
  for (let i = 0; i < 200 && hi - lo > 2e-16 * hi; i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm > 0 === !upper) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}
