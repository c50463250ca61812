/** Every role against every route: who may, who may not, and what each sees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eaListings } from '../../server/db/schema.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
const interviewOf: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  for (const person of ['enum_a1', 'enum_a2', 'enum_b1'] as const) {
    const env = envelope(ctx, person);
    interviewOf[person] = env.interviewId;
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: person, body: env });
    expect(res.status).toBe(201);
  }
  await ctx.jobs.drain(); // reviews act on validated interviews
  // one listed EA per team (their names, addresses and GPS are in the answers)
  const listed = { questionnaireId: 'listing', questionnaireVersion: 1, answers: '{"dwellings":[]}' };
  const counts = { eligible: 6, ineligible: 1, unknown: 0, outOfScope: 0, selected: 6 };
  await ctx.database.db.insert(eaListings).values([
    { eaCode: 'CV-PR-0001', ...listed, ...counts },
    { eaCode: 'CV-SL-0001', ...listed, ...counts },
  ]);
});
afterAll(async () => ctx.close());

const everyone: Person[] = ['admin', 'coord', 'analyst', 'sup_a', 'enum_a1', 'sup_b', 'enum_b1'];

describe('role-by-route access', () => {
  const assignmentsSeen: Record<string, number | 'forbidden'> = {
    admin: 3,
    coord: 3,
    analyst: 'forbidden',
    sup_a: 2,
    enum_a1: 1,
    sup_b: 1,
    enum_b1: 1,
  };
  it.each(everyone)('GET /api/assignments as %s', async (person) => {
    const res = await ctx.request('GET', '/api/assignments', { as: person });
    const expected = assignmentsSeen[person];
    if (expected === 'forbidden') {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<{ id: string; enumeratorId: string }>;
    expect(list).toHaveLength(expected);
    if (person.startsWith('enum'))
      expect(list.every((a) => a.enumeratorId === ctx.userIds[person])).toBe(true);
  });

  // listings: a supervisor reads their own team's EAs only (team-a holds CV-PR-0001, team-b CV-SL-0001)
  const listingsSeen: Record<string, string[] | 'forbidden'> = {
    admin: ['CV-PR-0001', 'CV-SL-0001'],
    coord: ['CV-PR-0001', 'CV-SL-0001'],
    analyst: 'forbidden',
    sup_a: ['CV-PR-0001'],
    enum_a1: 'forbidden',
    sup_b: ['CV-SL-0001'],
    enum_b1: 'forbidden',
  };
  it.each(everyone)('GET /api/listings as %s', async (person) => {
    const res = await ctx.request('GET', '/api/listings', { as: person });
    const expected = listingsSeen[person];
    if (expected === 'forbidden') {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<{ eaCode: string }>;
    expect(list.map((l) => l.eaCode).sort()).toEqual(expected);
  });

  // who may read enum_a1's interview: they themselves, their supervisor, coordinators and admins
  const readsA1: Record<string, number> = {
    admin: 200,
    coord: 200,
    analyst: 403,
    sup_a: 200,
    enum_a1: 200,
    sup_b: 404,
    enum_b1: 404,
  };
  it.each(everyone)("GET enum_a1's interview as %s", async (person) => {
    const res = await ctx.request('GET', `/api/interviews/${interviewOf.enum_a1}`, { as: person });
    expect(res.status).toBe(readsA1[person]);
    if (res.status === 200) expect((await res.json()).envelope.answers.b03_size).toBe(3);
  });

  it("hides another enumerator's interview from an enumerator of the same team", async () => {
    const res = await ctx.request('GET', `/api/interviews/${interviewOf.enum_a2}`, { as: 'enum_a1' });
    expect(res.status).toBe(404);
  });

  const reviews: Record<string, number> = {
    admin: 200,
    coord: 200,
    analyst: 403,
    sup_a: 200,
    enum_a1: 403,
    sup_b: 404,
    enum_b1: 403,
  };
  it.each(['analyst', 'enum_a1', 'sup_b', 'enum_b1', 'sup_a'] as Person[])(
    "POST review of enum_a2's interview as %s",
    async (person) => {
      const res = await ctx.request('POST', `/api/interviews/${interviewOf.enum_a2}/review`, {
        as: person,
        body: { action: 'approve', revision: 1, comments: [] },
      });
      expect(res.status).toBe(reviews[person]);
    },
  );

  it.each(everyone)('GET /api/questionnaires as %s', async (person) => {
    const res = await ctx.request('GET', '/api/questionnaires', { as: person });
    expect(res.status).toBe(200);
  });

  it.each(['admin', 'coord', 'analyst', 'sup_a'] as Person[])(
    'PUT an interview as %s is forbidden',
    async (person) => {
      const env = envelope(ctx, 'enum_a1');
      const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: person, body: env });
      expect(res.status).toBe(403);
    },
  );

  it('GET /api/interviews/returned is for enumerators only', async () => {
    expect((await ctx.request('GET', '/api/interviews/returned', { as: 'enum_a1' })).status).toBe(200);
    expect((await ctx.request('GET', '/api/interviews/returned', { as: 'sup_a' })).status).toBe(403);
  });

  // The analysts' tables and microdata: analysts, and coordinators and admins read-only (GET and
  // the POST that computes a table); supervisors and enumerators never.
  const analysis: Record<string, number> = {
    admin: 200,
    coord: 200,
    analyst: 200,
    sup_a: 403,
    enum_a1: 403,
    sup_b: 403,
    enum_b1: 403,
  };
  it.each(everyone)('GET /api/analysis/ipei (the table catalogue) as %s', async (person) => {
    const res = await ctx.request('GET', '/api/analysis/ipei', { as: person });
    expect(res.status).toBe(analysis[person]);
  });

  it('every protected route refuses an anonymous request with 401', async () => {
    for (const [method, path] of [
      ['GET', '/api/assignments'],
      ['GET', '/api/questionnaires'],
      ['GET', '/api/questionnaires/test-household/versions/1'],
      ['GET', `/api/interviews/${interviewOf.enum_a1}`],
      ['PUT', `/api/interviews/${interviewOf.enum_a1}`],
      ['GET', '/api/interviews/returned'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/analysis/ipei'],
    ]) {
      const res = await ctx.request(method, path);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
