/**
 * A notice for the office waiting on the tablet (client/offline/db.ts NoticeItem: today a draft the
 * enumerator discarded) in the app language, for the outbox screen: what it says and why, its state, and
 * why it waits. A notice moves through the outbox's machine like an interview, but a refused notice has
 * nothing for the enumerator to fix, so conflict and rejected read "refused by the office" rather than the
 * interview's "needs a fix".
 */
import type { MessageKey, Translate } from '../i18n.ts';
import type { NoticeItem } from '../offline/db.ts';
import type { OutboxState } from './outbox-machine.ts';
import { outboxSentence } from './outbox-text.ts';

/** The notice's state in words. */
export function noticeStateText(state: OutboxState, t: Translate): string {
  if (state === 'conflict' || state === 'rejected') return t('outbox.notice.refused');
  return t(`state.${state}` as MessageKey);
}

export interface NoticeText {
  /** What the notice tells the office, and why the draft could be discarded. */
  title: string;
  state: string;
  /**
   * Why it waits and when it is retried (retry_wait only); for a notice the office refused because the
   * assignment was not withdrawn from the enumerator (409 assignment.discard_unwarranted), what to do;
   * else null.
   */
  sentence: string | null;
}

/** The uploader's note of a refusal starts with the problem's code (uploader.ts describeRejection). */
const UNWARRANTED = 'assignment.discard_unwarranted';

export function noticeText(
  item: Pick<NoticeItem, 'notice' | 'state' | 'lastError' | 'nextAttemptAt'>,
  now: number,
  t: Translate,
): NoticeText {
  const why = item.notice.reason === 'reassigned' ? 'outbox.notice.reassigned' : 'outbox.notice.cancelled';
  return {
    title: `${t('outbox.notice')} (${t(why)})`,
    state: noticeStateText(item.state, t),
    sentence:
      item.state === 'conflict' && item.lastError?.startsWith(UNWARRANTED)
        ? t('outbox.notice.unwarranted')
        : outboxSentence(item, now, t),
  };
}
