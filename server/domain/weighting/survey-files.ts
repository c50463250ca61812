/**
 * What a weighting run reads from a survey's folder (questionnaires/<id>/): the survey profile
 * (profile.json, server/contract/survey-profile.ts), the weighting recipe (weighting.json,
 * analysis/weighting/recipe.ts), the design whose controls the recipe may point to (design.json), and
 * the latest interview questionnaire (its roster and computed questions). A missing or invalid file is a
 * WeightingError naming the file and the field. The server's survey registry (one loader for every
 * survey folder at start) will replace the profile reading here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecipe, WeightingError, type WeightingRecipe } from '../../../analysis/weighting/index.ts';
import { type SurveyProfile, surveyProfileSchema } from '../../contract/survey-profile.ts';
import { findQuestionnaireFiles } from '../questionnaires.ts';

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

function readJson(dir: string, file: string, what: string): unknown {
  const path = join(dir, file);
  if (!existsSync(path))
    throw new WeightingError(
      `${path} is missing: every survey folder needs its ${what}.`,
      'weighting.recipe',
    );
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new WeightingError(`${path} is not valid JSON (${(error as Error).message}).`, 'weighting.recipe');
  }
}

/** `root` holds the survey folders (questionnaires/). */
export function loadWeightingSurvey(root: string, survey: string): WeightingSurvey {
  if (!/^[a-z][a-z0-9]*$/.test(survey))
    throw new WeightingError(
      `'${survey}' is not a survey id (lowercase letters and digits).`,
      'weighting.input',
    );
  const dir = join(root, survey);
  if (!existsSync(dir))
    throw new WeightingError(
      `There is no survey folder ${dir}: create it or check the survey id.`,
      'weighting.input',
    );
  const profile = surveyProfileSchema.safeParse(readJson(dir, 'profile.json', 'survey profile'));
  if (!profile.success)
    throw new WeightingError(
      `${join(dir, 'profile.json')}: ${profile.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      'weighting.recipe',
    );
  const recipe = parseRecipe(readJson(dir, 'weighting.json', 'weighting recipe'));
  if (!recipe.ok)
    throw new WeightingError(
      `${join(dir, 'weighting.json')}: ${recipe.errors.join('; ')}`,
      'weighting.recipe',
    );
  if (recipe.recipe.survey !== survey)
    throw new WeightingError(
      `${join(dir, 'weighting.json')}: survey is '${recipe.recipe.survey}' but the folder is '${survey}'.`,
      'weighting.recipe',
    );
  if (recipe.recipe.persons && !profile.data.roster)
    throw new WeightingError(
      `${join(dir, 'weighting.json')}: persons: the recipe weights persons but profile.json has no roster: drop persons or describe the roster.`,
      'weighting.recipe',
    );
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
