/**
 * The enumerator's "Download updates" when it fails: through the real API client on a stubbed fetch and a
 * fake IndexedDB, every kind of failure (no network, a timeout, a 500, 502 and 503, an HTML page instead
 * of JSON, an expired session, a refusal by problem code) comes back from downloadAll as the failed call,
 * which the banner tells as that kind's sentence in each app language, and leaves the assignments already
 * on the tablet as they were; a failure after the list came (a questionnaire) is reported too, and a
 * success is 'ok' (which clears the banner on the screen). A survey profile that does not come (a 502,
 * an HTML page, a 404, no network) is not a success either: the profile on the tablet stays the one it
 * had, and the banner says the survey's settings were not updated, with the failure's sentence, in each
 * app language.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorKind, FAILURE_CONTEXT } from '../../client/error-messages.ts';
import { errorSentence } from '../../client/error-sentence.ts';
import { APP_LANGUAGES, MESSAGES } from '../../client/i18n.ts';
import type { MorabezaDb } from '../../client/offline/db.ts';
import { getSurvey, saveSurvey } from '../../client/offline/store.ts';
import { ApiClient } from '../../client/sync/api-client.ts';
import { downloadAll } from '../../client/sync/download.ts';
import { SyncTroubles } from '../../client/sync/sync-trouble.ts';
import { troubleContext, troubleSentence } from '../../client/sync/trouble-text.ts';
import type { Assignment } from '../../server/contract/assignments.ts';
import { TEST_PROFILE, unlockedDb } from './fixtures.ts';

const assignment = (id: string): Assignment => ({
  id,
  survey: null,
  questionnaireId: 'q',
  questionnaireVersion: 1,
  status: 'assigned',
  enumeratorId: 'e1',
  ea: { code: 'CV-PR-0001', island: 'Santiago', municipality: 'Praia', stratum: 'U' },
  dwelling: 1,
  household: 1,
  preload: {},
  interviewId: null,
  changes: [],
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: string) => json(status, { code, message: `English words of ${code}` });
const html = (status: number) =>
  new Response('<html><body>Proxy error</body></html>', { status, headers: { 'content-type': 'text/html' } });

/** A fetch that never answers until the client gives up (its AbortController). */
const hanging: typeof fetch = (_url, init) =>
  new Promise((_, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

const CASES: { name: string; fetch: typeof fetch; kind: ErrorKind }[] = [
  { name: 'no network', fetch: () => Promise.reject(new TypeError('Failed to fetch')), kind: 'offline' },
  { name: 'a timeout', fetch: hanging, kind: 'timeout' },
  { name: 'a 500 without a body', fetch: async () => html(500), kind: 'serverError' },
  { name: 'a 502 from a proxy', fetch: async () => html(502), kind: 'unavailable' },
  {
    name: 'a 503 server.unavailable',
    fetch: async () => problem(503, 'server.unavailable'),
    kind: 'unavailable',
  },
  { name: 'an HTML page with 200', fetch: async () => html(200), kind: 'notJson' },
  { name: 'an expired session', fetch: async () => problem(401, 'auth.invalid_token'), kind: 'session' },
  { name: 'a refusal by code', fetch: async () => problem(403, 'auth.forbidden'), kind: 'forbidden' },
];

/** A server answering the list, questionnaires and returned interviews; `profile` answers the profile. */
const server =
  (profile: () => Promise<Response>): typeof fetch =>
  async (url) => {
    const path = String(url);
    if (path === '/api/assignments')
      return json(200, [
        { ...assignment('a-1'), survey: TEST_PROFILE.id },
        { ...assignment('a-3'), survey: TEST_PROFILE.id },
      ]);
    if (path.startsWith('/api/questionnaires/')) return json(200, { pages: [] });
    if (path === '/api/interviews/returned') return json(200, []);
    if (path === `/api/surveys/${TEST_PROFILE.id}`) return profile();
    return html(404);
  };

let db: MorabezaDb;
afterEach(async () => db?.delete());

const onTablet = async () => (await db.assignments.toArray()).map((a) => a.id).sort();

describe('a failed "Download updates"', () => {
  for (const c of CASES)
    it(`${c.name}: the failure comes back, told as its sentence in each language; the tablet's list is kept`, async () => {
      db = await unlockedDb(`test-${crypto.randomUUID()}`);
      await db.assignments.bulkPut([assignment('a-1'), assignment('a-2')]);
      const api = new ApiClient({ fetch: c.fetch, timeoutMs: 20 });
      const result = await downloadAll(db, api);
      expect(result).not.toBe('ok');
      for (const lang of APP_LANGUAGES) {
        const shown = errorSentence(result, lang);
        expect(shown.kind).toBe(c.kind);
        expect(shown.sentence).toBe(ERROR_MESSAGES[lang][c.kind]);
        expect(shown.details, 'the raw text stays in the details line').toBeTruthy();
        expect(shown.sentence).not.toContain(shown.details as string);
      }
      expect(errorSentence(result, 'pt').sentence).not.toBe(errorSentence(result, 'en').sentence);
      expect(await onTablet()).toEqual(['a-1', 'a-2']);
    });

  it('a questionnaire the server fails to give after the list came is a failure too', async () => {
    db = await unlockedDb(`test-${crypto.randomUUID()}`);
    const api = new ApiClient({
      fetch: async (url) => {
        const path = String(url);
        if (path === '/api/assignments') return json(200, [assignment('a-9')]);
        if (path.startsWith('/api/questionnaires/')) return problem(503, 'server.unavailable');
        if (path === '/api/interviews/returned') return json(200, []);
        return html(502);
      },
    });
    const result = await downloadAll(db, api);
    expect(result).not.toBe('ok');
    expect(errorSentence(result, 'fr').sentence).toBe(ERROR_MESSAGES.fr.unavailable);
  });

  it('succeeds once the server answers: the new list replaces the old one', async () => {
    db = await unlockedDb(`test-${crypto.randomUUID()}`);
    await db.assignments.bulkPut([assignment('a-1')]);
    const api = new ApiClient({
      fetch: server(async () => json(200, { profile: TEST_PROFILE, geography: null })),
    });
    expect(await downloadAll(db, api)).toBe('ok');
    expect(await onTablet()).toEqual(['a-1', 'a-3']);
    expect((await getSurvey(db, TEST_PROFILE.id))?.profile.id).toBe(TEST_PROFILE.id);
  });

  const PROFILE_FAILURES: { name: string; reply: () => Promise<Response>; kind: ErrorKind }[] = [
    { name: 'a 502 from a proxy', reply: async () => html(502), kind: 'unavailable' },
    { name: 'an HTML page with 200', reply: async () => html(200), kind: 'notJson' },
    { name: 'a 404', reply: async () => problem(404, 'resource.not_found'), kind: 'notFound' },
    { name: 'no network', reply: () => Promise.reject(new TypeError('Failed to fetch')), kind: 'offline' },
  ];
  for (const c of PROFILE_FAILURES)
    it(`a profile that does not come (${c.name}) is not a success: the tablet keeps the one it had and says so`, async () => {
      db = await unlockedDb(`test-${crypto.randomUUID()}`);
      await db.assignments.bulkPut([assignment('a-1')]);
      const before = { ...TEST_PROFILE, title: { pt: 'Antes', en: 'Before' } };
      await saveSurvey(db, { profile: before, geography: null });
      const api = new ApiClient({ fetch: server(c.reply), timeoutMs: 50 });
      const result = await downloadAll(db, api);
      expect(result).not.toBe('ok');
      expect(result).toMatchObject({ step: 'profile' });
      // the list and questionnaires came; the profile on the tablet is the one it had
      expect(await onTablet()).toEqual(['a-1', 'a-3']);
      expect((await getSurvey(db, TEST_PROFILE.id))?.profile.title).toEqual(before.title);
      // the automatic refresh's banner says the survey's settings were not updated, and why
      const troubles = new SyncTroubles();
      troubles.failed('refresh', result);
      const trouble = troubles.get('refresh');
      if (!trouble) throw new Error('no trouble kept');
      expect(troubleContext(trouble)).toBe('profileStale');
      for (const lang of APP_LANGUAGES) {
        const sentence = troubleSentence(trouble, lang);
        expect(sentence).toContain(FAILURE_CONTEXT[lang].profileStale);
        expect(sentence).toContain(ERROR_MESSAGES[lang][c.kind]);
      }
    });

  it("the banner's first line says the list is what the tablet holds, in every app language", () => {
    const lines = APP_LANGUAGES.map((lang) => MESSAGES[lang]['assignments.refreshFailed']);
    expect(new Set(lines).size).toBe(APP_LANGUAGES.length);
    for (const line of lines) expect(line.length).toBeGreaterThan(20);
  });
});
