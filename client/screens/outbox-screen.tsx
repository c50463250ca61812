/**
 * The outbox: what waits on this tablet (interviews, then the notices for the office: a discarded draft),
 * its state in plain words, "sync now", and the sync log.
 */
import { useEffect, useState } from 'react';
import { isSealed } from '../../server/contract/sealed-envelope.ts';
import { surveyOfQuestionnaire } from '../../server/contract/survey-profile.ts';
import { ErrorDetails } from '../error-note.tsx';
import { logText, type MessageKey, useI18n } from '../i18n.ts';
import { headName } from '../interview/household-label.ts';
import { clusterTerm } from '../interview/place-names.ts';
import type { NoticeItem, OutboxItem } from '../offline/db.ts';
import { getQuestionnaire, getSurvey, recentLog, reopenRejected } from '../offline/store.ts';
import { useLive } from '../offline/use-live.ts';
import { db, notify, uploader } from '../services.ts';
import { WITHDRAWN } from '../sync/cancelled-work.ts';
import { noticeText } from '../sync/notice-text.ts';
import { outboxSentence } from '../sync/outbox-text.ts';

/** Each item's household as the enumerator knows it: EA, dwelling, household, head's name. */
async function householdsOf(items: OutboxItem[], lang: string, eaFallback: string) {
  const out = new Map<
    string,
    {
      eaTerm: string;
      ea: string;
      dwelling: number;
      household: number;
      head: string | null;
      withdrawn: MessageKey | null;
    }
  >();
  for (const i of items) {
    const a = await db.assignments.get(i.assignmentId);
    if (!a) continue;
    const { questionnaireId: qid, questionnaireVersion: v } = i.envelope;
    const [q, survey] = await Promise.all([
      getQuestionnaire(db, qid, v),
      getSurvey(db, surveyOfQuestionnaire(qid)),
    ]);
    // a sealed envelope's answers are ciphertext: no head's name on its card
    const head = isSealed(i.envelope)
      ? null
      : headName(q?.json, survey?.profile, i.envelope.answers as Record<string, unknown>);
    out.set(i.key, {
      eaTerm: clusterTerm(survey?.profile, lang, eaFallback),
      ea: a.ea.code,
      dwelling: a.dwelling,
      household: a.household,
      head,
      withdrawn: WITHDRAWN[a.status]?.unsent ?? null,
    });
  }
  return out;
}

/** Each notice's assignment as the enumerator knows it (EA, dwelling, household), while still stored. */
async function placesOf(notices: NoticeItem[], lang: string, eaFallback: string) {
  const out = new Map<string, { eaTerm: string; ea: string; dwelling: number; household: number }>();
  for (const n of notices) {
    const a = await db.assignments.get(n.notice.assignmentId);
    if (!a) continue;
    const survey = await getSurvey(db, surveyOfQuestionnaire(a.questionnaireId));
    out.set(n.key, {
      eaTerm: clusterTerm(survey?.profile, lang, eaFallback),
      ea: a.ea.code,
      dwelling: a.dwelling,
      household: a.household,
    });
  }
  return out;
}

const time = (ms: number) => new Date(ms).toLocaleTimeString();

export function OutboxScreen({ onOpen }: { onOpen: (interviewId: string) => void }) {
  const { t, tabletLang: lang } = useI18n();
  const [syncing, setSyncing] = useState(false);
  const items = useLive(() => db.outbox.orderBy('createdAt').toArray(), []);
  const notices = useLive(() => db.notices.orderBy('createdAt').toArray(), []);
  const places = useLive(async () => placesOf(await db.notices.toArray(), lang, t('assignments.ea')), [lang]);
  const logEntries = useLive(() => recentLog(db, 50), []);
  // records that did not open (altered bytes): kept for recovery, named here so nobody thinks them lost
  const damaged = useLive(() => db.damaged.toArray(), []);
  const households = useLive(
    async () => householdsOf(await db.outbox.toArray(), lang, t('assignments.ea')),
    [lang],
  );
  // the seconds to the next attempt count down on screen
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

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
      {items && items.length === 0 && notices && notices.length === 0 && (
        <p className="message ok" data-testid="outbox-empty">
          {t('outbox.empty')}
        </p>
      )}
      <ul className="cards" data-testid="outbox">
        {items?.map((i) => {
          const h = households?.get(i.key);
          const sentence = outboxSentence(i, now, t);
          return (
            <li key={i.key} className="card" data-testid="outbox-item" data-state={i.state}>
              <div className="card-main">
                <strong data-testid="outbox-household">
                  {h
                    ? `${h.head ?? t('assignments.household')} · ${h.eaTerm} ${h.ea} · ${t('assignments.dwelling')} ${h.dwelling} · ${t('assignments.household')} ${h.household}`
                    : `${t('outbox.interview')} ${i.interviewId.slice(0, 8)}`}
                  {i.revision > 1 ? ` · ${t('outbox.revision')} ${i.revision}` : ''}
                </strong>
                <span className={`status state-${i.state}`}>{t(`state.${i.state}` as MessageKey)}</span>
                {h?.withdrawn && i.state !== 'accepted' && (
                  <span className="detail" data-testid="outbox-cancelled">
                    {t(h.withdrawn)}
                  </span>
                )}
                {sentence && (
                  <span className="detail" data-testid="outbox-sentence">
                    {sentence}
                  </span>
                )}
                <span>
                  {t('outbox.attempts')}: {i.attempts}
                </span>
                {(i.state === 'conflict' || i.state === 'rejected') && i.lastError && (
                  <ErrorDetails text={i.lastError} />
                )}
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
          );
        })}
      </ul>
      {notices && notices.length > 0 && (
        <>
          <h2>{t('outbox.notices')}</h2>
          <ul className="cards" data-testid="notices">
            {notices.map((n) => {
              const text = noticeText(n, now, t);
              const p = places?.get(n.key);
              const place = p
                ? `${p.eaTerm} ${p.ea} · ${t('assignments.dwelling')} ${p.dwelling} · ${t('assignments.household')} ${p.household}`
                : n.notice.assignmentId;
              return (
                <li key={n.key} className="card" data-testid="notice-item" data-state={n.state}>
                  <div className="card-main">
                    <strong data-testid="notice-title">{text.title}</strong>
                    <span className="detail" data-testid="notice-place">
                      {place}
                    </span>
                    <span className={`status state-${n.state}`} data-testid="notice-state">
                      {text.state}
                    </span>
                    {text.sentence && (
                      <span className="detail" data-testid="notice-sentence">
                        {text.sentence}
                      </span>
                    )}
                    <span>
                      {t('outbox.attempts')}: {n.attempts}
                    </span>
                    {(n.state === 'conflict' || n.state === 'rejected') && n.lastError && (
                      <ErrorDetails text={n.lastError} />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
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
