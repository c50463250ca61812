/**
 * Reads a survey's tables context from questionnaires/<survey>/: tables.json, design.json, the
 * questionnaire it names (for the codebook, server/domain/codebook.ts, shared with `npm run codebook`) and
 * the survey's roster of persons from its profile.json.
 * The assembly itself is analysis/tables/context.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndividualRule } from '../../analysis/export/individual-reason.ts';
import type { PublicUse } from '../../analysis/export/public-use.ts';
import { NO_SPECIAL_CODES, type SpecialCodes } from '../../analysis/export/special-codes.ts';
import { surveyContextFrom, type SurveyContext as TablesContext } from '../../analysis/tables/context.ts';
import { type SourceLang, sourceLangOf } from '../../analysis/tables/table-words.ts';
import { buildCodebook } from '../domain/codebook.ts';

/**
 * The tables context, with the survey's direct identifiers (its profile's `identifiers`) and its
 * special codes (its profile's `specialCodes`: don't know, refused, not applicable) for exports.
 */
export type SurveyContext = TablesContext & {
  identifiers: string[];
  specialCodes: SpecialCodes;
  /** The public-use file's settings (profile.json `publicUse`), or null: no public-use file. */
  publicUse: PublicUse | null;
  /**
   * Who needs the individual interview (profile.json `roster.age`, `roster.individualMinAge`) and who
   * answered by proxy (tables.json `proxy`), for the person file's `in_individual_why`; null: no roster.
   */
  individual: IndividualRule | null;
  /**
   * The language the survey's table texts fall back to where they lack the one asked for: the
   * profile's first language (its source language) when it is pt or en, else pt.
   */
  sourceLang: SourceLang;
};

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export function loadSurveyContext(survey: string, root = '.'): SurveyContext {
  if (!/^[a-z0-9-]+$/.test(survey))
    throw new Error(`survey '${survey}': use the survey's folder name under questionnaires/.`);
  const dir = join(root, 'questionnaires', survey);
  const tables = readJson(join(dir, 'tables.json')) as { questionnaire?: unknown };
  const design = readJson(join(dir, 'design.json')) as Parameters<typeof surveyContextFrom>[2];
  const questionnaire =
    typeof tables?.questionnaire === 'string'
      ? readJson(join(root, 'questionnaires', `${tables.questionnaire}.json`))
      : null;
  const profile = existsSync(join(dir, 'profile.json'))
    ? (readJson(join(dir, 'profile.json')) as {
        roster?: { variable?: string; age?: string; individualMinAge?: number | null } | null;
        identifiers?: string[];
        specialCodes?: Partial<SpecialCodes>;
        publicUse?: PublicUse | null;
        languages?: Array<{ code: string }>;
      })
    : null;
  const codebook = questionnaire
    ? buildCodebook(
        questionnaire as Record<string, unknown>,
        'household',
        profile?.roster?.variable ?? null,
        ['fr', 'kea'],
      )
    : [];
  const context = surveyContextFrom(survey, tables, design, codebook);
  const roster = profile?.roster;
  return {
    ...context,
    identifiers: profile?.identifiers ?? [],
    specialCodes: { ...NO_SPECIAL_CODES, ...profile?.specialCodes },
    publicUse: profile?.publicUse ?? null,
    sourceLang: sourceLangOf(profile?.languages?.[0]?.code),
    individual:
      roster?.age && typeof roster.individualMinAge === 'number'
        ? { age: roster.age, minAge: roster.individualMinAge, proxy: context.file.proxy ?? null }
        : null,
  };
}
