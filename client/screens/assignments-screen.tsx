/** The enumerator's assignments: EA, dwelling, household and the status as this tablet knows it. */
import { useState } from 'react';
import type { Assignment } from '../../server/contract/assignments.ts';
import { type MessageKey, useI18n } from '../i18n.ts';
import { startDraft } from '../interview/drafts.ts';
import { preloadAnswers } from '../interview/survey-setup.ts';
import type { Draft, OutboxItem } from '../offline/db.ts';
import { deviceId, getQuestionnaire } from '../offline/store.ts';
import { useLive } from '../offline/use-live.ts';
import { api, db, notify, ui } from '../services.ts';
import { downloadAll } from '../sync/download.ts';

interface Props {
  onOpen: (interviewId: string) => void;
}

/** The tablet's own view wins over the server's: a queued interview is not "assigned" any more. */
function localStatus(a: Assignment, draft: Draft | undefined, out: OutboxItem | undefined): MessageKey {
  if (out) return `state.${out.state}` as MessageKey;
  if (draft?.status === 'in_progress')
    return draft.comments.length > 0 ? 'state.returned' : 'state.in_progress';
  if (draft?.status === 'completed') return 'state.completed';
  if (draft?.status === 'submitted' && a.status !== 'approved') return 'state.submitted';
  return `state.${a.status}` as MessageKey;
}

export function AssignmentsScreen({ onOpen }: Props) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = useLive(async () => {
    const [assignments, drafts, outbox] = await Promise.all([
      db.assignments.toArray(),
      db.drafts.toArray(),
      db.outbox.toArray(),
    ]);
    assignments.sort(
      (a, b) => a.ea.code.localeCompare(b.ea.code) || a.dwelling - b.dwelling || a.household - b.household,
    );
    return { assignments, drafts, outbox };
  }, []);

  const refresh = async () => {
    setBusy(true);
    const result = await downloadAll(db, api);
    if (result === 'unauthorized') ui.sessionExpired = true;
    setMessage(
      result === 'ok'
        ? t('assignments.refreshed')
        : result === 'offline'
          ? t('assignments.refreshOffline')
          : null,
    );
    setBusy(false);
    notify();
  };

  const open = async (a: Assignment) => {
    const q = await getQuestionnaire(db, a.questionnaireId, a.questionnaireVersion);
    if (!q) {
      setMessage(t('assignments.noQuestionnaire'));
      return;
    }
    const draft = await startDraft(db, a, await deviceId(db), preloadAnswers(q.json, a.preload));
    onOpen(draft.interviewId);
  };

  if (!data) return <p className="message">…</p>;
  return (
    <section>
      <div className="toolbar">
        <h1>{t('assignments.title')}</h1>
        <button type="button" className="secondary" disabled={busy} onClick={() => void refresh()}>
          {t('assignments.refresh')}
        </button>
      </div>
      {message && <p className="message">{message}</p>}
      {data.assignments.length === 0 && <p className="message">{t('assignments.empty')}</p>}
      <ul className="cards" data-testid="assignments">
        {data.assignments.map((a) => {
          const draft = data.drafts.find((d) => d.assignmentId === a.id);
          const out = data.outbox.find(
            (o) => o.assignmentId === a.id && (!draft || o.revision === draft.revision),
          );
          const status = localStatus(a, draft, out);
          const canOpen =
            draft?.status === 'in_progress' ||
            (!draft && a.status === 'assigned') ||
            (!draft && a.status === 'in_progress');
          const label = draft?.comments.length
            ? t('assignments.fix')
            : draft
              ? t('assignments.resume')
              : t('assignments.start');
          return (
            <li key={a.id} className="card" data-testid={`assignment-${a.id}`} data-status={status}>
              <div className="card-main">
                <strong>
                  {t('assignments.ea')} {a.ea.code}
                </strong>
                <span>
                  {a.ea.island} · {a.ea.municipality}
                </span>
                <span>
                  {t('assignments.dwelling')} {a.dwelling} · {t('assignments.household')} {a.household}
                </span>
                <span className={`status ${status.replace('.', '-')}`}>{t(status)}</span>
              </div>
              {canOpen && (
                <button type="button" onClick={() => void open(a)}>
                  {label}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
