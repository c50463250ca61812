/**
 * The state of each section (SurveyJS page the skips leave visible) of a live interview, for the section
 * navigator: how many of its questions are answered, whether an error is shown on it, and from that one
 * word: done, errors, started or not started. Computed variables and read-only (preloaded) questions
 * are nobody's work and are not counted; a roster counts the questions of each of its rows.
 */
import type { Model, PageModel, PanelModel, Question } from 'survey-core';

export type SectionState = 'done' | 'errors' | 'started' | 'not_started';

export interface Section {
  page: PageModel;
  name: string;
  title: string;
  answered: number;
  total: number;
  state: SectionState;
}

const counts = (q: Question): boolean =>
  q.isVisible && !q.isReadOnly && q.getType() !== 'expression' && q.getType() !== 'html';
const hasError = (q: Question): boolean => q.errors.some((e) => !e.isWarning && !e.isInfo);

/** The questions of a page an enumerator answers, with each roster row's questions instead of the roster. */
function askedQuestions(page: PageModel): Question[] {
  const out: Question[] = [];
  for (const q of page.questions) {
    if (!q.isVisible || !q.isParentVisible) continue;
    if (q.getType() === 'paneldynamic') {
      const panels = (q as unknown as { panels: PanelModel[] }).panels;
      if (hasError(q)) out.push(q);
      for (const p of panels) if (p.isVisible) out.push(...p.questions.filter(counts));
      continue;
    }
    if (counts(q)) out.push(q);
  }
  return out;
}

export function sectionStates(model: Model): Section[] {
  return model.visiblePages.map((page) => {
    const asked = askedQuestions(page).filter((q) => q.getType() !== 'paneldynamic');
    const answered = asked.filter((q) => !q.isEmpty()).length;
    const errors = askedQuestions(page).some(hasError);
    const state: SectionState = errors
      ? 'errors'
      : answered === 0
        ? 'not_started'
        : asked.every((q) => !q.isEmpty() || !q.isRequired)
          ? 'done'
          : 'started';
    return {
      page,
      name: page.name,
      title: page.processedTitle || page.name,
      answered,
      total: asked.length,
      state,
    };
  });
}

/** Answered questions over the questions asked so far, across every visible section. */
export function progressOf(sections: Section[]): { answered: number; total: number } {
  return sections.reduce((a, s) => ({ answered: a.answered + s.answered, total: a.total + s.total }), {
    answered: 0,
    total: 0,
  });
}
