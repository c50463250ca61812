/** Review decisions, the review queue, and the comments a returned interview carries back to the tablet. */
import { z } from 'zod';
import { INTERVIEW_STATUSES, REVIEW_ACTIONS } from './vocabulary.ts';

export const reviewCommentSchema = z.strictObject({
  /** A question name, or a roster path such as `<roster>[1].<question>`; null for the interview as a whole. */
  question: z.string().min(1).max(200).nullable(),
  text: z.string().min(1).max(4000),
});

export const reviewRequestSchema = z.strictObject({
  action: z.enum(REVIEW_ACTIONS),
  /** The revision the reviewer read: refused (409) when the interview has moved on. */
  revision: z.number().int().min(1),
  comments: z.array(reviewCommentSchema).max(500).default([]),
  /** Why the interview is rejected (required for `reject`). */
  reason: z.string().min(1).max(4000).nullable().optional(),
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const reviewResultSchema = z.object({
  interviewId: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  revision: z.number().int(),
});

export const bulkApproveRequestSchema = z.strictObject({
  items: z
    .array(z.strictObject({ interviewId: z.string().min(1), revision: z.number().int().min(1) }))
    .min(1)
    .max(500),
});
export const bulkApproveResultSchema = z.object({
  approved: z.number().int(),
  skipped: z.number().int(),
  results: z.array(
    z.object({
      interviewId: z.string(),
      result: z.enum(['approved', 'skipped']),
      status: z.string().optional(),
      code: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
});

export const QUEUE_SORTS = ['updated', 'flags', 'enumerator', 'ea', 'duration'] as const;
export const reviewQueueQuerySchema = z.strictObject({
  status: z.string().optional(),
  enumerator: z.string().optional(),
  ea: z.string().optional(),
  /** A flag code (e.g. quality.short_duration) or `any` / `none`. */
  flag: z.string().optional(),
  sort: z.enum(QUEUE_SORTS).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** How many matching interviews to skip (paging). */
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const reviewQueueItemSchema = z.object({
  interviewId: z.string(),
  revision: z.number().int(),
  status: z.string(),
  validation: z.string(),
  outcome: z.number().int(),
  /** The outcome's label in the survey's languages (its profile), null for a code it does not list. */
  outcomeLabel: z.record(z.string(), z.string()).nullable(),
  enumeratorId: z.string(),
  enumerator: z.string(),
  /** The enumerator's name as the staff know it. */
  enumeratorName: z.string(),
  eaCode: z.string(),
  stratum: z.string(),
  island: z.string(),
  municipality: z.string(),
  /** The sample unit: dwelling and household numbers within the EA. */
  dwelling: z.number().int(),
  household: z.number().int(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  startedAt: z.string().nullable(),
  durationMin: z.number().nullable(),
  receivedAt: z.string(),
  flagCount: z.number().int(),
  flagCodes: z.array(z.string()),
  /** The review actions the caller may take now. */
  actions: z.array(z.string()),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

/** One page of the queue, with how many interviews match in all and per status (other filters kept). */
export const reviewQueuePageSchema = z.object({
  items: z.array(reviewQueueItemSchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
});
export type ReviewQueuePage = z.infer<typeof reviewQueuePageSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  revision: z.number().int(),
  kind: z.enum(['revision', 'review']),
  actor: z.string().nullable(),
  action: z.string(),
  question: z.string().nullable(),
  comment: z.string().nullable(),
});

export const flagSchema = z.object({
  revision: z.number().int(),
  source: z.string(),
  code: z.string(),
  path: z.string().nullable(),
  message: z.string(),
});

export const reviewDetailSchema = z.object({
  interview: reviewQueueItemSchema,
  envelope: z.record(z.string(), z.unknown()),
  definition: z.record(z.string(), z.unknown()),
  flags: z.array(flagSchema),
  /** Time spent per question from the paradata, by question name (ms). */
  questionTimesMs: z.record(z.string(), z.number()),
  history: z.array(historyEntrySchema),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const returnedInterviewSchema = z.object({
  interviewId: z.string(),
  revision: z.number().int(),
  assignmentId: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  answers: z.record(z.string(), z.unknown()),
  comments: z.array(
    z.object({
      question: z.string().nullable(),
      text: z.string(),
      /** The reviewer's user id, and the name to show. */
      author: z.string(),
      authorName: z.string(),
      at: z.string(),
    }),
  ),
});
export type ReturnedInterview = z.infer<typeof returnedInterviewSchema>;
