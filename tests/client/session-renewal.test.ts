/**
 * The renewal of an expired session, through the real API client on a stubbed fetch and a fake
 * IndexedDB, row by row of client/sync/renewal.ts's tables: when the server cannot be reached (no
 * network, a timeout, a 502 or 500, a 408, a proxy's HTML page with 200, a 429) the tablet does not say
 * "Session expired": the renewal's trouble says the real cause in each app language, the unlock stays,
 * and a later renewal that reaches the server clears it and lets the uploads resume. A refused password,
 * no password in memory or an account whose role changed asks for a new login. A 403, 409, 404 or bad
 * request is a refusal: said as such in each language, followed by the answer's generic sentence
 * (a 403), by words of the renewal's own (a 404, a bad request) or by nothing (a 409: never "This was
 * changed in the meantime"), the login offered, the unlock kept, and not asked again by itself until a
 * login.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ERROR_MESSAGES,
  type ErrorKind,
  FAILURE_CONTEXT,
  RENEWAL_REFUSAL,
  type RefusalWords,
} from '../../client/error-messages.ts';
import { APP_LANGUAGES } from '../../client/i18n.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import {
  afterRenewal,
  REFUSAL_FOLLOW_UP,
  RENEW_ANSWERS,
  RENEW_OUTCOMES,
  RENEWAL,
  RENEWAL_EFFECTS,
  type RefusedAnswer,
  type RenewAnswer,
} from '../../client/sync/renewal.ts';
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
const loggedInAs = (who: typeof user) => async () =>
  json(200, { token: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: who });
const loggedIn = loggedInAs(user);

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

/** Each answer of the table, made by a server reply (null: no password in memory, the server not asked). */
const ANSWERS: { answer: RenewAnswer; name: string; fetch: typeof fetch | null; kind?: ErrorKind }[] = [
  { answer: 'renewed', name: 'a 200 for the same account', fetch: loggedIn },
  {
    answer: 'roleChanged',
    name: 'a 200 whose role changed',
    fetch: loggedInAs({ ...user, role: 'supervisor' as never }),
  },
  { answer: 'noPassword', name: 'no password in memory (a reload)', fetch: null },
  {
    answer: 'unauthorized',
    name: 'a 401 (password changed, account disabled)',
    fetch: async () => json(401, { code: 'auth.failed', message: 'Wrong username or password.' }),
  },
  {
    answer: 'forbidden',
    name: "the server's 403",
    fetch: async () => json(403, { code: 'auth.forbidden', message: 'Your role may not do this.' }),
    kind: 'forbidden',
  },
  { answer: 'forbidden', name: "a proxy's 403 page", fetch: async () => html(403), kind: 'forbidden' },
  { answer: 'conflict', name: 'a 409', fetch: async () => html(409), kind: 'changed' },
  { answer: 'notFound', name: "a proxy's 404 page", fetch: async () => html(404), kind: 'notFound' },
  {
    answer: 'badRequest',
    name: 'a 422',
    fetch: async () => json(422, { code: 'request.invalid', message: 'bad' }),
    kind: 'invalid',
  },
  {
    answer: 'throttled',
    name: 'a 429',
    fetch: async () => json(429, { code: 'auth.throttled', message: 'wait' }),
    kind: 'throttled',
  },
  {
    answer: 'serverError',
    name: 'a 500',
    fetch: async () => json(500, { code: 'server.internal', message: 'boom' }),
    kind: 'serverError',
  },
  { answer: 'serverError', name: "a proxy's 502 page", fetch: async () => html(502), kind: 'unavailable' },
  { answer: 'serverError', name: 'a 408', fetch: async () => html(408), kind: 'timeout' },
  {
    answer: 'noAnswer',
    name: 'no network',
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    kind: 'offline',
  },
  { answer: 'noAnswer', name: 'a timeout', fetch: hanging, kind: 'timeout' },
  { answer: 'notServer', name: 'an HTML page with 200', fetch: async () => html(200), kind: 'notJson' },
];

/** The table as this test states it: each answer's outcome. */
const EXPECTED: Record<RenewAnswer, (typeof RENEW_OUTCOMES)[number]> = {
  renewed: 'renewed',
  roleChanged: 'login',
  noPassword: 'login',
  unauthorized: 'login',
  forbidden: 'refused',
  conflict: 'refused',
  notFound: 'refused',
  badRequest: 'refused',
  throttled: 'unreachable',
  serverError: 'unreachable',
  noAnswer: 'unreachable',
  notServer: 'unreachable',
};

/** What follows "the server refused to renew" for each refusal, as this test states it. */
const FOLLOW_UP: Record<RefusedAnswer, 'generic' | 'none' | RefusalWords> = {
  forbidden: 'generic',
  conflict: 'none',
  notFound: 'notFound',
  badRequest: 'badRequest',
};

describe('the renewal tables', () => {
  it('every answer has its outcome and is made by at least one case below', () => {
    expect(RENEWAL).toEqual(EXPECTED);
    expect(REFUSAL_FOLLOW_UP).toEqual(FOLLOW_UP);
    const refused = RENEW_ANSWERS.filter((a) => RENEWAL[a] === 'refused');
    expect(Object.keys(REFUSAL_FOLLOW_UP).sort()).toEqual([...refused].sort());
    expect(new Set(ANSWERS.map((c) => c.answer))).toEqual(new Set(RENEW_ANSWERS));
    expect(Object.keys(RENEWAL_EFFECTS).sort()).toEqual([...RENEW_OUTCOMES].sort());
  });

  for (const c of ANSWERS)
    it(`${c.name}: ${EXPECTED[c.answer]}`, async () => {
      let s = await expiredSession();
      let asked = 0;
      if (c.fetch === null) s = new SessionManager(db, () => new ApiClient({ timeoutMs: 30 }));
      const f = c.fetch;
      reply = async (url, init) => {
        asked++;
        if (!f) throw new Error('the server was asked');
        return f(url, init);
      };
      const outcome = await s.renew();
      expect(outcome).toMatchObject({ kind: EXPECTED[c.answer], answer: c.answer });
      const ui = { sessionExpired: !c.fetch };
      const troubles = new SyncTroubles();
      troubles.failed('renew', 'network: TypeError: Failed to fetch');
      const resume = afterRenewal(outcome, ui, troubles);
      const kind = EXPECTED[c.answer];
      expect(resume).toBe(kind === 'renewed');
      // the "Session expired" banner (with its login) only when a login is the way on
      expect(ui.sessionExpired).toBe(kind === 'login' || kind === 'refused');
      expect(s.hasValidToken()).toBe(kind === 'renewed');
      // whatever the answer, the unlock and the offline work stay
      expect(db.keyHold.unlocked).toBe(true);
      const trouble = troubles.get('renew');
      if (kind === 'renewed' || kind === 'login') expect(trouble).toBeNull();
      else {
        if (!trouble || !c.kind) throw new Error('the renewal failed silently');
        const context = kind === 'refused' ? 'renewRefused' : 'renewOffline';
        const followUp = kind === 'refused' ? FOLLOW_UP[c.answer as RefusedAnswer] : 'generic';
        for (const lang of APP_LANGUAGES) {
          const said = troubleSentence(trouble, lang);
          const head = FAILURE_CONTEXT[lang][context];
          if (followUp === 'generic') expect(said).toBe(`${head} ${ERROR_MESSAGES[lang][c.kind]}`);
          else {
            // the generic sentence reads oddly after a refused renewal: its own words, or none
            expect(said).toBe(followUp === 'none' ? head : `${head} ${RENEWAL_REFUSAL[lang][followUp]}`);
            expect(said).not.toContain(ERROR_MESSAGES[lang][c.kind]);
          }
          expect(said).not.toContain(ERROR_MESSAGES[lang].session);
        }
      }

      // asked again (the network returns, an upload's 401): only an unreachable server is asked again
      const before = asked;
      const again = await s.renew();
      if (kind === 'refused' || kind === 'login') {
        // the same password is not sent again (it would meet the login throttle): answered as before
        expect(again).toEqual(outcome);
        expect(asked).toBe(before);
        // a login ends the hold: the next renewal asks the server
        reply = loggedIn;
        expect(await s.login('enumerator1', 'demo')).toMatchObject({ ok: true, mode: 'online' });
        s.expire();
        expect(await s.renew()).toMatchObject({ kind: 'renewed' });
      } else if (kind === 'unreachable') {
        expect(asked).toBe(before + 1);
        // the server answers again: renewed, the trouble is over, the uploads may resume
        reply = loggedIn;
        const renewed = await s.renew();
        expect(renewed).toEqual({ kind: 'renewed', answer: 'renewed' });
        expect(afterRenewal(renewed, ui, troubles)).toBe(true);
        expect(troubles.get('renew')).toBeNull();
        expect(ui.sessionExpired).toBe(false);
        expect(s.hasValidToken()).toBe(true);
      }
    });

  it('a refusal held, then the password typed again offline: the next renewal asks the server again', async () => {
    const s = await expiredSession();
    let asked = 0;
    reply = async () => {
      asked++;
      return html(403);
    };
    expect(await s.renew()).toMatchObject({ kind: 'refused' });
    expect(await s.renew()).toMatchObject({ kind: 'refused' });
    expect(asked).toBe(1);
    s.lock();
    reply = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await s.login('enumerator1', 'demo')).toMatchObject({ ok: true, mode: 'offline' });
    s.expire();
    reply = loggedIn;
    expect(await s.renew()).toMatchObject({ kind: 'renewed' });
  });

  it('the refusal sentence exists, translated, in every app language', () => {
    const texts = APP_LANGUAGES.map((lang) => FAILURE_CONTEXT[lang].renewRefused);
    for (const t of texts) expect(t.length).toBeGreaterThan(20);
    expect(new Set(texts).size).toBe(APP_LANGUAGES.length);
  });

  it("the refusals' own follow-up words exist, translated, in every app language", () => {
    for (const words of Object.keys(RENEWAL_REFUSAL.en) as RefusalWords[]) {
      const texts = APP_LANGUAGES.map((lang) => RENEWAL_REFUSAL[lang][words]);
      for (const t of texts) expect(t.length).toBeGreaterThan(20);
      expect(new Set(texts).size).toBe(APP_LANGUAGES.length);
    }
    for (const lang of APP_LANGUAGES)
      expect(Object.keys(RENEWAL_REFUSAL[lang]).sort()).toEqual(Object.keys(RENEWAL_REFUSAL.en).sort());
  });
});
