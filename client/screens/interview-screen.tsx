/** One interview: SurveyJS on the tablet, autosaved on every answer, page change and language switch. */
import { useEffect, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { SurveyProfile } from '../../server/contract/survey-profile.ts';
import { omittedTypesIn } from '../../server/contract/tablet-question-types.ts';
import { CONFIG } from '../config.ts';
import { type MessageKey, useI18n } from '../i18n.ts';
import { CommentList } from '../interview/comment-list.tsx';
import { goToComment, openCommentedRows, showComments, storageProblem } from '../interview/comments.ts';
import { CompleteSummary } from '../interview/complete-summary.tsx';
import { completionReport, type Problem } from '../interview/completion-report.ts';
import { buildEnvelope, envelopeToQueue } from '../interview/envelope.ts';
import { captureGps, emptyParadata, type Paradata, ParadataRecorder } from '../interview/paradata.ts';
import { SectionNav } from '../interview/section-nav.tsx';
import { sectionStates } from '../interview/sections.ts';
import { createInterviewModel, oneRowPerScreen, renameTabsOnChange } from '../interview/survey-setup.ts';
import type { Draft } from '../offline/db.ts';
import { queueEnvelope, saveDraft } from '../offline/store.ts';
import { OMITTED_QUESTION_TYPES } from '../omitted-question-types.ts';
import { db, notify, uploader } from '../services.ts';
import { interviewRecords } from '../startup.ts';

interface Props {
  interviewId: string;
  onDone: () => void;
  onBack: () => void;
}

interface Loaded {
  draft: Draft;
  /** The survey's profile (cached with the questionnaire): languages, outcome variable, GPS item. */
  profile: SurveyProfile;
  model: Model;
  /** the questionnaire's JSON: the summary before completing validates a copy of it */
  json: Record<string, unknown>;
  recorder: ParadataRecorder;
  device: string;
}

export function InterviewScreen({ interviewId, onDone, onBack }: Props) {
  const { t } = useI18n();
  // Read through a ref: switching the app language must not rebuild the interview's event wiring.
  const tRef = useRef(t);
  tRef.current = t;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [locale, setLocale] = useState('pt');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [retryQueue, setRetryQueue] = useState<(() => void) | null>(null);
  const saving = useRef(Promise.resolve());
  const saveRef = useRef<(() => Promise<void>) | null>(null);
  // Writes still in flight, mirrored on the DOM synchronously (tests wait for data-pending="0").
  const pending = useRef(0);
  const sectionRef = useRef<HTMLElement>(null);
  // "Finalizar" first opens the summary; only its confirmation lets SurveyJS complete.
  const [summary, setSummary] = useState<Problem[] | null>(null);
  const confirmed = useRef(false);
  // bumped on every answer, page change and shown error: the section navigator reads the live model
  const [, setChanges] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const records = await interviewRecords(interviewId);
      performance.mark('morabeza:interview-read');
      if (!records.ok) return setError(records.error);
      const { draft, json, survey, device } = records;
      const { profile } = survey;
      // a version with a question type this build left out (it was built before the survey used it)
      if (omittedTypesIn(json, OMITTED_QUESTION_TYPES).length > 0)
        return setError('interview.unsupportedQuestion');
      // A survey cached by an earlier release has no interface strings: survey-core's own locales only.
      const model = createInterviewModel(
        oneRowPerScreen(json),
        draft.locale,
        profile.languages,
        survey.interfaceStrings ?? {},
      );
      performance.mark('morabeza:interview-model');
      renameTabsOnChange(model);
      model.data = draft.answers;
      performance.mark('morabeza:interview-data');
      // Registered before the first render: the page the interview resumes at shows its comments too.
      model.onAfterRenderQuestion.add((_, opt) =>
        showComments(draft.comments, opt.question, opt.htmlElement, tRef.current('interview.supervisor')),
      );
      if (draft.currentPage > 0 && draft.currentPage < model.visiblePageCount)
        model.currentPageNo = draft.currentPage;
      openCommentedRows(model, draft.comments);
      model.onCurrentPageChanged.add(() => openCommentedRows(model, draft.comments));
      const base = (draft.paradata as Partial<Paradata>).startedAt
        ? (draft.paradata as unknown as Paradata)
        : emptyParadata(device, Date.now());
      const recorder = new ParadataRecorder(base);
      recorder.beginVisit(model.currentPage?.name ?? '');
      if (!cancelled) {
        setLocale(draft.locale);
        setLoaded({ draft, profile, model, json, recorder, device });
      }
      const gps = await captureGps(CONFIG.gpsTimeoutMs);
      recorder.setGps(gps);
      const gpsItem = profile.gpsQuestion;
      const gpsQuestion = gpsItem ? model.getQuestionByValueName(gpsItem) : null;
      if (gpsItem && !cancelled && gps.status === 'ok' && gpsQuestion?.isEmpty()) {
        model.setValue(gpsItem, `${gps.latitude.toFixed(6)},${gps.longitude.toFixed(6)}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [interviewId]);

  useEffect(() => {
    if (!loaded) return;
    const { model, recorder } = loaded;
    let current = loaded.draft;
    const track = (delta: number) => {
      pending.current += delta;
      if (sectionRef.current) sectionRef.current.dataset.pending = String(pending.current);
    };
    const save = (status: Draft['status'] = 'in_progress') => {
      current = {
        ...current,
        answers: model.data,
        currentPage: model.currentPageNo,
        locale: model.locale || loaded.profile.languages[0].code,
        paradata: { ...recorder.snapshot() },
        status,
      };
      const draft = current;
      track(1);
      // Each write is caught on its own, so one failure never blocks the writes after it.
      saving.current = saving.current
        .then(() => saveDraft(db, draft))
        .then(() => {
          setSavedAt(Date.now());
          setProblem(null);
        })
        .catch((err: unknown) => setProblem(storageProblem(err)))
        .finally(() => track(-1));
      return saving.current;
    };
    const onValue = (_: Model, opt: { name: string }) => {
      recorder.answered(opt.name);
      void save();
    };
    const onPage = (_: Model, opt: { newCurrentPage?: { name: string } | null }) => {
      recorder.pageChanged(opt.newCurrentPage?.name ?? '');
      void save();
    };
    const onComplete = () => {
      void (async () => {
        await save();
        const paradata = recorder.complete();
        const queue = async () => {
          try {
            const envelope = buildEnvelope(
              current,
              model.data,
              { ...paradata },
              loaded.device,
              new Date(),
              loaded.profile,
            );
            await queueEnvelope(db, await envelopeToQueue(envelope, loaded.profile));
          } catch (err) {
            // The answers stay in the draft and on screen; the enumerator can try again.
            setProblem(storageProblem(err));
            setRetryQueue(() => () => void queue());
            return;
          }
          setRetryQueue(null);
          notify();
          void uploader.flush();
          onDone();
        };
        await queue();
      })();
    };
    const onCompleting = (_: Model, opt: { allow: boolean }) => {
      if (confirmed.current) return;
      opt.allow = false;
      setSummary(completionReport(loaded.json, model.data, model.locale || loaded.profile.languages[0].code));
      window.scrollTo(0, 0);
    };
    const bump = () => setChanges((n) => n + 1);
    model.onValueChanged.add(onValue);
    model.onCurrentPageChanged.add(onPage);
    model.onValueChanged.add(bump);
    model.onCurrentPageChanged.add(bump);
    model.onValidatedErrorsOnCurrentPage.add(bump);
    model.onCompleting.add(onCompleting);
    model.onComplete.add(onComplete);
    saveRef.current = () => save();
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      model.onValueChanged.remove(onValue);
      model.onCurrentPageChanged.remove(onPage);
      model.onValueChanged.remove(bump);
      model.onCurrentPageChanged.remove(bump);
      model.onValidatedErrorsOnCurrentPage.remove(bump);
      model.onCompleting.remove(onCompleting);
      model.onComplete.remove(onComplete);
      window.removeEventListener('pagehide', onHide);
      if (model.state !== 'completed') void save();
    };
  }, [loaded, onDone]);

  if (error) return <p className="message error">{t(error)}</p>;
  if (!loaded) return <p className="message">…</p>;

  const switchLanguage = (to: string) => {
    loaded.recorder.languageSwitched(loaded.model.locale || loaded.profile.languages[0].code, to);
    loaded.model.locale = to;
    setLocale(to);
    void saveRef.current?.();
  };

  return (
    <section className="interview" ref={sectionRef} data-testid="interview" data-pending="0">
      <div className="interview-bar">
        <button type="button" className="secondary" onClick={onBack}>
          ← {t('interview.back')}
        </button>
        <label className="language">
          {t('interview.language')}{' '}
          <select
            data-testid="interview-language"
            value={locale}
            onChange={(e) => switchLanguage(e.target.value)}
          >
            {loaded.profile.languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {loaded.draft.revision > 1 && (
          <span className="badge">
            {t('interview.revision')} {loaded.draft.revision}
          </span>
        )}
        <span className="saved" data-testid="saved" data-saved={savedAt ?? ''}>
          {savedAt ? `✓ ${t('interview.saved')}` : ''}
        </span>
        <SectionNav
          sections={sectionStates(loaded.model)}
          current={loaded.model.currentPage?.name}
          t={t}
          onGo={(s) => {
            setSummary(null);
            loaded.model.currentPage = s.page;
            window.scrollTo(0, 0);
          }}
        />
      </div>
      {problem && (
        <p className="message error" role="alert" data-testid="interview-problem">
          {t(problem)}{' '}
          {retryQueue && (
            <button type="button" onClick={retryQueue}>
              {t('interview.retry')}
            </button>
          )}
        </p>
      )}
      <CommentList comments={loaded.draft.comments} model={loaded.model} t={t} />
      {summary && (
        <CompleteSummary
          problems={summary}
          t={t}
          onGo={(path) => {
            setSummary(null);
            // after the survey is shown again: focus needs it on screen
            setTimeout(() => goToComment(loaded.model, path), 0);
          }}
          onCancel={() => setSummary(null)}
          onConfirm={() => {
            setSummary(null);
            confirmed.current = true;
            if (!loaded.model.doComplete()) confirmed.current = false;
          }}
        />
      )}
      <div hidden={summary !== null}>
        <Survey model={loaded.model} />
      </div>
    </section>
  );
}
