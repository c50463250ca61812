/** Supervisor comments shown at their questions, and plain messages for storage failures. */
import type { Model, PanelModel, Question, QuestionPanelDynamicModel } from 'survey-core';
import type { MessageKey } from '../i18n.ts';
import type { Draft } from '../offline/db.ts';
import { commentBelongsAt, type RenderedQuestion } from './drafts.ts';

/** A rendered SurveyJS question, described for comment placement. */
export function rendered(q: Question): RenderedQuestion {
  const parent = q.parentQuestion;
  if (parent?.getType() === 'paneldynamic') {
    const index = (parent as QuestionPanelDynamicModel).panels.indexOf(q.parent as PanelModel);
    return { name: q.name, type: q.getType(), roster: { name: parent.name, index } };
  }
  return { name: q.name, type: q.getType(), roster: null };
}

/**
 * The question a comment path points at in a live model: `name`, or `roster[i].name` (that row's
 * question, its panel created if need be); null when the path points at nothing of this model.
 */
export function questionAtPath(model: Model, path: string | null): Question | null {
  if (!path) return null;
  const row = /^([^[\].]+)\[(\d+)\]\.([^[\].]+)$/.exec(path);
  if (!row) return model.getQuestionByName(path) ?? null;
  const roster = model.getQuestionByName(row[1]) as QuestionPanelDynamicModel | null;
  const panel = roster?.getType() === 'paneldynamic' ? roster.panels[Number(row[2])] : undefined;
  return panel?.getQuestionByName(row[3]) ?? roster ?? null;
}

/**
 * Brings the question of a comment into view: its page, its roster row (for rosters shown one row at a
 * time) and the question itself. False when the question is not shown (a skipped page, a missing row).
 */
export function goToComment(model: Model, path: string | null): boolean {
  const q = questionAtPath(model, path);
  if (!q) return false;
  const roster = q.parentQuestion as QuestionPanelDynamicModel | null;
  const page = q.page ?? roster?.page;
  if (!page?.isVisible) return false;
  if (model.currentPage !== page) model.currentPage = page;
  // after the page: a page change opens the first commented row of each roster
  if (roster?.getType() === 'paneldynamic' && roster.displayMode !== 'list') {
    roster.currentIndex = roster.panels.indexOf(q.parent as PanelModel);
  }
  q.focus();
  return true;
}

/**
 * Rosters shown one row at a time open, on the current page, the first row a comment is about, so the
 * comment is on screen rather than behind another row's tab.
 */
export function openCommentedRows(model: Model, comments: Draft['comments']): void {
  const opened = new Set<QuestionPanelDynamicModel>();
  for (const c of comments) {
    const q = questionAtPath(model, c.question);
    const roster = q?.parentQuestion as QuestionPanelDynamicModel | null | undefined;
    if (!roster) continue;
    if (roster.getType() !== 'paneldynamic' || roster.displayMode === 'list') continue;
    if (opened.has(roster) || roster.page !== model.currentPage) continue;
    opened.add(roster);
    roster.currentIndex = roster.panels.indexOf(q?.parent as PanelModel);
  }
}

/** Called from SurveyJS's onAfterRenderQuestion: puts each comment that belongs here above the question. */
export function showComments(comments: Draft['comments'], q: Question, el: HTMLElement, label: string): void {
  const notes = comments.filter((c) => commentBelongsAt(c.question, rendered(q)));
  if (notes.length === 0 || el.querySelector(':scope > .supervisor-comment')) return;
  for (const c of notes) {
    const div = document.createElement('div');
    div.className = 'supervisor-comment';
    div.setAttribute('role', 'note');
    div.title = c.at;
    div.textContent = `${label} (${c.authorName ?? c.author}): ${c.text}`;
    el.prepend(div);
  }
}

/** A failed IndexedDB write, in words: a full device is told apart from other failures. */
export function storageProblem(err: unknown): MessageKey {
  console.error(err);
  const text = `${(err as Error)?.name} ${(err as { inner?: Error })?.inner?.name ?? ''} ${String(err)}`;
  return /Quota/i.test(text) ? 'interview.storageFull' : 'interview.saveFailed';
}
