/**
 * An enumerator discarded, on their tablet, an unsent draft of an assignment staff withdrew (cancelled,
 * or reassigned to someone else): the tablet's notice becomes one audit-log entry
 * (`assignment.draft_discard`, with the assignment, the enumerator, the interview, the reason and when),
 * which the assignment's history shows. The notice's id makes it idempotent: a retry finds its entry and
 * writes nothing, whatever happened to the assignment since. Only for an assignment that is or was the
 * enumerator's (theirs now, or reassigned away from them), else 422 `assignment.unknown` naming
 * `assignmentId`. The assignment must really have been withdrawn from them (withdrawalOf, the same rule as
 * the status the enumerator's assignment list shows: cancelled while theirs, or reassigned away): a notice
 * for an assignment that is still theirs and open is 409 `assignment.discard_unwarranted` naming `reason`,
 * and nothing is written; the tablet keeps such a refused notice in its outbox's terminal `conflict`
 * state, never sent again. The entry records the server's reason; when the tablet's differs (a tablet
 * that lost the assignment from its list guesses `cancelled`), the tablet's is kept beside it as
 * `tabletReason`, so the office record is never lost over a guess.
 */
import { sql } from 'drizzle-orm';
import type { DiscardReason, DraftDiscard, DraftDiscardResult } from '../contract/draft-discard.ts';
import type { AssignmentStatus } from '../contract/vocabulary.ts';
import type { Database } from '../db/client.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';

export const DRAFT_DISCARD_ACTION = 'assignment.draft_discard';

export async function recordDraftDiscard(
  database: Database,
  user: SessionUser,
  notice: DraftDiscard,
): Promise<DraftDiscardResult> {
  return database.write(async (tx) => {
    const [row] = await tx.all<{
      enumerator_id: string;
      status: AssignmentStatus;
      reassigned_from_user: number;
      seen: number;
    }>(sql`
      select a.enumerator_id, a.status,
        exists (select 1 from audit_log l where l.entity_type = 'assignment' and l.entity_id = a.id
          and l.action = 'assignment.reassign' and json_extract(l.details, '$.from') = ${user.id}) as reassigned_from_user,
        exists (select 1 from audit_log l where l.entity_type = 'assignment' and l.entity_id = a.id
          and l.action = ${DRAFT_DISCARD_ACTION} and json_extract(l.details, '$.noticeId') = ${notice.noticeId}) as seen
      from assignments a where a.id = ${notice.assignmentId}`);
    if (!row || (row.enumerator_id !== user.id && row.reassigned_from_user !== 1))
      throw new Problem('assignment.unknown', { field: 'assignmentId', assignmentId: notice.assignmentId });
    if (row.seen === 1) return { noticeId: notice.noticeId, duplicate: true };
    const actual = withdrawalOf(row.enumerator_id === user.id, row.status);
    if (actual === null)
      throw new Problem('assignment.discard_unwarranted', {
        field: 'reason',
        reason: notice.reason,
        actual,
        assignmentId: notice.assignmentId,
        status: row.status,
      });
    await audit(tx, {
      actorId: user.id,
      action: DRAFT_DISCARD_ACTION,
      entityType: 'assignment',
      entityId: notice.assignmentId,
      details: {
        noticeId: notice.noticeId,
        enumeratorId: user.id,
        interviewId: notice.interviewId,
        reason: actual,
        ...(actual !== notice.reason ? { tabletReason: notice.reason } : {}),
        discardedAt: notice.discardedAt,
      },
    });
    return { noticeId: notice.noticeId, duplicate: false };
  });
}

/**
 * How the assignment was withdrawn from an enumerator it is or was given to, as the server knows it:
 * `reassigned` when it is now someone else's, `cancelled` when it is theirs and cancelled, null when it
 * is theirs and still open (nothing withdrawn: no draft of it may be discarded as withdrawn).
 */
export function withdrawalOf(stillTheirs: boolean, status: AssignmentStatus): DiscardReason | null {
  if (!stillTheirs) return 'reassigned';
  return status === 'cancelled' ? 'cancelled' : null;
}
