/** The audit log: who did what to which record, written in the same transaction as the change. */
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

type Writer = Pick<Db, 'insert'>;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
  });
}
