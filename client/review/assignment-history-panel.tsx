/**
 * One assignment's history from the audit log (GET /api/assignments/:id/history): when, who, what
 * (created for, handed from and to, cancelled, a draft discarded on the enumerator's tablet) and why,
 * oldest first. A discarded draft shows both reasons, labelled: the server's (how it knows the assignment
 * was withdrawn) and the one the tablet gave, which differ when the tablet guessed.
 */
import { useEffect, useState } from 'react';
import type { AssignmentHistoryEntry } from '../../server/contract/assignments.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import { fetchAssignmentHistory } from './assignment-api.ts';
import { useAssignmentT } from './assignment-messages.ts';
import { problemText } from './review-api.ts';

export function HistoryPanel({ assignmentId, onClose }: { assignmentId: string; onClose: () => void }) {
  const { t, lang } = useAssignmentT();
  const [entries, setEntries] = useState<AssignmentHistoryEntry[] | null>(null);
  const [error, setError] = useState<BannerText | null>(null);
  useEffect(() => {
    void fetchAssignmentHistory(assignmentId).then((r) =>
      r.kind === 'ok' ? setEntries(r.data) : setError(problemText(r)),
    );
  }, [assignmentId]);
  // a discarded draft's reason (the server's or the tablet's) in words; any other text quoted as it is
  const discardReason = (reason: string | null) =>
    reason === 'cancelled' || reason === 'reassigned'
      ? t(`manage.discardReason.${reason}`)
      : `“${reason ?? '?'}”`;
  return (
    <div className="change-form" data-testid="history-panel">
      <h2>
        {t('manage.history')}: {assignmentId}
      </h2>
      {error && (
        <div className="banner warn" role="alert">
          <BannerContent value={error} />
        </div>
      )}
      {entries?.length === 0 && <p>{t('manage.historyEmpty')}</p>}
      {entries && entries.length > 0 && (
        <ul>
          {entries.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              {new Date(e.at).toLocaleString(lang === 'kea' ? 'pt' : lang)} · {e.actor ?? '?'} ·{' '}
              {t(`manage.action.${e.action}`, { from: e.from ?? '?', to: e.to ?? '?' })}:{' '}
              {e.action === 'assignment.draft_discard' ? (
                <span data-testid="discard-reasons">
                  {t('manage.discardServer', { reason: discardReason(e.reason) })};{' '}
                  {t('manage.discardTablet', { reason: discardReason(e.tabletReason) })}
                </span>
              ) : (
                `“${e.reason}”`
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('manage.close')}
        </button>
      </div>
    </div>
  );
}
