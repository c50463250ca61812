/**
 * The interview envelope: what a tablet sends on every upload (and retry) of one interview revision.
 * Shared by the client (outbox), the server (intake route) and the tests: one envelope, one schema.
 */
import { z } from 'zod';
import { INTERVIEW_STATUSES } from './vocabulary.ts';

/**
 * The unit's result code. Which codes a survey has is its profile's (outcome.codes); the server checks the
 * code and the locale against the profile of the questionnaire's survey at intake.
 */
export const outcomeSchema = z.number().int().min(0).max(999);
/** A BCP 47 language tag as SurveyJS uses it (pt, kea, zh-Hans); the survey's profile lists its own. */
export const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like pt or zh-Hans');

const isoDateTime = z.iso.datetime({ offset: true });

export const interviewEnvelopeSchema = z.strictObject({
  interviewId: z.uuid(),
  revision: z.number().int().min(1).max(1000),
  questionnaireId: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be <survey>-<questionnaire>, e.g. lfs-household'),
  questionnaireVersion: z.number().int().min(1),
  assignmentId: z.string().min(1).max(100),
  answers: z.record(z.string(), z.unknown()),
  paradata: z.record(z.string(), z.unknown()),
  outcome: outcomeSchema,
  locale: localeSchema,
  startedAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  deviceId: z.string().min(1).max(200),
});

export type InterviewEnvelope = z.infer<typeof interviewEnvelopeSchema>;

/** What the server answers to an accepted upload. */
export const interviewReceiptSchema = z.object({
  interviewId: z.uuid(),
  revision: z.number().int(),
  status: z.enum(INTERVIEW_STATUSES),
  duplicate: z.boolean(),
});
export type InterviewReceipt = z.infer<typeof interviewReceiptSchema>;
