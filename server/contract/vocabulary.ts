/**
 * The one vocabulary of Morabeza, from tablet to table: the roles of the people, the states of an
 * interview and of an assignment, the review actions, and AAPOR's outcome classes. The database's CHECK
 * lists (server/db/schema.ts), the wire contract (server/contract/) and the client import these lists;
 * none repeats them. The moves between interview states are in server/domain/interview-states.ts.
 */

/** Who a user is. */
export const ROLES = ['admin', 'coordinator', 'supervisor', 'enumerator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that review interviews and watch the fieldwork (the staff screens). */
export const STAFF_ROLES = ['supervisor', 'coordinator', 'admin'] as const satisfies readonly Role[];

/**
 * An interview's state on the server: received from the tablet, validated by the background job, approved
 * by a supervisor, returned to the enumerator, approved (final, by a coordinator) or rejected (final).
 * A survey with end-to-end encryption receives its interviews `sealed`: stored as ciphertext, awaiting
 * the office's private key (`npm run interviews:decrypt`), which makes them received.
 */
export const INTERVIEW_STATUSES = [
  'sealed',
  'received',
  'validated',
  'approved_by_supervisor',
  'returned',
  'approved',
  'rejected',
] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** What a reviewer can do to an interview (`comment` leaves its state as it is). */
export const REVIEW_ACTIONS = ['approve', 'return', 'reject', 'comment'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * An assignment's stored state; `cancelled` by staff (still listed to its enumerator, so a tablet learns of it). What staff
 * may change in which state is in server/domain/assignment-states.ts.
 */
export const ASSIGNMENT_STATUSES = [
  'assigned',
  'in_progress',
  'submitted',
  'returned',
  'approved',
  'cancelled',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * An assignment's state as GET /api/assignments lists it: a stored status, or `reassigned`, which only
 * an enumerator's list carries, for an assignment staff handed from them to another enumerator (never
 * stored: the assignment itself stays `assigned`, with its new enumerator). It tells the first tablet that
 * a draft it holds is for work now someone else's (client/sync/cancelled-work.ts).
 */
export const LISTED_ASSIGNMENT_STATUSES = [...ASSIGNMENT_STATUSES, 'reassigned'] as const;
export type ListedAssignmentStatus = (typeof LISTED_ASSIGNMENT_STATUSES)[number];

/** What staff may do to an assignment (which in which state: server/domain/assignment-states.ts). */
export const ASSIGNMENT_CHANGES = ['reassign', 'cancel'] as const;
export type AssignmentChange = (typeof ASSIGNMENT_CHANGES)[number];

/**
 * AAPOR Standard Definitions' final disposition classes: I complete, P partial, R refusal and break-off,
 * NC non-contact, O other non-interview, UH unknown if household/occupied, UO unknown other, NE not eligible.
 * A survey's profile maps each of its outcome codes to one class.
 */
export const AAPOR_CLASSES = ['I', 'P', 'R', 'NC', 'O', 'UH', 'UO', 'NE'] as const;
export type AaporClass = (typeof AAPOR_CLASSES)[number];
