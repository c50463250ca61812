/**
 * Iteratively reweighted least squares as R's glm.fit: the family's starting values (or `start`),
 * a Householder QR solve of the weighted working response at each step, step halving when the
 * deviance is not finite, and R's stopping rule |dev - devold| / (|dev| + 0.1) < 1e-8 within 25
 * iterations. The working weights and the R of the last QR are those R keeps (`$weights`, `$qr`),
 * from which the sandwich variance is built. Families: gaussian (identity), quasibinomial (logit),
 * quasipoisson (log).
 */
import { SurveyError } from '../errors.ts';
import type { QrFit } from './qr.ts';
import { qrLeastSquares } from './qr.ts';

export type GlmFamily = 'gaussian' | 'quasibinomial' | 'quasipoisson';

export const GLM_FAMILIES: readonly GlmFamily[] = ['gaussian', 'quasibinomial', 'quasipoisson'];

interface Family {
  link: string;
  linkinv(eta: number): number;
  muEta(eta: number): number;
  variance(mu: number): number;
  devResid(y: number, mu: number, w: number): number;
  /** Starting mean (R family$initialize) for prior weight w. */
  mustart(y: number, w: number): number;
  linkfun(mu: number): number;
  validMu(mu: number): boolean;
}

const EPS = 2.220446049250313e-16;
const THRESH = -Math.log(EPS); // R's binomial logit link bounds
const ylogy = (y: number, mu: number) => (y !== 0 ? y * Math.log(y / mu) : 0);

export const FAMILIES: Record<GlmFamily, Family> = {
  gaussian: {
    link: 'identity',
    linkinv: (eta) => eta,
    muEta: () => 1,
    variance: () => 1,
    devResid: (y, mu, w) => w * (y - mu) ** 2,
    mustart: (y) => y,
    linkfun: (mu) => mu,
    validMu: () => true,
  },
  quasibinomial: {
    link: 'logit',
    linkinv: (eta) => {
      const t = eta < -30 ? EPS : eta > 30 ? 1 / EPS : Math.exp(eta);
      return t / (1 + t);
    },
    muEta: (eta) => {
      const opexp = 1 + Math.exp(eta);
      return Math.abs(eta) > 30 ? EPS : Math.exp(eta) / (opexp * opexp);
    },
    variance: (mu) => mu * (1 - mu),
    devResid: (y, mu, w) => 2 * w * (ylogy(y, mu) + ylogy(1 - y, 1 - mu)),
    mustart: (y, w) => (w * y + 0.5) / (w + 1),
    linkfun: (mu) => Math.log(mu / (1 - mu)),
    validMu: (mu) => Number.isFinite(mu) && mu > 0 && mu < 1,
  },
  quasipoisson: {
    link: 'log',
    linkinv: (eta) => Math.max(Math.exp(eta), EPS),
    muEta: (eta) => Math.max(Math.exp(eta), EPS),
    variance: (mu) => mu,
    devResid: (y, mu, w) => {
      const r = mu * w;
      return y > 0 ? 2 * (w * (y * Math.log(y / mu) - (y - mu))) : 2 * r;
    },
    mustart: (y) => y + 0.1,
    linkfun: (mu) => Math.log(mu),
    validMu: (mu) => Number.isFinite(mu) && mu > 0,
  },
};
void THRESH;

export interface GlmFitResult {
  /** Coefficients in column order; NaN for aliased columns. */
  coefficients: Float64Array;
  /** Fitted means and linear predictors (rows of the fit). */
  mu: Float64Array;
  eta: Float64Array;
  /** Working residuals (y - mu)/mu.eta(eta) at the final fit. */
  workingResiduals: Float64Array;
  /** Working weights of the last iteration (R's $weights). */
  workingWeights: Float64Array;
  qr: QrFit;
  deviance: number;
  iterations: number;
  converged: boolean;
  /** A fitted probability of 0 or 1 (quasibinomial) or a mean of 0 (quasipoisson) occurred. */
  boundary: boolean;
}

/**
 * Fits a GLM to m rows: `x` columns and `y`, prior weights and offset of length m.
 * `start` (R `start =`) replaces the family's starting values.
 */
export function glmFit(
  x: readonly Float64Array[],
  y: Float64Array,
  weights: Float64Array,
  offset: Float64Array,
  familyName: GlmFamily,
  start?: Float64Array,
  control = { epsilon: 1e-8, maxit: 25 },
): GlmFitResult {
  const fam = FAMILIES[familyName];
  const m = y.length;
  const p = x.length;
  const eta = new Float64Array(m);
  const mu = new Float64Array(m);
  const linear = (beta: Float64Array) => {
    eta.set(offset);
    for (let j = 0; j < p; j++) {
      const b = beta[j];
      if (b === 0 || Number.isNaN(b)) continue;
      const xj = x[j];
      for (let i = 0; i < m; i++) eta[i] += xj[i] * b;
    }
    for (let i = 0; i < m; i++) mu[i] = fam.linkinv(eta[i]);
  };
  let coefold: Float64Array | null = null;
  if (start) {
    coefold = Float64Array.from(start);
    linear(coefold);
  } else
    for (let i = 0; i < m; i++) {
      eta[i] = fam.linkfun(fam.mustart(y[i], weights[i]));
      mu[i] = fam.linkinv(eta[i]);
    }
  const deviance = () => {
    let d = 0;
    for (let i = 0; i < m; i++) d += fam.devResid(y[i], mu[i], weights[i]);
    return d;
  };
  let devold = deviance();
  let converged = false;
  let boundary = false;
  let coef = new Float64Array(p);
  let qr: QrFit | null = null;
  let iter = 0;
  const wkw = new Float64Array(m);
  const tol = Math.min(1e-7, control.epsilon / 1000);
  const good = new Int32Array(m);
  const ws = new Float64Array(m);
  for (iter = 1; iter <= control.maxit; iter++) {
    wkw.fill(0);
    let g = 0;
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      if (!(weights[i] > 0)) continue;
      const me = fam.muEta(eta[i]);
      if (me === 0) continue;
      const w = Math.sqrt((weights[i] * me * me) / fam.variance(mu[i]));
      good[g] = i;
      ws[g] = w;
      z[g] = (eta[i] - offset[i] + (y[i] - mu[i]) / me) * w;
      wkw[i] = w * w;
      g++;
    }
    if (g === 0) throw new SurveyError('No rows with positive weight to fit the model to.', 'universe');
    const cols = x.map((c) => {
      const out = new Float64Array(g);
      for (let k = 0; k < g; k++) out[k] = c[good[k]] * ws[k];
      return out;
    });
    qr = qrLeastSquares(cols, g === m ? z : z.subarray(0, g), tol, true);
    const next = Float64Array.from(qr.coefficients, (b) => (Number.isNaN(b) ? 0 : b));
    linear(next);
    let dev = deviance();
    // Step halving towards the previous coefficients (R: non-finite deviance or invalid mu).
    let halvings = 0;
    const invalid = () => {
      for (let i = 0; i < m; i++) if (!fam.validMu(mu[i])) return true;
      return false;
    };
    while ((!Number.isFinite(dev) || invalid()) && coefold) {
      if (++halvings > control.maxit)
        throw new SurveyError(
          'The model fit diverged (no valid fitted values even after step halving): simplify the model.',
          'formula',
        );
      for (let j = 0; j < p; j++) next[j] = (next[j] + coefold[j]) / 2;
      linear(next);
      dev = deviance();
      boundary = true;
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < control.epsilon) {
      converged = true;
      coef = next;
      break;
    }
    devold = dev;
    coef = next;
    coefold = Float64Array.from(next);
  }
  if (iter > control.maxit) iter = control.maxit;
  const fit = qr as QrFit;
  const coefficients = Float64Array.from(coef);
  for (let a = fit.rank; a < p; a++) coefficients[fit.pivot[a]] = Number.NaN;
  const workingResiduals = new Float64Array(m);
  for (let i = 0; i < m; i++) workingResiduals[i] = (y[i] - mu[i]) / fam.muEta(eta[i]);
  if (familyName === 'quasibinomial')
    for (let i = 0; i < m; i++)
      if (weights[i] > 0 && (mu[i] > 1 - 10 * EPS || mu[i] < 10 * EPS)) boundary = true;
  if (familyName === 'quasipoisson')
    for (let i = 0; i < m; i++) if (weights[i] > 0 && mu[i] < 10 * EPS) boundary = true;
  return {
    coefficients,
    mu: Float64Array.from(mu),
    eta: Float64Array.from(eta),
    workingResiduals,
    workingWeights: Float64Array.from(wkw),
    qr: fit,
    deviance: deviance(),
    iterations: iter,
    converged,
    boundary,
  };
}
