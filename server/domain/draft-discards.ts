/**
 * An enumerator discarded, on their tablet, an unsent draft of an assignment staff withdrew (cancelled,
 * or reassigned to someone else): the tablet's notice becomes one audit-log entry
 * (`assignment.draft_discard`, with the assignment, the enumerator, the interview, the reason and when),
 * which the assignment's history shows. The notice's id makes it idempotent: a retry finds its entry and
 * writes nothing. Only for an assignment that is or was the enumerator's (theirs now, or reassigned away
 * from them), else 422 `assignment.unknown` naming `assignmentId`.
 */
import { sql } from 'drizzle-orm';
import type { DraftDiscard, DraftDiscardResult } from '../contract/draft-discard.ts';
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
    const [row] = await tx.all<{ enumerator_id: string; reassigned_from_user: number; seen: number }>(sql`
      select a.enumerator_id,
        exists (select 1 from audit_log l where l.entity_type = 'assignment' and l.entity_id = a.id
          and l.action = 'assignment.reassign' and json_extract(l.details, '$.from') = ${user.id}) as reassigned_from_user,
        exists (select 1 from audit_log l where l.entity_type = 'assignment' and l.entity_id = a.id
          and l.action = ${DRAFT_DISCARD_ACTION} and json_extract(l.details, '$.noticeId') = ${notice.noticeId}) as seen
      from assignments a where a.id = ${notice.assignmentId}`);
    if (!row || (row.enumerator_id !== user.id && row.reassigned_from_user !== 1))
      throw new Problem('assignment.unknown', { field: 'assignmentId', assignmentId: notice.assignmentId });
    if (row.seen === 1) return { noticeId: notice.noticeId, duplicate: true };
    await audit(tx, {
      actorId: user.id,
      action: DRAFT_DISCARD_ACTION,
      entityType: 'assignment',
      entityId: notice.assignmentId,
      details: {
        noticeId: notice.noticeId,
        enumeratorId: user.id,
        interviewId: notice.interviewId,
        reason: notice.reason,
        discardedAt: notice.discardedAt,
      },
    });
    return { noticeId: notice.noticeId, duplicate: false };
  });
}
