/**
 * The tablet's notice that an enumerator discarded a draft of an assignment staff withdrew (cancelled, or
 * reassigned to someone else): POST /api/assignments/draft-discards. The tablet mints `noticeId` when
 * the enumerator confirms the discard and sends the same notice on every retry, so the office records it
 * once (201 the first time, 200 `duplicate` after). The server writes it to the audit log with the
 * assignment, the enumerator and the reason; the assignment's history shows it.
 */
import { z } from 'zod/mini';

export const DISCARD_REASONS = ['cancelled', 'reassigned'] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];

export const draftDiscardSchema = z.strictObject({
  noticeId: z.uuid('a UUID the tablet minted for this discard'),
  assignmentId: z
    .string()
    .check(z.minLength(1, 'the assignment whose draft was discarded'), z.maxLength(100)),
  interviewId: z.uuid('the UUID of the discarded interview draft'),
  /** Why the tablet offered the discard: the assignment's state it showed. */
  reason: z.enum(DISCARD_REASONS, "'cancelled' or 'reassigned': the assignment's state on the tablet"),
  /** When the enumerator confirmed the discard (the tablet's clock). */
  discardedAt: z.iso.datetime({ offset: true, message: 'an ISO 8601 date and time' }),
});
export type DraftDiscard = z.infer<typeof draftDiscardSchema>;

export const draftDiscardResultSchema = z.object({ noticeId: z.string(), duplicate: z.boolean() });
export type DraftDiscardResult = z.infer<typeof draftDiscardResultSchema>;
