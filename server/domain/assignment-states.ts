/**
 * What staff may do to an assignment in each of its states, as one table. Only an assignment nobody has
 * interviewed yet (assigned on the server; in progress is the tablet's word for the same) can be handed
 * to another enumerator or cancelled; once an interview is uploaded the assignment belongs to that
 * interview's enumerator and stays on record, and a cancelled assignment is final (a new one is created
 * for the household instead). Pure: no database, so the table is tested cell by cell.
 */
import { ASSIGNMENT_CHANGES, type AssignmentChange, type AssignmentStatus } from '../contract/vocabulary.ts';
import type { ProblemCode } from '../problems.ts';

export { ASSIGNMENT_CHANGES, type AssignmentChange };

/** Per state and change: null when allowed, else the problem that refuses it. */
export const ASSIGNMENT_CHANGE_TABLE: Record<
  AssignmentStatus,
  Record<AssignmentChange, ProblemCode | null>
> = {
  assigned: { reassign: null, cancel: null },
  in_progress: { reassign: null, cancel: null },
  submitted: { reassign: 'assignment.started', cancel: 'assignment.interviewed' },
  returned: { reassign: 'assignment.started', cancel: 'assignment.interviewed' },
  approved: { reassign: 'assignment.started', cancel: 'assignment.interviewed' },
  cancelled: { reassign: 'assignment.cancelled', cancel: 'assignment.cancelled' },
};

/**
 * The problem refusing `change`, or null. `interviewed` says whether any interview of the assignment is
 * stored (whatever its state, a rejected one included): that refuses the change even if the assignment's
 * own status lags behind.
 */
export function refusalOf(
  status: AssignmentStatus,
  change: AssignmentChange,
  interviewed: boolean,
): ProblemCode | null {
  const refusal = ASSIGNMENT_CHANGE_TABLE[status][change];
  if (refusal || !interviewed) return refusal;
  return ASSIGNMENT_CHANGE_TABLE.submitted[change];
}

/** The changes the table allows now (what a staff screen offers; the server checks again). */
export const changesAllowed = (status: AssignmentStatus, interviewed: boolean): AssignmentChange[] =>
  ASSIGNMENT_CHANGES.filter((c) => refusalOf(status, c, interviewed) === null);
