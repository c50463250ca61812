/**
 * Creating and cancelling assignments (POST /api/assignments, POST /api/assignments/:id/cancel) and the
 * list of enumerators to assign to: allowed within the user's scope with a reason the audit log keeps;
 * refused with the catalogue's problem (an uploaded interview, an open assignment already there, a
 * cancelled one), out of scope 404 to a supervisor, 403 to enumerators; a cancelled assignment stays on the
 * enumerator's list marked `cancelled` (how the tablet learns of it at its next sync), leaves the dashboard's target and the intake (an upload for it is
 * quarantined), and a household assigned anew is one unit in the weighting.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assignmentSchema } from '../../server/contract/assignments.ts';
import { assignments, auditLog, quarantine } from '../../server/db/schema.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

const assignmentListSchema = z.array(assignmentSchema);
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const cancel = (as: Person, id: string, body: unknown) =>
  ctx.request('POST', `/api/assignments/${id}/cancel`, { as, body });
const create = (as: Person, body: unknown) => ctx.request('POST', '/api/assignments', { as, body });
const statusOf = async (id: string) =>
  (await ctx.database.db.select().from(assignments).where(eq(assignments.id, id)))[0].status;
const audits = (action: string) => ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action));
const listed = async (p: Person) =>
  (
    (await (await ctx.request('GET', '/api/assignments', { as: p })).json()) as Array<{
      id: string;
      status: string;
    }>
  ).map((a) => `${a.id}:${a.status}`);
const upload = async (as: Person) => {
  const env = envelope(ctx, as);
  const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as, body: env });
  return { env, res };
};
const newAssignment = (over: Record<string, unknown> = {}) => ({
  survey: 'test',
  eaCode: 'CV-PR-0001',
  dwelling: 1,
  household: 1,
  enumeratorId: ctx.userIds.enum_a2,
  reason: 'the first one was cancelled by mistake',
  ...over,
});

describe('cancelling an assignment', () => {
  it("a supervisor cancels their team's assignment: reason in the audit log, marked cancelled on the tablet's list", async () => {
    expect(await listed('enum_a1')).toEqual(['A-enum_a1:assigned']);
    const res = await cancel('sup_a', 'A-enum_a1', { reason: 'household moved away before the visit' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: 'A-enum_a1',
      status: 'cancelled',
      enumeratorId: ctx.userIds.enum_a1,
    });
    expect(await statusOf('A-enum_a1')).toBe('cancelled');
    // the tablet replaces its list with this one at its next sync: it learns of the cancellation (and
    // keeps a draft it already started, saying so; client/sync/cancelled-work.ts)
    expect(await listed('enum_a1')).toEqual(['A-enum_a1:cancelled']);
    const [onTablet] = assignmentListSchema.parse(
      await (await ctx.request('GET', '/api/assignments', { as: 'enum_a1' })).json(),
    );
    expect(onTablet).toMatchObject({ id: 'A-enum_a1', status: 'cancelled', changes: [] });
    // staff still see it, cancelled
    expect(await listed('sup_a')).toContain('A-enum_a1:cancelled');
    const [entry] = await audits('assignment.cancel');
    expect(entry).toMatchObject({
      actorId: ctx.userIds.sup_a,
      entityType: 'assignment',
      entityId: 'A-enum_a1',
      details: {
        enumeratorId: ctx.userIds.enum_a1,
        status: 'assigned',
        reason: 'household moved away before the visit',
      },
    });
  });

  it('refuses an assignment with an uploaded interview (409 assignment.interviewed), changing nothing', async () => {
    const { env, res: put } = await upload('enum_a1');
    expect(put.status).toBe(201);
    const res = await cancel('coord', env.assignmentId, { reason: 'not needed' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'assignment.interviewed',
      details: { assignmentId: env.assignmentId, interviewId: env.interviewId },
    });
    expect(await statusOf(env.assignmentId)).toBe('submitted');
    expect(await audits('assignment.cancel')).toEqual([]);
  });

  it('a cancelled assignment is final: cancel and reassign again are 409 assignment.cancelled', async () => {
    expect((await cancel('coord', 'A-enum_a1', { reason: 'duplicate' })).status).toBe(200);
    const again = await cancel('coord', 'A-enum_a1', { reason: 'duplicate' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('assignment.cancelled');
    const moved = await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'coord',
      body: { enumeratorId: ctx.userIds.enum_a2, reason: 'cover' },
    });
    expect(moved.status).toBe(409);
    expect(((await moved.json()) as { code: string }).code).toBe('assignment.cancelled');
    expect(await audits('assignment.cancel')).toHaveLength(1);
  });

  it("needs a reason (422 naming reason); another team's supervisor gets 404, enumerators 403", async () => {
    const noReason = await cancel('sup_a', 'A-enum_a1', { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { details: Array<{ field: string }> }).details[0].field).toBe(
      'reason',
    );
    expect((await cancel('sup_b', 'A-enum_a1', { reason: 'not mine' })).status).toBe(404);
    expect((await cancel('enum_a1', 'A-enum_a1', { reason: 'I do not want it' })).status).toBe(403);
    expect((await cancel('analyst', 'A-enum_a1', { reason: 'no' })).status).toBe(403);
    expect(await statusOf('A-enum_a1')).toBe('assigned');
    expect(await audits('assignment.cancel')).toEqual([]);
  });

  it('an upload for a cancelled assignment is kept in quarantine (409 assignment.cancelled), not stored', async () => {
    expect((await cancel('sup_a', 'A-enum_a1', { reason: 'household moved away' })).status).toBe(200);
    const { env, res } = await upload('enum_a1');
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('assignment.cancelled');
    const kept = await ctx.database.db
      .select()
      .from(quarantine)
      .where(eq(quarantine.interviewId, env.interviewId));
    expect(kept.map((q) => q.reason)).toEqual(['assignment_cancelled']);
    expect(await statusOf('A-enum_a1')).toBe('cancelled');
  });

  it("a reassigned assignment stays on the first tablet's list as `reassigned`; its upload is quarantined (409)", async () => {
    const moved = await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a2, reason: 'enum_a1 is ill' },
    });
    expect(moved.status).toBe(200);
    // the first tablet learns of it at its next sync; the new enumerator has it as a normal assignment
    expect(await listed('enum_a1')).toEqual(['A-enum_a1:reassigned']);
    const [onFirst] = assignmentListSchema.parse(
      await (await ctx.request('GET', '/api/assignments', { as: 'enum_a1' })).json(),
    );
    expect(onFirst).toMatchObject({
      id: 'A-enum_a1',
      status: 'reassigned',
      enumeratorId: ctx.userIds.enum_a2,
    });
    expect(await listed('enum_a2')).toContain('A-enum_a1:assigned');
    expect(await listed('sup_a')).toContain('A-enum_a1:assigned');
    // the first tablet sends its draft anyway: kept, for a person to decide; the assignment unchanged
    const env = envelope(ctx, 'enum_a1', { assignmentId: 'A-enum_a1' });
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', body: env });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('assignment.reassigned');
    const kept = await ctx.database.db
      .select()
      .from(quarantine)
      .where(eq(quarantine.interviewId, env.interviewId));
    expect(kept.map((q) => q.reason)).toEqual(['assignment_reassigned']);
    // handed back to the first enumerator: an ordinary assignment of theirs again
    await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a1, reason: 'enum_a1 is back' },
    });
    expect(await listed('enum_a1')).toEqual(['A-enum_a1:assigned']);
  });

  it("leaves the dashboard's assigned target", async () => {
    const assigned = async () =>
      (
        (await (await ctx.request('GET', '/api/dashboard', { as: 'coord' })).json()) as {
          progress: { total: { assigned: number } };
        }
      ).progress.total.assigned;
    expect(await assigned()).toBe(3);
    expect((await cancel('coord', 'A-enum_b1', { reason: 'outside the frame' })).status).toBe(200);
    expect(await assigned()).toBe(2);
  });
});

describe('creating an assignment', () => {
  it('assigns a household of the sample anew after a cancel, reason in the audit log, on the tablet', async () => {
    // the household still has its open assignment: refused, naming it
    const taken = await create('sup_a', newAssignment());
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({
      code: 'assignment.exists',
      details: { assignmentId: 'A-enum_a1' },
    });
    expect((await cancel('sup_a', 'A-enum_a1', { reason: 'enumerator left the team' })).status).toBe(200);
    const res = await create('sup_a', newAssignment());
    expect(res.status).toBe(201);
    const made = (await res.json()) as {
      id: string;
      enumeratorId: string;
      status: string;
      ea: { code: string };
    };
    expect(made).toMatchObject({
      enumeratorId: ctx.userIds.enum_a2,
      status: 'assigned',
      survey: 'test',
      questionnaireId: 'test-household',
      dwelling: 1,
      household: 1,
      ea: { code: 'CV-PR-0001' },
    });
    expect(await listed('enum_a2')).toContain(`${made.id}:assigned`);
    const [entry] = await audits('assignment.create');
    expect(entry).toMatchObject({
      actorId: ctx.userIds.sup_a,
      entityId: made.id,
      details: {
        householdId: 'CV-PR-0001-1',
        enumeratorId: ctx.userIds.enum_a2,
        reason: 'the first one was cancelled by mistake',
      },
    });
  });

  it("keeps a supervisor to their team's EAs and enumerators; a coordinator may anywhere", async () => {
    await cancel('coord', 'A-enum_b1', { reason: 'redo' });
    const otherEa = newAssignment({ eaCode: 'CV-SL-0001', enumeratorId: ctx.userIds.enum_b1 });
    expect((await create('sup_a', otherEa)).status).toBe(404);
    await cancel('coord', 'A-enum_a1', { reason: 'redo' });
    const otherTeam = await create('sup_a', newAssignment({ enumeratorId: ctx.userIds.enum_b1 }));
    expect(otherTeam.status).toBe(422);
    expect(((await otherTeam.json()) as { details: Array<{ field: string }> }).details[0].field).toBe(
      'enumeratorId',
    );
    expect((await create('enum_a1', newAssignment())).status).toBe(403);
    expect(await audits('assignment.create')).toEqual([]);
    expect((await create('coord', otherEa)).status).toBe(201);
  });

  it('names the field of a unit that is not in the sample, an unknown survey and a missing reason', async () => {
    const field = async (res: Response) => {
      expect(res.status).toBe(422);
      return ((await res.json()) as { details: Array<{ field: string }> }).details[0].field;
    };
    expect(await field(await create('coord', newAssignment({ dwelling: 77 })))).toBe('dwelling');
    expect(await field(await create('coord', newAssignment({ eaCode: 'CV-XX-9999' })))).toBe('eaCode');
    expect(await field(await create('coord', newAssignment({ survey: 'nothing' })))).toBe('survey');
    expect(await field(await create('coord', newAssignment({ reason: '' })))).toBe('reason');
    expect(await audits('assignment.create')).toEqual([]);
  });
});

describe('what the list offers', () => {
  it('gives staff the changes the state table allows now, and an enumerator none', async () => {
    const changes = async (p: Person, id: string) =>
      (
        (await (await ctx.request('GET', '/api/assignments', { as: p })).json()) as Array<{
          id: string;
          changes?: string[];
        }>
      ).find((a) => a.id === id)?.changes;
    expect(await changes('sup_a', 'A-enum_a1')).toEqual(['reassign', 'cancel']);
    expect(await changes('enum_a1', 'A-enum_a1')).toEqual([]);
    expect((await upload('enum_a1')).res.status).toBe(201);
    expect(await changes('sup_a', 'A-enum_a1')).toEqual([]);
    expect((await cancel('coord', 'A-enum_a2', { reason: 'duplicate visit' })).status).toBe(200);
    expect(await changes('coord', 'A-enum_a2')).toEqual([]);
  });
});

describe("an assignment's history", () => {
  it('lists its changes from the audit log with who, why, from and to; in scope only', async () => {
    const moved = await ctx.request('POST', '/api/assignments/A-enum_a1/reassign', {
      as: 'sup_a',
      body: { enumeratorId: ctx.userIds.enum_a2, reason: 'enum_a1 is ill' },
    });
    expect(moved.status).toBe(200);
    expect((await cancel('coord', 'A-enum_a1', { reason: 'household moved away' })).status).toBe(200);
    const res = await ctx.request('GET', '/api/assignments/A-enum_a1/history', { as: 'sup_a' });
    expect(res.status).toBe(200);
    const entries = (await res.json()) as Array<Record<string, unknown>>;
    expect(entries.map(({ at, ...rest }) => rest)).toEqual([
      {
        action: 'assignment.reassign',
        actor: 'sup_a',
        reason: 'enum_a1 is ill',
        tabletReason: null,
        from: 'enum_a1',
        to: 'enum_a2',
      },
      {
        action: 'assignment.cancel',
        actor: 'coord',
        reason: 'household moved away',
        tabletReason: null,
        from: 'enum_a2',
        to: null,
      },
    ]);
    expect((await ctx.request('GET', '/api/assignments/A-enum_a1/history', { as: 'sup_b' })).status).toBe(
      404,
    );
    expect((await ctx.request('GET', '/api/assignments/A-enum_a1/history', { as: 'enum_a2' })).status).toBe(
      403,
    );
  });
});

describe('the enumerators to assign to', () => {
  it("lists a supervisor's own team and every team's to a coordinator; 403 to an enumerator", async () => {
    const names = async (p: Person) =>
      (
        (await (await ctx.request('GET', '/api/assignments/enumerators', { as: p })).json()) as Array<{
          username: string;
        }>
      ).map((e) => e.username);
    expect(await names('sup_a')).toEqual(['enum_a1', 'enum_a2']);
    expect(await names('coord')).toEqual(['enum_a1', 'enum_a2', 'enum_b1']);
    expect((await ctx.request('GET', '/api/assignments/enumerators', { as: 'enum_a1' })).status).toBe(403);
  });
});
