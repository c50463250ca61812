/**
 * The interview envelope: what a tablet sends on every upload (and retry) of one interview revision.
 * Shared by the client (outbox), the server (intake route) and the tests: one envelope, one schema.
 */
import { z } from 'zod';
import { INTERVIEW_STATUSES } from './vocabulary.ts';

/** Household interview and screening disposition codes (../shared/domain/ipei.md section 5.6). */
export const OUTCOME_CODES = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16] as const;
export const INTERVIEW_LOCALES = ['pt', 'kea', 'fr', 'en', 'wo', 'zh-Hans'] as const;

export const outcomeSchema = z
  .number()
  .int()
  .refine((v) => (OUTCOME_CODES as readonly number[]).includes(v), {
    message: `must be a disposition code: one of ${OUTCOME_CODES.join(', ')}`,
  });

const isoDateTime = z.iso.datetime({ offset: true });

export const interviewEnvelopeSchema = z.strictObject({
  interviewId: z.uuid(),
  revision: z.number().int().min(1).max(1000),
  questionnaireId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be like ipei-household'),
  questionnaireVersion: z.number().int().min(1),
  assignmentId: z.string().min(1).max(100),
  answers: z.record(z.string(), z.unknown()),
  paradata: z.record(z.string(), z.unknown()),
  outcome: outcomeSchema,
  locale: z.enum(INTERVIEW_LOCALES),
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
