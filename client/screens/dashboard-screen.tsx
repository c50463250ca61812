/**
 * The coordinator's dashboard: progress against the sample by stratum, island, municipality, EA and
 * enumerator, a schematic of the islands, dispositions and AAPOR response rates, completes per day,
 * durations, flags and the last sync of every device. Refreshes itself every 30 s while open.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Dashboard, ProgressRow, RatesRow } from '../../server/contract/dashboard.ts';
import type { Geography } from '../../server/contract/geography.ts';
import { ChartView } from '../dashboard/chart.tsx';
import { CsvTable } from '../dashboard/csv-table.tsx';
import { IslandMap } from '../dashboard/island-map.tsx';
import type { Column } from '../review/csv.ts';
import { useStaffT } from '../review/messages.ts';
import { fetchDashboard, fetchSurvey, fetchSurveys, problemText } from '../review/review-api.ts';

const LEVELS = ['stratum', 'island', 'municipality', 'ea', 'enumerator'] as const;
type Level = (typeof LEVELS)[number];
const RATE_LEVELS = ['stratum', 'ea', 'enumerator'] as const;
export const REFRESH_MS = 30_000;
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
/** Shown and downloaded rounded: minutes to 0.1, the eligibility share e to 0.001. */
const round = (x: number | null, digits: number) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** The survey last chosen in the selector, kept for this browser tab (across screens and reloads). */
const CHOSEN = 'morabeza.dashboard.survey';
const chosenSurvey = (): string | null => globalThis.sessionStorage?.getItem(CHOSEN) ?? null;

export function DashboardScreen() {
  const { t } = useStaffT();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
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
  useEffect(() => {
    if (!survey) return;
    void fetchSurvey(survey).then((r) => setGeography(r.kind === 'ok' ? r.data.geography : null));
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

  if (!data) return <p role="status">{error ?? '…'}</p>;
  const total = data.progress.total;
  const rows = data.progress[level];
  const progressColumns: Column<ProgressRow>[] = [
    { header: t(`dash.level.${level}`), value: (r) => r.key },
    { header: t('dash.assigned'), value: (r) => r.assigned },
    { header: t('dash.visited'), value: (r) => r.visited },
    { header: t('dash.completed'), value: (r) => r.completed },
    { header: t('dash.supApproved'), value: (r) => r.supervisorApproved },
    { header: t('dash.approved'), value: (r) => r.approved },
    { header: t('dash.nonInterviews'), value: (r) => r.nonInterviews },
    { header: t('dash.nonInterviewsApproved'), value: (r) => r.nonInterviewsApproved },
    { header: t('dash.pctCompleted'), value: (r) => (r.assigned ? pct(r.completed / r.assigned) : null) },
  ];
  const codes = [...new Set(data.dispositions.total ? Object.keys(data.dispositions.total.codes) : [])].sort(
    (a, b) => Number(a) - Number(b),
  );
  const rateColumns: Column<RatesRow>[] = [
    { header: t(`dash.level.${rateLevel}`), value: (r) => r.key },
    { header: t('dash.cases'), value: (r) => r.cases },
    ...codes.map((c) => ({ header: `${t('dash.code')} ${c}`, value: (r: RatesRow) => r.codes[c] ?? 0 })),
    { header: 'RR1 %', value: (r) => pct(r.rr1) },
    { header: 'RR2 %', value: (r) => pct(r.rr2) },
    { header: 'RR3 %', value: (r) => pct(r.rr3) },
    { header: 'e', value: (r) => round(r.e, 3) },
  ];

  return (
    <section className="staff dashboard" data-testid="dashboard">
      <h1>
        {t('dash.title')}{' '}
        {surveys.length > 1 && (
          <select
            value={survey ?? ''}
            onChange={(e) => setSurvey(e.target.value)}
            data-testid="dash-survey"
            aria-label="survey"
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
        <span data-testid="dash-updated">{new Date(data.generatedAt).toLocaleTimeString()}</span> (
        {t('dash.auto')}) {error && <span className="error">{error}</span>}
      </p>
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

      <div className="dash-grid">
        {geography && (
          <div>
            <h2>{t('dash.islands')}</h2>
            <IslandMap rows={data.progress.island} geography={geography} />
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
        columns={progressColumns}
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
        {Object.entries(data.rateDefinitions).map(([k, v]) => (
          <li key={k}>
            {k}: {v}
          </li>
        ))}
      </ul>
      <CsvTable
        rows={[data.dispositions.total, ...data.dispositions[rateLevel]]}
        columns={rateColumns}
        filename={`dispositions-by-${rateLevel}.csv`}
        testId="table-rates"
      />

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
              { label: 'p25', data: data.durations.map((d) => d.p25 ?? 0), color: '#9cc3d5' },
              { label: 'median', data: data.durations.map((d) => d.median ?? 0), color: '#0b5d7a' },
              { label: 'p75', data: data.durations.map((d) => d.p75 ?? 0), color: '#084559' },
            ]}
          />
          <CsvTable
            rows={data.durations}
            columns={[
              { header: 'enumerator', value: (d) => d.enumerator },
              { header: 'n', value: (d) => d.n },
              { header: t('dash.median'), value: (d) => round(d.median, 1) },
              { header: 'p25', value: (d) => round(d.p25, 1) },
              { header: 'p75', value: (d) => round(d.p75, 1) },
              { header: t('dash.min'), value: (d) => round(d.min, 1) },
              { header: t('dash.max'), value: (d) => round(d.max, 1) },
              { header: t('dash.short'), value: (d) => d.short },
            ]}
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
            columns={[
              { header: 'code', value: (f) => f.code },
              { header: 'source', value: (f) => f.source },
              { header: 'interviews', value: (f) => f.interviews },
            ]}
            filename="flags-by-code.csv"
            testId="table-flags"
          />
          <h2>{t('dash.flagsByEnumerator')}</h2>
          <CsvTable
            rows={data.flags.byEnumerator}
            columns={[
              { header: 'enumerator', value: (f) => f.enumerator },
              { header: 'interviews', value: (f) => f.interviews },
              { header: 'flagged', value: (f) => f.flagged },
              { header: 'flags', value: (f) => f.flags },
            ]}
            filename="flags-by-enumerator.csv"
            testId="table-flags-enumerator"
          />
        </div>
        <div>
          <h2>{t('dash.sync')}</h2>
          <CsvTable
            rows={data.lastSync}
            columns={[
              { header: 'enumerator', value: (s) => s.enumerator },
              { header: 'device', value: (s) => s.deviceId },
              { header: 'last_sync', value: (s) => s.lastSyncAt ?? t('dash.never') },
              { header: 'uploads', value: (s) => s.uploads },
            ]}
            filename="last-sync.csv"
            testId="table-sync"
          />
        </div>
      </div>
    </section>
  );
}
