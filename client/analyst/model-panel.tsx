/**
 * The "Model" view of the analyst's screen: a survey-weighted regression built from the catalogue
 * (unit, kind of model, outcome and the category modelled, predictors, universe, adjusted margins),
 * fitted on the server (POST /api/analysis/:survey/models), shown as a coefficient table with a
 * forest plot, and downloadable as CSV, Excel or JSON, in the app language (pt, en, fr, kea). Errors
 * name the field to fix. The units are the table builder's (units.ts: `member` where the weighted
 * data hold it), with the same variables.
 */
import { useState } from 'react';
import type { AnalysisCatalogue } from '../../server/contract/analysis.ts';
import type { ModelRequest, ModelResponse } from '../../server/contract/analysis-models.ts';
import { BannerContent, type BannerText, failure } from '../error-note.tsx';
import { download, fetchModel, releaseQuery } from './analyst-api.ts';
import { useAnalystT } from './messages.ts';
import { ModelResult } from './model-result.tsx';
import { refusalSentence } from './refusal-text.ts';
import { offeredUnits } from './units.ts';
import { UniverseEditor } from './universe-editor.tsx';

type Variable = AnalysisCatalogue['variables'][number];
const FAMILIES = ['quasibinomial', 'gaussian', 'quasipoisson'] as const;

/** The variables a model on a unit can take: the unit's (multiple-choice questions are for tables). */
export function modelVariables(catalogue: AnalysisCatalogue, unit: ModelRequest['unit']): Variable[] {
  return catalogue.variables.filter((v) => v.units.includes(unit) && !v.type.startsWith('multi'));
}

export function ModelPanel({
  survey,
  catalogue,
  release = '',
}: {
  survey: string;
  catalogue: AnalysisCatalogue;
  /** The release the model is fitted on ('' = the latest published). */
  release?: string;
}) {
  const { t, uiLang } = useAnalystT();
  const [req, setReq] = useState<ModelRequest>({
    unit: 'individual',
    family: 'quasibinomial',
    outcome: '',
    outcomeLevel: null,
    predictors: [],
    universe: [],
    margins: null,
  });
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [result, setResult] = useState<ModelResponse | null>(null);
  const [error, setError] = useState<BannerText | null>(null);
  const vars = modelVariables(catalogue, req.unit);
  const label = (v: Variable) => `${v.label[uiLang]} (${v.name})`;
  const set = (patch: Partial<ModelRequest>) => {
    setReq({ ...req, ...patch });
    setResult(null);
  };
  const outcomes = vars.filter((v) => (req.family === 'quasibinomial' ? true : !v.categorical));
  const outcome = vars.find((v) => v.name === req.outcome);
  const ready =
    req.outcome !== '' &&
    req.predictors.length > 0 &&
    req.predictors.every(Boolean) &&
    (!(req.family === 'quasibinomial' && outcome?.categorical) || req.outcomeLevel !== null);

  const fitModel = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await fetchModel(survey, req, uiLang, release);
    setBusy(false);
    if (r.kind === 'ok') setResult(r.data);
    else setError(failure(r, (l) => refusalSentence(r, l, catalogue.variables)));
  };
  const get = async (format: string) => {
    setDownloading(format.toUpperCase());
    try {
      await download(
        `/api/analysis/${survey}/models?lang=${uiLang}&format=${format}${releaseQuery(release)}`,
        `${survey}-model.${format}`,
        req,
      );
    } finally {
      setDownloading(null);
    }
  };

  return (
    <div className="model-panel" data-testid="model-panel">
      <fieldset className="analyst-builder">
        <label>
          {t('an.unit')}{' '}
          <select
            data-testid="m-unit"
            value={req.unit}
            onChange={(e) =>
              set({
                unit: e.target.value as ModelRequest['unit'],
                outcome: '',
                outcomeLevel: null,
                predictors: [],
                universe: [],
                margins: null,
              })
            }
          >
            {offeredUnits(catalogue).map((u) => (
              <option key={u} value={u}>
                {t(`an.unit.${u}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('an.m.family')}{' '}
          <select
            data-testid="m-family"
            value={req.family}
            onChange={(e) =>
              set({ family: e.target.value as ModelRequest['family'], outcome: '', outcomeLevel: null })
            }
          >
            {FAMILIES.map((f) => (
              <option key={f} value={f}>
                {t(`an.m.family.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          {t('an.m.outcome')}{' '}
          <select
            data-testid="m-outcome"
            value={req.outcome}
            onChange={(e) => set({ outcome: e.target.value, outcomeLevel: null })}
          >
            <option value="">{t('an.choose')}</option>
            {outcomes
              .filter((v) => !req.predictors.includes(v.name))
              .map((v) => (
                <option key={v.name} value={v.name}>
                  {label(v)}
                </option>
              ))}
          </select>{' '}
          {req.family === 'quasibinomial' && outcome?.categorical && (
            <label>
              {t('an.m.outcomeLevel')}{' '}
              <select
                data-testid="m-outcome-level"
                value={String(req.outcomeLevel ?? '')}
                onChange={(e) => {
                  const code = outcome.values.find((x) => String(x.code) === e.target.value)?.code;
                  set({ outcomeLevel: code ?? null });
                }}
              >
                <option value="">{t('an.choose')}</option>
                {outcome.values.map((x) => (
                  <option key={String(x.code)} value={String(x.code)}>
                    {x[uiLang]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </label>
        <div className="block">
          {t('an.m.predictors')}:
          {req.predictors.map((p, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: predictors have no identity but their place
            <div key={k} className="condition">
              <select
                data-testid={`m-predictor-${k}`}
                value={p}
                onChange={(e) =>
                  set({ predictors: req.predictors.map((x, j) => (j === k ? e.target.value : x)) })
                }
              >
                <option value="">{t('an.choose')}</option>
                {vars
                  .filter((v) => v.name !== req.outcome && (v.name === p || !req.predictors.includes(v.name)))
                  .map((v) => (
                    <option key={v.name} value={v.name}>
                      {label(v)}
                    </option>
                  ))}
              </select>
              <button
                type="button"
                className="link"
                onClick={() =>
                  set({
                    predictors: req.predictors.filter((_, j) => j !== k),
                    margins: req.margins === p ? null : req.margins,
                  })
                }
              >
                {t('an.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link"
            data-testid="m-add-predictor"
            disabled={req.predictors.length >= 12}
            onClick={() => set({ predictors: [...req.predictors, ''] })}
          >
            {t('an.m.addPredictor')}
          </button>
        </div>
        <UniverseEditor vars={vars} universe={req.universe} onChange={(universe) => set({ universe })} />
        <label className="block">
          {t('an.m.margins')}{' '}
          <select
            data-testid="m-margins"
            value={req.margins ?? ''}
            onChange={(e) => set({ margins: e.target.value || null })}
          >
            <option value="">{t('an.none')}</option>
            {vars
              .filter((v) => v.categorical && req.predictors.includes(v.name))
              .map((v) => (
                <option key={v.name} value={v.name}>
                  {label(v)}
                </option>
              ))}
          </select>
        </label>
      </fieldset>
      <p>
        <button
          type="button"
          data-testid="m-fit"
          disabled={!ready || busy || !catalogue.dataReady}
          onClick={() => void fitModel()}
        >
          {t('an.m.fit')}
        </button>{' '}
        {result &&
          (['csv', 'xlsx', 'json'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="link"
              data-testid={`m-download-${f}`}
              disabled={downloading !== null}
              onClick={() => void get(f)}
            >
              {t('an.download')} {f.toUpperCase()}
            </button>
          ))}
      </p>
      {busy && (
        <p role="status" data-testid="model-progress">
          <progress /> {t('an.m.fitting')}
        </p>
      )}
      {downloading && (
        <p role="status">
          <progress /> {t('an.preparing')} ({downloading})
        </p>
      )}
      {error && (
        <div className="banner warn" role="alert" data-testid="model-error">
          <BannerContent value={error} />
        </div>
      )}
      {result && <ModelResult model={result} />}
    </div>
  );
}
