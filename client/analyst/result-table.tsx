/** One computed table: the cells with estimate, SE, CI, CV, deff, n and the reliability mark, plus its chart. */
import type { TableCellBody, TableResultBody } from '../../server/contract/analysis.ts';
import { CiChart, type CiPoint } from './ci-chart.tsx';
import { useAnalystT } from './messages.ts';

const MARK = { ok: '', flag: '*', suppress: 'x', empty: '-', control: 'c' } as const;

function fmt(x: number | null, statistic: string, kind: 'est' | 'cv' | 'deff'): string {
  if (x === null) return '';
  if (kind === 'cv') return `${(x * 100).toFixed(1)}%`;
  if (kind === 'deff') return x.toFixed(2);
  if (statistic === 'proportion') return `${(x * 100).toFixed(1)}%`;
  return x.toLocaleString(undefined, { maximumFractionDigits: statistic === 'total' ? 0 : 2 });
}

const domainText = (c: TableCellBody, all: string) =>
  c.domain.length ? c.domain.map((d) => d.label).join(' × ') : all;

export function ResultTable({ table, legend }: { table: TableResultBody; legend: string }) {
  const { t } = useAnalystT();
  const s = table.statistic;
  const points: CiPoint[] = table.cells
    .filter((c) => c.estimate !== null && c.ciLower !== null && c.ciUpper !== null)
    .map((c) => ({
      label: [domainText(c, t('an.all')), c.level?.label].filter(Boolean).join(' · '),
      estimate: c.estimate as number,
      lower: c.ciLower as number,
      upper: c.ciUpper as number,
      flagged: c.reliability === 'flag',
    }));
  return (
    <section className="analyst-result" data-testid="analyst-result">
      <h3>{table.title}</h3>
      <p className="muted">
        {table.variable.label} ({table.variable.name}) · {table.ci} · {table.respondents}{' '}
        {t('an.respondents')}
      </p>
      {table.notes && <p className="muted">{table.notes}</p>}
      {table.proxyNote && (
        <p className="muted" data-testid="analyst-proxy-note">
          {table.proxyNote}
        </p>
      )}
      {table.controlNote && (
        <p className="muted" data-testid="analyst-control-note">
          {table.controlNote}
        </p>
      )}
      <div className="table-scroll">
        <table className="data" data-testid="analyst-cells">
          <thead>
            <tr>
              <th>{t('an.domain')}</th>
              <th>{t('an.category')}</th>
              <th>{t('an.estimate')}</th>
              <th>{t('an.se')}</th>
              <th>{t('an.ci')}</th>
              <th>{t('an.cv')}</th>
              <th>{t('an.deff')}</th>
              <th>{t('an.n')}</th>
              <th>{t('an.base')}</th>
              <th>{t('an.note')}</th>
            </tr>
          </thead>
          <tbody>
            {table.cells.map((c) => (
              <tr
                key={`${c.domain.map((d) => d.code).join('.')}|${c.level?.code ?? ''}`}
                className={`rel-${c.reliability}`}
                data-reliability={c.reliability}
              >
                <td>{domainText(c, t('an.all'))}</td>
                <td>{c.level?.label ?? ''}</td>
                <td className="num">{fmt(c.estimate, s, 'est')}</td>
                <td className="num">{fmt(c.se, s, 'est')}</td>
                <td className="num">
                  {c.ciLower === null ? '' : `${fmt(c.ciLower, s, 'est')} – ${fmt(c.ciUpper, s, 'est')}`}
                </td>
                <td className="num">{fmt(c.cv, s, 'cv')}</td>
                <td className="num">{fmt(c.deff, s, 'deff')}</td>
                <td className="num">{c.n}</td>
                <td className="num">{c.base}</td>
                <td>{MARK[c.reliability]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted" data-testid="analyst-legend">
        {legend}
      </p>
      <h4>{t('an.chart')}</h4>
      <CiChart points={points} percent={s === 'proportion'} />
    </section>
  );
}
