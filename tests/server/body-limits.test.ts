/**
 * Body limits on every route that reads a body: a body over the limit is 413 `request.too_large` on
 * login, logout, listings, bulk approve, reviews, custom tables, models, weighting runs and uploads, with
 * or without a login; a 200 MB login body declared by Content-Length is refused without reading it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_BODY_LIMIT_BYTES } from '../../server/middleware/body-limits.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';

const LIMIT = 64 * 1024;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ bodyLimitBytes: LIMIT });
});
afterAll(async () => ctx.close());

const over = (bytes: number) => JSON.stringify({ pad: 'x'.repeat(bytes) });

describe('body limits', () => {
  it.each([
    ['POST', '/api/auth/login', undefined, AUTH_BODY_LIMIT_BYTES],
    ['POST', '/api/auth/logout', 'enum_a1', AUTH_BODY_LIMIT_BYTES],
    ['POST', '/api/listings/CV-PR-0001', 'sup_a', LIMIT],
    ['POST', '/api/review/bulk-approve', 'sup_a', LIMIT],
    ['POST', '/api/interviews/6f1c1b9e-8a3e-4b7e-9a53-0d6b3f7a1c11/review', 'sup_a', LIMIT],
    ['POST', '/api/analysis/test/tables', 'analyst', LIMIT],
    ['POST', '/api/analysis/test/models', 'analyst', LIMIT],
    ['POST', '/api/weighting/test', 'coord', LIMIT],
    ['PUT', '/api/interviews/6f1c1b9e-8a3e-4b7e-9a53-0d6b3f7a1c11', 'enum_a1', LIMIT],
    ['PUT', '/api/interviews/6f1c1b9e-8a3e-4b7e-9a53-0d6b3f7a1c11', undefined, LIMIT],
  ] as const)('%s %s (as %s) answers 413 over %i bytes', async (method, path, as, limit) => {
    const res = await ctx.request(method, path, { as, raw: over(limit) });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.code).toBe('request.too_large');
    expect(body.details).toEqual({ limitBytes: limit });
  });

  it('a login body just under its limit is read (401 for a wrong password, not 413)', async () => {
    const raw = JSON.stringify({ username: 'enum_a1', password: 'x'.repeat(AUTH_BODY_LIMIT_BYTES - 100) });
    expect((await ctx.request('POST', '/api/auth/login', { raw })).status).not.toBe(413);
  });

  it('refuses a 200 MB login by its Content-Length without reading the body', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 200 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await ctx.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    // the stream may have been asked for its first chunks, never for the 200 MB
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});
