/**
 * The interview state machine, as one table. An interview is received from the tablet, validated by the
 * background job (clean or flagged), then a supervisor approves it or returns it to the enumerator (the
 * next revision from the tablet makes it received again); a coordinator gives the final approval, or
 * rejects it with a reason. Pure: no database, so the whole table is tested as (state, action, role).
 */
import {
  type InterviewStatus,
  REVIEW_ACTIONS,
  type ReviewAction,
  type Role,
} from '../contract/vocabulary.ts';

export { REVIEW_ACTIONS, type ReviewAction };
/** Moves made by the system, not by a person: the validation job and a new revision from the tablet. */
export type SystemAction = 'validate' | 'revise' | 'revise_sealed' | 'decrypt';
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
  // end-to-end encrypted surveys: a sealed revision waits for the office's key, then is validated as any
  { from: 'returned', action: 'revise_sealed', to: 'sealed', roles: ['enumerator'] },
  { from: 'sealed', action: 'decrypt', to: 'received', roles: ['system'] },
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
 * What counts for analysis (the weighting's respondents, the analysts' tables): an interview its
 * supervisor approved, whether or not a coordinator has given the final approval yet. The supervisor's
 * approval is the quality gate every interview passes (the validation checks, the flags, the review
 * comments); the coordinator's is a second look that may come weeks later or only on a sample, and
 * waiting for it would weight a moving subset of the fieldwork. An interview a coordinator returns or
 * rejects leaves these states and drops out of analysis; one still received, validated or returned was
 * never approved. (The same states the weighting counted before this list was its home.)
 */
export const ANALYSIS_STATES: readonly InterviewStatus[] = ['approved_by_supervisor', 'approved'];

/** The state of an interview's first upload (not a move: the interview did not exist before it). */
export const INITIAL_STATE: InterviewStatus = 'received';
/** The state of a sealed envelope's first upload: ciphertext, no validation until the office decrypts it. */
export const INITIAL_SEALED_STATE: InterviewStatus = 'sealed';

/**
 * The state after a move the system makes (the validation job, a new revision from the tablet), checked
 * against the table: throws if the table does not allow it, so no code writes a state the table forbids.
 */
export function nextState(from: InterviewStatus, action: SystemAction, actor: Actor): InterviewStatus {
  const t = transition(from, action, actor);
  if (!t.ok)
    throw new Error(`interview state table: ${actor} may not ${action} an interview that is ${from}`);
  return t.to;
}
