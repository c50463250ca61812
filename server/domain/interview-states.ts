/**
 * The interview state machine, as one table. An interview is received from the tablet, validated by the
 * background job (clean or flagged), then a supervisor approves it or returns it to the enumerator (the
 * next revision from the tablet makes it received again); a coordinator gives the final approval, or
 * rejects it with a reason. Pure: no database, so the whole table is tested as (state, action, role).
 */
import type { InterviewStatus, Role } from '../db/schema.ts';

export const REVIEW_ACTIONS = ['approve', 'return', 'reject', 'comment'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
/** Moves made by the system, not by a person: the validation job and a new revision from the tablet. */
export type SystemAction = 'validate' | 'revise';
export type Action = ReviewAction | SystemAction;
export type Actor = Role | 'system';

interface Move {
  from: InterviewStatus;
  action: Action;
  to: InterviewStatus;
  roles: readonly Actor[];
}

const REVIEWERS = ['supervisor', 'coordinator', 'admin'] as const;
const COORDINATORS = ['coordinator', 'admin'] as const;

/** Every allowed move. `comment` leaves the state as it is. */
export const MOVES: readonly Move[] = [
  { from: 'received', action: 'validate', to: 'validated', roles: ['system'] },
  { from: 'returned', action: 'revise', to: 'received', roles: ['enumerator'] },
  { from: 'validated', action: 'approve', to: 'approved_by_supervisor', roles: REVIEWERS },
  { from: 'validated', action: 'return', to: 'returned', roles: REVIEWERS },
  { from: 'validated', action: 'comment', to: 'validated', roles: REVIEWERS },
  { from: 'validated', action: 'reject', to: 'rejected', roles: COORDINATORS },
  { from: 'approved_by_supervisor', action: 'approve', to: 'approved', roles: COORDINATORS },
  { from: 'approved_by_supervisor', action: 'return', to: 'returned', roles: COORDINATORS },
  { from: 'approved_by_supervisor', action: 'comment', to: 'approved_by_supervisor', roles: REVIEWERS },
  { from: 'approved_by_supervisor', action: 'reject', to: 'rejected', roles: COORDINATORS },
];

/** The roles that may ever take a review action (anyone else gets 403 whatever the state). */
export function rolesFor(action: Action): Set<Actor> {
  return new Set(MOVES.filter((m) => m.action === action).flatMap((m) => m.roles));
}

export type Transition =
  | { ok: true; to: InterviewStatus }
  /** The role may never do this, or not in this state (403). */
  | { ok: false; reason: 'forbidden'; allowed: Actor[] }
  /** Nobody may do this in this state (409). */
  | { ok: false; reason: 'invalid'; allowedActions: Action[] };

export function transition(from: InterviewStatus, action: Action, actor: Actor): Transition {
  if (!rolesFor(action).has(actor)) return { ok: false, reason: 'forbidden', allowed: [...rolesFor(action)] };
  const move = MOVES.find((m) => m.from === from && m.action === action);
  if (!move) {
    return { ok: false, reason: 'invalid', allowedActions: actionsFrom(from) };
  }
  if (!move.roles.includes(actor)) return { ok: false, reason: 'forbidden', allowed: [...move.roles] };
  return { ok: true, to: move.to };
}

/** The actions anyone may take from a state (for error details and the UI). */
export function actionsFrom(from: InterviewStatus): Action[] {
  return [...new Set(MOVES.filter((m) => m.from === from).map((m) => m.action))];
}

/** The review actions this role may take on an interview in this state (buttons shown in the UI). */
export function reviewActionsFor(from: InterviewStatus, role: Role): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => transition(from, a, role).ok);
}

/** Final states: nothing moves them any more. */
export const FINAL_STATES: readonly InterviewStatus[] = ['approved', 'rejected'];

/**
 * What reaches the weighting, the tables and the exports: an interview a supervisor (or a coordinator)
 * has approved. The coordinator's final approval is a second check, not a gate: a later return or
 * rejection takes the interview out of the next weighting run (its unit becomes a nonrespondent).
 */
export const ANALYSIS_STATES: readonly InterviewStatus[] = ['approved_by_supervisor', 'approved'];
