/**
 * Listing scope: GET /api/listings gives a supervisor their own team's EAs only (coordinators every EA,
 * enumerators and analysts nothing), and a listing cannot assign households to another team's or an
 * inactive enumerator (422 naming `enumerators`, nothing stored).
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, eaListings, users } from '../../server/db/schema.ts';
import { listingContext } from '../helpers/listing-context.ts';
import type { TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await listingContext();
});
afterEach(async () => ctx.close());

const dwellings = Array.from({ length: 6 }, (_, i) => ({ l01_dwelling: i + 1, l05_disposition: 1 }));
const listing = (ea: string, extra: Record<string, unknown> = {}) => ({
  questionnaireVersion: 1,
  answers: { a04_ea: ea, dwellings },
  ...extra,
});
const ipeiAssignments = async () =>
  (await ctx.database.db.select().from(assignments)).filter((a) => a.questionnaireId === 'ipei-household');

describe('listing scope', () => {
  it("GET /api/listings: a supervisor reads their team's EAs only", async () => {
    expect(
      (await ctx.request('POST', '/api/listings/CV-PR-0002', { as: 'sup_a', body: listing('CV-PR-0002') }))
        .status,
    ).toBe(201);
    expect(
      (await ctx.request('POST', '/api/listings/CV-SL-0002', { as: 'sup_b', body: listing('CV-SL-0002') }))
        .status,
    ).toBe(201);
    const eas = async (as: 'sup_a' | 'sup_b' | 'coord') =>
      ((await (await ctx.request('GET', '/api/listings', { as })).json()) as Array<{ eaCode: string }>)
        .map((l) => l.eaCode)
        .sort();
    expect(await eas('sup_a')).toEqual(['CV-PR-0002']);
    expect(await eas('sup_b')).toEqual(['CV-SL-0002']);
    expect(await eas('coord')).toEqual(['CV-PR-0002', 'CV-SL-0002']);
    expect((await ctx.request('GET', '/api/listings', { as: 'enum_a1' })).status).toBe(403);
    expect((await ctx.request('GET', '/api/listings', { as: 'analyst' })).status).toBe(403);
  });

  it("refuses to assign households to another team's enumerator", async () => {
    const res = await ctx.request('POST', '/api/listings/CV-PR-0002', {
      as: 'sup_a',
      body: listing('CV-PR-0002', { enumerators: ['enum_a1', 'enum_b1'] }),
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.details[0].field).toBe('enumerators');
    expect(body.details[0].message).toContain('enum_b1');
    expect(await ipeiAssignments()).toEqual([]);
    expect(await ctx.database.db.select().from(eaListings)).toEqual([]);
  });

  it('refuses to assign households to an inactive enumerator, named or by team', async () => {
    await ctx.database.db.update(users).set({ active: false }).where(eq(users.username, 'enum_a2'));
    const res = await ctx.request('POST', '/api/listings/CV-PR-0002', {
      as: 'coord',
      body: listing('CV-PR-0002', { enumerators: ['enum_a2'] }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).details[0].message).toContain('enum_a2');
    expect(await ipeiAssignments()).toEqual([]);
    // by team: only the active enumerator gets households
    const ok = await ctx.request('POST', '/api/listings/CV-PR-0002', {
      as: 'sup_a',
      body: listing('CV-PR-0002'),
    });
    expect(ok.status).toBe(201);
    const given = new Set((await ok.json()).households.map((h: { enumerator: string }) => h.enumerator));
    expect(given).toEqual(new Set(['enum_a1']));
  });
});
