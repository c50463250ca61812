/**
 * An outbox item's trouble as a sentence in the app language ("No network; retrying in 3 s") instead
 * of the uploader's technical note ("network: TypeError: Failed to fetch"), which stays in the sync log.
 */
import type { MessageKey, Translate } from '../i18n.ts';
import type { OutboxItem } from '../offline/db.ts';

function causeOf(lastError: string | null): MessageKey {
  if (!lastError) return 'outbox.cause.server';
  if (lastError.startsWith('network')) return 'outbox.cause.offline';
  if (lastError === 'timeout') return 'outbox.cause.timeout';
  if (lastError === 'interrupted') return 'outbox.cause.interrupted';
  return 'outbox.cause.server';
}

/** The sentence for an item waiting to retry, or null when its state says it all. */
export function outboxSentence(
  item: Pick<OutboxItem, 'state' | 'lastError' | 'nextAttemptAt'>,
  now: number,
  t: Translate,
): string | null {
  if (item.state !== 'retry_wait') return null;
  const seconds = item.nextAttemptAt === null ? 0 : Math.ceil((item.nextAttemptAt - now) / 1000);
  const when = seconds > 0 ? t('outbox.retryIn').replace('{s}', String(seconds)) : t('outbox.retryNow');
  return `${t(causeOf(item.lastError))}; ${when}`;
}
