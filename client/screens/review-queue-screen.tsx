/** The supervisor's review queue: filter and sort, open one interview, approve the clean ones in bulk. */
import { useCallback, useEffect, useState } from 'react';
import type { ReviewQueueItem } from '../../server/contract/review.ts';
import { INTERVIEW_STATUSES } from '../../server/contract/vocabulary.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import { type Column, downloadCsv, toCsv } from '../review/csv.ts';
import { flagLabel } from '../review/flag-text.ts';
import { useStaffT } from '../review/messages.ts';
import {
  bulkApprove,
  fetchAllUnflagged,
  fetchQueue,
  problemText,
  QUEUE_PAGE_SIZE,
  type QueueFilters,
} from '../review/review-api.ts';

const SORTS = ['updated', 'flags', 'enumerator', 'ea', 'duration'] as const;

export function ReviewQueueScreen({
  onOpen,
  role,
  notice = null,
}: {
  /** Opens an interview; `queue` is the list shown, in its order, for going on to the next one. */
  onOpen: (interviewId: string, queue: string[]) => void;
  role: string;
  /** What the last decision did, shown when the reviewer comes back to the queue. */
  notice?: string | null;
}) {
  const { t, status, lang } = useStaffT();
  const [filters, setFilters] = useState<QueueFilters>({
    // a supervisor starts with what awaits them, a coordinator with what awaits the final approval
    status: role === 'supervisor' ? 'validated' : 'approved_by_supervisor',
    enumerator: '',
    ea: '',
    flag: '',
    sort: 'updated',
  });
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [offset, setOffset] = useState(0);
  const [total, setTotal] = useState(0);
  const [byStatus, setByStatus] = useState<Record<string, number>>({});
  // the interviews chosen for bulk approval, with their revision: from this page or from every page
  const [selected, setSelected] = useState<Map<string, number>>(new Map());
  const [message, setMessage] = useState<BannerText | null>(notice);

  const load = useCallback(async () => {
    const r = await fetchQueue(filters, offset);
    if (r.kind === 'ok') {
      setItems(r.data.items);
      setTotal(r.data.total);
      setByStatus(r.data.byStatus);
    } else setMessage(problemText(r));
  }, [filters, offset]);
  useEffect(() => {
    void load();
  }, [load]);

  const set = (k: keyof QueueFilters) => (e: { target: { value: string } }) => {
    setOffset(0);
    setFilters((f) => ({ ...f, [k]: e.target.value }));
  };
  const clean = (i: ReviewQueueItem) =>
    i.flagCount === 0 && i.validation === 'clean' && i.actions.includes('approve');
  const toggle = (i: ReviewQueueItem) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(i.interviewId)) next.delete(i.interviewId);
      else next.set(i.interviewId, i.revision);
      return next;
    });
  const selectClean = (list: ReviewQueueItem[]) =>
    setSelected(new Map(list.filter(clean).map((i) => [i.interviewId, i.revision])));
  /** Every clean interview matching the filters, on every page. */
  const selectAllClean = async () => {
    const r = await fetchAllUnflagged(filters);
    if (r.kind === 'ok') selectClean(r.items);
    else setMessage(problemText(r));
  };

  const approveSelected = async () => {
    const chosen = [...selected].map(([interviewId, revision]) => ({ interviewId, revision }));
    const r = await bulkApprove(chosen);
    if (r.kind === 'ok') setMessage(t('queue.bulkDone', { approved: r.approved, skipped: r.skipped }));
    else setMessage(problemText(r));
    setSelected(new Map());
    await load();
  };

  const flagCodes = [...new Set((items ?? []).flatMap((i) => i.flagCodes))].sort();
  const columns: Column<ReviewQueueItem>[] = [
    { header: 'interview_id', value: (i) => i.interviewId },
    { header: 'revision', value: (i) => i.revision },
    { header: 'status', value: (i) => i.status },
    { header: 'enumerator', value: (i) => i.enumerator },
    { header: 'ea', value: (i) => i.eaCode },
    { header: 'stratum', value: (i) => i.stratum },
    { header: 'outcome', value: (i) => i.outcome },
    { header: 'duration_min', value: (i) => i.durationMin },
    { header: 'flags', value: (i) => i.flagCount },
    { header: 'flag_codes', value: (i) => i.flagCodes.join(' ') },
    { header: 'received_at', value: (i) => i.receivedAt },
  ];

  return (
    <section className="staff" data-testid="review-queue">
      <h1>{t('queue.title')}</h1>
      <div className="filters">
        <label>
          {t('queue.status')}
          <select value={filters.status} onChange={set('status')} data-testid="queue-status">
            <option value="">
              {t('queue.any')} ({Object.values(byStatus).reduce((a, b) => a + b, 0)})
            </option>
            {INTERVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {status(s)} ({byStatus[s] ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.enumerator')}
          <input value={filters.enumerator} onChange={set('enumerator')} size={10} />
        </label>
        <label>
          {t('queue.ea')}
          <input value={filters.ea} onChange={set('ea')} size={10} />
        </label>
        <label>
          {t('queue.flag')}
          <select value={filters.flag} onChange={set('flag')}>
            <option value="">{t('queue.any')}</option>
            <option value="any">{t('queue.flagAny')}</option>
            <option value="none">{t('queue.flagNone')}</option>
            {flagCodes.map((c) => (
              <option key={c} value={c}>
                {flagLabel(c, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.sort')}
          <select value={filters.sort} onChange={set('sort')}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`queue.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void load()}>
          {t('queue.refresh')}
        </button>
      </div>
      {message && (
        <div className="banner" role="status" data-testid="queue-message">
          <BannerContent value={message} />
        </div>
      )}
      <ul className="status-counts" data-testid="status-counts">
        {INTERVIEW_STATUSES.filter((s) => byStatus[s]).map((s) => (
          <li key={s} data-status={s}>
            {status(s)}: <strong>{byStatus[s]}</strong>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          data-testid="select-clean"
          disabled={!(items ?? []).some(clean)}
          onClick={() => selectClean(items ?? [])}
        >
          {t('queue.selectClean')}
        </button>
        {items && total > items.length && (
          <button
            type="button"
            className="secondary"
            data-testid="select-all-clean"
            onClick={() => void selectAllClean()}
          >
            {t('queue.selectAllClean')}
          </button>
        )}
        <button type="button" disabled={selected.size === 0} onClick={() => void approveSelected()}>
          {t('queue.bulk')} ({selected.size})
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => downloadCsv('review-queue.csv', toCsv(items ?? [], columns))}
        >
          {t('csv.download')}
        </button>
      </div>
      {items && items.length === 0 && <p>{t('queue.empty')}</p>}
      {items && items.length > 0 && (
        <div className="pager" data-testid="queue-pager">
          <button
            type="button"
            className="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - QUEUE_PAGE_SIZE))}
          >
            ← {t('queue.previous')}
          </button>
          <span data-testid="queue-range">
            {t('queue.range', {
              from: offset + 1,
              to: offset + items.length,
              total: total.toLocaleString(),
            })}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={offset + items.length >= total}
            onClick={() => setOffset(offset + QUEUE_PAGE_SIZE)}
          >
            {t('queue.next')} →
          </button>
        </div>
      )}
      {items && items.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th />
              <th>{t('queue.enumerator')}</th>
              <th>{t('queue.ea')}</th>
              <th>{t('queue.status')}</th>
              <th>{t('queue.duration')}</th>
              <th>{t('queue.flags')}</th>
              <th>{t('queue.received')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.interviewId} data-testid={`queue-row-${i.interviewId}`} data-status={i.status}>
                <td>
                  <input
                    type="checkbox"
                    className="touch-check"
                    aria-label={i.interviewId}
                    disabled={!clean(i)}
                    checked={selected.has(i.interviewId)}
                    onChange={() => toggle(i)}
                  />
                </td>
                <td>{i.enumerator}</td>
                <td>{i.eaCode}</td>
                <td>{status(i.status)}</td>
                <td>{i.durationMin ?? '–'}</td>
                <td
                  title={i.flagCodes.map((c) => flagLabel(c, lang)).join('\n')}
                  className={i.flagCount ? 'flagged' : ''}
                >
                  {i.flagCount}
                </td>
                <td>{new Date(i.receivedAt).toLocaleString()}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      onOpen(
                        i.interviewId,
                        items.map((x) => x.interviewId),
                      )
                    }
                  >
                    {t('queue.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
