/**
 * Everything a survey's tables and exports need, read from disk: the table plans
 * (questionnaires/<survey>/tables.json), the reliability rules (design.json), the labels (the
 * questionnaire's codebook, the derived variables and the strata names) and the weighted data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Labels, labelsFrom } from '../../analysis/tables/labels.ts';
import { loadWeightedData } from '../../analysis/tables/load.ts';
import { parseTablesFile, type TablesFile } from '../../analysis/tables/plan.ts';
import { type ReliabilityRules, rulesFromDesign } from '../../analysis/tables/reliability.ts';
import type { WeightedData } from '../../analysis/tables/weighted-data.ts';
import { buildCodebook, type CodebookEntry } from '../questionnaires/lib/codebook.ts';
import type { Json } from '../questionnaires/lib/walk.ts';

export interface SurveyContext {
  survey: string;
  file: TablesFile;
  rules: ReliabilityRules;
  codebook: CodebookEntry[];
  labels: Labels;
  notice: { pt: string; en: string } | null;
}

/** Default folder of the weighted data written by `npm run weights -- <survey>`. */
export const defaultDataDir = (survey: string) => join('data', 'weights', survey);

export function loadSurveyContext(survey: string, root = '.'): SurveyContext {
  if (!/^[a-z0-9-]+$/.test(survey)) throw new Error(`survey '${survey}': use the folder name, e.g. ipei.`);
  const dir = join(root, 'questionnaires', survey);
  const file = parseTablesFile(JSON.parse(readFileSync(join(dir, 'tables.json'), 'utf8')));
  const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
  const questionnaire = JSON.parse(
    readFileSync(join(root, 'questionnaires', `${file.questionnaire}.json`), 'utf8'),
  ) as Json;
  const codebook = buildCodebook(questionnaire);
  const labels = labelsFrom(codebook, file.derived);
  const strata = (design.strata ?? []) as Array<{ code: string; name: string }>;
  labels.stratum = {
    name: 'stratum',
    label: { pt: 'Estrato', en: 'Stratum' },
    type: 'design',
    values: strata.map((s) => ({ code: s.code, pt: s.name, en: s.name })),
  };
  return { survey, file, rules: rulesFromDesign(design), codebook, labels, notice: file.notice ?? null };
}

export function loadData(dir: string): WeightedData {
  return loadWeightedData(dir);
}
