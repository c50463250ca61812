/**
 * Reads a survey's tables context from questionnaires/<survey>/: tables.json, design.json and the
 * questionnaire it names (for the codebook, server/domain/codebook.ts, shared with `npm run codebook`).
 * The assembly itself is analysis/tables/context.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SurveyContext, surveyContextFrom } from '../../analysis/tables/context.ts';
import { buildCodebook } from '../domain/codebook.ts';

export type { SurveyContext } from '../../analysis/tables/context.ts';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export function loadSurveyContext(survey: string, root = '.'): SurveyContext {
  if (!/^[a-z0-9-]+$/.test(survey)) throw new Error(`survey '${survey}': use the folder name, e.g. ipei.`);
  const dir = join(root, 'questionnaires', survey);
  const tables = readJson(join(dir, 'tables.json')) as { questionnaire?: unknown };
  const design = readJson(join(dir, 'design.json')) as Parameters<typeof surveyContextFrom>[2];
  const questionnaire =
    typeof tables?.questionnaire === 'string'
      ? readJson(join(root, 'questionnaires', `${tables.questionnaire}.json`))
      : null;
  const codebook = questionnaire ? buildCodebook(questionnaire as Record<string, unknown>) : [];
  return surveyContextFrom(survey, tables, design, codebook);
}
