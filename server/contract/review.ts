/** Review decisions, the review queue, and the comments a returned interview carries back to the tablet. */
import { z } from 'zod/mini';
import { INTERVIEW_STATUSES, REVIEW_ACTIONS } from './vocabulary.ts';

export const reviewCommentSchema = z.strictObject({
  /** A question name, or a roster path such as `<roster>[1].<question>`; null for the interview as a whole. */
  question: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
  text: z.string().check(z.minLength(1), z.maxLength(4000)),
});

export const reviewRequestSchema = z.strictObject({
  action: z.enum(REVIEW_ACTIONS),
  /** The revision the reviewer read: refused (409) when the interview has moved on. */
  revision: z.number().check(z.int(), z.gte(1)),
  comments: z._default(z.array(reviewCommentSchema).check(z.maxLength(500)), []),
  /** Why the interview is rejected (required for `reject`). */
  reason: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(4000)))),
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const reviewResultSchema = z.object({
  interviewId: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  revision: z.number().check(z.int()),
});

export const bulkApproveRequestSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        interviewId: z.string().check(z.minLength(1)),
        revision: z.number().check(z.int(), z.gte(1)),
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});
export const bulkApproveResultSchema = z.object({
  approved: z.number().check(z.int()),
  skipped: z.number().check(z.int()),
  results: z.array(
    z.object({
      interviewId: z.string(),
      result: z.enum(['approved', 'skipped']),
      status: z.optional(z.string()),
      code: z.optional(z.string()),
      reason: z.optional(z.string()),
    }),
  ),
});

export const QUEUE_SORTS = ['updated', 'flags', 'enumerator', 'ea', 'duration'] as const;
export const reviewQueueQuerySchema = z.strictObject({
  status: z.optional(z.string()),
  enumerator: z.optional(z.string()),
  ea: z.optional(z.string()),
  /** A flag code (e.g. quality.short_duration) or `any` / `none`. */
  flag: z.optional(z.string()),
  sort: z._default(z.enum(QUEUE_SORTS), 'updated'),
  order: z._default(z.enum(['asc', 'desc']), 'desc'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 100),
  /** How many matching interviews to skip (paging). */
  offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const reviewQueueItemSchema = z.object({
  interviewId: z.string(),
  revision: z.number().check(z.int()),
  status: z.string(),
  validation: z.string(),
  outcome: z.number().check(z.int()),
  /** The outcome's label in the survey's languages (its profile), null for a code it does not list. */
  outcomeLabel: z.nullable(z.record(z.string(), z.string())),
  enumeratorId: z.string(),
  enumerator: z.string(),
  /** The enumerator's name as the staff know it. */
  enumeratorName: z.string(),
  eaCode: z.string(),
  stratum: z.string(),
  island: z.string(),
  municipality: z.string(),
  /** The sample unit: dwelling and household numbers within the EA. */
  dwelling: z.number().check(z.int()),
  household: z.number().check(z.int()),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().check(z.int()),
  startedAt: z.nullable(z.string()),
  durationMin: z.nullable(z.number()),
  receivedAt: z.string(),
  flagCount: z.number().check(z.int()),
  flagCodes: z.array(z.string()),
  /** The review actions the caller may take now. */
  actions: z.array(z.string()),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

/** One page of the queue, with how many interviews match in all and per status (other filters kept). */
export const reviewQueuePageSchema = z.object({
  items: z.array(reviewQueueItemSchema),
  total: z.number().check(z.int()),
  offset: z.number().check(z.int()),
  limit: z.number().check(z.int()),
  byStatus: z.record(z.string(), z.number().check(z.int())),
});
export type ReviewQueuePage = z.infer<typeof reviewQueuePageSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  revision: z.number().check(z.int()),
  kind: z.enum(['revision', 'review']),
  actor: z.nullable(z.string()),
  action: z.string(),
  question: z.nullable(z.string()),
  comment: z.nullable(z.string()),
});

export const flagSchema = z.object({
  revision: z.number().check(z.int()),
  source: z.string(),
  code: z.string(),
  path: z.nullable(z.string()),
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
  revision: z.number().check(z.int()),
  assignmentId: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().check(z.int()),
  answers: z.record(z.string(), z.unknown()),
  comments: z.array(
    z.object({
      question: z.nullable(z.string()),
      text: z.string(),
      /** The reviewer's user id, and the name to show. */
      author: z.string(),
      authorName: z.string(),
      at: z.string(),
    }),
  ),
});
export type ReturnedInterview = z.infer<typeof returnedInterviewSchema>;
