/**
 * What stands between an interview and "complete", as Survey Solutions' Complete screen lists it: the
 * required questions still unanswered, the hard errors and the soft warnings (validators with
 * `notificationType: "warning"`), on every page the skips leave visible, each at its question path
 * (`name` or `roster[i].name`, the path `goToComment` jumps to). It validates a separate headless copy of
 * the questionnaire, so the enumerator's screen shows no error on a page not reached yet.
 */
import { Model, type PanelModel, type Question, type SurveyError } from 'survey-core';

export type ProblemKind = 'unanswered' | 'error' | 'warning';

export interface Problem {
  kind: ProblemKind;
  /** `name`, or `roster[i].name` for a roster row's question */
  path: string;
  /** the question's title in the interview language (a roster row's with the row number) */
  title: string;
  /** the page (section) title */
  page: string;
  /** SurveyJS's message, in the interview language */
  text: string;
}

const isComputed = (q: Question): boolean => q.getType() === 'expression' || q.getType() === 'html';

function kindOf(e: SurveyError): ProblemKind {
  if (e.isWarning || e.isInfo) return 'warning';
  return e.getErrorType() === 'required' ? 'unanswered' : 'error';
}

/** Every problem of the answers, in questionnaire order (pages, then questions, then roster rows). */
export function completionReport(
  json: Record<string, unknown>,
  answers: Record<string, unknown>,
  locale: string,
): Problem[] {
  const survey = new Model(json);
  survey.locale = locale;
  survey.clearInvisibleValues = 'none';
  survey.checkErrorsMode = 'onComplete';
  survey.data = structuredClone(answers);
  survey.validate(true, false);
  const problems: Problem[] = [];
  for (const page of survey.visiblePages) {
    const pageTitle = page.processedTitle || page.name;
    const add = (q: Question, path: string, title: string) => {
      for (const e of q.errors)
        problems.push({ kind: kindOf(e), path, title, page: pageTitle, text: e.getText() });
    };
    for (const q of page.questions) {
      if (!q.isVisible || !q.isParentVisible || isComputed(q)) continue;
      const name = q.getValueName();
      add(q, name, q.processedTitle || name);
      if (q.getType() !== 'paneldynamic') continue;
      const panels = (q as unknown as { panels: PanelModel[] }).panels;
      panels.forEach((panel, r) => {
        if (!panel.isVisible) return;
        for (const pq of panel.questions) {
          if (!pq.isVisible || isComputed(pq)) continue;
          const rowTitle = `${q.processedTitle || name} ${r + 1}: ${pq.processedTitle || pq.name}`;
          add(pq, `${name}[${r}].${pq.getValueName()}`, rowTitle);
        }
      });
    }
  }
  return problems;
}
