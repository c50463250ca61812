/** Distribution functions accurate to double precision (checked against R). */
export { dbeta, pbeta, qbeta } from './beta.ts';
export { dnorm, dt, pchisq, pf, pnorm, pt, qchisq, qf, qnorm, qt } from './continuous.ts';
export { gammaInc, lbeta, lgamma } from './gamma.ts';
