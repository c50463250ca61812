/**
 * Login throttling in the database: 20 parallel wrong passwords for one account meet 429s (each attempt
 * is counted before the slow hash, so at most 3 reach it); random usernames from one address are limited
 * without locking the real accounts behind it; failures from many addresses never keep an account's owner
 * out longer than the 60 s cap; a second API node's throttle on the same database sees the same counts;
 * failed logins are audited.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema.ts';
import {
  createLoginThrottle,
  MAX_BACKOFF_MS,
  UNKNOWN_PER_ADDRESS,
} from '../../server/domain/login-throttle.ts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const login = (username: string, password: string) =>
  ctx.request('POST', '/api/auth/login', { raw: JSON.stringify({ username, password }) });

describe('login throttling', () => {
  it('20 parallel wrong passwords for one account meet 429s; at most 3 reach the hash, each audited', async () => {
    const statuses = (
      await Promise.all(Array.from({ length: 20 }, (_, i) => login('enum_a2', `guess${i}`)))
    ).map((r) => r.status);
    const tried = statuses.filter((s) => s === 401).length;
    expect(statuses.filter((s) => s === 429).length).toBe(20 - tried);
    expect(tried).toBeLessThanOrEqual(3);
    expect(tried).toBeGreaterThanOrEqual(1);
    const audited = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.failed'));
    expect(audited).toHaveLength(tried);
    expect(audited[0]).toMatchObject({ entityId: ctx.userIds.enum_a2 });
  });

  it('random usernames from one address are limited, but the accounts behind it can still log in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < UNKNOWN_PER_ADDRESS + 3; i++) statuses.push((await login(`nobody${i}`, 'x')).status);
    expect(statuses.slice(0, UNKNOWN_PER_ADDRESS).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(UNKNOWN_PER_ADDRESS)).toEqual([429, 429, 429]);
    expect((await login('enum_a1', PASSWORD)).status).toBe(200);
  });

  it('failures from five addresses keep the owner out at most 60 s, and the counts are shared by every node', async () => {
    const nodeA = createLoginThrottle(ctx.database);
    const nodeB = createLoginThrottle(ctx.database);
    let now = Date.now();
    let longest = 0;
    for (let i = 0; i < 40; i++) {
      const node = i % 2 ? nodeA : nodeB;
      const wait = await node.admit({ username: 'enum_a1', address: `10.0.0.${i % 5}`, known: true }, now);
      longest = Math.max(longest, wait);
      now += wait > 0 ? wait * 1000 : 10;
    }
    expect(longest).toBeGreaterThan(1);
    expect(longest * 1000).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    // what node A counts blocks on node B at once
    await nodeA.admit({ username: 'enum_a1', address: '10.0.0.9', known: true }, now);
    const blocked = await nodeB.admit({ username: 'enum_a1', address: '10.0.0.9', known: true }, now);
    expect(blocked).toBeGreaterThan(0);
    // after the cap the owner gets in, and a success clears the count
    expect(
      await nodeA.admit({ username: 'enum_a1', address: '10.0.0.9', known: true }, now + MAX_BACKOFF_MS),
    ).toBe(0);
    await nodeA.succeed('enum_a1');
    expect(
      await nodeB.admit({ username: 'enum_a1', address: '10.0.0.9', known: true }, now + MAX_BACKOFF_MS),
    ).toBe(0);
  });
});
