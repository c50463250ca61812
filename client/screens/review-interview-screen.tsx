/**
 * One interview as the enumerator saw it, read-only, in the language of choice, with flags, time spent
 * and comments beside the questions; comment per question, approve, return, reject; the history.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { ReviewDetail } from '../../server/contract/review.ts';
import { BannerContent, type BannerText } from '../error-note.tsx';
import { staffLanguage, type TabletLanguage } from '../i18n.ts';
import { setupLocales } from '../interview/survey-setup.ts';
import { reviewModel } from '../review/computed.ts';
import { decorateQuestion } from '../review/decorate.ts';
import { checkText, flagPlace } from '../review/flag-place.ts';
import { flagKind, flagSentence } from '../review/flag-text.ts';
import { isStaffKey, useStaffT } from '../review/messages.ts';
import { fetchDetail, problemText, sendReview } from '../review/review-api.ts';

type Comment = { question: string | null; text: string };

interface Props {
  interviewId: string;
  /** The questionnaire language the reviewer chose (kept by the staff app across interviews), or null. */
  locale: string | null;
  onLocale: (locale: string) => void;
  /** What the previous decision did (shown on arrival). */
  notice: string | null;
  /** After approve, return or reject: on to the next interview. */
  onDecided: (notice: string) => void;
  onBack: () => void;
}

export function ReviewInterviewScreen({ interviewId, locale, onLocale, notice, onDecided, onBack }: Props) {
  const { t, status, lang } = useStaffT();
  const [detail, setDetail] = useState<ReviewDetail | null>(null);
  const [message, setMessage] = useState<BannerText | null>(notice);
  const [target, setTarget] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [pending, setPending] = useState<Comment[]>([]);
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    const r = await fetchDetail(interviewId);
    if (r.kind !== 'ok') return setMessage(problemText(r));
    setDetail(r.data);
  }, [interviewId]);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = useMemo(
    () =>
      (detail?.history ?? [])
        .filter((h) => h.kind === 'review' && h.comment && h.revision === detail?.interview.revision)
        .map((h) => ({ question: h.question, text: h.comment ?? '' })),
    [detail],
  );

  const model = useMemo(() => {
    if (!detail) return null;
    const def = detail.definition as { locale?: unknown };
    setupLocales([], typeof def.locale === 'string' ? def.locale : undefined);
    const m = reviewModel(
      detail.definition as Record<string, unknown>,
      (detail.envelope.answers ?? {}) as Record<string, unknown>,
    );
    m.onAfterRenderQuestion.add((_, options) => {
      decorateQuestion(options.question, options.htmlElement, {
        flags: detail.flags,
        questionTimesMs: detail.questionTimesMs,
        comments: saved,
        labels: { comment: t('review.comment'), time: t('review.time') },
        flagText: (f) => `${flagKind(f.code, lang)}: ${flagText(m, f, lang)}`,
        onComment: (path) => {
          setTarget(path);
          document.getElementById('review-comment-text')?.focus();
        },
      });
    });
    return m;
  }, [detail, saved, t, lang]);
  const languages = useMemo(() => model?.getUsedLocales() ?? [], [model]);
  // the reviewer's choice, else the screen's language (or its staff fallback: French reads English,
  // Kriolu Portuguese), else the questionnaire's own; never the interview's
  const shown =
    [locale, lang, staffLanguage(lang), (detail?.definition as { locale?: string } | undefined)?.locale].find(
      (l): l is string => typeof l === 'string' && languages.includes(l),
    ) ??
    languages[0] ??
    'en';
  // the flags' question titles are read from the model: render them again once it speaks `shown`
  const [, setLocaleApplied] = useState(0);
  useEffect(() => {
    if (!model) return;
    model.locale = shown;
    setLocaleApplied((n) => n + 1);
  }, [model, shown]);

  if (!detail || !model) return <div role="status">{message ? <BannerContent value={message} /> : '…'}</div>;
  const i = detail.interview;
  const outcomeText = i.outcomeLabel
    ? (i.outcomeLabel[lang] ?? i.outcomeLabel[staffLanguage(lang)] ?? Object.values(i.outcomeLabel)[0] ?? '')
    : '';

  const act = async (action: 'approve' | 'return' | 'reject' | 'comment') => {
    const body = {
      action,
      revision: i.revision,
      comments: pending,
      ...(action === 'reject' ? { reason } : {}),
    };
    const r = await sendReview(i.interviewId, body);
    if (r.kind === 'ok') {
      setPending([]);
      const done = t('review.done', { status: status(r.data.status) });
      if (action === 'comment') {
        setMessage(done);
        await load();
      } else onDecided(done);
    } else setMessage(problemText(r));
  };
  const addComment = () => {
    if (!text.trim()) return;
    setPending((p) => [...p, { question: target, text: text.trim() }]);
    setText('');
  };
  // a sealed interview (end-to-end encrypted, not decrypted yet) has no paradata to show
  const pd = (detail.envelope.paradata ?? {}) as {
    gps?: { status?: string; latitude?: number; longitude?: number };
  };

  return (
    <section className="staff review-interview" data-testid="review-interview">
      <div className="review-head">
        <button type="button" className="link" onClick={onBack}>
          ← {t('review.back')}
        </button>
        <h1>
          {t('review.household')} {i.eaCode} / {i.dwelling} / {i.household} · {t('review.revision')}{' '}
          {i.revision} · <span data-testid="review-status">{status(i.status)}</span>
        </h1>
        <dl className="review-facts" data-testid="review-facts">
          <dt>{t('queue.ea')}</dt>
          <dd>
            {i.eaCode} · {i.island} · {i.municipality}
          </dd>
          <dt>{t('review.unit')}</dt>
          <dd>
            {t('review.dwelling')} {i.dwelling} · {t('review.householdNo')} {i.household}
          </dd>
          <dt>{t('review.outcome')}</dt>
          <dd data-testid="review-outcome">
            {i.outcome}
            {outcomeText ? ` ${outcomeText}` : ''}
          </dd>
          <dt>{t('queue.enumerator')}</dt>
          <dd>
            {i.enumeratorName}
            {i.enumeratorName !== i.enumerator ? ` (${i.enumerator})` : ''}
          </dd>
        </dl>
        <label>
          {t('review.language')}
          <select value={shown} onChange={(e) => onLocale(e.target.value)} data-testid="review-language">
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {message && (
        <div className="banner" role="status" data-testid="review-message">
          <BannerContent value={message} />
        </div>
      )}
      <div className="review-body">
        <div className="review-survey">
          <Survey key={`${i.revision}-${detail.history.length}`} model={model} />
        </div>
        <aside className="review-side">
          <h2>{t('review.paradata')}</h2>
          <ul className="plain">
            <li>
              {String(detail.envelope.startedAt)} → {String(detail.envelope.completedAt)} (
              {i.durationMin ?? '–'} min)
            </li>
            <li>{String(detail.envelope.deviceId)}</li>
            <li>
              GPS:{' '}
              {pd.gps?.status === 'ok' ? `${pd.gps.latitude}, ${pd.gps.longitude}` : (pd.gps?.status ?? '–')}
            </li>
          </ul>
          <h2>{t('review.flags')}</h2>
          {detail.flags.length === 0 ? (
            <p>{t('review.noFlags')}</p>
          ) : (
            <ul className="plain" data-testid="review-flags">
              {detail.flags.map((f) => (
                <li
                  key={`${f.code}-${f.path}-${f.message}`}
                  className={`review-flag ${f.source}`}
                  data-code={f.code}
                  title={`${f.code}: ${f.message}`}
                >
                  <strong>{flagKind(f.code, lang)}</strong>
                  {f.path ? ` (${flagPlace(model, f.path)})` : ''}: {flagText(model, f, lang)}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('review.comment')}</h2>
          <p>
            {t('review.commentOn')}:{' '}
            <strong data-testid="comment-target">{target ?? t('review.general')}</strong>{' '}
            {target && (
              <button type="button" className="link" onClick={() => setTarget(null)}>
                ({t('review.general')})
              </button>
            )}
          </p>
          <textarea
            id="review-comment-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
          />
          <button type="button" className="secondary" onClick={addComment}>
            {t('review.addComment')}
          </button>
          {pending.length > 0 && (
            <>
              <h3>{t('review.pending')}</h3>
              <ul className="plain" data-testid="pending-comments">
                {pending.map((c) => (
                  <li key={`${c.question}-${c.text}`}>
                    <strong>{c.question ?? t('review.general')}</strong>: {c.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="actions">
            {i.actions.includes('approve') && (
              <button type="button" onClick={() => void act('approve')}>
                {i.status === 'approved_by_supervisor' ? t('review.approveFinal') : t('review.approve')}
              </button>
            )}
            {i.actions.includes('return') && (
              <button type="button" className="warn" onClick={() => void act('return')}>
                {t('review.return')}
              </button>
            )}
            {i.actions.includes('comment') && pending.length > 0 && (
              <button type="button" className="secondary" onClick={() => void act('comment')}>
                {t('review.saveComments')}
              </button>
            )}
          </div>
          {i.actions.includes('reject') && (
            <div className="actions">
              <input
                placeholder={t('review.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="button"
                className="danger"
                disabled={!reason.trim()}
                onClick={() => void act('reject')}
              >
                {t('review.reject')}
              </button>
            </div>
          )}
          <h2>{t('review.history')}</h2>
          <ol className="history" data-testid="review-history">
            {detail.history.map((h) => (
              <li key={`${h.at}-${h.kind}-${h.action}-${h.question}-${h.comment}`}>
                {new Date(h.at).toLocaleString()} · r{h.revision} · {h.actor} · {historyAction(t, h.action)}
                {h.question ? ` · ${h.question}` : ''}
                {h.comment ? `: ${h.comment}` : ''}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </section>
  );
}

/**
 * A flag's sentence in the screen's language; a failed check of the questionnaire in the language the
 * questionnaire is shown in (the server stored it in the questionnaire's default language).
 */
function flagText(
  model: Model,
  f: { code: string; path: string | null; message: string },
  lang: TabletLanguage,
) {
  const check = f.path && f.code.startsWith('validation.') ? checkText(model, f.path, f.message) : null;
  return check ?? flagSentence(f, lang);
}

/** A history entry's action in words ('received' or a review action); an unknown one as stored. */
function historyAction(t: ReturnType<typeof useStaffT>['t'], action: string): string {
  const key = `history.${action}`;
  return isStaffKey(key) ? t(key) : action;
}

/** A language's own name (Intl), or its code when the browser does not know it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
