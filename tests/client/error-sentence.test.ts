/**
 * Every error the client shows is a sentence of the app's catalogue (client/error-messages.ts) in the
 * app language, chosen by client/error-sentence.ts: no network, a timeout, an answer that is not JSON (a
 * proxy's HTML page), an unexpected shape, full storage, each server problem by its code or status, and
 * an unknown error as the generic sentence; the technical text is only the details line.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, ERROR_MESSAGES, type ErrorKind } from '../../client/error-messages.ts';
import { BannerContent, type BannerText, failure } from '../../client/error-note.tsx';
import { errorSentence } from '../../client/error-sentence.ts';
import { APP_LANGUAGES, I18nContext, type TabletLanguage, translator } from '../../client/i18n.ts';
import { problemNote } from '../../client/problem-note.ts';
import { ApiClient } from '../../client/sync/api-client.ts';

const problem = (code: string, message = `${code} said in English`) => ({ code, message });

/** One error of each kind, as the client meets it, with the technical text it carries. */
const EXAMPLES: Array<[ErrorKind, unknown, string]> = [
  ['offline', new TypeError('Failed to fetch'), 'Failed to fetch'],
  [
    'offline',
    { kind: 'transient', status: null, message: 'network: TypeError: NetworkError' },
    'NetworkError',
  ],
  ['timeout', { kind: 'transient', status: null, message: 'timeout' }, 'timeout'],
  ['timeout', new DOMException('The operation was aborted.', 'AbortError'), 'AbortError'],
  ['notJson', new SyntaxError('Unexpected token < in JSON at position 0'), 'Unexpected token <'],
  ['notJson', { kind: 'transient', status: 200, message: 'unreadable response' }, 'unreadable response'],
  ['badShape', { kind: 'transient', status: 200, message: 'unexpected response shape' }, 'unexpected'],
  ['storageFull', new DOMException('Quota exceeded', 'QuotaExceededError'), 'QuotaExceededError'],
  ['storageFull', { name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } }, 'Quota'],
  [
    'unavailable',
    {
      kind: 'transient',
      status: 503,
      message: 'The database is unreachable: retry later.',
      problem: problem('server.unavailable', 'The database is unreachable: retry later.'),
    },
    'server.unavailable: The database is unreachable',
  ],
  ['unavailable', { kind: 'transient', status: 502, message: 'HTTP 502' }, 'HTTP 502'],
  [
    'serverError',
    { kind: 'transient', status: 500, message: 'x', problem: problem('server.internal') },
    'server.internal',
  ],
  ['session', { kind: 'unauthorized', problem: null }, 'HTTP 401'],
  ['session', { kind: 'unauthorized', problem: problem('auth.invalid_token') }, 'auth.invalid_token'],
  ['forbidden', { kind: 'rejected', status: 403, problem: problem('auth.forbidden') }, 'auth.forbidden'],
  ['notFound', { kind: 'rejected', status: 404, problem: null }, 'HTTP 404'],
  ['invalid', { kind: 'rejected', status: 422, problem: problem('request.invalid') }, 'request.invalid'],
  ['tooLarge', { kind: 'rejected', status: 413, problem: problem('request.too_large') }, 'request.too_large'],
  [
    'throttled',
    { kind: 'transient', status: 429, message: 'x', problem: problem('auth.throttled') },
    'auth.throttled',
  ],
  ['changed', { kind: 'conflict', problem: problem('interview.revision_stale') }, 'interview.revision_stale'],
  [
    'badComment',
    { kind: 'rejected', status: 422, problem: problem('review.unknown_question') },
    'unknown_question',
  ],
  ['notWeighted', { kind: 'conflict', problem: problem('analysis.no_data') }, 'analysis.no_data'],
  ['busy', { kind: 'conflict', problem: problem('weighting.running') }, 'weighting.running'],
  [
    'otherDevice',
    { kind: 'rejected', status: 403, problem: problem('device.not_yours') },
    'device.not_yours',
  ],
  ['unknown', new Error('a database statement failed'), 'a database statement failed'],
];

/** English words that must not appear in a Portuguese, French or Kriolu sentence. */
const ENGLISH =
  /\b(the|and|again|please|network|server|error|failed|fetch|token|database|storage|details|wait|reload)\b/i;

describe('error sentences: one catalogue in four languages', () => {
  it('has every key in each language, translated rather than copied from English', () => {
    const keys = Object.keys(ERROR_MESSAGES.en).sort();
    for (const lang of APP_LANGUAGES) {
      expect(Object.keys(ERROR_MESSAGES[lang]).sort()).toEqual(keys);
      for (const key of keys) {
        const text = ERROR_MESSAGES[lang][key as ErrorKind];
        expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(4);
        if (lang !== 'en') {
          expect(text, `${lang} ${key}`).not.toBe(ERROR_MESSAGES.en[key as ErrorKind]);
          expect(text, `${lang} ${key}`).not.toMatch(ENGLISH);
        }
      }
    }
  });

  it('gives each kind an example here', () => {
    expect(new Set(EXAMPLES.map(([kind]) => kind))).toEqual(new Set(ERROR_KINDS));
  });

  for (const lang of APP_LANGUAGES) {
    it.each(EXAMPLES)(
      `${lang}: %s from %o is its sentence, the technical text only in details`,
      (kind, error, raw) => {
        const shown = errorSentence(error, lang);
        expect(shown.kind).toBe(kind);
        expect(shown.sentence).toBe(ERROR_MESSAGES[lang][kind]);
        expect(shown.sentence).not.toContain(raw);
        expect(shown.details).toContain(raw);
        expect(shown.detailsLabel).toBe(ERROR_MESSAGES[lang].details);
      },
    );
  }

  it('tells an unknown error by the generic sentence, saying what to do, with the error as details', () => {
    const shown = errorSentence({ weird: true, message: 'a database statement failed' }, 'pt');
    expect(shown.kind).toBe('unknown');
    expect(shown.sentence).toBe(ERROR_MESSAGES.pt.unknown);
    expect(shown.sentence).toContain('supervisor');
    expect(shown.details).toBe('a database statement failed');
    expect(errorSentence('something odd', 'fr')).toMatchObject({ kind: 'unknown', details: 'something odd' });
  });
});

describe("error sentences for the API client's real results", () => {
  const call = (fetch: () => Promise<Response>) =>
    new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }).assignments();

  it("a proxy's HTML page instead of JSON is told as an answer not from the server", async () => {
    const r = await call(async () => new Response('<html>login</html>', { status: 200 }));
    expect(errorSentence(r, 'pt').kind).toBe('notJson');
  });

  it("a 503 server.unavailable is told by its code, the server's English only as details", async () => {
    const body = { code: 'server.unavailable', message: 'The database is unreachable: retry later.' };
    const r = await call(async () => new Response(JSON.stringify(body), { status: 503 }));
    const shown = errorSentence(r, 'kea');
    expect(shown.kind).toBe('unavailable');
    expect(shown.sentence).not.toMatch(ENGLISH);
    expect(shown.details).toContain('server.unavailable');
  });

  it('a failed fetch is told as no network', async () => {
    const r = await call(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(errorSentence(r, 'fr')).toMatchObject({ kind: 'offline', sentence: ERROR_MESSAGES.fr.offline });
  });
});

describe('the banner shows the sentence, the technical text only in a collapsed details line', () => {
  const render = (lang: TabletLanguage, value: BannerText) =>
    renderToStaticMarkup(
      createElement(
        I18nContext.Provider,
        { value: { lang: 'pt', tabletLang: lang, t: translator(lang), setLang: () => {} } },
        createElement(BannerContent, { value }),
      ),
    );

  it('a failed fetch in French: the sentence first, "Failed to fetch" inside <details>', () => {
    const html = render('fr', failure(new TypeError('Failed to fetch')));
    expect(html.startsWith(ERROR_MESSAGES.fr.offline.replace(/'/g, '&#x27;'))).toBe(true);
    expect(html).toMatch(
      /<details class="error-details"><summary>Détails<\/summary><small>TypeError: Failed to fetch<\/small><\/details>$/,
    );
  });

  it('a plain sentence stays as it is, with no details line', () => {
    expect(render('pt', 'Feito.')).toBe('Feito.');
  });
});

describe('a long details line is shown whole, never cut mid-word', () => {
  // 40 issues of about 60 characters: the JSON is over 2,000 characters, the last field at its end
  const issues = Array.from({ length: 40 }, (_, i) => ({
    field: `members.${i}.c13a_first_nationality`,
    message: 'not a choice of the question',
  }));
  issues.push({ field: 'z05_result_last_field', message: 'the last issue of the list' });
  const refused = {
    kind: 'rejected',
    status: 422,
    problem: { code: 'request.invalid', message: 'The request is invalid.', details: issues },
  };

  it('the banner details hold every issue, the last one to its last word', () => {
    const shown = errorSentence(refused, 'pt');
    expect(shown.details?.length).toBeGreaterThan(2000);
    expect(shown.details).toBe(`request.invalid: The request is invalid. ${JSON.stringify(issues)}`);
    expect(shown.details?.endsWith('"z05_result_last_field","message":"the last issue of the list"}]')).toBe(
      true,
    );
  });

  it("the uploader's note of a refusal (an outbox item's details) is the same whole line", () => {
    expect(problemNote(refused.problem)).toBe(errorSentence(refused, 'en').details);
  });

  it('rendered inside the collapsed details, whole and in a wrapping line', () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nContext.Provider,
        { value: { lang: 'pt', tabletLang: 'kea', t: translator('kea'), setLang: () => {} } },
        createElement(BannerContent, { value: failure(refused) }),
      ),
    );
    expect(html).toContain('the last issue of the list&quot;}]</small></details>');
    const css = readFileSync(new URL('../../client/styles.css', import.meta.url), 'utf8');
    expect(css).toMatch(/\.error-details small \{[^}]*overflow-wrap: anywhere/);
  });
});
