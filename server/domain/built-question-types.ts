/**
 * Whether the built tablet app draws every question of the survey folders. The build leaves out the
 * candidate SurveyJS types no survey folder used when it ran and names them in the client folder's
 * QUESTION_TYPES_MANIFEST (server/contract/tablet-question-types.ts); a survey folder changed since
 * (a new version with a Likert grid) would reach the tablets with questions they cannot show. Without a
 * manifest (dev, no build) there is nothing to compare with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  omittedTypesIn,
  QUESTION_TYPES_MANIFEST,
  type QuestionTypesManifest,
} from '../contract/tablet-question-types.ts';
import type { QuestionnaireFile } from './questionnaire-files.ts';

/** One sentence per questionnaire version that uses a type the built app in `clientDir` left out. */
export function typesMissingFromBuild(clientDir: string, files: readonly QuestionnaireFile[]): string[] {
  const manifestFile = join(clientDir, QUESTION_TYPES_MANIFEST);
  if (!existsSync(manifestFile)) return [];
  const { omitted } = JSON.parse(readFileSync(manifestFile, 'utf8')) as QuestionTypesManifest;
  return files.flatMap((f) => {
    const missing = omittedTypesIn(JSON.parse(f.text), omitted);
    return missing.length === 0
      ? []
      : [
          `survey ${f.survey}, questionnaire ${f.id} v${f.version} uses the question type(s) ${missing.map((t) => `"${t}"`).join(', ')}, which the built tablet app (${manifestFile}) leaves out`,
        ];
  });
}
