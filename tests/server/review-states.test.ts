/** The interview state machine as a table: every (state, action, role) gives a next state, 403 or 409. */
import { describe, expect, it } from 'vitest';
import { INTERVIEW_STATUSES, type InterviewStatus, ROLES } from '../../server/db/schema.ts';
import {
  type Action,
  type Actor,
  ANALYSIS_STATES,
  MOVES,
  nextState,
  reviewActionsFor,
  transition,
} from '../../server/domain/interview-states.ts';

const allowed: Array<[InterviewStatus, Action, Actor, InterviewStatus]> = [
  ['received', 'validate', 'system', 'validated'],
  ['returned', 'revise', 'enumerator', 'received'],
  ['returned', 'revise_sealed', 'enumerator', 'sealed'],
  ['sealed', 'decrypt', 'system', 'received'],
  ['validated', 'approve', 'supervisor', 'approved_by_supervisor'],
  ['validated', 'approve', 'coordinator', 'approved_by_supervisor'],
  ['validated', 'return', 'supervisor', 'returned'],
  ['validated', 'comment', 'supervisor', 'validated'],
  ['validated', 'reject', 'coordinator', 'rejected'],
  ['approved_by_supervisor', 'approve', 'coordinator', 'approved'],
  ['approved_by_supervisor', 'approve', 'admin', 'approved'],
  ['approved_by_supervisor', 'return', 'coordinator', 'returned'],
  ['approved_by_supervisor', 'reject', 'coordinator', 'rejected'],
];

describe('interview state machine', () => {
  it.each(allowed)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(transition(from, action, actor)).toEqual({ ok: true, to });
  });

  it('refuses every move of a role that may never take the action (403), whatever the state', () => {
    for (const from of INTERVIEW_STATUSES) {
      for (const role of ['enumerator', 'analyst'] as const) {
        for (const action of ['approve', 'return', 'reject', 'comment'] as const) {
          expect(transition(from, action, role)).toMatchObject({ ok: false, reason: 'forbidden' });
        }
      }
      expect(transition(from, 'reject', 'supervisor')).toMatchObject({ ok: false, reason: 'forbidden' });
    }
  });

  it('a supervisor may not give the final approval nor take back an approval', () => {
    expect(transition('approved_by_supervisor', 'approve', 'supervisor')).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(transition('approved_by_supervisor', 'return', 'supervisor')).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('refuses moves out of states that do not allow them (409): returning twice, reviewing before validation, final states', () => {
    expect(transition('returned', 'return', 'supervisor')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(transition('received', 'approve', 'supervisor')).toMatchObject({ ok: false, reason: 'invalid' });
    for (const from of ['approved', 'rejected'] as const) {
      for (const action of ['approve', 'return', 'reject', 'comment'] as const) {
        expect(transition(from, action, 'admin')).toMatchObject({ ok: false, reason: 'invalid' });
      }
    }
    expect(transition('validated', 'validate', 'system')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(transition('received', 'revise', 'enumerator')).toMatchObject({ ok: false, reason: 'invalid' });
    // a sealed interview is neither validated nor reviewed before the office decrypts it
    expect(transition('sealed', 'validate', 'system')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(transition('sealed', 'approve', 'supervisor')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(transition('received', 'decrypt', 'system')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('lists exactly the allowed review actions per role and state', () => {
    expect(reviewActionsFor('validated', 'supervisor')).toEqual(['approve', 'return', 'comment']);
    expect(reviewActionsFor('validated', 'coordinator')).toEqual(['approve', 'return', 'reject', 'comment']);
    expect(reviewActionsFor('approved_by_supervisor', 'supervisor')).toEqual(['comment']);
    expect(reviewActionsFor('approved', 'admin')).toEqual([]);
    for (const role of ROLES) expect(reviewActionsFor('received', role)).toEqual([]);
  });

  it('system moves go through the table: nextState gives its target and throws on a move it forbids', () => {
    expect(nextState('received', 'validate', 'system')).toBe('validated');
    expect(nextState('returned', 'revise', 'enumerator')).toBe('received');
    expect(() => nextState('approved', 'validate', 'system')).toThrow(
      /may not validate an interview that is approved/,
    );
    expect(() => nextState('validated', 'revise', 'enumerator')).toThrow(/state table/);
  });

  it('analysis takes exactly the states a supervisor approval reaches and nothing moved back or rejected', () => {
    expect([...ANALYSIS_STATES].sort()).toEqual(['approved', 'approved_by_supervisor']);
    // every approve move lands in an analysis state; no return/reject/revise move does
    for (const m of MOVES) {
      if (m.action === 'approve') expect(ANALYSIS_STATES).toContain(m.to);
      if (['return', 'reject', 'revise', 'revise_sealed', 'decrypt'].includes(m.action))
        expect(ANALYSIS_STATES).not.toContain(m.to);
    }
    for (const s of INTERVIEW_STATUSES.filter((x) => !ANALYSIS_STATES.includes(x)))
      expect(['sealed', 'received', 'validated', 'returned', 'rejected']).toContain(s);
  });
});
