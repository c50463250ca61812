/**
 * One computed table: the cross-tab of the Excel workbook (result-crosstab.ts: estimate, CI limits,
 * base n and the reliability mark per column group), every cell's statistics (SE, CV, deff, n) in
 * long form under "Every statistic", and the chart of the estimates with their intervals. The
 * table's design and estimate warnings are listed under the cross-tab, worded by the server in the
 * screen's language (the request's `lang`, as the table's notes are).
 */
import type { TableCellBody, TableResultBody } from '../../server/contract/analysis.ts';
import { MARK } from '../../server/contract/table-layout.ts';
import { CiChart, type CiPoint } from './ci-chart.tsx';
import { useAnalystT } from './messages.ts';
import { type CrossTabView, crossTabView, fmt } from './result-crosstab.ts';

/** The cross-tab: a header row of column groups over a row of each group's columns. */
function CrossTable({ x }: { x: CrossTabView }) {
  const width = x.group.length;
  return (
    <div className="table-scroll">
      <table className="data crosstab" data-testid="analyst-crosstab">
        <thead>
          <tr>
            <th rowSpan={2} className="row-head">
              {x.rowHeader}
            </th>
            {x.columns.map((c) => (
              <th key={c.key} colSpan={width} className="group">
                {c.label}
              </th>
            ))}
          </tr>
          <tr>
            {x.columns.flatMap((c) =>
              x.group.map((g) => (
                <th key={`${c.key}|${g}`} className="num">
                  {g}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {x.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.flatMap((c, k) =>
                x.group.map((g, j) => (
                  <td
                    key={`${x.columns[k].key}|${g}`}
                    className={[c && 'num', c && `rel-${c.reliability}`, j === 0 && 'group-start']
                      .filter(Boolean)
                      .join(' ')}
                    data-reliability={c && j === 0 ? c.reliability : undefined}
                  >
                    {c?.values[j] ?? ''}
                  </td>
                )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const domainText = (c: TableCellBody, all: string) =>
  c.domain.length ? c.domain.map((d) => d.label).join(' × ') : all;

export function ResultTable({ table, legend }: { table: TableResultBody; legend: string }) {
  const { t, uiLang } = useAnalystT();
  const s = table.statistic;
  const x = crossTabView(table, uiLang);
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
      {x.columnHeader && (
        <p className="muted" data-testid="analyst-columns">
          {t('an.columns')}: {x.columnHeader}
        </p>
      )}
      <CrossTable x={x} />
      {table.warnings.length > 0 && (
        <div className="muted small" data-testid="analyst-warnings">
          {t('an.warnings')}:
          <ul>
            {table.warnings.map((w, k) => (
              <li key={w} data-code={table.warningCodes?.[k]?.code}>
                {w}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="table-scroll">
        <summary>{t('an.everyStatistic')}</summary>
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
      </details>
      <p className="muted" data-testid="analyst-legend">
        {legend}
      </p>
      <h4>{t('an.chart')}</h4>
      <CiChart points={points} percent={s === 'proportion' || s === 'multiple'} />
    </section>
  );
}
