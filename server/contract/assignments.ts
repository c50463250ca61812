/** Assignments and questionnaires as the tablet receives them. */
import { z } from 'zod';
import { ASSIGNMENT_STATUSES } from './vocabulary.ts';

export const assignmentSchema = z.object({
  id: z.string(),
  /** The survey of its questionnaire (profile at GET /api/surveys/:id); null if the server has no profile for it. */
  survey: z.string().nullable(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  status: z.enum(ASSIGNMENT_STATUSES),
  enumeratorId: z.string(),
  ea: z.object({ code: z.string(), island: z.string(), municipality: z.string(), stratum: z.string() }),
  dwelling: z.number().int(),
  household: z.number().int(),
  /** Answers the interview starts with (cover items), keyed by question name. */
  preload: z.record(z.string(), z.union([z.string(), z.number()])),
  interviewId: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** POST /api/assignments/:id/reassign: to whom, and why (kept in the audit log). */
export const reassignRequestSchema = z.object({
  enumeratorId: z.string().min(1),
  reason: z.string().trim().min(3, 'say why (at least 3 characters): the audit log keeps it').max(500),
});
export type ReassignRequest = z.infer<typeof reassignRequestSchema>;

export const questionnaireSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  versions: z.array(z.number().int()),
});
export type QuestionnaireSummary = z.infer<typeof questionnaireSummarySchema>;
