/**
 * The enumerator's assignments: EA, municipality by name, dwelling, household, the head's name once
 * known, and the status as this tablet knows it; searched, filtered (status, EA) and sorted on the tablet.
 * An assignment staff cancelled, or reassigned to another enumerator, stays only while the tablet holds
 * unsent work for it, with a sentence saying which and what the enumerator may do (finish and send, or discard the draft after confirming).
 * A failed "Download updates", by hand or automatic, is a banner in the app language; the list stays what
 * the tablet holds.
 */
import { useMemo, useState } from 'react';
import type { Assignment } from '../../server/contract/assignments.ts';
import { isSealed } from '../../server/contract/sealed-envelope.ts';
import type { SurveyProfile } from '../../server/contract/survey-profile.ts';
import { BannerContent, failure } from '../error-note.tsx';
import { type MessageKey, useI18n } from '../i18n.ts';
import { startDraft } from '../interview/drafts.ts';
import { headName } from '../interview/household-label.ts';
import { clusterTerm, placeName } from '../interview/place-names.ts';
import { preloadAnswers } from '../interview/survey-setup.ts';
import type { Draft, OutboxItem } from '../offline/db.ts';
import { deviceId, discardDraft, getQuestionnaire, getSurvey } from '../offline/store.ts';
import { useLive } from '../offline/use-live.ts';
import { db, downloadAndRecord, notify, troubles, ui, uploader } from '../services.ts';
import { cancelledWork, mayDiscard, withdrawnWords } from '../sync/cancelled-work.ts';
import { troubleBanner, troubleContext } from '../sync/trouble-text.ts';

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

type Sort = 'place' | 'status' | 'recent';

export function AssignmentsScreen({ onOpen }: Props) {
  const { t, tabletLang: lang } = useI18n();
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const [eaFilter, setEaFilter] = useState('');
  const [sort, setSort] = useState<Sort>('place');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const data = useLive(async () => {
    const [assignments, drafts, outbox] = await Promise.all([
      db.assignments.toArray(),
      db.drafts.toArray(),
      db.outbox.toArray(),
    ]);
    assignments.sort(
      (a, b) => a.ea.code.localeCompare(b.ea.code) || a.dwelling - b.dwelling || a.household - b.household,
    );
    // each survey's profile and questionnaire, for names (municipality, EA term, head of household)
    const surveys = new Map<string, SurveyProfile>();
    const questionnaires = new Map<string, Record<string, unknown>>();
    for (const a of assignments) {
      if (a.survey && !surveys.has(a.survey)) {
        const s = await getSurvey(db, a.survey);
        if (s) surveys.set(a.survey, s.profile);
      }
      const key = `${a.questionnaireId}@${a.questionnaireVersion}`;
      if (!questionnaires.has(key)) {
        const q = await getQuestionnaire(db, a.questionnaireId, a.questionnaireVersion);
        if (q) questionnaires.set(key, q.json);
      }
    }
    return { assignments, drafts, outbox, surveys, questionnaires };
  }, []);

  const rows = useMemo(() => {
    if (!data) return [];
    return data.assignments.flatMap((a) => {
      const draft = data.drafts.find((d) => d.assignmentId === a.id);
      const out = data.outbox.find(
        (o) => o.assignmentId === a.id && (!draft || o.revision === draft.revision),
      );
      const cancelled = cancelledWork(a, draft, out);
      if (cancelled === 'hidden') return [];
      const withdrawn = withdrawnWords(a, cancelled);
      const profile = a.survey ? data.surveys.get(a.survey) : undefined;
      const json = data.questionnaires.get(`${a.questionnaireId}@${a.questionnaireVersion}`);
      return {
        a,
        draft,
        cancelled,
        note: withdrawn?.note ?? null,
        status: withdrawn ? withdrawn.state : localStatus(a, draft, out),
        municipality: placeName(json, profile, 'municipality', a.ea.municipality, lang),
        eaTerm: clusterTerm(profile, lang, t('assignments.ea')),
        // a sealed envelope (end-to-end encrypted survey) keeps its answers from the tablet too
        head: headName(
          json,
          profile,
          draft?.answers ?? (out && !isSealed(out.envelope) ? out.envelope.answers : undefined),
        ),
        changed: draft?.updatedAt ?? out?.updatedAt ?? 0,
      };
    });
  }, [data, lang, t]);

  const shown = useMemo(() => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const picked = rows.filter((r) => {
      if (statusFilter && r.status !== statusFilter) return false;
      if (eaFilter && r.a.ea.code !== eaFilter) return false;
      const text = [
        r.a.ea.code,
        r.a.ea.island,
        r.municipality,
        r.head ?? '',
        `${r.a.dwelling}`,
        `${r.a.household}`,
      ]
        .join(' ')
        .toLowerCase();
      return words.every((w) => text.includes(w));
    });
    if (sort === 'status') picked.sort((x, y) => t(x.status).localeCompare(t(y.status)));
    if (sort === 'recent') picked.sort((x, y) => y.changed - x.changed);
    return picked;
  }, [rows, search, statusFilter, eaFilter, sort, t]);

  /**
   * Any failure (no network, a 5xx, a timeout, an answer that is not JSON, a problem code, full storage)
   * is the refresh's trouble (services.ts downloadAndRecord), shown below in the app language, the
   * assignments on the tablet left as they were; the automatic refresh updates the same banner, and a
   * success clears it. A profile that did not come says so (the tablet keeps the one it had).
   */
  const refresh = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await downloadAndRecord();
      if (result === 'ok') setMessage(t('assignments.refreshed'));
      else if (result.kind === 'unauthorized') ui.sessionExpired = true;
    } catch {
      // the tablet's storage (full, or closed) refused what came: kept as the refresh's trouble
    } finally {
      setBusy(false);
      notify();
    }
  };

  /**
   * Only after the enumerator confirmed, and only a draft never finished: nothing queued is deleted. The
   * office's notice of it is queued with the delete and sent now if the network allows (else later).
   */
  const discard = async (draft: Draft) => {
    const discarded = await discardDraft(db, draft.interviewId);
    setConfirming(null);
    notify();
    if (discarded) void uploader.flush();
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

  const refreshTrouble = troubles.get('refresh');
  if (!data) return <p className="message">…</p>;
  return (
    <section>
      <div className="toolbar">
        <h1>{t('assignments.title')}</h1>
        <button type="button" className="secondary" disabled={busy} onClick={() => void refresh()}>
          {t('assignments.refresh')}
        </button>
      </div>
      {refreshTrouble && (
        <div className="banner warn" role="alert" data-testid="refresh-failed">
          {troubleContext(refreshTrouble) === 'profileStale' ? (
            <BannerContent value={troubleBanner(refreshTrouble)} />
          ) : (
            <>
              <p>{t('assignments.refreshFailed')}</p>
              <BannerContent value={failure(refreshTrouble.failure)} />
            </>
          )}
        </div>
      )}
      {message && <p className="message">{message}</p>}
      {rows.length === 0 && <p className="message">{t('assignments.empty')}</p>}
      {rows.length > 0 && (
        <div className="filters">
          <input
            type="search"
            data-testid="filter-search"
            aria-label={t('assignments.search')}
            placeholder={t('assignments.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select
            data-testid="filter-status"
            aria-label={t('assignments.status')}
            value={statusFilter}
            onChange={(e) => setStatusFilter(e.target.value)}
          >
            <option value="">{t('assignments.allStatuses')}</option>
            {[...new Set(rows.map((r) => r.status))].map((s) => (
              <option key={s} value={s}>
                {t(s)}
              </option>
            ))}
          </select>
          <select
            data-testid="filter-ea"
            aria-label={rows[0]?.eaTerm ?? t('assignments.ea')}
            value={eaFilter}
            onChange={(e) => setEaFilter(e.target.value)}
          >
            <option value="">{t('assignments.allAreas')}</option>
            {[...new Set(rows.map((r) => r.a.ea.code))].map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          <select
            data-testid="filter-sort"
            aria-label={t('assignments.sort')}
            value={sort}
            onChange={(e) => setSort(e.target.value as Sort)}
          >
            <option value="place">{t('assignments.sortPlace')}</option>
            <option value="status">{t('assignments.sortStatus')}</option>
            <option value="recent">{t('assignments.sortRecent')}</option>
          </select>
          <span data-testid="filter-count">
            {shown.length} / {rows.length}
          </span>
        </div>
      )}
      <ul className="cards" data-testid="assignments">
        {shown.map(({ a, draft, cancelled, note, status, municipality, eaTerm, head }) => {
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
            <li
              key={a.id}
              className={cancelled ? 'card cancelled' : 'card'}
              data-testid={`assignment-${a.id}`}
              data-status={status}
            >
              <div className="card-main">
                <strong>
                  {eaTerm} {a.ea.code}
                </strong>
                <span data-testid="card-place">
                  {a.ea.island} · {municipality}
                </span>
                <span>
                  {t('assignments.dwelling')} {a.dwelling} · {t('assignments.household')} {a.household}
                  {head ? ` · ${head}` : ''}
                </span>
                <span className={`status ${status.replace('.', '-')}`}>{t(status)}</span>
                {note && (
                  <span className="cancelled-note" data-testid={`cancelled-note-${a.id}`}>
                    {t(note)}
                  </span>
                )}
                {draft && confirming === draft.interviewId && (
                  <div className="cancelled-note" role="alert" data-testid={`discard-confirm-${a.id}`}>
                    <p>{t('assignments.discardConfirm')}</p>
                    <div className="confirm-buttons">
                      <button type="button" className="danger" onClick={() => void discard(draft)}>
                        {t('assignments.discardYes')}
                      </button>
                      <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                        {t('assignments.discardNo')}
                      </button>
                    </div>
                  </div>
                )}
              </div>
              {canOpen && (
                <button type="button" onClick={() => void open(a)}>
                  {label}
                </button>
              )}
              {draft && mayDiscard(cancelled) && confirming !== draft.interviewId && (
                <button
                  type="button"
                  className="secondary"
                  data-testid={`discard-${a.id}`}
                  onClick={() => setConfirming(draft.interviewId)}
                >
                  {t('assignments.discard')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
