/**
 * A survey's geography for the dashboard and the preloaded cover items: its areas (islands, regions,
 * provinces), each with the code its questionnaire uses, the municipalities in it, and a centroid for the
 * dashboard's schematic map. One JSON file in the survey folder, named by the profile's `geography`.
 */
import { z } from 'zod';
import { surveyProfileSchema } from './survey-profile.ts';
import { interfaceStringsSchema } from './translation-entry.ts';

const centroidSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const geographySchema = z.strictObject({
  /** What the map shows, e.g. "Cabo Verde". */
  name: z.string().min(1),
  /** What one area is called in the dashboard (island, region ...). */
  areaLabel: z.string().min(1).default('area'),
  areas: z
    .array(
      z.strictObject({
        /** As the sample (frame) names it: the dashboard matches progress rows by this name. */
        name: z.string().min(1),
        /** As the questionnaire codes it (a preloaded item `from: "islandCode"` gets this). */
        code: z.number().int(),
        centroid: centroidSchema,
        municipalities: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
  /** Names written on the map (seas, groups of areas) at a position. */
  labels: z.array(z.strictObject({ text: z.string().min(1), centroid: centroidSchema })).default([]),
});
export type Geography = z.infer<typeof geographySchema>;

/**
 * GET /api/surveys/:id: one survey's profile, its geography (null when it has none) and the interface
 * strings of its interview languages that survey-core has no locale for (questionnaires/<id>/interface/).
 */
export const surveyDetailSchema = z.object({
  profile: surveyProfileSchema,
  geography: geographySchema.nullable(),
  interfaceStrings: interfaceStringsSchema.optional(),
});
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;
