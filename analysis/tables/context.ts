/**
 * A survey's tables context, assembled from what its files hold (no I/O here; the server's
 * server/storage/survey-context.ts reads them): the table plans (tables.json), the reliability
 * rules (design.json), the labels (the questionnaire's codebook, the value labels tables.json gives its
 * computed variables, the derived variables and the strata names) and the notice.
 */
import { type CodebookLike, type Labels, labelsFrom, type ValueLabel } from './labels.ts';
import { parseTablesFile, type TablesFile, type Text } from './plan.ts';
import { type ReliabilityRules, rulesFromDesign } from './reliability.ts';
import { each } from './table-words.ts';

/** A codebook entry as the tables need it: labels plus the level (household or person). */
export interface ContextCodebookEntry extends CodebookLike {
  level: string;
}

export interface SurveyContext {
  survey: string;
  file: TablesFile;
  rules: ReliabilityRules;
  codebook: ContextCodebookEntry[];
  labels: Labels;
  notice: Text | null;
}

export interface DesignJson {
  reliability?: { cv_flag?: number; min_n?: number };
  strata?: Array<{ code: string; name: string }>;
}

/** The context from the parsed tables.json, design.json and the questionnaire's codebook. */
export function surveyContextFrom(
  survey: string,
  tablesJson: unknown,
  design: DesignJson,
  questionnaireCodebook: ContextCodebookEntry[],
): SurveyContext {
  const file = parseTablesFile(tablesJson);
  for (const name of Object.keys(file.valueLabels)) {
    const entry = questionnaireCodebook.find((e) => e.name === name);
    if (!entry) throw new Error(`tables.json: valueLabels.${name}: no such variable in the questionnaire.`);
    if (entry.values.length)
      throw new Error(
        `tables.json: valueLabels.${name}: the questionnaire's choices label it already; remove it here.`,
      );
  }
  const valuesOf = (name: string): ValueLabel[] => {
    const given = file.valueLabels[name];
    if (Array.isArray(given)) return given;
    const source = questionnaireCodebook.find((e) => e.name === given.sameAs);
    if (!source?.values.length)
      throw new Error(
        `tables.json: valueLabels.${name}.sameAs: ${given.sameAs} is not a question with choices in the questionnaire.`,
      );
    return source.values;
  };
  const codebook = questionnaireCodebook.map((e) =>
    file.valueLabels[e.name] ? { ...e, values: valuesOf(e.name) } : e,
  );
  const labels = labelsFrom(codebook, file.derived);
  labels.stratum = {
    name: 'stratum',
    label: each((w) => w.stratum),
    type: 'design',
    values: (design.strata ?? []).map((s) => ({ code: s.code, pt: s.name, en: s.name })),
  };
  return { survey, file, rules: rulesFromDesign(design), codebook, labels, notice: file.notice ?? null };
}
