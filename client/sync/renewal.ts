/**
 * What the tablet does with the outcome of renewing its session (client/sync/session.ts RenewOutcome):
 * renewed, the expired-session banner and the renewal's trouble go and the uploads resume; when only a
 * new login can help, the "Session expired" banner asks for it; when the server could not be reached (no
 * network, a timeout, a 5xx, a proxy's page), the session is not said expired: the renewal's trouble
 * tells the real cause in the app language (client/sync/trouble-text.ts), the unlock and the offline
 * work stay, and the renewal is tried again when the network returns.
 */
import type { RenewOutcome } from './session.ts';
import type { SyncTroubles } from './sync-trouble.ts';

/** Applies `outcome` to the session banner's flag and the troubles; true when the uploads may resume. */
export function afterRenewal(
  outcome: RenewOutcome,
  ui: { sessionExpired: boolean },
  troubles: SyncTroubles,
): boolean {
  if (outcome.kind === 'renewed') {
    ui.sessionExpired = false;
    troubles.succeeded('renew');
    return true;
  }
  if (outcome.kind === 'login') {
    ui.sessionExpired = true;
    troubles.over('renew');
    return false;
  }
  ui.sessionExpired = false;
  troubles.failed('renew', outcome.problem);
  return false;
}
