import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  backoffDelay,
  nextState,
  nextToSend,
  OUTBOX_STATES,
  type OutboxEventType,
  type OutboxState,
} from '../../client/sync/outbox-machine.ts';

const EVENTS: OutboxEventType[] = [
  'complete',
  'send',
  'accepted',
  'conflict',
  'rejected',
  'transient',
  'unauthorized',
  'due',
  'syncNow',
  'loggedIn',
  'reopen',
];

// The full (state, event) -> state table; '-' means the event is refused in that state.
const TABLE: Record<OutboxState, Partial<Record<OutboxEventType, OutboxState>>> = {
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

describe('outbox state machine', () => {
  for (const state of OUTBOX_STATES) {
    for (const event of EVENTS) {
      const expected = TABLE[state][event] ?? null;
      it(`${state} + ${event} -> ${expected ?? 'refused'}`, () => {
        expect(nextState(state, event)).toBe(expected);
      });
    }
  }

  it('only a server answer can take an item out of sending (no silent success)', () => {
    const exits = EVENTS.filter((e) => nextState('sending', e) !== null);
    expect(exits.sort()).toEqual(['accepted', 'conflict', 'rejected', 'transient', 'unauthorized']);
  });

  it('accepted and conflict are terminal', () => {
    expect(EVENTS.map((e) => nextState('accepted', e)).every((s) => s === null)).toBe(true);
    expect(EVENTS.map((e) => nextState('conflict', e)).every((s) => s === null)).toBe(true);
  });
});

describe('applyEvent bookkeeping', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  const base = { state: 'queued' as OutboxState, attempts: 0, nextAttemptAt: null, lastError: null };

  it('counts an attempt on send and schedules a retry on a transient failure', () => {
    const sending = applyEvent(base, { type: 'send' }, 0, policy, () => 1);
    expect(sending).toMatchObject({ state: 'sending', attempts: 1 });
    const waiting = applyEvent(sending, { type: 'transient', message: 'HTTP 500' }, 10_000, policy, () => 1);
    expect(waiting).toMatchObject({
      state: 'retry_wait',
      attempts: 1,
      lastError: 'HTTP 500',
      nextAttemptAt: 11_000,
    });
  });

  it('a 401 gives the attempt back', () => {
    const sending = applyEvent(base, { type: 'send' }, 0, policy, () => 0);
    expect(applyEvent(sending, { type: 'unauthorized' }, 0, policy, () => 0)).toMatchObject({
      state: 'auth_wait',
      attempts: 0,
    });
  });

  it('throws on a refused transition', () => {
    expect(() => applyEvent(base, { type: 'accepted' }, 0, policy, () => 0)).toThrow(
      /not allowed in state queued/,
    );
  });

  it('backoff doubles per attempt, is capped, and jitters between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(30, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(3, policy, () => 0)).toBe(2000);
  });
});

/** Every order of `items`: the choice must not depend on how the outbox read them. */
function permutations<T>(items: readonly T[]): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    const next: T[][] = [];
    for (const p of out)
      for (let k = 0; k <= p.length; k++) next.push([...p.slice(0, k), item, ...p.slice(k)]);
    out.splice(0, out.length, ...next);
  }
  return out;
}
const drain = <T extends Parameters<typeof nextToSend>[0][number]>(queued: T[]) => {
  const order: string[] = [];
  let left = [...queued];
  for (let i = nextToSend(left); i; i = nextToSend(left)) {
    order.push(i.key);
    left = left.filter((x) => x !== i);
  }
  return order;
};
const item = (key: string, interviewId: string, revision: number, attempts: number, createdAt: number) => ({
  key,
  interviewId,
  revision,
  attempts,
  createdAt,
});

describe('which queued item goes next: a fresh upload before the backlog of retries', () => {
  const backlog = [
    item('retried-twice', 'a', 1, 2, 1),
    item('retried-once', 'b', 1, 1, 2),
    item('revised-retried', 'c', 2, 1, 3),
    item('fresh', 'd', 1, 0, 5),
    item('revised-fresh', 'e', 2, 0, 6),
    item('fresh-later', 'f', 1, 0, 7),
  ];

  it('never tried before tried, a revision before a first upload, then the oldest, in any read order', () => {
    const expected = [
      'revised-fresh',
      'fresh',
      'fresh-later',
      'revised-retried',
      'retried-once',
      'retried-twice',
    ];
    for (const order of permutations(backlog)) expect(drain(order)).toEqual(expected);
  });

  it("keeps one interview's revisions in order, whatever their attempts", () => {
    const queued = [item('x#2', 'x', 2, 0, 9), item('x#1', 'x', 1, 3, 1), item('y#1', 'y', 1, 0, 2)];
    for (const order of permutations(queued)) expect(drain(order)).toEqual(['x#1', 'x#2', 'y#1']);
  });

  it('breaks a full tie by key, and has nothing to send from an empty queue', () => {
    const tied = [item('k2', 'p', 1, 0, 4), item('k1', 'q', 1, 0, 4)];
    for (const order of permutations(tied)) expect(nextToSend(order)?.key).toBe('k1');
    expect(nextToSend([])).toBeNull();
  });
});
