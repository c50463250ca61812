/** The universe of a table or a model: conditions on the unit's variables (all must hold). */
import type { AnalysisCatalogue, TableRequest } from '../../server/contract/analysis.ts';
import { useAnalystT } from './messages.ts';

type Variable = AnalysisCatalogue['variables'][number];
type Condition = TableRequest['universe'][number];
const OPS: Condition['op'][] = ['=', '!=', '>=', '<=', '>', '<', 'notmissing'];

export function UniverseEditor({
  vars,
  universe,
  onChange,
}: {
  vars: Variable[];
  universe: Condition[];
  onChange: (u: Condition[]) => void;
}) {
  const { t, uiLang } = useAnalystT();
  const label = (v: Variable) => `${v.label[uiLang]} (${v.name})`;
  const setCond = (i: number, c: Partial<Condition>) =>
    onChange(universe.map((x, k) => (k === i ? { ...x, ...c } : x)));
  return (
    <div className="block">
      {t('an.universe')}: {universe.length === 0 && <em>{t('an.universeAll')}</em>}
      {universe.map((c, i) => {
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
                      {x[uiLang]}
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
              onClick={() => onChange(universe.filter((_, k) => k !== i))}
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
        onClick={() => onChange([...universe, { variable: vars[0].name, op: '=', value: null }])}
      >
        {t('an.addCondition')}
      </button>
    </div>
  );
}
