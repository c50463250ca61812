/**
 * A survey's geography for the dashboard and the preloaded cover items: its areas (islands, regions,
 * provinces), each with the code its questionnaire uses, the municipalities in it, and a centroid for the
 * dashboard's schematic map. One JSON file in the survey folder, named by the profile's `geography`.
 */
import { z } from 'zod/mini';
import { surveyProfileSchema } from './survey-profile.ts';
import { interfaceStringsSchema } from './translation-entry.ts';

const centroidSchema = z.strictObject({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
});

export const geographySchema = z.strictObject({
  /** What the map shows, e.g. "Cabo Verde". */
  name: z.string().check(z.minLength(1)),
  /** What one area is called in the dashboard (island, region ...). */
  areaLabel: z._default(z.string().check(z.minLength(1)), 'area'),
  areas: z
    .array(
      z.strictObject({
        /** As the sample (frame) names it: the dashboard matches progress rows by this name. */
        name: z.string().check(z.minLength(1)),
        /** As the questionnaire codes it (a preloaded item `from: "islandCode"` gets this). */
        code: z.number().check(z.int()),
        centroid: centroidSchema,
        municipalities: z._default(z.array(z.string().check(z.minLength(1))), []),
      }),
    )
    .check(z.minLength(1)),
  /** Names written on the map (seas, groups of areas) at a position. */
  labels: z._default(
    z.array(z.strictObject({ text: z.string().check(z.minLength(1)), centroid: centroidSchema })),
    [],
  ),
});
export type Geography = z.infer<typeof geographySchema>;

/**
 * GET /api/surveys/:id: one survey's profile, its geography (null when it has none) and the interface
 * strings of its interview languages that survey-core has no locale for (questionnaires/<id>/interface/).
 */
export const surveyDetailSchema = z.object({
  profile: surveyProfileSchema,
  geography: z.nullable(geographySchema),
  interfaceStrings: z.optional(interfaceStringsSchema),
});
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;
