/**
 * The analyst's screen: a standard table of the survey or one built here (variable, domains,
 * universe), its estimates with confidence intervals as a table and a chart, downloads (JSON, CSV,
 * Excel) and the de-identified microdata with weights and codebook. "All standard tables" are
 * fetched one by one with a progress bar (compute-all.ts); downloads show that a file is being made.
 * Everything is read from one release, picked at the top (default: the latest published one), and the
 * screen says which release (or unpublished run) the numbers come from.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AnalysisCatalogue, TableRequest, TableResponse } from '../../server/contract/analysis.ts';
import {
  download,
  fetchCatalogue,
  fetchCustomTable,
  fetchStandardTable,
  releaseQuery,
} from '../analyst/analyst-api.ts';
import { Builder } from '../analyst/builder.tsx';
import { type AllProgress, computeAll } from '../analyst/compute-all.ts';
import { latestOnly, STALE } from '../analyst/latest-only.ts';
import { useAnalystT } from '../analyst/messages.ts';
import { ModelPanel } from '../analyst/model-panel.tsx';
import { ResultTable } from '../analyst/result-table.tsx';
import { WeightingPanel } from '../analyst/weighting-panel.tsx';
import { fetchSurveys } from '../review/review-api.ts';
import '../analyst/analyst.css';
import { refusalSentence } from '../analyst/refusal-text.ts';
import { BannerContent, type BannerText, failure } from '../error-note.tsx';

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

type Mode = { kind: 'standard'; id: string } | { kind: 'custom' } | { kind: 'model' };

export function AnalystScreen() {
  // tables, models and microdata in the app language (the server writes pt, en, fr and kea); `lang`
  // (pt or en) only for a catalogue text that came without French or Kriolu
  const { t, lang, uiLang } = useAnalystT();
  // the survey selector: the surveys this server runs (the first by default)
  const [surveys, setSurveys] = useState<string[]>([]);
  const [survey, setSurvey] = useState('');
  useEffect(() => {
    void fetchSurveys().then((r) => {
      if (r.kind !== 'ok') return setError(failure(r));
      setSurveys(r.data.surveys.map((s) => s.id));
      setSurvey((current) => current || (r.data.surveys[0]?.id ?? ''));
    });
  }, []);
  const [catalogue, setCatalogue] = useState<AnalysisCatalogue | null>(null);
  // the release the numbers come from ('' = the server's default, the latest published one)
  const [release, setRelease] = useState('');
  const [mode, setMode] = useState<Mode>({ kind: 'standard', id: '' });
  const [req, setReq] = useState<TableRequest>({
    unit: 'individual',
    statistic: 'proportion',
    variable: '',
    domains: [],
    universe: [],
  });
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<AllProgress | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [kind, setKind] = useState<'internal' | 'public'>('internal');
  const [result, setResult] = useState<TableResponse | null>(null);
  const [error, setError] = useState<BannerText | null>(null);

  // a catalogue asked for before the latest request (another survey's) is dropped when it comes
  const [catalogueOf] = useState(() => latestOnly(fetchCatalogue));
  const loadCatalogue = useCallback(() => {
    if (!survey) return;
    setCatalogue(null);
    setResult(null);
    void catalogueOf(survey).then((r) => {
      if (r === STALE) return;
      if (r.kind === 'ok') setCatalogue(r.data);
      else setError(failure(r));
    });
  }, [survey, catalogueOf]);
  useEffect(loadCatalogue, [loadCatalogue]);

  const compute = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    let r: Awaited<ReturnType<typeof fetchStandardTable>>;
    if (mode.kind === 'standard' && mode.id === 'all' && catalogue) {
      const all = await computeAll(
        catalogue.tables.map((x) => x.id),
        (id) => fetchStandardTable(survey, id, uiLang, release),
        setProgress,
      );
      r = all.kind === 'ok' ? { kind: 'ok', status: 200, data: all.data } : all.result;
    } else
      r =
        mode.kind === 'standard'
          ? await fetchStandardTable(survey, mode.id, uiLang, release)
          : await fetchCustomTable(survey, req, uiLang, release);
    setBusy(false);
    setProgress(null);
    if (r.kind === 'ok') setResult(r.data);
    else {
      const variables = catalogue?.variables ?? [];
      setError(failure(r, (l) => refusalSentence(r, l, variables)));
    }
  };

  const base = `/api/analysis/${survey}`;
  const get = async (format: string) => {
    setDownloading(format.toUpperCase());
    try {
      await (mode.kind === 'standard'
        ? download(
            `${base}/tables/${mode.id}?lang=${uiLang}&format=${format}${releaseQuery(release)}`,
            `${survey}-${mode.id}.${format}`,
          )
        : download(
            `${base}/tables?lang=${uiLang}&format=${format}${releaseQuery(release)}`,
            `${survey}-custom.${format}`,
            req,
          ));
    } finally {
      setDownloading(null);
    }
  };
  const ready = mode.kind === 'standard' ? mode.id !== '' : req.variable !== '';
  const published = (catalogue?.releases ?? []).filter((r) => r.retiredAt === null);
  const picked = published.find((r) => String(r.id) === release);
  const sourceText = picked
    ? fill(t('an.release.of'), { name: picked.name, date: picked.date })
    : (catalogue?.source?.label[uiLang] ?? catalogue?.source?.label[lang] ?? '');

  const selector =
    surveys.length > 1 ? (
      <select
        value={survey}
        onChange={(e) => {
          setSurvey(e.target.value);
          setRelease('');
        }}
        data-testid="analyst-survey"
        aria-label={t('an.survey')}
      >
        {surveys.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    ) : null;
  if (!catalogue)
    return (
      <div>
        {selector}
        <div className={error ? 'banner warn' : 'muted'} data-testid="analyst-status">
          {error ? <BannerContent value={error} /> : t('an.computing')}
        </div>
      </div>
    );
  return (
    <div className="analyst" data-testid="analyst-screen">
      <h2>
        {t('an.title')} {selector}
      </h2>
      {catalogue.notice && <p className="muted">{catalogue.notice[uiLang] ?? catalogue.notice[lang]}</p>}
      {!catalogue.dataReady && <p className="banner warn">{t('an.noData')}</p>}
      {catalogue.source && (
        <p data-testid="analyst-release-line">
          <label>
            {t('an.release')}{' '}
            <select
              data-testid="analyst-release"
              value={release}
              onChange={(e) => {
                setRelease(e.target.value);
                setResult(null);
              }}
            >
              <option value="">{t('an.release.default')}</option>
              {published.map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {r.name} ({r.date})
                </option>
              ))}
            </select>
          </label>{' '}
          <span className="muted" data-testid="analyst-source">
            {fill(t('an.release.from'), { source: sourceText })}
          </span>
        </p>
      )}
      <WeightingPanel survey={survey} onDone={loadCatalogue} />
      <div className="analyst-mode">
        <label>
          <input
            type="radio"
            data-testid="mode-standard"
            checked={mode.kind === 'standard'}
            onChange={() => setMode({ kind: 'standard', id: '' })}
          />{' '}
          {t('an.standard')}
        </label>{' '}
        <select
          data-testid="standard-table"
          disabled={mode.kind !== 'standard'}
          value={mode.kind === 'standard' ? mode.id : ''}
          onChange={(e) => setMode({ kind: 'standard', id: e.target.value })}
        >
          <option value="">{t('an.choose')}</option>
          <option value="all">{t('an.allTables')}</option>
          {catalogue.tables.map((x) => (
            <option key={x.id} value={x.id}>
              {x.id}. {x.title[uiLang] ?? x.title[lang]}
            </option>
          ))}
        </select>{' '}
        <label>
          <input
            type="radio"
            data-testid="mode-custom"
            checked={mode.kind === 'custom'}
            onChange={() => setMode({ kind: 'custom' })}
          />{' '}
          {t('an.custom')}
        </label>{' '}
        <label>
          <input
            type="radio"
            data-testid="mode-model"
            checked={mode.kind === 'model'}
            onChange={() => setMode({ kind: 'model' })}
          />{' '}
          {t('an.view.model')}
        </label>
      </div>
      {mode.kind === 'custom' && <Builder catalogue={catalogue} value={req} onChange={setReq} />}
      {mode.kind === 'model' && <ModelPanel survey={survey} catalogue={catalogue} release={release} />}
      <p hidden={mode.kind === 'model'}>
        <button
          type="button"
          data-testid="compute"
          disabled={!ready || busy || !catalogue.dataReady}
          onClick={() => void compute()}
        >
          {t('an.compute')}
        </button>{' '}
        {result &&
          (['csv', 'xlsx', 'json'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="link"
              data-testid={`download-${f}`}
              disabled={downloading !== null}
              onClick={() => void get(f)}
            >
              {t('an.download')} {f.toUpperCase()}
            </button>
          ))}
      </p>
      {busy && (
        <p role="status" data-testid="analyst-progress">
          {progress && progress.total > 1 ? (
            <>
              <progress value={progress.done} max={progress.total} data-testid="analyst-progress-bar" />{' '}
              {t('an.computing')} {progress.current ?? ''} ({progress.done}/{progress.total})
            </>
          ) : (
            <>
              <progress /> {t('an.computing')}
            </>
          )}
        </p>
      )}
      {downloading && (
        <p role="status" data-testid="analyst-download-progress">
          <progress /> {t('an.preparing')} ({downloading})
        </p>
      )}
      {error && (
        <div className="banner warn" role="alert" data-testid="analyst-error">
          <BannerContent value={error} />
        </div>
      )}
      {mode.kind !== 'model' &&
        result?.tables.map((tb) => <ResultTable key={tb.id} table={tb} legend={result.legend} />)}
      <section className="analyst-microdata">
        <h3>{t('an.microdata')}</h3>
        <p>
          <label>
            {t('an.kind')}{' '}
            <select
              data-testid="micro-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as 'internal' | 'public')}
            >
              {(catalogue.microdata.kinds ?? ['internal']).map((k) => (
                <option key={k} value={k}>
                  {t(k === 'public' ? 'an.kind.public' : 'an.kind.internal')}
                </option>
              ))}
            </select>
          </label>{' '}
          <span className="muted">
            {t(kind === 'public' ? 'an.kind.public.note' : 'an.kind.internal.note')}
          </span>
        </p>
        {catalogue.microdata.formats.map((f) => (
          <span key={f} className="microdata-format">
            <strong>{f.toUpperCase()}</strong>:{' '}
            {(kind === 'public'
              ? ['microdata.zip']
              : (f === 'xlsx' ? [`${survey}-microdata.xlsx`] : [`households.${f}`, `persons.${f}`]).concat([
                  'codebook.csv',
                  'codebook.md',
                  'setup.R',
                ])
            ).map((file) => (
              <button
                key={file}
                type="button"
                className="link"
                data-testid={`micro-${f}-${file}`}
                disabled={!catalogue.dataReady}
                onClick={() =>
                  void download(
                    `${base}/microdata/${f}/${file}?lang=${uiLang}&kind=${kind}${releaseQuery(release)}`,
                    file === 'microdata.zip' ? `${survey}-${kind}-${f}.zip` : `${survey}-${file}`,
                  )
                }
              >
                {file}
              </button>
            ))}{' '}
          </span>
        ))}
      </section>
    </div>
  );
}
