/**
 * The likelihood interval of svyciprop (R: confint(svyglm(y ~ 1, quasibinomial),
 * method = "likelihood")): the profile deviance of the intercept, scaled by the design effect of
 * the logit (Rao-Scott), found on R's profiling grid and inverted by its spline, so it matches R.
 */
import { pnorm, qf, qnorm, qt } from '../distributions/continuous.ts';
import { approx, spline } from '../spline.ts';

/**
 * @param y 0/1 values, w design weights (0 = outside), seLogit design SE of logit(p), df design df.
 */
export function likelihoodInterval(
  y: Float64Array,
  w: Float64Array,
  seLogit: number,
  level: number,
  df: number,
  nRows: number,
): [number, number] {
  const n = y.length;
  // svyglm's prior weights are the design weights scaled to mean 1 over the design's rows.
  let sw = 0;
  for (let i = 0; i < n; i++) sw += w[i];
  const meanW = sw / nRows;
  // glm.fit's IRLS for the intercept-only binomial model, replicated so that the coefficient and
  // the working weights of the last iteration (which give the model-based variance) match R.
  const W = new Float64Array(n);
  for (let i = 0; i < n; i++) W[i] = w[i] / meanW;
  const devAt = (mu: (i: number) => number) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (W[i] === 0) continue;
      const m = mu(i);
      s += W[i] * (y[i] === 1 ? Math.log(m) : Math.log1p(-m));
    }
    return -2 * s;
  };
  const muStart = (i: number) => (W[i] * y[i] + 0.5) / (W[i] + 1);
  let devOld = devAt(muStart);
  let mu = new Float64Array(n);
  for (let i = 0; i < n; i++) mu[i] = muStart(i);
  let b0 = 0;
  let sumWork = 0;
  for (let iter = 0; iter < 25; iter++) {
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      if (W[i] === 0) continue;
      const m = mu[i];
      const v = m * (1 - m);
      const eta = Math.log(m / (1 - m));
      const z = eta + (y[i] - m) / v;
      const ww = W[i] * v;
      num += ww * z;
      den += ww;
    }
    b0 = num / den;
    sumWork = den;
    const m1 = 1 - 1 / (1 + Math.exp(b0));
    mu = new Float64Array(n).fill(m1);
    const dev = devAt(() => m1);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) break;
    devOld = dev;
  }
  const deviance = (b: number) => {
    const m = 1 - 1 / (1 + Math.exp(b));
    return devAt(() => m);
  };
  const dev0 = deviance(b0);
  const muHat = 1 - 1 / (1 + Math.exp(b0));
  // Dispersion: svyvar of the Pearson residuals (y - mu) / sqrt(mu (1 - mu)).
  let s1 = 0;
  let nobs = 0;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    nobs++;
    r[i] = (y[i] - muHat) / Math.sqrt(muHat * (1 - muHat));
    s1 += w[i] * r[i];
  }
  const rbar = s1 / sw;
  let s2 = 0;
  for (let i = 0; i < n; i++) if (w[i] !== 0) s2 += w[i] * (r[i] - rbar) ** 2;
  const phi = (s2 / sw) * (nobs / (nobs - 1));
  // Design effect of the intercept: lambda = design variance / model-based variance.
  const naive = 1 / sumWork;
  const lambda = (seLogit * seLogit) / naive;
  const q = Number.isFinite(df) ? qt((1 - level) / 2, df) : qnorm((1 - level) / 2);
  const alpha = pnorm(q * Math.sqrt(lambda)) / 2;
  // MASS profile.glm grid.
  const zmax = Math.sqrt(qf(1 - alpha, 1, nRows - 1));
  const del = zmax / 5;
  const zs = [0];
  const bs = [b0];
  for (const sgn of [-1, 1]) {
    let step = 0;
    let z = 0;
    while (++step < 10 && Math.abs(z) < zmax) {
      const bi = b0 + sgn * step * del * seLogit;
      let zz = (deviance(bi) - dev0) / phi;
      if (zz > -0.001) zz = Math.max(zz, 0);
      z = sgn * Math.sqrt(zz);
      zs.push(z);
      bs.push(bi);
    }
  }
  // Never interpolate on a degenerate grid (fewer than two distinct finite points): R stops there.
  if (!bs.every(Number.isFinite) || !zs.every(Number.isFinite) || new Set(bs).size < 2)
    return [Number.NaN, Number.NaN];
  const sp = spline(bs, zs);
  const cut = qnorm(2 * alpha);
  const lo = approx(sp.y, sp.x, cut);
  const hi = approx(sp.y, sp.x, -cut);
  const expit = (x: number) => 1 - 1 / (1 + Math.exp(x));
  return [expit(lo), expit(hi)];
}
