/**
 * Who sees which interviews and assignments: an enumerator their own, a supervisor their team's,
 * coordinators and admins everything. Analysts see no interview or assignment (personal data); they get
 * data through exports only.
 */
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { Problem } from '../problems.ts';
import type { SessionUser } from './accounts.ts';

/** A condition on a column holding an enumerator's user id, or null for "everything". */
export function enumeratorScope(user: SessionUser, enumeratorColumn: SQLiteColumn): SQL | null {
  switch (user.role) {
    case 'enumerator':
      return eq(enumeratorColumn, user.id);
    case 'supervisor':
      if (!user.teamId) return sql`0`;
      // plain identifiers: drizzle's relational queries alias the outer table, so no column objects here
      return inArray(enumeratorColumn, sql`(select "id" from "users" where "team_id" = ${user.teamId})`);
    case 'coordinator':
    case 'admin':
      return null;
    case 'analyst':
      throw new Problem('auth.forbidden', { reason: 'analysts see interview data only through exports' });
  }
}
