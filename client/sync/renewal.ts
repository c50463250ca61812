/**
 * What a renewal of the session means, as two tables (the house style of outbox-machine.ts): what the
 * server's answer to the renewal's login says (RENEW_ANSWERS, read against server/routes/auth.ts, whose
 * login answers only 200, 401 `auth.failed` for a wrong password, an unknown or a disabled account
 * alike, 429 `auth.throttled`, and 400/413/422 for a bad request), and what the tablet then does
 * (RENEWAL_EFFECTS). Renewed, the banners go and the uploads resume. When only a new login can help
 * (no password in memory, the password refused, the account's role changed since the unlock), the
 * "Session expired" banner asks for it. When the server (or something between) answered but refused
 * otherwise (a 403, a 409 or a 404, which the login route never says, or a bad request: the same
 * request will not do better), the renewal's trouble says so in the app language, followed by the
 * answer's generic sentence, words of its own, or none (REFUSAL_FOLLOW_UP), the banner offers the
 * login; neither a refusal nor a refused password is tried again by itself (the session answers it
 * without asking the server) until the password is typed again.
 * Only when the server could not be reached (no network, a timeout, a 5xx, a 408, a 429, a page that is
 * not the server's) is the session not said expired: the trouble tells the real cause, the unlock and
 * the offline work stay, and the renewal is tried again when the network returns. In every case the
 * unlock and the tablet's interviews stay.
 */
import type { FailureContext, RefusalWords } from '../error-messages.ts';
import type { ApiResult } from './api-client.ts';
import type { LoginFailure, RenewOutcome } from './session.ts';
import type { SyncTroubles } from './sync-trouble.ts';

export const RENEW_ANSWERS = [
  'renewed',
  'roleChanged',
  'noPassword',
  'unauthorized',
  'forbidden',
  'conflict',
  'notFound',
  'badRequest',
  'throttled',
  'serverError',
  'noAnswer',
  'notServer',
] as const;
export type RenewAnswer = (typeof RENEW_ANSWERS)[number];

export const RENEW_OUTCOMES = ['renewed', 'login', 'refused', 'unreachable'] as const;
export type RenewOutcomeKind = (typeof RENEW_OUTCOMES)[number];

/** Each answer's outcome. */
export const RENEWAL: Readonly<Record<RenewAnswer, RenewOutcomeKind>> = {
  /** 200 for the same account and role */
  renewed: 'renewed',
  /** 200, but the account is no longer what the tablet was unlocked as (its role or id changed) */
  roleChanged: 'login',
  /** no password in memory (after a reload): the server is not asked */
  noPassword: 'login',
  /** 401 `auth.failed`: the password changed, or the account was disabled or removed */
  unauthorized: 'login',
  /** 403: refused, by the server or a proxy or firewall in between */
  forbidden: 'refused',
  /** 409: refused as in conflict */
  conflict: 'refused',
  /** 404 or 410: not the server's login route (a wrong address, a proxy) */
  notFound: 'refused',
  /** 400, 413, 422 or another 4xx: the request itself refused */
  badRequest: 'refused',
  /** 429 `auth.throttled`: wait and try again */
  throttled: 'unreachable',
  /** 5xx or 408 */
  serverError: 'unreachable',
  /** no network, a timeout */
  noAnswer: 'unreachable',
  /** a 2xx that is not the server's answer (a captive portal's or proxy's page) */
  notServer: 'unreachable',
};

/** The answers that are a refusal. */
export type RefusedAnswer = 'forbidden' | 'conflict' | 'notFound' | 'badRequest';

/**
 * What a refusal's sentence says after "the server refused to renew the session" (`renewRefused`):
 * the answer's generic sentence (client/error-messages.ts ERROR_MESSAGES), a sentence of its own
 * (RENEWAL_REFUSAL there), or nothing more.
 */
export const REFUSAL_FOLLOW_UP: Readonly<Record<RefusedAnswer, 'generic' | 'none' | RefusalWords>> = {
  /** "Your role may not do this. Ask a coordinator.": the account may not use the tablet */
  forbidden: 'generic',
  /** the login never answers 409; "changed in the meantime, reload and try again" fits nothing here */
  conflict: 'none',
  /** not "Reload the list": the address answered with something else than the login */
  notFound: 'notFound',
  /** not "Check what you entered": the user typed nothing; the app's request was refused */
  badRequest: 'badRequest',
};

export interface RenewalEffect {
  /** the "Session expired" banner with its login button */
  sessionExpired: boolean;
  /** the renewal's trouble: cleared by a success, over, or failed told with `context` */
  trouble: 'succeeded' | 'over' | 'failed';
  context: FailureContext | null;
  /** the uploads may resume now */
  resume: boolean;
  /** tried again by itself when the network returns or an upload meets a 401 (else asked again only after a login) */
  retries: boolean;
}

/** What the tablet does on each outcome. */
export const RENEWAL_EFFECTS: Readonly<Record<RenewOutcomeKind, RenewalEffect>> = {
  renewed: { sessionExpired: false, trouble: 'succeeded', context: null, resume: true, retries: false },
  login: { sessionExpired: true, trouble: 'over', context: null, resume: false, retries: false },
  refused: {
    sessionExpired: true,
    trouble: 'failed',
    context: 'renewRefused',
    resume: false,
    retries: false,
  },
  unreachable: {
    sessionExpired: false,
    trouble: 'failed',
    context: 'renewOffline',
    resume: false,
    retries: true,
  },
};

/** The answer of the renewal's login; `as` is who the tablet was unlocked as. */
export function renewAnswer(
  result: ApiResult<{ user: { id: string; role: string } }>,
  as: { id: string; role: string } | null,
): RenewAnswer {
  switch (result.kind) {
    case 'ok':
      return as && (result.data.user.id !== as.id || result.data.user.role !== as.role)
        ? 'roleChanged'
        : 'renewed';
    case 'unauthorized':
      return 'unauthorized';
    case 'conflict':
      return 'conflict';
    case 'rejected':
      if (result.status === 403) return 'forbidden';
      if (result.status === 404 || result.status === 410) return 'notFound';
      return 'badRequest';
    case 'transient':
      if (result.status === null) return 'noAnswer';
      if (result.status === 429) return 'throttled';
      if (result.status === 408 || result.status >= 500) return 'serverError';
      return 'notServer';
  }
}

/** The outcome of an answer, with the failure as it came when there was one. */
export function renewOutcome(answer: RenewAnswer, problem?: LoginFailure): RenewOutcome {
  return { kind: RENEWAL[answer], answer, ...(problem ? { problem } : {}) };
}

/** Which sentence a renewal's trouble begins with (client/sync/trouble-text.ts). */
export function renewalContext(failure: unknown): FailureContext {
  const answer = (failure as { renewal?: RenewAnswer } | null)?.renewal;
  return (answer && RENEWAL_EFFECTS[RENEWAL[answer]].context) || 'renewOffline';
}

/** What follows the sentence of a renewal's trouble (generic for all but the refusals of the table). */
export function refusalFollowUp(failure: unknown): 'generic' | 'none' | RefusalWords {
  const answer = (failure as { renewal?: RenewAnswer } | null)?.renewal;
  return (answer && REFUSAL_FOLLOW_UP[answer as RefusedAnswer]) || 'generic';
}

/** Applies `outcome` to the session banner's flag and the troubles; true when the uploads may resume. */
export function afterRenewal(
  outcome: RenewOutcome,
  ui: { sessionExpired: boolean },
  troubles: SyncTroubles,
): boolean {
  const effect = RENEWAL_EFFECTS[outcome.kind];
  ui.sessionExpired = effect.sessionExpired;
  if (effect.trouble === 'succeeded') troubles.succeeded('renew');
  else if (effect.trouble === 'over') troubles.over('renew');
  else troubles.failed('renew', { ...outcome.problem, renewal: outcome.answer });
  return effect.resume;
}
