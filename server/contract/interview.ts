/**
 * The interview envelope: what a tablet sends on every upload (and retry) of one interview revision.
 * Shared by the client (outbox), the server (intake route) and the tests: one envelope, one schema.
 */
import { z } from 'zod/mini';
import { JSON_LIMITS, jsonLimitBreach } from './json-limits.ts';
import { INTERVIEW_STATUSES } from './vocabulary.ts';

/**
 * The unit's result code. Which codes a survey has is its profile's (outcome.codes); the server checks the
 * code and the locale against the profile of the questionnaire's survey at intake.
 */
export const outcomeSchema = z.number().check(z.int(), z.gte(0), z.lte(999));
/** A BCP 47 language tag as SurveyJS uses it (pt, kea, zh-Hans); the survey's profile lists its own. */
export const localeSchema = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like pt or zh-Hans'));

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * Free-form JSON within the documented limits (json-limits.ts): a breach is an issue at the top-level key
 * under which it happened, e.g. `answers.b03_size: nests deeper than 32 levels`.
 */
const boundedJson = z.record(z.string(), z.unknown()).check(
  z.superRefine((value, ctx) => {
    const breach = jsonLimitBreach(value);
    if (breach) {
      ctx.addIssue({
        code: 'custom',
        path: breach.key ? [breach.key] : [],
        message: `${breach.message} (limits: ${JSON.stringify(JSON_LIMITS)})`,
      });
    }
  }),
);

export const interviewEnvelopeSchema = z.strictObject({
  interviewId: z.uuid(),
  revision: z.number().check(z.int(), z.gte(1), z.lte(1000)),
  questionnaireId: z
    .string()
    .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be <survey>-<questionnaire>, e.g. lfs-household')),
  questionnaireVersion: z.number().check(z.int(), z.gte(1)),
  assignmentId: z.string().check(z.minLength(1), z.maxLength(100)),
  answers: boundedJson,
  paradata: boundedJson,
  outcome: outcomeSchema,
  locale: localeSchema,
  startedAt: isoDateTime,
  completedAt: z.nullable(isoDateTime),
  deviceId: z.string().check(z.minLength(1), z.maxLength(200)),
});

export type InterviewEnvelope = z.infer<typeof interviewEnvelopeSchema>;

/** What the server answers to an accepted upload. */
export const interviewReceiptSchema = z.object({
  interviewId: z.uuid(),
  revision: z.number().check(z.int()),
  status: z.enum(INTERVIEW_STATUSES),
  duplicate: z.boolean(),
});
export type InterviewReceipt = z.infer<typeof interviewReceiptSchema>;
