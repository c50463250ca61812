/** Review decisions and the comments a returned interview carries back to the tablet. */
import { z } from 'zod';

export const reviewCommentSchema = z.strictObject({
  question: z.string().min(1).max(200).nullable(),
  text: z.string().min(1).max(4000),
});

export const reviewRequestSchema = z.strictObject({
  action: z.enum(['approve', 'return']),
  comments: z.array(reviewCommentSchema).max(500).default([]),
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const returnedInterviewSchema = z.object({
  interviewId: z.string(),
  revision: z.number().int(),
  assignmentId: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  answers: z.record(z.string(), z.unknown()),
  comments: z.array(
    z.object({ question: z.string().nullable(), text: z.string(), author: z.string(), at: z.string() }),
  ),
});
export type ReturnedInterview = z.infer<typeof returnedInterviewSchema>;
