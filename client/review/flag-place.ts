/**
 * Where a flag sits in the review's questionnaire model, in the language the model shows: the title of
 * the question (or page) its path names, with the roster rows (`persons[1].name` is "Name · 2", read
 * from that row's panel), and the questionnaire's own check text in that language. The server stores a
 * failed check with its text in the questionnaire's default language (survey-core validates in it); the
 * model has the check's text in every language, so the reviewer reads it in the one shown.
 */
import type { Model, Question, SurveyValidator } from 'survey-core';

type Finder = Pick<Model, 'getQuestionByName'>;
type Titled = { title?: string; processedTitle?: string };
type Roster = Question & { panels?: Finder[]; template?: Finder };

/** The element a flag path names and the 1-based rows of the rosters on the way; null when none. */
function elementAt(
  model: Model,
  path: string,
): { element: Titled; question: Question | null; rows: number[] } | null {
  const steps = path.split('.').map((step) => {
    const m = /^(.*?)(?:\[(\d+)\])?$/.exec(step);
    return { name: m?.[1] ?? step, row: m?.[2] === undefined ? null : Number(m[2]) };
  });
  // each roster step narrows the search to its row's panel (or the roster's template)
  let container: Finder | null = model;
  let question: Roster | null = null;
  const rows: number[] = [];
  for (const step of steps) {
    question = (container?.getQuestionByName(step.name) as Roster | null | undefined) ?? null;
    if (!question) break;
    if (step.row !== null) {
      rows.push(step.row + 1);
      container = question.panels?.[step.row] ?? question.template ?? null;
    }
  }
  if (question) return { element: question, question, rows };
  if (steps.length !== 1) return null;
  const page = model.getPageByName(path) ?? model.getPanelByName(path);
  return page ? { element: page, question: null, rows } : null;
}

/** The title of the question or page a flag path names, with its roster rows; the path itself otherwise. */
export function flagPlace(model: Model, path: string): string {
  const found = elementAt(model, path);
  const title = found?.element.processedTitle || found?.element.title;
  if (!found || !title) return path;
  return [title, ...found.rows].join(' · ');
}

/**
 * The text of the questionnaire's check a flag reports, in the model's language: the validator of the
 * flagged question whose text, in any of the questionnaire's languages, is the stored message. Null when
 * no check of that question has that text (the caller keeps the message).
 */
export function checkText(model: Model, path: string, message: string): string | null {
  const question = elementAt(model, path)?.question;
  if (!question) return null;
  const languages = ['', ...model.getUsedLocales()];
  const validators: SurveyValidator[] = question.validators ?? [];
  const check = validators.find((v) => languages.some((l) => v.locText.getLocaleText(l) === message));
  return check?.text || null;
}
