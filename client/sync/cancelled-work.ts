/**
 * What the tablet does with an assignment staff cancelled, or reassigned to another enumerator (both
 * "withdrawn" from this tablet). The server keeps sending a cancelled assignment (status `cancelled`), and
 * one reassigned away from this enumerator (status `reassigned`), so the tablet learns of it; the tablet shows it only while it holds
 * work for it the server has not acknowledged, in a "cancelled" state: a draft the enumerator may still
 * finish and send (the server keeps it in quarantine for a person to decide) or discard after confirming,
 * or a finished interview still on its way. A cancelled assignment with nothing of the enumerator's on the
 * tablet is not shown. Pure, as one table: tested cell by cell.
 */
import type { Assignment } from '../../server/contract/assignments.ts';
import type { MessageKey } from '../i18n.ts';
import type { Draft, OutboxItem } from '../offline/db.ts';

/** The listed statuses that withdraw an assignment from this tablet, each with its state and sentences. */
export const WITHDRAWN: Partial<
  Record<Assignment['status'], { state: MessageKey; draft: MessageKey; unsent: MessageKey }>
> = {
  cancelled: {
    state: 'state.cancelled',
    draft: 'assignments.cancelledDraft',
    unsent: 'assignments.cancelledUnsent',
  },
  reassigned: {
    state: 'state.reassigned',
    draft: 'assignments.reassignedDraft',
    unsent: 'assignments.reassignedUnsent',
  },
};

/** The state label and sentence for a withdrawn assignment's work, or null when it is not withdrawn. */
export function withdrawnWords(
  a: Pick<Assignment, 'status'>,
  work: CancelledWork | null,
): { state: MessageKey; note: MessageKey | null } | null {
  const words = WITHDRAWN[a.status];
  if (!words || !work) return null;
  return { state: words.state, note: work === 'hidden' ? null : words[work] };
}

/**
 * `hidden`: nothing of the enumerator's is unsent (no draft, or sent and acknowledged);
 * `draft`: started, not finished (resume to finish and send, or discard after confirming);
 * `unsent`: finished and in the outbox (it goes to the server, which keeps it for a person to decide).
 */
export const CANCELLED_WORK = ['hidden', 'draft', 'unsent'] as const;
export type CancelledWork = (typeof CANCELLED_WORK)[number];

/** Per local draft status (or none): what a cancelled or reassigned-away assignment shows. */
export const CANCELLED_WORK_TABLE: Record<Draft['status'] | 'none', CancelledWork> = {
  none: 'hidden',
  in_progress: 'draft',
  completed: 'unsent',
  submitted: 'hidden',
};

/** Null for an assignment that is not withdrawn (cancelled or reassigned); else how the tablet shows it. */
export function cancelledWork(
  a: Pick<Assignment, 'status'>,
  draft: Pick<Draft, 'status'> | undefined,
  out: Pick<OutboxItem, 'state'> | undefined,
): CancelledWork | null {
  if (!WITHDRAWN[a.status]) return null;
  // an outbox item not yet acknowledged is unsent work, whatever the draft says (a revision the server
  // refused and the enumerator reopened included: it was finished once, and is never discarded here)
  if (out && out.state !== 'accepted') return 'unsent';
  return CANCELLED_WORK_TABLE[draft?.status ?? 'none'];
}

/** A withdrawn assignment's draft may be discarded (after the enumerator confirms) only while a draft. */
export const mayDiscard = (work: CancelledWork | null): boolean => work === 'draft';
