/**
 * The assignment change table (server/domain/assignment-states.ts), cell by cell: staff reassign or
 * cancel only an assignment nobody has interviewed; an uploaded interview refuses both whatever the
 * assignment's own status says; a cancelled assignment is final.
 */
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_STATUSES } from '../../server/contract/vocabulary.ts';
import { ASSIGNMENT_CHANGE_TABLE, refusalOf } from '../../server/domain/assignment-states.ts';

describe('the assignment change table', () => {
  it('has a row for every assignment status', () => {
    expect(Object.keys(ASSIGNMENT_CHANGE_TABLE).sort()).toEqual([...ASSIGNMENT_STATUSES].sort());
  });

  it('allows reassign and cancel only before any interview', () => {
    const allowed = ASSIGNMENT_STATUSES.filter((s) => refusalOf(s, 'cancel', false) === null);
    expect(allowed).toEqual(['assigned', 'in_progress']);
    for (const s of allowed) expect(refusalOf(s, 'reassign', false)).toBeNull();
  });

  it('refuses with the problem that says why', () => {
    for (const s of ['submitted', 'returned', 'approved'] as const) {
      expect(refusalOf(s, 'cancel', true)).toBe('assignment.interviewed');
      expect(refusalOf(s, 'reassign', true)).toBe('assignment.started');
    }
    expect(refusalOf('cancelled', 'cancel', false)).toBe('assignment.cancelled');
    expect(refusalOf('cancelled', 'reassign', false)).toBe('assignment.cancelled');
  });

  it('an uploaded interview refuses the change even while the status still says assigned', () => {
    expect(refusalOf('assigned', 'cancel', true)).toBe('assignment.interviewed');
    expect(refusalOf('assigned', 'reassign', true)).toBe('assignment.started');
  });
});
