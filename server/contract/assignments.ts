/** Assignments and questionnaires as the tablet receives them. */
import { z } from 'zod/mini';
import { ASSIGNMENT_CHANGES, LISTED_ASSIGNMENT_STATUSES } from './vocabulary.ts';

export const assignmentSchema = z.object({
  id: z.string(),
  /** The survey of its questionnaire (profile at GET /api/surveys/:id); null if the server has no profile for it. */
  survey: z.nullable(z.string()),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().check(z.int()),
  /**
   * `cancelled` reaches the enumerator's tablet too (GET /api/assignments): it tells the tablet that a
   * draft it holds is for a cancelled assignment (kept, finished and sent, or discarded by the enumerator).
   * `reassigned` only on an enumerator's list: staff handed the assignment from them to another enumerator
   * (the same choices for a draft they hold; `enumeratorId` is then the new enumerator's).
   */
  status: z.enum(LISTED_ASSIGNMENT_STATUSES),
  enumeratorId: z.string(),
  ea: z.object({ code: z.string(), island: z.string(), municipality: z.string(), stratum: z.string() }),
  dwelling: z.number().check(z.int()),
  household: z.number().check(z.int()),
  /** Answers the interview starts with (cover items), keyed by question name. */
  preload: z.record(z.string(), z.union([z.string(), z.number()])),
  interviewId: z.nullable(z.string()),
  /** What the caller may do to it now (staff: reassign, cancel; always empty for an enumerator). */
  changes: z.optional(z.array(z.enum(ASSIGNMENT_CHANGES))),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** Why a change is made: required with every staff change, kept in the audit log. */
const reasonSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(3, 'say why (at least 3 characters): the audit log keeps it'),
    z.maxLength(500),
  );

/** POST /api/assignments/:id/reassign: to whom, and why (kept in the audit log). */
export const reassignRequestSchema = z.object({
  enumeratorId: z.string().check(z.minLength(1)),
  reason: reasonSchema,
});
export type ReassignRequest = z.infer<typeof reassignRequestSchema>;
export const reassignResultSchema = z.object({
  id: z.string(),
  enumeratorId: z.string(),
  previousEnumeratorId: z.string(),
});

/** POST /api/assignments/:id/cancel: why (kept in the audit log). */
export const cancelRequestSchema = z.object({ reason: reasonSchema });
export type CancelRequest = z.infer<typeof cancelRequestSchema>;
export const cancelResultSchema = z.object({
  id: z.string(),
  status: z.literal('cancelled'),
  enumeratorId: z.string(),
});

/**
 * POST /api/assignments: a household of the sample (EA, dwelling, household numbers), the survey (its
 * interview questionnaire, latest published version), the enumerator, and why. Answers the assignment.
 */
export const createAssignmentRequestSchema = z.object({
  survey: z.string().check(z.minLength(1)),
  eaCode: z.string().check(z.minLength(1)),
  dwelling: z.number().check(z.int(), z.gte(1)),
  household: z.number().check(z.int(), z.gte(1)),
  enumeratorId: z.string().check(z.minLength(1)),
  reason: reasonSchema,
});
export type CreateAssignmentRequest = z.infer<typeof createAssignmentRequestSchema>;

/** GET /api/assignments/:id/history: the staff changes the audit log holds for it, oldest first. */
export const assignmentHistoryEntrySchema = z.object({
  /** UTC milliseconds. */
  at: z.number().check(z.int()),
  /** `assignment.draft_discard`: an enumerator discarded a draft of it on their tablet (reason: cancelled or reassigned). */
  action: z.enum([
    'assignment.create',
    'assignment.reassign',
    'assignment.cancel',
    'assignment.draft_discard',
  ]),
  /** The username of who made the change. */
  actor: z.nullable(z.string()),
  /** Why, as the server records it (for a discarded draft: how the server knows it was withdrawn). */
  reason: z.nullable(z.string()),
  /**
   * A discarded draft only: the reason the enumerator's tablet gave (`cancelled` or `reassigned`), which
   * differs from `reason` when the tablet guessed; null for the other actions.
   */
  tabletReason: z.nullable(z.string()),
  /** The enumerator it went from and to (reassign), or was made for (create) or cancelled from. */
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
});
export type AssignmentHistoryEntry = z.infer<typeof assignmentHistoryEntrySchema>;

/** GET /api/assignments/enumerators: whom the user may assign to (active enumerators in scope). */
export const assignableEnumeratorSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  teamId: z.nullable(z.string()),
});
export type AssignableEnumerator = z.infer<typeof assignableEnumeratorSchema>;

export const questionnaireSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  versions: z.array(z.number().check(z.int())),
});
export type QuestionnaireSummary = z.infer<typeof questionnaireSummarySchema>;
