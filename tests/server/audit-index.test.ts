/**
 * The audit-log lookup an enumerator's assignment list runs on every sync (reassignments away from them
 * since the window's start: action and time) is served by the index `audit_action_at_idx` (migration
 * 0008), read from SQLite's query plan of the very query the route runs; with the index dropped the
 * same plan scans the whole log, so the check can fail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../server/domain/accounts.ts';
import { assignmentListQuery } from '../../server/domain/assignments.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

async function planOfEnumeratorList(): Promise<string[]> {
  const user: SessionUser = {
    id: ctx.userIds.enum_a1,
    username: 'enum_a1',
    displayName: 'enum_a1',
    role: 'enumerator',
    teamId: 'team-a',
  };
  const query = assignmentListQuery(ctx.database.db, user, Date.now() - 30 * 86_400_000).toSQL();
  const plan = await ctx.database.client.execute({
    sql: `EXPLAIN QUERY PLAN ${query.sql}`,
    args: query.params as Array<string | number>,
  });
  return plan.rows.map((r) => String(r.detail));
}

describe('audit_log index for the sync-time reassignment lookup', () => {
  it('the enumerator list query searches audit_log by audit_action_at_idx (action, at)', async () => {
    const plan = await planOfEnumeratorList();
    const onAudit = plan.filter((d) => d.includes('audit_log'));
    expect(onAudit.length).toBeGreaterThan(0);
    expect(onAudit.every((d) => d.includes('USING INDEX audit_action_at_idx (action=? AND at>?)'))).toBe(
      true,
    );
    expect(plan.some((d) => /SCAN audit_log\b/.test(d))).toBe(false);
  });

  it('without the index the same query scans the whole audit log', async () => {
    await ctx.database.client.execute('DROP INDEX audit_action_at_idx');
    const plan = await planOfEnumeratorList();
    expect(plan.some((d) => /SCAN audit_log\b/.test(d))).toBe(true);
    expect(plan.join('\n')).not.toContain('audit_action_at_idx');
  });
});
