/**
 * Staff's assignments (a supervisor's team's, every team's for a coordinator): filter by survey, state,
 * EA and enumerator, page through them, and create, reassign or cancel one with a reason the audit log
 * keeps. The buttons are the changes the server offers for each assignment (`changes`, from its state
 * table: only an assignment nobody has interviewed); a cancelled one leaves the enumerator's tablet at
 * its next sync.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AssignableEnumerator, Assignment } from '../../server/contract/assignments.ts';
import { ASSIGNMENT_STATUSES } from '../../server/contract/vocabulary.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import { fetchEnumerators, fetchStaffAssignments } from '../review/assignment-api.ts';
import { type Change, ChangeForm } from '../review/assignment-change-form.tsx';
import { HistoryPanel } from '../review/assignment-history-panel.tsx';
import { useAssignmentT } from '../review/assignment-messages.ts';
import { problemText } from '../review/review-api.ts';

const PAGE = 50;

export function AssignmentManagementScreen() {
  const { t, tablet, status } = useAssignmentT();
  const [list, setList] = useState<Assignment[] | null>(null);
  const [people, setPeople] = useState<AssignableEnumerator[]>([]);
  const [filters, setFilters] = useState({ survey: '', status: '', ea: '', enumerator: '' });
  const [offset, setOffset] = useState(0);
  const [change, setChange] = useState<Change | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: BannerText; ok: boolean } | null>(null);

  const load = useCallback(async () => {
    const [a, p] = await Promise.all([fetchStaffAssignments(), fetchEnumerators()]);
    if (a.kind === 'ok') setList(a.data);
    else setMessage({ text: problemText(a), ok: false });
    if (p.kind === 'ok') setPeople(p.data);
  }, []);
  useEffect(() => void load(), [load]);

  const names = useMemo(() => new Map(people.map((p) => [p.id, p.displayName])), [people]);
  const surveys = useMemo(
    () => [...new Set((list ?? []).map((a) => a.survey).filter((s): s is string => s !== null))].sort(),
    [list],
  );
  const areas = useMemo(() => [...new Set((list ?? []).map((a) => a.ea.code))].sort(), [list]);
  const shown = useMemo(
    () =>
      (list ?? []).filter(
        (a) =>
          (!filters.survey || a.survey === filters.survey) &&
          (!filters.status || a.status === filters.status) &&
          (!filters.ea || a.ea.code.toLowerCase().includes(filters.ea.toLowerCase())) &&
          (!filters.enumerator || a.enumeratorId === filters.enumerator),
      ),
    [list, filters],
  );
  const page = shown.slice(offset, offset + PAGE);
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => {
    setOffset(0);
    setFilters((f) => ({ ...f, [k]: e.target.value }));
  };
  const done = async (text: string) => {
    setChange(null);
    setMessage({ text, ok: true });
    await load();
  };

  return (
    <section className="staff" data-testid="assignment-manage">
      <h1>{t('manage.title')}</h1>
      {message && (
        <div className={message.ok ? 'banner' : 'banner warn'} role="status" data-testid="manage-message">
          <BannerContent value={message.text} />
        </div>
      )}
      <div className="filters">
        {surveys.length > 1 && (
          <label>
            {t('manage.survey')}
            <select value={filters.survey} onChange={set('survey')}>
              <option value="">{t('manage.any')}</option>
              {surveys.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {tablet('assignments.status')}
          <select value={filters.status} onChange={set('status')} data-testid="manage-status">
            <option value="">{t('manage.any')}</option>
            {ASSIGNMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {status(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tablet('assignments.ea')}
          <input value={filters.ea} onChange={set('ea')} size={10} data-testid="manage-ea" />
        </label>
        <label>
          {t('manage.enumerator')}
          <select value={filters.enumerator} onChange={set('enumerator')} data-testid="manage-enumerator">
            <option value="">{t('manage.any')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setChange({ kind: 'create' })} data-testid="create-open">
          {t('manage.create')}
        </button>
      </div>
      {change && (
        <ChangeForm
          key={change.kind === 'create' ? 'create' : `${change.kind}-${change.assignment.id}`}
          change={change}
          people={people}
          surveys={filters.survey ? [filters.survey] : surveys}
          areas={areas}
          onDone={(text) => void done(text)}
          onClose={() => setChange(null)}
        />
      )}
      {history && <HistoryPanel key={history} assignmentId={history} onClose={() => setHistory(null)} />}
      {list && shown.length === 0 && <p>{t('manage.empty')}</p>}
      {page.length > 0 && (
        <>
          <table className="data">
            <thead>
              <tr>
                <th>{tablet('assignments.ea')}</th>
                <th>{tablet('assignments.dwelling')}</th>
                <th>{tablet('assignments.household')}</th>
                <th>{t('manage.enumerator')}</th>
                <th>{tablet('assignments.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {page.map((a) => (
                <tr key={a.id} data-testid={`manage-row-${a.id}`} data-status={a.status}>
                  <td>{a.ea.code}</td>
                  <td>{a.dwelling}</td>
                  <td>{a.household}</td>
                  <td>{names.get(a.enumeratorId) ?? a.enumeratorId}</td>
                  <td>{status(a.status)}</td>
                  <td>
                    <span className="actions">
                      {a.changes?.map((kind) => (
                        <button
                          key={kind}
                          type="button"
                          className={kind === 'cancel' ? 'danger' : undefined}
                          onClick={() => setChange({ kind, assignment: a })}
                          data-testid={`${kind}-${a.id}`}
                        >
                          {t(`manage.${kind}`)}
                        </button>
                      ))}
                      {a.interviewId && !a.changes?.length ? t('manage.locked') : null}
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setHistory(a.id)}
                        data-testid={`history-${a.id}`}
                      >
                        {t('manage.history')}
                      </button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('manage.previous')}
            </button>
            <span data-testid="manage-range">
              {t('manage.range', {
                from: offset + 1,
                to: offset + page.length,
                total: shown.length,
              })}
            </span>
            <button
              type="button"
              disabled={offset + PAGE >= shown.length}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('manage.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
