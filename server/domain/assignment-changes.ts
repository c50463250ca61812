/**
 * Assignment management by staff: a supervisor (within their team), a coordinator or an admin hands an
 * assignment that has no interview yet to another active enumerator, with a reason that the audit log
 * keeps (who, from whom, to whom, why). An assignment with an interview stays with the enumerator who
 * holds that interview: the interview is theirs (its revisions, its returns), so it is refused.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { assignments, interviews, users } from '../db/schema.ts';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';
import { audit } from './audit.ts';

export interface Reassignment {
  enumeratorId: string;
  reason: string;
}

export async function reassignAssignment(
  database: Database,
  user: SessionUser,
  assignmentId: string,
  change: Reassignment,
): Promise<{ id: string; enumeratorId: string; previousEnumeratorId: string }> {
  const { db } = database;
  const [found] = await db
    .select({ enumeratorId: assignments.enumeratorId, teamId: users.teamId })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.enumeratorId))
    .where(eq(assignments.id, assignmentId));
  if (!found || (user.role === 'supervisor' && found.teamId !== user.teamId))
    throw new Problem('resource.not_found', { assignmentId });
  const [target] = await db.select().from(users).where(eq(users.id, change.enumeratorId));
  const ofTeam = user.role === 'supervisor' ? ' of your team' : '';
  if (
    target?.role !== 'enumerator' ||
    !target.active ||
    (user.role === 'supervisor' && target.teamId !== user.teamId)
  ) {
    throw new Problem('request.invalid', [
      { field: 'enumeratorId', message: `must be the user id of an active enumerator${ofTeam}` },
    ]);
  }
  if (target.id === found.enumeratorId) {
    throw new Problem('request.invalid', [
      { field: 'enumeratorId', message: 'the assignment is already this enumerator’s: name another one' },
    ]);
  }
  return database.write(async (tx) => {
    const [started] = await tx
      .select({ id: interviews.id })
      .from(interviews)
      .where(eq(interviews.assignmentId, assignmentId))
      .limit(1);
    if (started) throw new Problem('assignment.started', { assignmentId, interviewId: started.id });
    await tx.update(assignments).set({ enumeratorId: target.id }).where(eq(assignments.id, assignmentId));
    await audit(tx, {
      actorId: user.id,
      action: 'assignment.reassign',
      entityType: 'assignment',
      entityId: assignmentId,
      details: { from: found.enumeratorId, to: target.id, reason: change.reason },
    });
    return { id: assignmentId, enumeratorId: target.id, previousEnumeratorId: found.enumeratorId };
  });
}
