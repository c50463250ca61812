/** The table builder: unit, statistic, variable, domains and universe conditions. */
import type { AnalysisCatalogue, TableRequest } from '../../server/contract/analysis.ts';
import { useAnalystT } from './messages.ts';

type Variable = AnalysisCatalogue['variables'][number];
type Condition = TableRequest['universe'][number];
const OPS: Condition['op'][] = ['=', '!=', '>=', '<=', '>', '<', 'notmissing'];

export function Builder({
  catalogue,
  value,
  onChange,
}: {
  catalogue: AnalysisCatalogue;
  value: TableRequest;
  onChange: (r: TableRequest) => void;
}) {
  const { t, lang } = useAnalystT();
  const vars = catalogue.variables.filter((v) => v.units.includes(value.unit));
  const cats = vars.filter((v) => v.categorical);
  const label = (v: Variable) => `${v.label[lang]} (${v.name})`;
  const set = (patch: Partial<TableRequest>) => onChange({ ...value, ...patch });
  const forStat =
    value.statistic === 'proportion'
      ? cats
      : vars.filter((v) => !v.categorical || value.statistic === 'total');
  const setCond = (i: number, c: Partial<Condition>) =>
    set({ universe: value.universe.map((x, k) => (k === i ? { ...x, ...c } : x)) });
  return (
    <fieldset className="analyst-builder">
      <label>
        {t('an.unit')}{' '}
        <select
          data-testid="b-unit"
          value={value.unit}
          onChange={(e) =>
            set({ unit: e.target.value as TableRequest['unit'], variable: '', domains: [], universe: [] })
          }
        >
          {(['individual', 'roster', 'household'] as const).map((u) => (
            <option key={u} value={u}>
              {t(`an.unit.${u}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('an.statistic')}{' '}
        <select
          data-testid="b-statistic"
          value={value.statistic}
          onChange={(e) => set({ statistic: e.target.value as TableRequest['statistic'], variable: '' })}
        >
          {(['proportion', 'mean', 'median', 'total'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`an.stat.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        {t('an.variable')}{' '}
        <select
          data-testid="b-variable"
          value={value.variable}
          onChange={(e) => set({ variable: e.target.value })}
        >
          <option value="">{t('an.choose')}</option>
          {forStat.map((v) => (
            <option key={v.name} value={v.name}>
              {label(v)}
            </option>
          ))}
        </select>
      </label>
      {[0, 1].map((k) => (
        <label key={k} className="block">
          {t('an.domains')} {k + 1}{' '}
          <select
            data-testid={`b-domain-${k}`}
            value={value.domains[k] ?? ''}
            onChange={(e) => {
              const d = [...value.domains];
              d[k] = e.target.value;
              set({ domains: d.filter(Boolean) });
            }}
          >
            <option value="">{t('an.none')}</option>
            {cats.map((v) => (
              <option key={v.name} value={v.name}>
                {label(v)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div className="block">
        {t('an.universe')}: {value.universe.length === 0 && <em>{t('an.universeAll')}</em>}
        {value.universe.map((c, i) => {
          const v = vars.find((x) => x.name === c.variable);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
            <div key={i} className="condition">
              <select
                data-testid={`b-cond-var-${i}`}
                value={c.variable}
                onChange={(e) => setCond(i, { variable: e.target.value, value: null })}
              >
                {vars.map((x) => (
                  <option key={x.name} value={x.name}>
                    {label(x)}
                  </option>
                ))}
              </select>
              <select value={c.op} onChange={(e) => setCond(i, { op: e.target.value as Condition['op'] })}>
                {OPS.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
              {c.op !== 'notmissing' &&
                (v?.values.length ? (
                  <select
                    data-testid={`b-cond-value-${i}`}
                    value={String(c.value ?? '')}
                    onChange={(e) =>
                      setCond(i, {
                        value: typeof v.values[0].code === 'number' ? Number(e.target.value) : e.target.value,
                      })
                    }
                  >
                    <option value="">{t('an.choose')}</option>
                    {v.values.map((x) => (
                      <option key={String(x.code)} value={String(x.code)}>
                        {x[lang]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    data-testid={`b-cond-value-${i}`}
                    placeholder={t('an.value')}
                    value={String(c.value ?? '')}
                    onChange={(e) =>
                      setCond(i, {
                        value:
                          e.target.value === ''
                            ? null
                            : Number.isNaN(Number(e.target.value))
                              ? e.target.value
                              : Number(e.target.value),
                      })
                    }
                  />
                ))}
              <button
                type="button"
                className="link"
                onClick={() => set({ universe: value.universe.filter((_, k) => k !== i) })}
              >
                {t('an.remove')}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="link"
          data-testid="b-add-condition"
          disabled={!vars.length}
          onClick={() =>
            set({ universe: [...value.universe, { variable: vars[0].name, op: '=', value: null }] })
          }
        >
          {t('an.addCondition')}
        </button>
      </div>
    </fieldset>
  );
}
