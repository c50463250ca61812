/** The outbox: what waits on this tablet, its state in plain words, "sync now", and the sync log. */
import { useState } from 'react';
import { logText, type MessageKey, useI18n } from '../i18n.ts';
import { recentLog, reopenRejected } from '../offline/store.ts';
import { useLive } from '../offline/use-live.ts';
import { db, notify, uploader } from '../services.ts';

const time = (ms: number) => new Date(ms).toLocaleTimeString();

export function OutboxScreen({ onOpen }: { onOpen: (interviewId: string) => void }) {
  const { t } = useI18n();
  const [syncing, setSyncing] = useState(false);
  const items = useLive(() => db.outbox.orderBy('createdAt').toArray(), []);
  const logEntries = useLive(() => recentLog(db, 50), []);
  // records that did not open (altered bytes): kept for recovery, named here so nobody thinks them lost
  const damaged = useLive(() => db.damaged.toArray(), []);

  const syncNow = async () => {
    setSyncing(true);
    try {
      await uploader.flush(true);
    } finally {
      setSyncing(false);
      notify();
    }
  };

  return (
    <section>
      <div className="toolbar">
        <h1>{t('outbox.title')}</h1>
        <button type="button" data-testid="sync-now" disabled={syncing} onClick={() => void syncNow()}>
          {syncing ? t('outbox.syncing') : t('outbox.syncNow')}
        </button>
      </div>
      {damaged && damaged.length > 0 && (
        <p className="banner warn" role="alert" data-testid="damaged">
          {t('outbox.damaged')} {damaged.map((d) => d.id).join(', ')}
        </p>
      )}
      {items && items.length === 0 && (
        <p className="message ok" data-testid="outbox-empty">
          {t('outbox.empty')}
        </p>
      )}
      <ul className="cards" data-testid="outbox">
        {items?.map((i) => (
          <li key={i.key} className="card" data-testid="outbox-item" data-state={i.state}>
            <div className="card-main">
              <strong>
                {t('outbox.interview')} {i.interviewId.slice(0, 8)} · r{i.revision}
              </strong>
              <span className={`status state-${i.state}`}>{t(`state.${i.state}` as MessageKey)}</span>
              <span>
                {t('outbox.attempts')}: {i.attempts}
                {i.nextAttemptAt ? ` · ${t('outbox.nextAttempt')}: ${time(i.nextAttemptAt)}` : ''}
              </span>
              {i.lastError && i.lastError !== 'auth' && <span className="detail">{i.lastError}</span>}
            </div>
            {i.state === 'rejected' && (
              <button
                type="button"
                onClick={() =>
                  void reopenRejected(db, i.key).then((id) => {
                    if (id) onOpen(id);
                  })
                }
              >
                {t('outbox.fix')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('outbox.log')}</h2>
      <ol className="sync-log" data-testid="sync-log">
        {logEntries?.map((e) => (
          <li key={e.id} className={`log-${e.level}`}>
            <time>{time(e.at)}</time> {logText(t, e.event)}
            {e.interviewId ? ` · ${e.interviewId.slice(0, 8)}` : ''}
            {e.detail ? ` · ${e.detail}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
