import { afterEach, describe, expect, it, vi } from 'vitest';
import { persistStorage, storageUse } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { envelope } from './fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

const reply = (status: number, body: unknown) => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('API client: every answer becomes a result the uploader can act on', () => {
  const env = envelope();
  const receipt = { interviewId: env.interviewId, revision: 1, status: 'received', duplicate: false };
  const problem = (code: string) => ({ code, message: `${code} happened`, details: [{ field: 'outcome' }] });

  const cases: Array<[string, () => Promise<Response>, string]> = [
    ['201 with a receipt', reply(201, receipt), 'ok'],
    ['200 duplicate', reply(200, { ...receipt, duplicate: true }), 'ok'],
    ['2xx with an unexpected body', reply(200, { hello: 1 }), 'transient'],
    ['2xx that is not JSON', reply(200, '<html>'), 'transient'],
    ['401', reply(401, problem('auth.expired')), 'unauthorized'],
    ['409', reply(409, problem('interview.conflict')), 'conflict'],
    ['422', reply(422, problem('request.invalid')), 'rejected'],
    ['413', reply(413, problem('request.too_large')), 'rejected'],
    ['429', reply(429, problem('auth.throttled')), 'transient'],
    ['500', reply(500, problem('server.internal')), 'transient'],
    ['503 with an HTML body', reply(503, '<html>busy</html>'), 'transient'],
    [
      'network drop',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      'transient',
    ],
  ];
  for (const [name, fetchImpl, kind] of cases) {
    it(`${name} -> ${kind}`, async () => {
      const api = new ApiClient({ fetch: fetchImpl as unknown as typeof fetch, token: () => 't' });
      expect((await api.putInterview(env)).kind).toBe(kind);
    });
  }

  it('keeps the problem body of a 422 so the enumerator sees which fields', async () => {
    const api = new ApiClient({ fetch: reply(422, problem('request.invalid')) as unknown as typeof fetch });
    const result = await api.putInterview(env);
    expect(result).toMatchObject({ kind: 'rejected', status: 422, problem: { code: 'request.invalid' } });
  });

  it('sends the bearer token and the envelope as JSON to PUT /api/interviews/:id', async () => {
    const spy = vi.fn(reply(201, receipt));
    const api = new ApiClient({ fetch: spy as unknown as typeof fetch, token: () => 'tok' });
    await api.putInterview(env);
    const [url, init] = spy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/interviews/${env.interviewId}`);
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(init.body))).toEqual(env);
  });
});

describe('storage', () => {
  it('reports how full the device storage is, or null when the browser does not say', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 95, quota: 100 }) } });
    expect(await storageUse()).toBe(0.95);
    vi.stubGlobal('navigator', {});
    expect(await storageUse()).toBeNull();
  });

  it('asks for persistent storage and never throws', async () => {
    vi.stubGlobal('navigator', { storage: { persist: async () => true } });
    expect(await persistStorage()).toBe(true);
    vi.stubGlobal('navigator', {
      storage: {
        persist: async () => {
          throw new Error('denied');
        },
      },
    });
    expect(await persistStorage()).toBe(false);
  });
});
