/**
 * The reliability rule of every cell (questionnaires/<survey>/design.json `reliability`), applied
 * to each cell's own unweighted n and its own CV: a cell with no respondent in the sample (n = 0)
 * is empty (no estimate, whatever min_n says); a cell with fewer than min_n respondents of its own
 * (a proportion's level counts its own respondents, not its domain's) is suppressed; a cell whose
 * CV exceeds cv_flag is flagged. A cell that reproduces a margin the weights were calibrated to is
 * marked as a control (controls.ts): not an estimate.
 */
import { TABLE_WORDS, type TableLang } from './table-words.ts';

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

/** The legend of the marks in a language (its words: table-words.ts). */
export function legend(rules: ReliabilityRules, lang: TableLang): string {
  return TABLE_WORDS[lang].legend(Math.round(rules.cvFlag * 100), rules.minN);
}
