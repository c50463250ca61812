/**
 * Recording a cluster's listing (the survey's listing questionnaire): the listed units with their screening
 * result, and what the server answers: E, I, U and the units selected, each with its assignment. Which
 * answers hold the cluster code, the units, each unit's number and its disposition is the survey profile's
 * (`listing` and the preloaded item `from: "cluster"`); the server checks them against it (422 naming the
 * field).
 */
import { z } from 'zod';

export const listingSubmissionSchema = z.strictObject({
  /** The listing questionnaire (`<survey>-<listing>`); default: the only survey with a listing. */
  questionnaireId: z.string().min(1).optional(),
  questionnaireVersion: z.number().int().min(1),
  answers: z.record(z.string(), z.unknown()),
  /**
   * Weighting class per unit, by dwelling number (`"12"`) or, where the listing records households, by
   * dwelling and household (`"12.2"`); a class the listing itself records for a household comes first.
   */
  classes: z.record(z.string(), z.string().min(1).max(60)).optional(),
  /** Units to select (m = min(take, E)); default 15 (the first survey's design). */
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
      /** The household within the dwelling (1 where the listing records dwellings). */
      household: z.number().int(),
      eligibleLine: z.number().int(),
      assignmentId: z.string(),
      enumerator: z.string(),
    }),
  ),
});
export type ListingResult = z.infer<typeof listingResultSchema>;
