/**
 * What the login screen says of a failed login (client/sync/session.ts LoginOutcome): a wrong password,
 * or a user of this tablet whose offline unlock did not match, in the app's own words; any failure of the
 * server (a refusal, a 429, an answer that is not the server's JSON, or the no network, timeout or 5xx
 * that left only the offline unlock, for a user never logged in here) as its sentence from
 * client/error-sentence.ts, with the technical text for "Details".
 */
import { type BannerText, failure } from '../error-note.tsx';
import { sentenceIn } from '../error-sentence.ts';
import type { MessageKey } from '../i18n.ts';
import type { LoginOutcome } from './session.ts';

export function loginFailureText(outcome: Extract<LoginOutcome, { ok: false }>): {
  message: MessageKey | null;
  failure: BannerText | null;
} {
  if (outcome.reason === 'throttled' || outcome.reason === 'server')
    return { message: null, failure: failure(outcome.problem) };
  const { reason, problem } = outcome;
  if (!problem) return { message: `login.${reason}`, failure: null };
  if (reason === 'offlineUnknown')
    return {
      message: null,
      failure: failure(problem, (lang) => sentenceIn('loginFirstTime', problem, lang)),
    };
  // a wrong password offline, another user's tablet: the app's words, and why the server was not asked
  return { message: `login.${reason}`, failure: failure(problem) };
}
