/**
 * The weighting run's state table, every (state, event) pair: the moves it allows and the ones it
 * refuses; final states move no more; a run that holds its survey is exactly one not yet final.
 */
import { describe, expect, it } from 'vitest';
import { WEIGHTING_RUN_STATES } from '../../server/db/schema.ts';
import {
  ACTIVE_RUN_STATES,
  FINAL_RUN_STATES,
  type RunEvent,
  type RunState,
  runTransition,
  statesAllowing,
} from '../../server/domain/weighting/run-states.ts';

const EVENTS: RunEvent[] = ['begin', 'finish', 'fail', 'interrupt'];
const EXPECTED: Record<RunState, Record<RunEvent, RunState | null>> = {
  queued: { begin: 'running', finish: null, fail: 'failed', interrupt: 'failed' },
  running: { begin: null, finish: 'done', fail: 'failed', interrupt: 'failed' },
  done: { begin: null, finish: null, fail: null, interrupt: null },
  failed: { begin: null, finish: null, fail: null, interrupt: null },
};

describe('weighting run states', () => {
  const pairs = WEIGHTING_RUN_STATES.flatMap((s) => EVENTS.map((e) => [s, e] as const));
  it.each(pairs)('%s + %s', (state, event) => {
    expect(runTransition(state, event)).toBe(EXPECTED[state][event]);
  });

  it('covers every state of the database CHECK list', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...WEIGHTING_RUN_STATES].sort());
  });

  it('finished runs never move again, and only unfinished runs hold their survey', () => {
    for (const s of FINAL_RUN_STATES) for (const e of EVENTS) expect(runTransition(s, e)).toBeNull();
    expect([...ACTIVE_RUN_STATES, ...FINAL_RUN_STATES].sort()).toEqual([...WEIGHTING_RUN_STATES].sort());
    for (const s of ACTIVE_RUN_STATES) expect(runTransition(s, 'interrupt')).toBe('failed');
  });

  it('names the states an update may start from', () => {
    expect(statesAllowing('finish')).toEqual(['running']);
    expect(statesAllowing('interrupt').sort()).toEqual(['queued', 'running']);
  });
});
