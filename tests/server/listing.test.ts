import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, households } from '../../server/db/schema.ts';
import { EA_TEAM_A, listingContext } from '../helpers/listing-context.ts';
import type { TestContext } from '../helpers/server.ts';

let ctx: TestContext;
// a selected EA of team A that has not been listed yet
beforeEach(async () => {
  ctx = await listingContext([EA_TEAM_A]);
});
afterEach(async () => ctx.close());

/** 20 dwellings: 12 eligible (1), 4 ineligible (2), 2 unknown (3: no contact), 2 vacant (5). */
const dwellings = Array.from({ length: 20 }, (_, i) => ({
  l01_dwelling: i + 1,
  l05_disposition: i < 12 ? 1 : i < 16 ? 2 : i < 18 ? 3 : 5,
}));
const listing = (extra: Record<string, unknown> = {}, ea = 'CV-PR-0002') => ({
  questionnaireVersion: 1,
  answers: { a04_ea: ea, dwellings },
  ...extra,
});

describe('POST /api/listings/:eaCode', () => {
  it("records E, I, U, selects m = min(take, E) households and assigns them to the EA team's enumerators", async () => {
    const res = await ctx.request('POST', '/api/listings/CV-PR-0002', {
      as: 'sup_a',
      body: listing({ take: 5 }),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      eaCode: 'CV-PR-0002',
      eligible: 12,
      ineligible: 4,
      unknown: 2,
      selected: 5,
    });
    expect(body.pi2).toBeCloseTo(5 / 12, 12);
    expect(new Set(body.households.map((h: { enumerator: string }) => h.enumerator))).toEqual(
      new Set(['enum_a1', 'enum_a2']),
    );
    const stored = await ctx.database.db.select().from(households).where(eq(households.eaCode, 'CV-PR-0002'));
    expect(stored.filter((h) => h.pi2 !== null && Math.abs(h.pi2 - 5 / 12) < 1e-12)).toHaveLength(5);
    const made = await ctx.database.db
      .select()
      .from(assignments)
      .where(eq(assignments.questionnaireId, 'ipei-household'));
    expect(made).toHaveLength(5);
  });

  it('takes every eligible household when there are no more than m', async () => {
    const body = await (
      await ctx.request('POST', '/api/listings/CV-PR-0002', { as: 'coord', body: listing() })
    ).json();
    expect(body).toMatchObject({ eligible: 12, selected: 12, pi2: 1 });
  });

  it('refuses a second listing, another team, an enumerator, and an EA that does not match the answers', async () => {
    expect(
      (await ctx.request('POST', '/api/listings/CV-PR-0002', { as: 'sup_a', body: listing() })).status,
    ).toBe(201);
    const again = await ctx.request('POST', '/api/listings/CV-PR-0002', { as: 'sup_a', body: listing() });
    expect(again.status).toBe(422);
    expect((await again.json()).details[0].message).toMatch(/already listed/);
    expect(
      (
        await ctx.request('POST', '/api/listings/CV-SL-0001', {
          as: 'sup_a',
          body: listing({}, 'CV-SL-0001'),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await ctx.request('POST', '/api/listings/CV-SL-0001', {
          as: 'enum_b1',
          body: listing({}, 'CV-SL-0001'),
        })
      ).status,
    ).toBe(403);
    const mismatch = await ctx.request('POST', '/api/listings/CV-SL-0001', { as: 'sup_b', body: listing() });
    expect(mismatch.status).toBe(422);
    expect((await mismatch.json()).details[0].field).toBe('answers.a04_ea');
  });

  it('refuses to draw from a listing an EA that already has sample households, changing nothing', async () => {
    const res = await ctx.request('POST', '/api/listings/CV-PR-0001', {
      as: 'sup_a',
      body: listing({}, 'CV-PR-0001'),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).details[0].message).toMatch(/already has sample households/);
    expect(
      await ctx.database.db.select().from(households).where(eq(households.eaCode, 'CV-PR-0001')),
    ).toHaveLength(2);
  });
});
