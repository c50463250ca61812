/**
 * The coordinator's dashboard: progress against the sample by stratum, island, municipality, EA and
 * enumerator, a schematic of the islands, dispositions and AAPOR response rates, completes per day,
 * durations, flags and the last sync of every device. Refreshes itself every 30 s while open.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import type { Geography } from '../../server/contract/geography.ts';
import type { SurveyProfile } from '../../server/contract/survey-profile.ts';
import { ChartView } from '../dashboard/chart.tsx';
import { CsvTable } from '../dashboard/csv-table.tsx';
import {
  durationColumns,
  flagCodeColumns,
  flagEnumeratorColumns,
  hasPersonStage,
  hasScreeningStage,
  personRateColumns,
  progressColumns,
  rateColumns,
  rateDefinitionLines,
  screeningRateColumns,
  syncColumns,
} from '../dashboard/dashboard-columns.ts';
import { IslandMap, mapGeographyOf } from '../dashboard/island-map.tsx';
import { BannerContent, type BannerText, bannerSentence, failure } from '../error-note.tsx';
import { sentenceIn } from '../error-sentence.ts';
import { useStaffT } from '../review/messages.ts';
import { fetchDashboard, fetchSurvey, fetchSurveys, problemText } from '../review/review-api.ts';

const LEVELS = ['stratum', 'island', 'municipality', 'ea', 'enumerator'] as const;
type Level = (typeof LEVELS)[number];
const RATE_LEVELS = ['stratum', 'island', 'ea', 'team', 'enumerator'] as const;
export const REFRESH_MS = 30_000;

/** The survey last chosen in the selector, kept for this browser tab (across screens and reloads). */
const CHOSEN = 'morabeza.dashboard.survey';
const chosenSurvey = (): string | null => globalThis.sessionStorage?.getItem(CHOSEN) ?? null;

export function DashboardScreen() {
  const { t, lang } = useStaffT();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<BannerText | null>(null);
  const [level, setLevel] = useState<Level>('stratum');
  const [rateLevel, setRateLevel] = useState<(typeof RATE_LEVELS)[number]>('stratum');
  // the survey selector: the surveys this server runs; the dashboard is one survey's
  const [surveys, setSurveys] = useState<string[]>([]);
  const [survey, setSurveyState] = useState<string | null>(chosenSurvey);
  const setSurvey = (id: string) => {
    globalThis.sessionStorage?.setItem(CHOSEN, id);
    setSurveyState(id);
  };
  useEffect(() => {
    void fetchSurveys().then((r) => {
      if (r.kind !== 'ok') return setError(problemText(r));
      const ids = r.data.surveys.map((s) => s.id);
      setSurveys(ids);
      setSurveyState((current) => (current && ids.includes(current) ? current : (ids[0] ?? null)));
    });
  }, []);

  const [geography, setGeography] = useState<Geography | null>(null);
  const [profile, setProfile] = useState<SurveyProfile | null>(null);
  // a profile that did not come is said (the map and the rates' labels need it), never passed over
  const [profileError, setProfileError] = useState<BannerText | null>(null);
  useEffect(() => {
    if (!survey) return;
    void fetchSurvey(survey).then((r) => {
      setGeography(r.kind === 'ok' ? r.data.geography : null);
      setProfile(r.kind === 'ok' ? r.data.profile : null);
      setProfileError(r.kind === 'ok' ? null : failure(r, (l) => sentenceIn('profileMissing', r, l)));
    });
  }, [survey]);

  const load = useCallback(async () => {
    if (!survey) return;
    const r = await fetchDashboard(survey);
    if (r.kind === 'ok') {
      setData(r.data);
      setError(null);
    } else setError(problemText(r));
  }, [survey]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (!data) return <div role="status">{error ? <BannerContent value={error} /> : '…'}</div>;
  const total = data.progress.total;
  const rows = data.progress[level];
  const codes = [...new Set(data.dispositions.total ? Object.keys(data.dispositions.total.codes) : [])].sort(
    (a, b) => Number(a) - Number(b),
  );

  const mapGeography = mapGeographyOf(geography, data.map, data.survey);

  return (
    <section className="staff dashboard" data-testid="dashboard">
      <h1>
        {t('dash.title')}{' '}
        {surveys.length > 1 && (
          <select
            value={survey ?? ''}
            onChange={(e) => setSurvey(e.target.value)}
            data-testid="dash-survey"
            aria-label={t('dash.survey')}
          >
            {surveys.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
      </h1>
      <p className="muted">
        {t('dash.updated')}:{' '}
        <span data-testid="dash-updated">
          {new Date(data.generatedAt).toLocaleTimeString(lang === 'kea' ? 'pt-CV' : lang)}
        </span>{' '}
        ({t('dash.auto')}) {error && <span className="error">{bannerSentence(error, lang)}</span>}
      </p>
      {profileError && (
        <div className="banner warn" role="status" data-testid="profile-failed">
          <BannerContent value={profileError} />
        </div>
      )}
      <div className="tiles" data-testid="dash-totals">
        {(
          [
            ['assigned', total.assigned],
            ['visited', total.visited],
            ['completed', total.completed],
            ['supApproved', total.supervisorApproved],
            ['approved', total.approved],
            ['nonInterviews', total.nonInterviews],
          ] as const
        ).map(([k, v]) => (
          <div key={k} className="tile" data-testid={`tile-${k}`}>
            <strong>{v}</strong>
            <span>{t(`dash.${k}`)}</span>
          </div>
        ))}
      </div>
      {data.reserve.total.assigned > 0 && (
        <p className="muted small" data-testid="dash-reserve">
          {t('dash.reserve', {
            assigned: data.reserve.total.assigned,
            visited: data.reserve.total.visited,
            completed: data.reserve.total.completed,
          })}
        </p>
      )}

      <div className="dash-grid">
        {mapGeography && (
          <div>
            <h2>{t(geography ? 'dash.islands' : 'dash.fieldMap')}</h2>
            <IslandMap rows={data.progress.island} geography={mapGeography} field={data.map} />
            <p className="muted small" data-testid="field-legend">
              {data.map.points.length ? t('dash.gps.legend') : t('dash.gps.none')}
            </p>
          </div>
        )}
        <div>
          <h2>
            {t('dash.level')}{' '}
            <select
              value={level}
              onChange={(e) => setLevel(e.target.value as Level)}
              data-testid="dash-level"
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`dash.level.${l}`)}
                </option>
              ))}
            </select>
          </h2>
          <ChartView
            type="bar"
            testId="chart-progress"
            labels={rows.map((r) => r.key)}
            series={[
              { label: t('dash.assigned'), data: rows.map((r) => r.assigned), color: '#c9c2ad' },
              { label: t('dash.completed'), data: rows.map((r) => r.completed), color: '#0b5d7a' },
              { label: t('dash.approved'), data: rows.map((r) => r.approved), color: '#1e6b3a' },
            ]}
          />
        </div>
      </div>
      <CsvTable
        rows={rows}
        columns={progressColumns(t, level)}
        filename={`progress-by-${level}.csv`}
        testId="table-progress"
      />

      <h2>
        {t('dash.rates')} {t('dash.ratesBy')}{' '}
        <select value={rateLevel} onChange={(e) => setRateLevel(e.target.value as typeof rateLevel)}>
          {RATE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`dash.level.${l}`)}
            </option>
          ))}
        </select>
      </h2>
      <ul className="muted small" data-testid="rate-definitions">
        {rateDefinitionLines(t, lang, profile).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <CsvTable
        rows={[data.dispositions.total, ...data.dispositions[rateLevel]]}
        columns={rateColumns(t, lang, rateLevel, codes, profile)}
        filename={`dispositions-by-${rateLevel}.csv`}
        testId="table-rates"
        dense
      />
      {hasScreeningStage(profile) && rateLevel !== 'enumerator' && (
        <>
          <h3>{t('dash.screeningRates')}</h3>
          <CsvTable
            rows={[data.dispositions.total, ...data.dispositions[rateLevel]]}
            columns={screeningRateColumns(t, rateLevel, !hasPersonStage(profile))}
            filename={`screening-rates-by-${rateLevel}.csv`}
            testId="table-screening-rates"
          />
        </>
      )}
      {hasPersonStage(profile) && (
        <>
          <h3>{t('dash.personRates')}</h3>
          <CsvTable
            rows={[data.dispositions.total, ...data.dispositions[rateLevel]]}
            columns={personRateColumns(t, rateLevel)}
            filename={`person-rates-by-${rateLevel}.csv`}
            testId="table-person-rates"
          />
        </>
      )}

      <div className="dash-grid">
        <div>
          <h2>{t('dash.perDay')}</h2>
          <ChartView
            type="bar"
            testId="chart-per-day"
            labels={data.completesPerDay.map((d) => d.day)}
            series={[
              {
                label: t('dash.completed'),
                data: data.completesPerDay.map((d) => d.completes),
                color: '#0b5d7a',
              },
            ]}
          />
          <CsvTable
            rows={data.completesPerDay}
            columns={[
              { header: t('dash.day'), value: (d) => d.day },
              { header: t('dash.completed'), value: (d) => d.completes },
            ]}
            filename="completes-per-day.csv"
            testId="table-per-day"
          />
        </div>
        <div>
          <h2>{t('dash.durations')}</h2>
          <ChartView
            type="bar"
            testId="chart-durations"
            labels={data.durations.map((d) => d.enumerator)}
            series={[
              { label: t('dash.p25'), data: data.durations.map((d) => d.p25 ?? 0), color: '#9cc3d5' },
              { label: t('dash.median'), data: data.durations.map((d) => d.median ?? 0), color: '#0b5d7a' },
              { label: t('dash.p75'), data: data.durations.map((d) => d.p75 ?? 0), color: '#084559' },
            ]}
          />
          <CsvTable
            rows={data.durations}
            columns={durationColumns(t)}
            filename="durations.csv"
            testId="table-durations"
          />
        </div>
      </div>

      <div className="dash-grid">
        <div>
          <h2>{t('dash.flags')}</h2>
          <CsvTable
            rows={data.flags.byCode}
            columns={flagCodeColumns(t, lang)}
            filename="flags-by-code.csv"
            testId="table-flags"
          />
          <h2>{t('dash.flagsByEnumerator')}</h2>
          <CsvTable
            rows={data.flags.byEnumerator}
            columns={flagEnumeratorColumns(t)}
            filename="flags-by-enumerator.csv"
            testId="table-flags-enumerator"
          />
        </div>
        <div>
          <h2>{t('dash.sync')}</h2>
          <CsvTable
            rows={data.lastSync}
            columns={syncColumns(t)}
            filename="last-sync.csv"
            testId="table-sync"
          />
        </div>
      </div>
    </section>
  );
}
