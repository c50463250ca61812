/**
 * The renewal of an expired session, through the real API client on a stubbed fetch and a fake
 * IndexedDB: when the server cannot be reached (no network, a timeout, a 502 or 500, a proxy's HTML page
 * with 200, a 429) the tablet does not say "Session expired": the renewal's trouble says the real cause
 * in each app language, the unlock stays (the offline work goes on), and a later renewal that reaches the
 * server clears it and lets the uploads resume. Only a refused password, or no password in memory (after
 * a reload), asks for a new login.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES, type ErrorKind, FAILURE_CONTEXT } from '../../client/error-messages.ts';
import { APP_LANGUAGES } from '../../client/i18n.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { afterRenewal } from '../../client/sync/renewal.ts';
import { SessionManager } from '../../client/sync/session.ts';
import { SyncTroubles } from '../../client/sync/sync-trouble.ts';
import { troubleSentence } from '../../client/sync/trouble-text.ts';
import { unlockedDb } from './fixtures.ts';

const user = { id: 'u1', username: 'enumerator1', displayName: 'Enumerator 1', role: 'analyst' as const };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const html = (status: number) =>
  new Response('<html><body>Proxy</body></html>', { status, headers: { 'content-type': 'text/html' } });
const hanging: typeof fetch = (_url, init) =>
  new Promise((_, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );
const loggedIn = async () =>
  json(200, { token: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user });

let db: MorabezaDb;
let reply: typeof fetch;
beforeEach(async () => {
  db = await unlockedDb(`r-${crypto.randomUUID()}`);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => reply(url, init));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

/** A session logged in online whose token the server then refused (a 401): it must be renewed. */
async function expiredSession(): Promise<SessionManager> {
  const api = new ApiClient({ timeoutMs: 30 });
  const s = new SessionManager(db, () => api);
  reply = loggedIn;
  expect(await s.login('enumerator1', 'demo')).toMatchObject({ ok: true, mode: 'online' });
  s.expire();
  return s;
}

const UNREACHABLE: { name: string; fetch: typeof fetch; kind: ErrorKind }[] = [
  { name: 'no network', fetch: () => Promise.reject(new TypeError('Failed to fetch')), kind: 'offline' },
  { name: 'a timeout', fetch: hanging, kind: 'timeout' },
  { name: "a proxy's 502 page", fetch: async () => html(502), kind: 'unavailable' },
  {
    name: 'a 500',
    fetch: async () => json(500, { code: 'server.internal', message: 'boom' }),
    kind: 'serverError',
  },
  { name: 'an HTML page with 200', fetch: async () => html(200), kind: 'notJson' },
  {
    name: 'a 429',
    fetch: async () => json(429, { code: 'auth.throttled', message: 'wait' }),
    kind: 'throttled',
  },
];

describe('renewing an expired session', () => {
  for (const c of UNREACHABLE)
    it(`${c.name}: not "Session expired" but the real cause; the unlock stays`, async () => {
      const s = await expiredSession();
      reply = c.fetch;
      const outcome = await s.renew();
      expect(outcome.kind).toBe('unreachable');
      const ui = { sessionExpired: true };
      const troubles = new SyncTroubles();
      expect(afterRenewal(outcome, ui, troubles)).toBe(false);
      expect(ui.sessionExpired).toBe(false);
      const trouble = troubles.get('renew');
      if (!trouble) throw new Error('the renewal failed silently');
      for (const lang of APP_LANGUAGES) {
        expect(troubleSentence(trouble, lang)).toBe(
          `${FAILURE_CONTEXT[lang].renewOffline} ${ERROR_MESSAGES[lang][c.kind]}`,
        );
        expect(troubleSentence(trouble, lang)).not.toContain(ERROR_MESSAGES[lang].session);
      }
      expect(db.keyHold.unlocked).toBe(true);
      expect(s.user?.username).toBe('enumerator1');

      // the server answers again: renewed, the trouble is over, the uploads may resume
      reply = loggedIn;
      const again = await s.renew();
      expect(again).toEqual({ kind: 'renewed' });
      expect(afterRenewal(again, ui, troubles)).toBe(true);
      expect(troubles.get('renew')).toBeNull();
      expect(s.hasValidToken()).toBe(true);
    });

  it('a password the server refuses asks for a new login', async () => {
    const s = await expiredSession();
    reply = async () => json(401, { code: 'auth.failed', message: 'Wrong username or password.' });
    const outcome = await s.renew();
    expect(outcome).toEqual({ kind: 'login' });
    const ui = { sessionExpired: false };
    const troubles = new SyncTroubles();
    troubles.failed('renew', 'network: TypeError: Failed to fetch');
    expect(afterRenewal(outcome, ui, troubles)).toBe(false);
    expect(ui.sessionExpired).toBe(true);
    expect(troubles.get('renew')).toBeNull();
  });

  it('no password in memory (after a reload) asks for a new login without asking the server', async () => {
    const s = await expiredSession();
    s.lock();
    let asked = false;
    reply = async () => {
      asked = true;
      return html(502);
    };
    expect(await s.renew()).toEqual({ kind: 'login' });
    expect(asked).toBe(false);
  });
});
