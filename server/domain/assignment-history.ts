/**
 * An assignment's history as staff see it: every create, reassign and cancel the audit log holds for
 * it, oldest first, with who made it, why, and the enumerators (by username) it moved between; and each
 * draft an enumerator discarded on their tablet after it was withdrawn (`from`: that enumerator,
 * `reason`: `cancelled` or `reassigned`, as the server knows it, `tabletReason`: the one the tablet
 * gave, the same unless the tablet guessed). Same
 * scope as the changes: a supervisor only for an assignment now with their team.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AssignmentHistoryEntry } from '../contract/assignments.ts';
import type { Db } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';
import type { SessionUser } from './accounts.ts';
import { assignmentInScope } from './assignment-changes.ts';

const ACTIONS = [
  'assignment.create',
  'assignment.reassign',
  'assignment.cancel',
  'assignment.draft_discard',
] as const;

export async function assignmentHistory(
  db: Db,
  user: SessionUser,
  assignmentId: string,
): Promise<AssignmentHistoryEntry[]> {
  await assignmentInScope(db, user, assignmentId);
  const rows = await db
    .select({ at: auditLog.at, action: auditLog.action, actor: users.username, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, 'assignment'),
        eq(auditLog.entityId, assignmentId),
        inArray(auditLog.action, [...ACTIONS]),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const people = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.id, u.username]),
  );
  const text = (x: unknown) => (typeof x === 'string' ? x : null);
  const name = (id: unknown) => (typeof id === 'string' ? (people.get(id) ?? id) : null);
  return rows.map((r) => {
    const d = (r.details ?? {}) as Record<string, unknown>;
    const action = r.action as AssignmentHistoryEntry['action'];
    return {
      at: r.at,
      action,
      actor: r.actor,
      reason: text(d.reason),
      // draft-discards.ts keeps the tablet's reason only where it differs from the server's
      tabletReason: action === 'assignment.draft_discard' ? (text(d.tabletReason) ?? text(d.reason)) : null,
      from:
        action === 'assignment.reassign'
          ? name(d.from)
          : action === 'assignment.cancel' || action === 'assignment.draft_discard'
            ? name(d.enumeratorId)
            : null,
      to:
        action === 'assignment.reassign'
          ? name(d.to)
          : action === 'assignment.create'
            ? name(d.enumeratorId)
            : null,
    };
  });
}
