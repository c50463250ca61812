/** Supervisor comments shown at their questions, and plain messages for storage failures. */
import type { PanelModel, Question, QuestionPanelDynamicModel } from 'survey-core';
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
