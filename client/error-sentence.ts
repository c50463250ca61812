/**
 * The one place where the client turns an error into what it shows: a sentence in the app language from
 * client/error-messages.ts, and the raw technical text ("TypeError: Failed to fetch", "Unexpected token <
 * in JSON at position 0", "server.unavailable: The database is unreachable", "QuotaExceededError") kept
 * only as a secondary details line. It reads a failed API result (client/sync/api-client.ts), an error
 * thrown by fetch, the JSON parser or IndexedDB, or the uploader's note stored in an outbox item
 * (`lastError`); a server problem is told by its catalogue code (server/problems.ts), else by its HTTP
 * status; anything else is the generic sentence with its text as details.
 */
import type { ProblemCode } from '../server/contract/problem.ts';
import { ERROR_MESSAGES, type ErrorKind, FAILURE_CONTEXT, type FailureContext } from './error-messages.ts';
import type { TabletLanguage } from './i18n.ts';
import { type ProblemLike, problemNote } from './problem-note.ts';

export interface ShownError {
  kind: ErrorKind;
  /** what happened and what to do, in the app language */
  sentence: string;
  /** the technical text, for the collapsed details line; null when there is none */
  details: string | null;
  /** the details line's label in the app language */
  detailsLabel: string;
}

/** A server problem's code, told as the kind of trouble the user can act on. */
const CODE_KIND: Partial<Record<ProblemCode, ErrorKind>> = {
  'request.malformed': 'invalid',
  'request.invalid': 'invalid',
  'request.too_large': 'tooLarge',
  'route.not_found': 'notFound',
  'resource.not_found': 'notFound',
  'auth.required': 'session',
  'auth.invalid_token': 'session',
  'auth.throttled': 'throttled',
  'auth.forbidden': 'forbidden',
  'interview.not_owner': 'forbidden',
  'review.unknown_question': 'badComment',
  'analysis.no_data': 'notWeighted',
  'weighting.no_report': 'notWeighted',
  'weighting.running': 'busy',
  'weighting.unknown_run': 'notFound',
  'release.not_found': 'notFound',
  'release.retired': 'notFound',
  'release.name_taken': 'invalid',
  'device.not_yours': 'otherDevice',
  'server.unavailable': 'unavailable',
  'server.internal': 'serverError',
};

/** An HTTP status without a known code. */
function statusKind(status: number): ErrorKind {
  if (status === 401) return 'session';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 408) return 'timeout';
  if (status === 409) return 'changed';
  if (status === 413) return 'tooLarge';
  if (status === 429) return 'throttled';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'serverError';
  return 'unknown';
}

type Problem = ProblemLike;

function problemKind(p: Problem, status: number | null): ErrorKind {
  return CODE_KIND[p.code as ProblemCode] ?? (status === null ? 'unknown' : statusKind(status));
}

/** The uploader's and API client's technical notes ('timeout', 'network: …', 'code: message', 'HTTP 502'). */
function noteKind(note: string): ErrorKind {
  if (note === 'timeout') return 'timeout';
  if (note.startsWith('network')) return 'offline';
  if (note === 'unreadable response') return 'notJson';
  if (note === 'unexpected response shape') return 'badShape';
  const http = /^HTTP (\d{3})$/.exec(note);
  if (http) return statusKind(Number(http[1]));
  const code = /^([a-z_]+\.[a-z_]+):/.exec(note);
  if (code) return CODE_KIND[code[1] as ProblemCode] ?? 'unknown';
  return thrownKind(note, note);
}

/** An error thrown by fetch, the JSON parser or the browser's storage, by its name and message. */
function thrownKind(name: string, message: string): ErrorKind {
  const text = `${name} ${message}`;
  if (/QuotaExceeded|quota/i.test(text)) return 'storageFull';
  if (/AbortError|TimeoutError|timed? ?out/i.test(text)) return 'timeout';
  if (/Failed to fetch|NetworkError|Load failed|network/i.test(text)) return 'offline';
  if (/JSON|Unexpected token/i.test(text)) return 'notJson';
  return 'unknown';
}

function classify(error: unknown): { kind: ErrorKind; details: string | null } {
  if (typeof error === 'string') return { kind: noteKind(error), details: error };
  if (error && typeof error === 'object' && 'kind' in error) {
    const r = error as { kind: string; status?: number | null; problem?: Problem | null; message?: string };
    const status = r.status ?? (r.kind === 'unauthorized' ? 401 : r.kind === 'conflict' ? 409 : null);
    if (r.problem) return { kind: problemKind(r.problem, status), details: problemNote(r.problem) };
    if (r.message) {
      const kind = noteKind(r.message);
      const byStatus = kind === 'unknown' && status !== null && status >= 400;
      return { kind: byStatus ? statusKind(status) : kind, details: r.message };
    }
    if (status !== null) return { kind: statusKind(status), details: `HTTP ${status}` };
    return { kind: 'unknown', details: r.message ?? r.kind };
  }
  if (error && typeof error === 'object') {
    const e = error as { name?: string; message?: string; inner?: { name?: string; message?: string } };
    const name = `${e.name ?? ''} ${e.inner?.name ?? ''}`.trim();
    const message = e.message ?? e.inner?.message ?? String(error);
    return { kind: thrownKind(name, message), details: name ? `${name}: ${message}` : message };
  }
  return { kind: 'unknown', details: error === undefined || error === null ? null : String(error) };
}

/** What the screen shows for `error`, in `lang`. */
export function errorSentence(error: unknown, lang: TabletLanguage): ShownError {
  const { kind, details } = classify(error);
  const words = ERROR_MESSAGES[lang] ?? ERROR_MESSAGES.en;
  return { kind, sentence: words[kind], details, detailsLabel: words.details };
}

/** What failed (`context`, e.g. the automatic upload), then the kind's sentence for `error`, in `lang`. */
export function sentenceIn(context: FailureContext, error: unknown, lang: TabletLanguage): string {
  const words = FAILURE_CONTEXT[lang] ?? FAILURE_CONTEXT.en;
  return `${words[context]} ${errorSentence(error, lang).sentence}`;
}
