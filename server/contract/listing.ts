/**
 * Recording a cluster's listing (the survey's listing questionnaire): the listed units with their screening
 * result, and what the server answers: E, I, U and the units selected, each with its assignment. Which
 * answers hold the cluster code, the units, each unit's number and its disposition is the survey profile's
 * (`listing` and the preloaded item `from: "cluster"`); the server checks them against it (422 naming the
 * field).
 */
import { z } from 'zod/mini';

export const listingSubmissionSchema = z.strictObject({
  /** The listing questionnaire (`<survey>-<listing>`); default: the only survey with a listing. */
  questionnaireId: z.optional(z.string().check(z.minLength(1))),
  questionnaireVersion: z.number().check(z.int(), z.gte(1)),
  answers: z.record(z.string(), z.unknown()),
  /**
   * Weighting class per unit, by dwelling number (`"12"`) or, where the listing records households, by
   * dwelling and household (`"12.2"`); a class the listing itself records for a household comes first.
   */
  classes: z.optional(z.record(z.string(), z.string().check(z.minLength(1), z.maxLength(60)))),
  /** Units to select (m = min(take, E)); default 15 (the first survey's design). */
  take: z._default(z.number().check(z.int(), z.gte(1), z.lte(200)), 15),
  /** Usernames of the enumerators to assign, in turn; default: the enumerators of the EA's team. */
  enumerators: z.optional(z.array(z.string().check(z.minLength(1))).check(z.maxLength(50))),
});
export type ListingSubmission = z.input<typeof listingSubmissionSchema>;

export const listingResultSchema = z.object({
  eaCode: z.string(),
  eligible: z.number().check(z.int()),
  ineligible: z.number().check(z.int()),
  unknown: z.number().check(z.int()),
  outOfScope: z.number().check(z.int()),
  selected: z.number().check(z.int()),
  pi2: z.number(),
  households: z.array(
    z.object({
      householdId: z.string(),
      dwelling: z.number().check(z.int()),
      /** The household within the dwelling (1 where the listing records dwellings). */
      household: z.number().check(z.int()),
      eligibleLine: z.number().check(z.int()),
      assignmentId: z.string(),
      enumerator: z.string(),
    }),
  ),
});
export type ListingResult = z.infer<typeof listingResultSchema>;
