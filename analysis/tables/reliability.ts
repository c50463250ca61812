/**
 * The reliability rule of every cell (questionnaires/<survey>/design.json `reliability`):
 * suppress a cell with fewer than min_n respondents; flag a cell whose CV exceeds cv_flag.
 */
export interface ReliabilityRules {
  cvFlag: number;
  minN: number;
}

export type Reliability = 'ok' | 'flag' | 'suppress';

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
export const MARK: Record<Reliability, string> = { ok: '', flag: '*', suppress: 'x' };

export function legend(rules: ReliabilityRules, lang: 'pt' | 'en'): string {
  const cv = Math.round(rules.cvFlag * 100);
  return lang === 'pt'
    ? `* CV acima de ${cv}%: estimativa pouco precisa, usar com cautela. x menos de ${rules.minN} respondentes: célula suprimida.`
    : `* CV above ${cv}%: imprecise estimate, use with caution. x fewer than ${rules.minN} respondents: cell suppressed.`;
}
