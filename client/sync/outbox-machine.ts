/**
 * The outbox as a pure state machine. One outbox item is one interview revision waiting for the server
 * (a notice for the office, client/offline/db.ts NoticeItem, moves through the same table; it is never
 * a draft, so it never takes `complete` or `reopen`; a notice the office refuses, 409 or 422, e.g. a
 * discard whose reason the server does not bear out, stays in `conflict` or `rejected`, never resent).
 *
 *   draft --complete--> queued --send--> sending --accepted--> accepted   (the copy may now be deleted)
 *                                          |--conflict--> conflict        (409: server quarantined it; a person decides)
 *                                          |--rejected--> rejected        (422/413: the enumerator must fix it)
 *                                          |--transient--> retry_wait     (5xx, timeout, network drop: backoff)
 *                                          |--unauthorized--> auth_wait   (401: log in again, then resend)
 *   retry_wait --due | syncNow--> queued;  auth_wait --loggedIn--> queued;  rejected --reopen--> draft
 *
 * Which queued item goes next is nextToSend's rule: a fresh upload before the backlog of retries.
 * No I/O here: the uploader applies events and stores the result.
 */

export const OUTBOX_STATES = [
  'draft',
  'queued',
  'sending',
  'accepted',
  'conflict',
  'rejected',
  'retry_wait',
  'auth_wait',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export type OutboxEvent =
  | { type: 'complete' }
  | { type: 'send' }
  | { type: 'accepted' }
  | { type: 'conflict'; message: string }
  | { type: 'rejected'; message: string }
  | { type: 'transient'; message: string }
  | { type: 'unauthorized' }
  | { type: 'due' }
  | { type: 'syncNow' }
  | { type: 'loggedIn' }
  | { type: 'reopen' };
export type OutboxEventType = OutboxEvent['type'];

/** The whole machine as a table: state -> event -> next state. Missing entries are refused. */
export const OUTBOX_TRANSITIONS: Readonly<
  Record<OutboxState, Partial<Record<OutboxEventType, OutboxState>>>
> = {
  draft: { complete: 'queued' },
  queued: { send: 'sending' },
  sending: {
    accepted: 'accepted',
    conflict: 'conflict',
    rejected: 'rejected',
    transient: 'retry_wait',
    unauthorized: 'auth_wait',
  },
  accepted: {},
  conflict: {},
  rejected: { reopen: 'draft' },
  retry_wait: { due: 'queued', syncNow: 'queued' },
  auth_wait: { loggedIn: 'queued' },
};

/** The next state, or null when the event is not allowed in this state. */
export function nextState(state: OutboxState, event: OutboxEventType): OutboxState | null {
  return OUTBOX_TRANSITIONS[state][event] ?? null;
}

/** States in which the interview is still on the tablet waiting for, or needing, attention. */
export function isPending(state: OutboxState): boolean {
  return state !== 'accepted';
}

/** States in which the uploader may pick the item up now (retry_wait only once due). */
export function isSendable(state: OutboxState): boolean {
  return state === 'queued';
}

/** What nextToSend reads of a queued item. */
export interface SendCandidate {
  key: string;
  interviewId: string;
  revision: number;
  attempts: number;
  createdAt: number;
}

const rank = (i: SendCandidate) => [i.attempts, i.revision > 1 ? 0 : 1, i.createdAt] as const;
function before(a: SendCandidate, b: SendCandidate): boolean {
  const [ra, rb] = [rank(a), rank(b)];
  for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k] < rb[k];
  return a.key < b.key;
}

/**
 * The queued item the uploader sends next. A fresh upload goes before the backlog of retries: fewest
 * attempts first (a never-tried item before one that failed, and an item that keeps failing sinks
 * behind the others instead of stopping every pass), then a revised interview (revision > 1: returned,
 * fixed, sent again; its supervisor is waiting) before a first upload, then the oldest. One interview's
 * revisions still go in order: if the chosen item's interview has a lower revision queued, that one goes.
 * The choice does not depend on the order of `queued`.
 */
export function nextToSend<T extends SendCandidate>(queued: readonly T[]): T | null {
  let best: T | null = null;
  for (const i of queued) if (best === null || before(i, best)) best = i;
  if (best === null) return null;
  for (const i of queued)
    if (
      i.interviewId === best.interviewId &&
      (i.revision < best.revision || (i.revision === best.revision && before(i, best)))
    )
      best = i;
  return best;
}

export interface OutboxItemState {
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Exponential backoff with jitter: the n-th failure waits base * 2^(n-1), capped, scaled by 0.5..1. */
export function backoffDelay(attempts: number, policy: BackoffPolicy, random: () => number): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.5 + 0.5 * random()));
}

/** Applies an event to an item's state and bookkeeping; throws on a transition the table refuses. */
export function applyEvent(
  item: OutboxItemState,
  event: OutboxEvent,
  now: number,
  policy: BackoffPolicy,
  random: () => number,
): OutboxItemState {
  const to = nextState(item.state, event.type);
  if (to === null) throw new Error(`outbox: event ${event.type} is not allowed in state ${item.state}`);
  switch (event.type) {
    case 'send':
      return { ...item, state: to, attempts: item.attempts + 1 };
    case 'transient':
      return {
        ...item,
        state: to,
        lastError: event.message,
        nextAttemptAt: now + backoffDelay(item.attempts, policy, random),
      };
    case 'conflict':
    case 'rejected':
      return { ...item, state: to, lastError: event.message, nextAttemptAt: null };
    case 'unauthorized':
      // A 401 says nothing about the interview: give the attempt back.
      return {
        ...item,
        state: to,
        attempts: Math.max(0, item.attempts - 1),
        lastError: 'auth',
        nextAttemptAt: null,
      };
    case 'accepted':
      return { ...item, state: to, lastError: null, nextAttemptAt: null };
    default:
      return { ...item, state: to, nextAttemptAt: null };
  }
}
