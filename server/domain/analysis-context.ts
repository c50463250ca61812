/**
 * A survey's analysis context (table plans, labels, design, codebook, identifiers) read once from
 * questionnaires/<survey>/, and the survey check every analysis and release route starts with: an
 * unknown survey is a 404. Light on purpose: the release routes use it without loading the estimators.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Problem } from '../problems.ts';
import { loadSurveyContext, type SurveyContext } from '../storage/survey-context.ts';

const contexts = new Map<string, SurveyContext>();

export function surveyContext(survey: string, opts: { root?: string }): SurveyContext {
  const root = opts.root ?? '.';
  if (!/^[a-z0-9-]+$/.test(survey) || !existsSync(join(root, 'questionnaires', survey, 'tables.json')))
    throw new Problem('resource.not_found', { survey });
  const key = `${root}:${survey}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = loadSurveyContext(survey, root);
    contexts.set(key, ctx);
  }
  return ctx;
}
