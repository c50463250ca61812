/**
 * The reliability rule of every cell (questionnaires/<survey>/design.json `reliability`):
 * suppress a cell with fewer than min_n respondents; flag a cell whose CV exceeds cv_flag; mark as
 * a control a cell without sampling variance (every replicate, recalibrated to the controls, gives
 * the same number: it reproduces a margin the weights were calibrated to; not an estimate).
 */
export interface ReliabilityRules {
  cvFlag: number;
  minN: number;
}

export type Reliability = 'ok' | 'flag' | 'suppress' | 'control';

/**
 * CV below which a cell has no sampling variance: its replicates agree to the calibration's
 * convergence (about 1e-7 relative), while a survey estimate's CV is far above 1e-5.
 */
export const CONTROL_CV = 1e-5;

export function rulesFromDesign(design: {
  reliability?: { cv_flag?: number; min_n?: number };
}): ReliabilityRules {
  return { cvFlag: design.reliability?.cv_flag ?? 0.3, minN: design.reliability?.min_n ?? 30 };
}

export function reliabilityOf(n: number, cv: number, rules: ReliabilityRules): Reliability {
  if (!(n >= rules.minN)) return 'suppress';
  if (!(Math.abs(cv) <= rules.cvFlag)) return 'flag';
  return 'ok';
}

/** The marks and the legend analysts read beside every table. */
export const MARK: Record<Reliability, string> = { ok: '', flag: '*', suppress: 'x', control: 'c' };

export function legend(rules: ReliabilityRules, lang: 'pt' | 'en'): string {
  const cv = Math.round(rules.cvFlag * 100);
  return lang === 'pt'
    ? `* CV acima de ${cv}%: estimativa pouco precisa, usar com cautela. x menos de ${rules.minN} respondentes: célula suprimida. c reproduz um total de controlo da calibração (sem erro amostral): não é uma estimativa, sem CV nem IC.`
    : `* CV above ${cv}%: imprecise estimate, use with caution. x fewer than ${rules.minN} respondents: cell suppressed. c reproduces a calibration control (no sampling error): not an estimate, no CV or CI.`;
}
