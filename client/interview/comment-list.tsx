/**
 * Every supervisor comment of a returned interview, above the questionnaire: the general ones as text,
 * each one on a question with a button that jumps to it (its page, its roster row), so the enumerator
 * never has to hunt through the sections for what to fix.
 */
import type { Model } from 'survey-core';
import type { Translate } from '../i18n.ts';
import type { Draft } from '../offline/db.ts';
import { goToComment, questionAtPath } from './comments.ts';

export function CommentList({
  comments,
  model,
  t,
}: {
  comments: Draft['comments'];
  model: Model;
  t: Translate;
}) {
  if (comments.length === 0) return null;
  return (
    <div className="comment-list" role="note" data-testid="comment-list">
      <strong>{t('interview.comments')}:</strong>
      <ul>
        {comments.map((c) => {
          const q = questionAtPath(model, c.question);
          return (
            <li key={`${c.at}-${c.question}-${c.text}`} title={`${c.authorName ?? c.author} · ${c.at}`}>
              {c.text}{' '}
              {c.question && (
                <button
                  type="button"
                  className="link"
                  data-path={c.question}
                  onClick={() => goToComment(model, c.question)}
                >
                  {t('interview.goToQuestion')}: {q?.processedTitle || c.question}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
