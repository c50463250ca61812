/**
 * The table builder: unit, statistic, variable, domains and universe conditions. The units are the
 * catalogue's (`member`, every rostered person on the household's weight, where the weighted data hold
 * it); the variable list fits the unit and the statistic: categories for a proportion, numeric
 * variables for a mean or median (the catalogue's `numeric`), either for a total, multiple-choice
 * questions for 'multiple'. Variables and their categories are named in the app language (the
 * catalogue gives pt, en, fr and kea).
 */
import type { AnalysisCatalogue, TableRequest } from '../../server/contract/analysis.ts';
import { useAnalystT } from './messages.ts';
import { offeredUnits } from './units.ts';
import { UniverseEditor } from './universe-editor.tsx';

type Variable = AnalysisCatalogue['variables'][number];

const isMulti = (v: Variable) => v.type.startsWith('multi');

/**
 * The variables a statistic of a unit can take: categories for a proportion, numbers for a mean or
 * median, either for a total, multiple-choice questions (and only those) for 'multiple'.
 */
export function variablesFor(
  catalogue: AnalysisCatalogue,
  unit: TableRequest['unit'],
  statistic: TableRequest['statistic'],
): Variable[] {
  return catalogue.variables.filter(
    (v) =>
      v.units.includes(unit) &&
      (statistic === 'multiple'
        ? isMulti(v)
        : !isMulti(v) &&
          (statistic === 'proportion'
            ? v.categorical
            : (v.numeric && !v.categorical) || (statistic === 'total' && v.categorical))),
  );
}

export function Builder({
  catalogue,
  value,
  onChange,
}: {
  catalogue: AnalysisCatalogue;
  value: TableRequest;
  onChange: (r: TableRequest) => void;
}) {
  const { t, uiLang } = useAnalystT();
  const vars = catalogue.variables.filter((v) => v.units.includes(value.unit) && !isMulti(v));
  const cats = vars.filter((v) => v.categorical);
  const forStat = variablesFor(catalogue, value.unit, value.statistic);
  const label = (v: Variable) => `${v.label[uiLang]} (${v.name})`;
  const units = offeredUnits(catalogue);
  const set = (patch: Partial<TableRequest>) => onChange({ ...value, ...patch });
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
          {units.map((u) => (
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
          {(['proportion', 'multiple', 'mean', 'median', 'total'] as const).map((s) => (
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
      <UniverseEditor vars={vars} universe={value.universe} onChange={(universe) => set({ universe })} />
    </fieldset>
  );
}
