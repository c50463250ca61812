/**
 * The state of the survey's weights above the tables: when they were computed and from how many
 * respondents, a run in progress (polled), the reason a run failed, a button to weight the approved
 * interviews again, the weighting report (rendered), and a form that publishes the last finished run as
 * a release (name, date, note); all in the header's language (pt, en, fr or kea).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WeightingReportBlock, WeightingStatus } from '../../server/contract/weighting.ts';
import { BannerContent, type BannerText, failure } from '../error-note.tsx';
import type { TabletLanguage } from '../i18n.ts';
import { fetchWeighting, fetchWeightingReport, publishRelease, startWeighting } from './analyst-api.ts';
import { useAnalystT } from './messages.ts';
import { weightingFailureText } from './weighting-failure-text.ts';
import { WeightingReportView } from './weighting-report.tsx';

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** How a date and time read in each app language (Kriolu as in Cabo Verde). */
const LOCALE: Record<TabletLanguage, string> = { pt: 'pt-PT', en: 'en-GB', fr: 'fr-FR', kea: 'pt-CV' };

export function WeightingPanel({ survey, onDone }: { survey: string; onDone: () => void }) {
  const { t, uiLang: tabletLang } = useAnalystT();
  const [status, setStatus] = useState<WeightingStatus | null>(null);
  const [showReport, setShowReport] = useState(false);
  const [report, setReport] = useState<WeightingReportBlock[] | null>(null);
  const [problem, setProblem] = useState<BannerText | null>(null);
  const [publish, setPublish] = useState({ name: '', date: new Date().toISOString().slice(0, 10), note: '' });
  const [published, setPublished] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await fetchWeighting(survey);
    if (r.kind === 'ok') setStatus(r.data);
    return r.kind === 'ok' ? r.data : null;
  }, [survey]);

  useEffect(() => {
    void load();
  }, [load]);

  // Poll while a run is in progress; tell the screen when it has finished.
  useEffect(() => {
    if (status?.state !== 'running' && status?.state !== 'queued') return;
    const timer = setInterval(async () => {
      const s = await load();
      if (s && s.state !== 'running' && s.state !== 'queued') {
        clearInterval(timer);
        if (s.state === 'done') onDone();
      }
    }, 3000);
    return () => clearInterval(timer);
  }, [status?.state, load, onDone]);

  const start = async () => {
    setProblem(null);
    const r = await startWeighting(survey);
    if (r.kind === 'ok') setStatus(r.data);
    else setProblem(failure(r));
  };

  const doPublish = async () => {
    if (status?.lastRunId == null) return;
    setProblem(null);
    setPublished(null);
    const r = await publishRelease(survey, { run: status.lastRunId, ...publish });
    if (r.kind === 'ok') {
      setPublished(r.data.name);
      onDone();
    } else setProblem(failure(r));
  };

  // The report in the screen's language: fetched again when the language changes while it is open.
  useEffect(() => {
    if (!showReport) return;
    let live = true;
    void fetchWeightingReport(survey, tabletLang).then((r) => {
      if (live) setReport(r.kind === 'ok' ? r.data.blocks : []);
    });
    return () => {
      live = false;
    };
  }, [showReport, survey, tabletLang]);

  const toggleReport = () => {
    setShowReport(!showReport);
    setReport(null);
  };

  if (!status) return null;
  const last = status.last;
  return (
    <section className="weighting-panel" aria-label={t('an.w.title')} data-testid="weighting-panel">
      <h3>{t('an.w.title')}</h3>
      {status.state === 'running' || status.state === 'queued' ? (
        <p role="status" data-testid="weighting-running">
          <progress /> {t('an.w.running')}
        </p>
      ) : null}
      {last ? (
        <p data-testid="weighting-last">
          {fill(t('an.w.done'), {
            when: new Date(last.generatedAt).toLocaleString(LOCALE[tabletLang]),
            respondents: last.respondents,
            individuals: last.individualRespondents,
            replicates: last.replicates,
            seconds: last.seconds.toFixed(0),
            diff: last.maxControlDifference.toExponential(0),
          })}
          {last.unboundedReplicates ? ` ${fill(t('an.w.unbounded'), { n: last.unboundedReplicates })}` : ''}
        </p>
      ) : status.state === 'none' ? (
        <p>{t('an.w.none')}</p>
      ) : null}
      {status.state === 'failed' && status.error ? (
        <p className="banner warn" role="alert" data-testid="weighting-failed">
          {weightingFailureText(tabletLang, status.error)}
        </p>
      ) : null}
      {problem ? (
        <div className="banner warn" role="alert">
          <BannerContent value={problem} />
        </div>
      ) : null}
      <p>
        <button
          type="button"
          onClick={start}
          disabled={status.state === 'running' || status.state === 'queued'}
          data-testid="weighting-start"
        >
          {t('an.w.start')}
        </button>{' '}
        {last ? (
          <button type="button" onClick={toggleReport} data-testid="weighting-report">
            {showReport ? t('an.w.hide') : t('an.w.report')}
          </button>
        ) : null}
      </p>
      {showReport && report !== null ? <WeightingReportView blocks={report} /> : null}
      {status.lastRunId !== null ? (
        <fieldset className="weighting-publish" data-testid="weighting-publish">
          <legend>{fill(t('an.w.publish'), { run: status.lastRunId })}</legend>
          <label>
            {t('an.w.name')}{' '}
            <input
              value={publish.name}
              data-testid="publish-name"
              onChange={(e) => setPublish({ ...publish, name: e.target.value })}
            />
          </label>{' '}
          <label>
            {t('an.w.date')}{' '}
            <input
              type="date"
              value={publish.date}
              onChange={(e) => setPublish({ ...publish, date: e.target.value })}
            />
          </label>{' '}
          <label>
            {t('an.w.note')}{' '}
            <input value={publish.note} onChange={(e) => setPublish({ ...publish, note: e.target.value })} />
          </label>{' '}
          <button
            type="button"
            disabled={publish.name.trim() === ''}
            onClick={() => void doPublish()}
            data-testid="publish-release"
          >
            {fill(t('an.w.publish'), { run: status.lastRunId })}
          </button>
          {published ? <span role="status"> {fill(t('an.w.published'), { name: published })}</span> : null}
        </fieldset>
      ) : null}
    </section>
  );
}
