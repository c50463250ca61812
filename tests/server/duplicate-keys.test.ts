/**
 * Duplicate JSON keys: an envelope (or any body) with a key written twice in one object is refused 422
 * naming the key's path, and nothing is stored, so SQLite (first value) and JavaScript (last value) never
 * read different values; the scan decodes escapes and tells keys of different objects apart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviews, quarantine } from '../../server/db/schema.ts';
import { firstDuplicateKey } from '../../server/routes/duplicate-keys.ts';
import { createTestContext, envelope, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

describe('duplicate keys', () => {
  it('refuses an envelope with the outcome written twice, storing nothing', async () => {
    const env = envelope(ctx, 'enum_a1');
    const raw = JSON.stringify(env).replace('"outcome":11', '"outcome":11,"outcome":13');
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', raw });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('request.invalid');
    expect(body.details).toEqual([{ field: 'outcome', message: expect.stringContaining('twice') }]);
    expect(await ctx.database.db.select().from(interviews)).toHaveLength(0);
    expect(await ctx.database.db.select().from(quarantine)).toHaveLength(0);
  });

  it('names a nested duplicate answer, also when one copy is written with an escape', async () => {
    const env = envelope(ctx, 'enum_a1');
    const raw = JSON.stringify(env).replace('"b03_size":3', '"b03_size":3,"b03_s\\u0069ze":4');
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: 'enum_a1', raw });
    expect(res.status).toBe(422);
    expect((await res.json()).details[0].field).toBe('answers.b03_size');
  });

  it('refuses a duplicate in other bodies too (login)', async () => {
    const raw = '{"username":"enum_a1","password":"x","password":"y"}';
    const res = await ctx.request('POST', '/api/auth/login', { raw });
    expect(res.status).toBe(422);
  });

  it('the scan: keys of sibling objects, array paths, strings with braces and quotes', () => {
    expect(firstDuplicateKey('{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}')).toBeNull();
    expect(firstDuplicateKey('{"s":"{\\"a\\":1,\\"a\\":2}","t":"]"}')).toBeNull();
    expect(firstDuplicateKey('{"r":[{"x":1},{"y":1,"y":2}]}')).toBe('r.1.y');
    expect(firstDuplicateKey('[1,{"k":[],"k":0}]')).toBe('1.k');
  });
});
