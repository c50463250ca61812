/**
 * The analyst's model on the server, in pt, en, fr or kea: the request checked against the weighted
 * data of a release (or the default) and the survey's labels (analysis/tables/model.ts fits it), then JSON, CSV or Excel. A model that cannot be made
 * is a 422 `model.invalid` naming the field.
 */
import { modelCsv, modelJson, modelXlsxBuffer } from '../../analysis/export/model-files.ts';
import { computeModel } from '../../analysis/tables/model.ts';
import { isIssue } from '../../analysis/tables/plan.ts';
import { legend } from '../../analysis/tables/reliability.ts';
import { prepareData } from '../../analysis/tables/run.ts';
import { type TableLang, textIn } from '../../analysis/tables/table-words.ts';
import type { ModelRequest } from '../contract/analysis-models.ts';
import { Problem } from '../problems.ts';
import type { AnalysisOptions, Download, TableFormat } from './analysis.ts';
import { surveyContext } from './analysis-context.ts';
import { loadAnalysisData } from './analysis-data.ts';
import { sourceLine } from './releases.ts';

export async function customModel(
  survey: string,
  req: ModelRequest,
  lang: TableLang,
  format: TableFormat,
  opts: AnalysisOptions,
  release?: string,
): Promise<Download> {
  const ctx = surveyContext(survey, opts);
  const loaded = await loadAnalysisData(survey, opts, release);
  const data = prepareData(loaded.data, ctx.file);
  const result = computeModel(req, data, ctx.labels, {
    rules: ctx.rules,
    confLevel: ctx.file.confLevel,
    sourceLang: ctx.sourceLang,
    missingCodes: ctx.file.missingCodes,
    specialCodes: ctx.specialCodes,
  });
  if (isIssue(result))
    throw new Problem('model.invalid', result, `Model, field ${result.field}: ${result.message}`);
  const from = loaded.source ? sourceLine(loaded.source, lang) : null;
  const notice =
    [ctx.notice ? textIn(ctx.notice, lang, ctx.sourceLang) : null, from].filter(Boolean).join(' · ') || null;
  const text = { legend: legend(ctx.rules, lang), notice };
  const name = `${survey}-model`;
  if (format === 'csv')
    return { body: modelCsv(result, lang), type: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  if (format === 'xlsx')
    return {
      body: new Uint8Array(await modelXlsxBuffer(result, lang, text)),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${name}.xlsx`,
    };
  return {
    body: modelJson(result, lang, text),
    type: 'application/json; charset=utf-8',
    filename: `${name}.json`,
  };
}
