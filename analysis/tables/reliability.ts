/**
 * The reliability rule of every cell (questionnaires/<survey>/design.json `reliability`), applied
 * to each cell's own unweighted n and its own CV: a cell with no respondent in the sample (n = 0)
 * is empty (no estimate, whatever min_n says); a cell with fewer than min_n respondents of its own
 * (a proportion's level counts its own respondents, not its domain's) is suppressed; a cell whose
 * CV exceeds cv_flag is flagged. A cell that reproduces a margin the weights were calibrated to is
 * marked as a control (controls.ts): not an estimate.
 */
export interface ReliabilityRules {
  cvFlag: number;
  minN: number;
}

export type Reliability = 'ok' | 'flag' | 'suppress' | 'empty' | 'control';

export function rulesFromDesign(design: {
  reliability?: { cv_flag?: number; min_n?: number };
}): ReliabilityRules {
  return { cvFlag: design.reliability?.cv_flag ?? 0.3, minN: design.reliability?.min_n ?? 30 };
}

/** The rule for one cell from its own unweighted n and its own CV. */
export function reliabilityOf(n: number, cv: number, rules: ReliabilityRules): Reliability {
  if (n === 0) return 'empty';
  if (!(n >= rules.minN)) return 'suppress';
  if (!(Math.abs(cv) <= rules.cvFlag)) return 'flag';
  return 'ok';
}

/** Cells whose numbers are withheld in every output. */
export const withheld = (r: Reliability): boolean => r === 'suppress' || r === 'empty';

/** The marks and the legend analysts read beside every table. */
export const MARK: Record<Reliability, string> = {
  ok: '',
  flag: '*',
  suppress: 'x',
  empty: '-',
  control: 'c',
};

export function legend(rules: ReliabilityRules, lang: 'pt' | 'en'): string {
  const cv = Math.round(rules.cvFlag * 100);
  return lang === 'pt'
    ? `* CV acima de ${cv}%: estimativa pouco precisa, usar com cautela. x menos de ${rules.minN} respondentes na própria célula: célula suprimida. - nenhum respondente na amostra: sem estimativa. c reproduz um total de controlo da calibração (sem erro amostral): não é uma estimativa, sem CV nem IC.`
    : `* CV above ${cv}%: imprecise estimate, use with caution. x fewer than ${rules.minN} respondents in the cell itself: cell suppressed. - no respondent in the sample: no estimate. c reproduces a calibration control (no sampling error): not an estimate, no CV or CI.`;
}
