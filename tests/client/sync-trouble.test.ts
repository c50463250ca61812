/**
 * Failures the tablet used to swallow, through the real API client on a stubbed fetch and a fake
 * IndexedDB. A login with the server down (no network, a timeout, a 5xx), for a user never logged in on
 * this tablet, says the failure's sentence and that the first login needs the server, in each app
 * language, the raw text only as details; a 429, a proxy's 403 page and an HTML page with 200 are their
 * own sentences, never "wrong password"; a known user unlocked offline carries why the server was not
 * reached. The automatic upload's failures are one trouble that updates (its start kept, its tries
 * counted), told as "interviews could not be sent" with the failure's sentence, and cleared by a pass
 * that leaves nothing to retry.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES, type ErrorKind, FAILURE_CONTEXT } from '../../client/error-messages.ts';
import { errorSentence } from '../../client/error-sentence.ts';
import { APP_LANGUAGES, MESSAGES } from '../../client/i18n.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { queueEnvelope } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { loginFailureText } from '../../client/sync/login-text.ts';
import { SessionManager } from '../../client/sync/session.ts';
import { SyncTroubles } from '../../client/sync/sync-trouble.ts';
import { troubleSentence } from '../../client/sync/trouble-text.ts';
import { Uploader } from '../../client/sync/uploader.ts';
import { envelope, unlockedDb } from './fixtures.ts';

const user = { id: 'u1', username: 'enumerator1', displayName: 'Enumerator 1', role: 'enumerator' as const };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const html = (status: number) =>
  new Response('<html><body>Proxy</body></html>', { status, headers: { 'content-type': 'text/html' } });
const hanging: typeof fetch = (_url, init) =>
  new Promise((_, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

let db: MorabezaDb;
let reply: typeof fetch;
beforeEach(async () => {
  db = await unlockedDb(`t-${crypto.randomUUID()}`);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => reply(url, init));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const manager = () => {
  const api = new ApiClient({ timeoutMs: 30 });
  return new SessionManager(db, () => api);
};

/** The sentence the login screen shows (the failure's, with the screen's own words if any), in `lang`. */
function shown(text: ReturnType<typeof loginFailureText>, lang: (typeof APP_LANGUAGES)[number]) {
  const own = text.message ? MESSAGES[lang][text.message] : '';
  const f = text.failure;
  if (!f || typeof f === 'string') return { sentence: `${own} ${f ?? ''}`.trim(), details: null };
  const told = errorSentence(f.failure, lang);
  return { sentence: `${own} ${f.say?.(lang) ?? told.sentence}`.trim(), details: told.details };
}

const SERVER_DOWN: { name: string; fetch: typeof fetch; kind: ErrorKind }[] = [
  { name: 'no network', fetch: () => Promise.reject(new TypeError('Failed to fetch')), kind: 'offline' },
  { name: 'a timeout', fetch: hanging, kind: 'timeout' },
  { name: 'a 502 from a proxy', fetch: async () => html(502), kind: 'unavailable' },
  {
    name: 'a 500',
    fetch: async () => json(500, { code: 'server.internal', message: 'boom' }),
    kind: 'serverError',
  },
];

describe('a login with the server down', () => {
  for (const c of SERVER_DOWN)
    it(`${c.name}, a user new to this tablet: the failure's sentence and that the first login needs the server`, async () => {
      reply = c.fetch;
      const outcome = await manager().login('enumerator2', 'demo');
      if (outcome.ok) throw new Error('unlocked');
      expect(outcome.reason).toBe('offlineUnknown');
      for (const lang of APP_LANGUAGES) {
        const { sentence, details } = shown(loginFailureText(outcome), lang);
        expect(sentence).toBe(`${FAILURE_CONTEXT[lang].loginFirstTime} ${ERROR_MESSAGES[lang][c.kind]}`);
        expect(details, 'the raw text only under "Details"').toBeTruthy();
        expect(sentence).not.toContain(details as string);
      }
    });

  it('a user of this tablet is unlocked offline, carrying why the server was not reached', async () => {
    reply = async () =>
      json(200, { token: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user });
    expect(await manager().login('enumerator1', 'demo')).toMatchObject({ ok: true, mode: 'online' });
    reply = async () => html(503);
    const outcome = await manager().login('enumerator1', 'demo');
    expect(outcome).toMatchObject({ ok: true, mode: 'offline', problem: { kind: 'transient', status: 503 } });
    const troubles = new SyncTroubles();
    troubles.failed('login', outcome.problem);
    const trouble = troubles.get('login');
    if (!trouble) throw new Error('no trouble kept');
    for (const lang of APP_LANGUAGES)
      expect(troubleSentence(trouble, lang)).toBe(
        `${FAILURE_CONTEXT[lang].loginOffline} ${ERROR_MESSAGES[lang].unavailable}`,
      );
  });
});

const REFUSED: { name: string; fetch: typeof fetch; kind: ErrorKind }[] = [
  {
    name: 'a 429 lockout',
    fetch: async () => json(429, { code: 'auth.throttled', message: 'wait' }),
    kind: 'throttled',
  },
  { name: "a proxy's 403 page", fetch: async () => html(403), kind: 'forbidden' },
  { name: 'an HTML page with 200', fetch: async () => html(200), kind: 'notJson' },
];

describe('a login the server did not answer as the server', () => {
  for (const c of REFUSED)
    it(`${c.name}: its own sentence, never "wrong password"`, async () => {
      reply = c.fetch;
      const outcome = await manager().login('enumerator1', 'demo');
      if (outcome.ok) throw new Error('logged in');
      expect(outcome.reason).not.toBe('failed');
      for (const lang of APP_LANGUAGES) {
        const { sentence, details } = shown(loginFailureText(outcome), lang);
        expect(sentence).toBe(ERROR_MESSAGES[lang][c.kind]);
        expect(sentence).not.toContain(MESSAGES[lang]['login.failed']);
        expect(details).toBeTruthy();
      }
    });

  it('a wrong password is said as such, without details', async () => {
    reply = async () => json(401, { code: 'auth.failed', message: 'Wrong username or password.' });
    const outcome = await manager().login('enumerator1', 'nope');
    if (outcome.ok) throw new Error('logged in');
    for (const lang of APP_LANGUAGES)
      expect(shown(loginFailureText(outcome), lang)).toEqual({
        sentence: MESSAGES[lang]['login.failed'],
        details: null,
      });
  });
});

describe('the automatic upload', () => {
  it('is one trouble that updates at each failed pass, told in each language, cleared by a success', async () => {
    let clock = 1_000_000;
    const troubles = new SyncTroubles(undefined, () => clock);
    const up = new Uploader({
      db,
      api: new ApiClient({ token: () => 'tok', timeoutMs: 30 }),
      policy: { baseMs: 1, maxMs: 1 },
      onTrouble: (f) => (f ? troubles.failed('upload', f) : troubles.over('upload')),
    });
    const env = envelope();
    await queueEnvelope(db, env);
    reply = async () => html(502);
    await up.flush();
    clock += 60_000;
    reply = () => Promise.reject(new TypeError('Failed to fetch'));
    await new Promise((r) => setTimeout(r, 5));
    await up.flush();
    up.stop();
    expect(troubles.list()).toHaveLength(1);
    const trouble = troubles.get('upload');
    expect(trouble).toMatchObject({ step: 'upload', since: 1_000_000, tries: 2 });
    if (!trouble) throw new Error('no trouble kept');
    for (const lang of APP_LANGUAGES)
      expect(troubleSentence(trouble, lang)).toBe(
        `${FAILURE_CONTEXT[lang].autoUpload} ${ERROR_MESSAGES[lang].offline}`,
      );
    await new Promise((r) => setTimeout(r, 5));
    reply = async () =>
      json(201, {
        interviewId: env.interviewId,
        revision: env.revision,
        status: 'received',
        duplicate: false,
      });
    await up.flush();
    up.stop();
    expect(await db.outbox.count()).toBe(0);
    expect(troubles.list()).toEqual([]);
  });
});
