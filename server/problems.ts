/**
 * One catalogue of errors: every failure the API reports is a Problem with a stable code, an HTTP status
 * and a sentence that says what went wrong and what to do. (After getodk/central-backend's problem.js.)
 */
import { RUN_ERROR_CODES, WEIGHTING_ERROR_CODES } from '../analysis/weighting/errors.ts';

const catalogue = {
  'request.malformed': { status: 400, message: 'The request body is not valid JSON.' },
  'request.invalid': { status: 422, message: 'The request has invalid or missing fields.' },
  /** Never read by the client (it is gone): it names the case in the request's log line. */
  'request.aborted': {
    status: 499,
    message:
      'The client closed the connection before its request was read; nothing was stored: send it again.',
  },
  'request.too_large': { status: 413, message: 'The request body is larger than the server accepts.' },
  'route.not_found': { status: 404, message: 'There is no such API route.' },
  'auth.required': { status: 401, message: 'Log in first: send Authorization: Bearer <token>.' },
  'auth.invalid_token': { status: 401, message: 'The session token is unknown or expired: log in again.' },
  'auth.failed': { status: 401, message: 'Wrong username or password.' },
  'auth.throttled': { status: 429, message: 'Too many failed logins: wait before trying again.' },
  'auth.forbidden': { status: 403, message: 'Your role may not do this.' },
  'resource.not_found': { status: 404, message: 'Not found, or not visible to you.' },
  'questionnaire.unknown_version': {
    status: 422,
    message: 'The questionnaire version does not exist on the server.',
  },
  'questionnaire.not_open': { status: 422, message: 'The questionnaire version is not open for fieldwork.' },
  'assignment.unknown': { status: 422, message: 'The assignment does not exist or is not yours.' },
  'assignment.started': {
    status: 409,
    message:
      'This assignment already has an interview: it stays with the enumerator who holds it (return or reject the interview instead).',
  },
  'assignment.interviewed': {
    status: 409,
    message:
      'This assignment has an uploaded interview, so it cannot be cancelled: the interview stays on record (reject it if it should not count).',
  },
  'assignment.cancelled': {
    status: 409,
    message:
      'This assignment was cancelled: it can no longer be changed or interviewed (an upload for it is kept in quarantine). Create a new assignment for the household instead.',
  },
  'assignment.reassigned': {
    status: 409,
    message:
      'This assignment was reassigned to another enumerator: an interview for it from this tablet is kept in quarantine for a person to decide, never lost.',
  },
  'assignment.discard_unwarranted': {
    status: 409,
    message:
      'The discard notice says this assignment was withdrawn from you (details.reason), but on the server it is still yours and open (details.status): the office did not record the notice and nothing was changed. Sync, then interview the household again; if you think it was withdrawn, tell your supervisor.',
  },
  'assignment.exists': {
    status: 409,
    message:
      'This household already has an open assignment for this questionnaire (details.assignmentId): reassign or cancel that one instead.',
  },
  'interview.conflict': {
    status: 409,
    message: 'This revision was already received with different content; the copy was kept for review.',
  },
  'interview.revision_rejected': {
    status: 409,
    message: 'This revision cannot be accepted now; the copy was kept for review.',
  },
  'interview.assignment_taken': {
    status: 409,
    message:
      'This assignment already has a live interview (not rejected) under another id; the copy was kept for review. Send a revision of that interview, or have a coordinator reject it first.',
  },
  'interview.not_owner': {
    status: 403,
    message: 'This interview belongs to another enumerator; the copy was kept for review.',
  },
  'interview.transition_invalid': {
    status: 409,
    message: 'The interview is not in a state that allows this.',
  },
  'interview.revision_stale': {
    status: 409,
    message: 'The interview has a newer revision than the one you reviewed: reload it and review again.',
  },
  'review.unknown_question': {
    status: 422,
    message:
      'A comment points at no question of this interview: write the question name, or roster[row].question inside a roster (see details).',
  },
  'analysis.no_data': {
    status: 409,
    message:
      'There are no weighted data for this survey yet: start a weighting run (POST /api/weighting/<survey>) and wait until it is done.',
  },
  'weighting.unknown_run': {
    status: 404,
    message: 'This survey has no weighting run with this id: GET /api/weighting/<survey>/runs lists them.',
  },
  'release.not_found': {
    status: 404,
    message:
      'This survey has no release with this id (details.release): GET /api/releases/<survey> lists them; leave `release` out for the latest published one.',
  },
  'release.retired': {
    status: 410,
    message:
      'This release was retired and is no longer served: pick another one (GET /api/releases/<survey>), or leave `release` out for the latest published one.',
  },
  'release.run_not_done': {
    status: 409,
    message:
      'Only a finished weighting run (state done) can be published (details.state says where it is): wait for it to finish, or publish another run.',
  },
  'release.name_taken': {
    status: 409,
    message: 'This survey already has a release with this name: choose another name.',
  },
  'weighting.running': {
    status: 409,
    message:
      'A weighting run of this survey is already in progress: wait for it to finish (GET shows its state).',
  },
  'weighting.no_report': {
    status: 409,
    message: 'This survey has not been weighted yet: start a weighting run (POST /api/weighting/<survey>).',
  },
  'export.no_public_use': {
    status: 422,
    message:
      'This survey offers no public-use microdata: its profile.json declares no publicUse (the geography the public file keeps and drops, the unit numbers it replaces by random codes). Ask for kind=internal, or declare it.',
  },
  'export.profile_invalid': {
    status: 422,
    message:
      "The survey's profile.json cannot make this file: details.field names the setting and details.message says why. Correct profile.json in the survey's folder and download again; nothing stored was changed.",
  },
  'table.invalid': {
    status: 422,
    message: 'The table cannot be made: see details.table and details.field.',
  },
  'model.invalid': {
    status: 422,
    message: 'The model cannot be fitted: see details.field and details.message.',
  },
  // A weighting run's failure: never an HTTP answer (GET /api/weighting/<survey> carries it in `error`, with
  // the pipeline's own words in `error.details`); the status says whose fix it is (422: the survey's files
  // or data, 500: the server). WEIGHTING_FAILURES below lists them; the staff screens translate each.
  'weighting.failed': {
    status: 500,
    message: 'The weighting run failed on the server; the details say where. Try again, or tell the admin.',
  },
  'weighting.interrupted': {
    status: 500,
    message: 'The weighting run was interrupted by a restart of the server: start it again.',
  },
  'weighting.stopped': {
    status: 500,
    message: 'The weighting run was stopped because the server was shutting down: start it again.',
  },
  'weighting.replicates': {
    status: 500,
    message:
      'A thread computing the replicate weights stopped before finishing: start the run again, and tell the admin if it happens again.',
  },
  'weighting.input': {
    status: 422,
    message:
      "The approved interviews or the survey's sample do not fit the weighting (see the details): correct them and weight again.",
  },
  'weighting.recipe': {
    status: 422,
    message: "The survey's weighting recipe (weighting.json) is not valid (see the details): correct it.",
  },
  'weighting.margin': {
    status: 422,
    message:
      'A population total or margin of the calibration does not fit (see the details): check the totals and the approved interviews.',
  },
  'weighting.listing': {
    status: 422,
    message:
      "An enumeration area's listing is missing or does not fit its interviews (see the details): record or correct the listing.",
  },
  'weighting.cell': {
    status: 422,
    message:
      'A unit falls in a weighting class the recipe does not define (see the details): correct the classes in the recipe.',
  },
  'weighting.empty_cell': {
    status: 422,
    message:
      'A weighting class has eligible units but no responding one (see the details): collapse it with another class in the recipe.',
  },
  'weighting.no_convergence': {
    status: 422,
    message:
      'The calibration did not converge within its bounds (see the details for the categories): widen the bounds or collapse those categories.',
  },
  'device.not_yours': {
    status: 403,
    message:
      'This tablet is registered to another enumerator: that enumerator must log in on it, or a coordinator revokes it.',
  },
  'server.unavailable': { status: 503, message: 'The database is unreachable: retry later.' },
  'server.internal': { status: 500, message: 'An unexpected error happened; it was logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ProblemCode = keyof typeof catalogue;

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ProblemCode, details?: unknown, message?: string) {
    super(message ?? catalogue[code].message);
    this.name = 'Problem';
    this.code = code;
    this.status = catalogue[code].status;
    this.details = details;
  }

  toBody(): { code: string; message: string; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const problemCatalogue = catalogue;

/**
 * The codes a failed weighting run carries (see the catalogue): the run's own, then the pipeline's
 * (analysis/weighting/errors.ts, both lists' home); any other code a run reports is 'weighting.failed'.
 */
export const WEIGHTING_FAILURES = [
  ...RUN_ERROR_CODES,
  ...WEIGHTING_ERROR_CODES,
] as const satisfies readonly ProblemCode[];
export type WeightingFailure = (typeof WEIGHTING_FAILURES)[number];

export function weightingFailure(code: unknown): WeightingFailure {
  return (WEIGHTING_FAILURES as readonly unknown[]).includes(code)
    ? (code as WeightingFailure)
    : 'weighting.failed';
}
