/**
 * What a weighting run reads from a survey's folder (questionnaires/<id>/): the survey profile
 * (profile.json, server/contract/survey-profile.ts), the weighting recipe (weighting.json,
 * analysis/weighting/recipe.ts), the design whose controls the recipe may point to (design.json), and
 * the latest interview questionnaire (its roster and computed questions). A missing or invalid file is a
 * WeightingError naming the file and the field, with its structured detail (`files.*`, said in the staff's
 * four languages by analysis/weighting/failure-text.ts). The server's survey registry (one loader for every
 * survey folder at start) will replace the profile reading here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecipe, type WeightingRecipe, weightingError } from '../../../analysis/weighting/index.ts';
import { type SurveyProfile, surveyProfileSchema } from '../../contract/survey-profile.ts';
import { findQuestionnaireFiles } from '../questionnaire-files.ts';

export interface WeightingSurvey {
  id: string;
  profile: SurveyProfile;
  recipe: WeightingRecipe;
  /** design.json, parsed (the recipe's `design` controls point into it). */
  design: Record<string, unknown>;
  /** The latest version of the interview questionnaire, parsed ({} if none). */
  questionnaire: unknown;
  /** `<id>-<interview>`: the assignments' questionnaire. */
  questionnaireId: string;
}

function readJson(dir: string, name: string, file: 'profile' | 'recipe' | 'design'): unknown {
  const path = join(dir, name);
  if (!existsSync(path)) throw weightingError('files.missing', { path, file });
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw weightingError('files.not_json', { path, error: (error as Error).message });
  }
}

/** `root` holds the survey folders (questionnaires/). */
export function loadWeightingSurvey(root: string, survey: string): WeightingSurvey {
  if (!/^[a-z][a-z0-9]*$/.test(survey)) throw weightingError('files.survey_id', { survey });
  const dir = join(root, survey);
  if (!existsSync(dir)) throw weightingError('files.no_folder', { folder: dir });
  const profile = surveyProfileSchema.safeParse(readJson(dir, 'profile.json', 'profile'));
  if (!profile.success)
    throw weightingError('files.invalid', {
      path: join(dir, 'profile.json'),
      problems: profile.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  const recipePath = join(dir, 'weighting.json');
  const recipe = parseRecipe(readJson(dir, 'weighting.json', 'recipe'));
  if (!recipe.ok) throw weightingError('files.invalid', { path: recipePath, problems: recipe.errors });
  if (recipe.recipe.survey !== survey)
    throw weightingError('files.survey_mismatch', {
      path: recipePath,
      survey: recipe.recipe.survey,
      folder: survey,
    });
  if (recipe.recipe.persons && !profile.data.roster)
    throw weightingError('files.persons_no_roster', { path: recipePath });
  const design = readJson(dir, 'design.json', 'design') as Record<string, unknown>;
  const questionnaireId = `${survey}-${profile.data.questionnaires.interview}`;
  const [latest] = findQuestionnaireFiles(root)
    .filter((f) => f.id === questionnaireId)
    .sort((a, b) => b.version - a.version);
  return {
    id: survey,
    profile: profile.data,
    recipe: recipe.recipe,
    design,
    questionnaire: latest ? JSON.parse(latest.text) : {},
    questionnaireId,
  };
}
