/**
 * A fitted model on the analyst's screen: what was fitted (outcome, family, universe, n, df), the
 * coefficient table (odds or rate ratios with their intervals for logistic and count models, the
 * coefficient itself for linear ones; reliability marks as in tables, suppressed rows without
 * numbers), the forest plot, the Wald test of each predictor, predictive margins and the notes.
 */
import type { ModelResponse } from '../../server/contract/analysis-models.ts';
import { ForestPlot } from './forest-plot.tsx';
import { useAnalystT } from './messages.ts';

const MARK = { ok: '', flag: '*', suppress: 'x' } as const;
const fmt = (x: number | null, d = 3) => (x === null ? '' : Number(x.toPrecision(d + 1)).toLocaleString());
const pfmt = (p: number | null) => (p === null ? '' : p < 0.001 ? '<0.001' : p.toFixed(3));

export function ModelResult({ model }: { model: ModelResponse }) {
  const { t } = useAnalystT();
  const ratio = model.ratioName !== null;
  return (
    <section className="model-result" data-testid="model-result">
      <h3>{model.title}</h3>
      <p className="muted">
        {model.familyLabel}: {model.outcome.label}
        {model.outcome.level ? ` = ${model.outcome.level}` : ''}; n = {model.n}; {model.ci}
      </p>
      <div className="table-scroll">
        <table className="data" data-testid="model-table">
          <thead>
            <tr>
              <th>{t('an.m.coefficient')}</th>
              <th>{ratio ? model.ratioName : t('an.estimate')}</th>
              <th>{ratio ? t('an.m.ratioCi') : t('an.ci')}</th>
              {ratio && <th>{t('an.estimate')}</th>}
              <th>{t('an.se')}</th>
              <th>{t('an.m.p')}</th>
              <th>{t('an.n')}</th>
              <th>{t('an.note')}</th>
            </tr>
          </thead>
          <tbody>
            {model.coefficients.map((c) => (
              <tr key={c.name} className={`rel-${c.reliability}`} data-testid={`coef-${c.name}`}>
                <td>
                  {c.label}
                  {c.reference ? ` (${t('an.m.reference')} ${c.reference})` : ''}
                </td>
                <td className="num">{fmt(ratio ? c.ratio : c.estimate)}</td>
                <td className="num">
                  {ratio
                    ? c.ratioLower !== null && `[${fmt(c.ratioLower)}; ${fmt(c.ratioUpper)}]`
                    : c.ciLower !== null && `[${fmt(c.ciLower)}; ${fmt(c.ciUpper)}]`}
                </td>
                {ratio && <td className="num">{fmt(c.estimate)}</td>}
                <td className="num">{fmt(c.se)}</td>
                <td className="num">{pfmt(c.pValue)}</td>
                <td className="num">{c.n}</td>
                <td title={c.note ?? ''}>{MARK[c.reliability]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('an.m.forest')}</h4>
      <ForestPlot model={model} />
      {model.tests.length > 0 && (
        <>
          <h4>{t('an.m.tests')}</h4>
          <ul data-testid="model-tests">
            {model.tests.map((x) => (
              <li key={x.variable}>
                {x.label}: F({x.df}, {x.ddf}) = {fmt(x.F)}, p = {pfmt(x.pValue)}
              </li>
            ))}
          </ul>
        </>
      )}
      {model.margins && (
        <>
          <h4>
            {t('an.m.marginsTitle')}: {model.margins.label}
          </h4>
          <ul data-testid="model-margins">
            {model.margins.rows.map((r) => (
              <li key={String(r.code)}>
                {r.label}: {fmt(r.estimate)} [{fmt(r.ciLower)}; {fmt(r.ciUpper)}]
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">{model.legend}</p>
      {(model.warnings.length > 0 || model.coefficients.some((c) => c.note)) && (
        <ul className="muted small" data-testid="model-notes">
          {model.coefficients
            .filter((c) => c.note)
            .map((c) => (
              <li key={c.name}>
                {c.label}: {c.note}
              </li>
            ))}
          {model.warnings.map((w) => (
            <li key={w.message} data-code={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
