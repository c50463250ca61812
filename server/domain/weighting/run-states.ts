/**
 * The weighting run's state machine, as one table. A run is queued when someone starts it, running once
 * its node has read the inputs, and ends done (its weighted data stored) or failed with the reason (the
 * pipeline's message, a stop at shutdown, or "interrupted by a restart" when its node went silent).
 * Done and failed are final: a new weighting is a new run. Pure, so the whole table is tested.
 */
import { detailText } from '../../../analysis/weighting/failure-text.ts';
import type { WEIGHTING_RUN_STATES } from '../../db/schema.ts';

export type RunState = (typeof WEIGHTING_RUN_STATES)[number];
export type RunEvent = 'begin' | 'finish' | 'fail' | 'interrupt';

/** Every allowed move; anything else is refused. */
export const RUN_MOVES: ReadonlyArray<{ from: RunState; event: RunEvent; to: RunState }> = [
  { from: 'queued', event: 'begin', to: 'running' },
  { from: 'queued', event: 'fail', to: 'failed' },
  { from: 'queued', event: 'interrupt', to: 'failed' },
  { from: 'running', event: 'finish', to: 'done' },
  { from: 'running', event: 'fail', to: 'failed' },
  { from: 'running', event: 'interrupt', to: 'failed' },
];

/** States in which a run holds its survey (no second run may start). */
export const ACTIVE_RUN_STATES: readonly RunState[] = ['queued', 'running'];
export const FINAL_RUN_STATES: readonly RunState[] = ['done', 'failed'];

/** The run's detail when its node stopped answering (restart, crash, killed process). */
export const INTERRUPTED_DETAIL = { key: 'run.interrupted', params: {} } as const;
/** The reason written on such a run: the detail's English words ("interrupted by a restart"). */
export const INTERRUPTED = detailText('en', INTERRUPTED_DETAIL);

/** The state after the event, or null when the table does not allow it. */
export function runTransition(from: RunState, event: RunEvent): RunState | null {
  return RUN_MOVES.find((m) => m.from === from && m.event === event)?.to ?? null;
}

/** The states from which an event may be taken (the WHERE clause of the update that makes the move). */
export function statesAllowing(event: RunEvent): RunState[] {
  return RUN_MOVES.filter((m) => m.event === event).map((m) => m.from);
}
