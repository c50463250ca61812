/**
 * Puts the flags, the time spent and a comment button beside each question of the read-only interview
 * (called from SurveyJS's onAfterRenderQuestion). Paths are the same as the tablet's comment paths:
 * `name`, or `roster[index].name` inside a roster.
 */
import type { Question } from 'survey-core';
import type { ReviewDetail } from '../../server/contract/review.ts';
import { rendered } from '../interview/comments.ts';
import { commentBelongsAt } from '../interview/drafts.ts';

export function pathOf(q: Question): string {
  const r = rendered(q);
  return r.roster ? `${r.roster.name}[${r.roster.index}].${r.name}` : r.name;
}

export interface DecorateOptions {
  flags: ReviewDetail['flags'];
  questionTimesMs: Record<string, number>;
  comments: Array<{ question: string | null; text: string }>;
  labels: { comment: string; time: string };
  /** A flag as the reviewer reads it (kind and sentence in the screen's language). */
  flagText: (f: ReviewDetail['flags'][number]) => string;
  onComment: (path: string) => void;
}

export function decorateQuestion(q: Question, el: HTMLElement, o: DecorateOptions): void {
  el.querySelector(':scope > .review-aside')?.remove();
  const path = pathOf(q);
  const here = rendered(q);
  const aside = document.createElement('div');
  aside.className = 'review-aside';
  aside.dataset.path = path;
  for (const f of o.flags.filter((f) => commentBelongsAt(f.path, here))) {
    const div = document.createElement('div');
    div.className = `review-flag ${f.source}`;
    div.setAttribute('role', 'note');
    div.dataset.code = f.code;
    div.title = `${f.code}: ${f.message}`;
    div.textContent = `⚑ ${o.flagText(f)}`;
    aside.append(div);
  }
  for (const c of o.comments.filter((c) => commentBelongsAt(c.question, here))) {
    const div = document.createElement('div');
    div.className = 'supervisor-comment';
    div.textContent = `✎ ${c.text}`;
    aside.append(div);
  }
  const ms = o.questionTimesMs[path] ?? o.questionTimesMs[q.name];
  const row = document.createElement('div');
  row.className = 'review-tools';
  if (ms !== undefined) {
    const span = document.createElement('span');
    span.className = 'review-time';
    span.textContent = `${o.labels.time}: ${Math.round(ms / 100) / 10} s`;
    row.append(span);
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link review-comment-button';
  button.textContent = o.labels.comment;
  button.setAttribute('aria-label', `${o.labels.comment} ${path}`);
  button.addEventListener('click', () => o.onComment(path));
  row.append(button);
  aside.append(row);
  el.append(aside);
}
