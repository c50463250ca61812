/**
 * One translated string as the survey folder keeps it, in the questionnaire catalogues
 * (questionnaires/<survey>/src/translations/<lang>.json) and in the interface catalogues
 * (questionnaires/<survey>/interface/<lang>.json: survey-core's buttons and messages for a language
 * survey-core has no locale for). Its status says who vouches for it: missing (no text), machine, draft
 * (written by the project), reviewed (checked by a translator), approved (signed off for fielding);
 * `note` is the translator's context, `previousApproved` the last approved text once an approved text
 * is changed, `backTranslation` and `flag` the reviewer's back-translation and what it revealed.
 */
import { z } from 'zod/mini';

export const STATUSES = ['missing', 'machine', 'draft', 'reviewed', 'approved'] as const;
export type Status = (typeof STATUSES)[number];

export const translationEntrySchema = z.strictObject({
  text: z.string(),
  status: z.enum(STATUSES),
  note: z.optional(z.string()),
  previousApproved: z.optional(z.string()),
  backTranslation: z.optional(z.string()),
  flag: z.optional(z.string()),
});
export type Entry = z.infer<typeof translationEntrySchema>;

/** A catalogue file: key -> entry. */
export const translationCatalogueSchema = z.record(z.string(), translationEntrySchema);

/**
 * The interface strings a survey ships for its interview languages, as the tablet receives them with
 * the survey (GET /api/surveys/:id): language -> survey-core string name (`requiredError`,
 * `pageNextText`, ...) -> text. Entries marked `missing` are left out.
 */
export const interfaceStringsSchema = z.record(z.string(), z.record(z.string(), z.string()));
export type InterfaceStrings = z.infer<typeof interfaceStringsSchema>;
