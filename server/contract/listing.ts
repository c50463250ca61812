/**
 * Recording an EA's listing (questionnaire ipei-listing): the dwellings with their screening result,
 * and what the server answers: E, I, U and the households selected, each with its assignment.
 */
import { z } from 'zod';

export const listingDwellingSchema = z.looseObject({
  l01_dwelling: z.number().int().min(1).max(9999),
  l05_disposition: z.number().int().min(1).max(6),
});

export const listingSubmissionSchema = z.strictObject({
  questionnaireId: z.string().min(1).default('ipei-listing'),
  questionnaireVersion: z.number().int().min(1),
  answers: z.looseObject({
    a04_ea: z.string().min(1),
    dwellings: z.array(listingDwellingSchema).min(1).max(5000),
  }),
  /** Weighting class per dwelling number, when the screener recorded it (e.g. nationality group). */
  classes: z.record(z.string(), z.string().min(1).max(60)).optional(),
  /** Households to select (m = min(take, E)); default 15 (ipei.md 5.5). */
  take: z.number().int().min(1).max(200).default(15),
  /** Usernames of the enumerators to assign, in turn; default: the enumerators of the EA's team. */
  enumerators: z.array(z.string().min(1)).max(50).optional(),
});
export type ListingSubmission = z.input<typeof listingSubmissionSchema>;

export const listingResultSchema = z.object({
  eaCode: z.string(),
  eligible: z.number().int(),
  ineligible: z.number().int(),
  unknown: z.number().int(),
  outOfScope: z.number().int(),
  selected: z.number().int(),
  pi2: z.number(),
  households: z.array(
    z.object({
      householdId: z.string(),
      dwelling: z.number().int(),
      eligibleLine: z.number().int(),
      assignmentId: z.string(),
      enumerator: z.string(),
    }),
  ),
});
export type ListingResult = z.infer<typeof listingResultSchema>;
