/**
 * The database: plural snake_case tables, UTC millisecond timestamps, integrity in the database
 * (primary keys, foreign keys, NOT NULL, CHECK). Migrations are generated from this file by drizzle-kit.
 */
import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { ASSIGNMENT_STATUSES, INTERVIEW_STATUSES, ROLES } from '../contract/vocabulary.ts';
import { RUN_STATES } from '../contract/weighting.ts';

// The vocabulary (roles, interview and assignment states) has one home, shared with the contract and the
// client; the CHECK lists below are built from it.
export {
  ASSIGNMENT_STATUSES,
  INTERVIEW_STATUSES,
  type InterviewStatus,
  ROLES,
  type Role,
} from '../contract/vocabulary.ts';

export const QUESTIONNAIRE_STATUSES = ['draft', 'published', 'closed'] as const;
export const VALIDATION_STATUSES = ['pending', 'clean', 'flagged', 'failed'] as const;
export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: integer('created_at').notNull().default(now),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    teamId: text('team_id').references(() => teams.id),
    passwordHash: text('password_hash').notNull(),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [check('users_role_check', inList('role', ROLES)), index('users_team_idx').on(t.teamId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull().default(now),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed-login counters shared by every API node (server/domain/login-throttle.ts): one row per account
 * (`user:<name>`) and per client address for unknown usernames (`addr:<ip>`).
 */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: integer('window_start').notNull(),
  blockedUntil: integer('blocked_until').notNull().default(0),
});

export const questionnaires = sqliteTable('questionnaires', {
  id: text('id').primaryKey(),
  survey: text('survey').notNull(),
  title: text('title').notNull(),
  createdAt: integer('created_at').notNull().default(now),
});

export const questionnaireVersions = sqliteTable(
  'questionnaire_versions',
  {
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    version: integer('version').notNull(),
    status: text('status', { enum: QUESTIONNAIRE_STATUSES }).notNull().default('draft'),
    contentHash: text('content_hash').notNull(),
    /** The exact JSON text as published; served byte for byte. */
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.questionnaireId, t.version] }),
    check('qv_status_check', inList('status', QUESTIONNAIRE_STATUSES)),
    check('qv_version_check', sql`version >= 1`),
  ],
);

export const enumerationAreas = sqliteTable(
  'enumeration_areas',
  {
    code: text('code').primaryKey(),
    stratum: text('stratum').notNull(),
    island: text('island').notNull(),
    municipality: text('municipality').notNull(),
    urbanRural: text('urban_rural'),
    measureOfSize: real('measure_of_size'),
    /** Stage-one inclusion probability (PPS); null until the EA is selected. */
    pi1: real('pi1'),
    certainty: integer('certainty', { mode: 'boolean' }).notNull().default(false),
    centroidLat: real('centroid_lat'),
    centroidLon: real('centroid_lon'),
    teamId: text('team_id').references(() => teams.id),
  },
  (t) => [
    index('ea_stratum_idx').on(t.stratum),
    check('ea_pi1_check', sql`pi1 is null or (pi1 > 0 and pi1 <= 1)`),
  ],
);

export const households = sqliteTable(
  'households',
  {
    id: text('id').primaryKey(),
    eaCode: text('ea_code')
      .notNull()
      .references(() => enumerationAreas.code),
    dwelling: integer('dwelling').notNull(),
    household: integer('household').notNull().default(1),
    /** Stage-two inclusion probability within the EA (m / E). */
    pi2: real('pi2'),
    /** Position (1-based) in the EA's list of eligible households from which it was selected. */
    eligibleLine: integer('eligible_line'),
    /** Weighting class known from the listing for respondents and nonrespondents alike (e.g. nationality group). */
    hhClass: text('hh_class'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('households_unit_idx').on(t.eaCode, t.dwelling, t.household),
    check('hh_pi2_check', sql`pi2 is null or (pi2 > 0 and pi2 <= 1)`),
  ],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    questionnaireId: text('questionnaire_id').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    enumeratorId: text('enumerator_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('assigned'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [
    index('assignments_enumerator_idx').on(t.enumeratorId),
    check('assignments_status_check', inList('status', ASSIGNMENT_STATUSES)),
  ],
);

export const interviews = sqliteTable(
  'interviews',
  {
    id: text('id').primaryKey(),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id),
    enumeratorId: text('enumerator_id')
      .notNull()
      .references(() => users.id),
    questionnaireId: text('questionnaire_id').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    currentRevision: integer('current_revision').notNull(),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull().default('received'),
    outcome: integer('outcome').notNull(),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [
    index('interviews_enumerator_idx').on(t.enumeratorId),
    index('interviews_assignment_idx').on(t.assignmentId),
    check('interviews_status_check', inList('status', INTERVIEW_STATUSES)),
  ],
);

export const interviewRevisions = sqliteTable(
  'interview_revisions',
  {
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id),
    revision: integer('revision').notNull(),
    contentHash: text('content_hash').notNull(),
    /** The envelope exactly as received (JSON text). */
    envelope: text('envelope').notNull(),
    receivedBy: text('received_by')
      .notNull()
      .references(() => users.id),
    receivedAt: integer('received_at').notNull().default(now),
    validationStatus: text('validation_status', { enum: VALIDATION_STATUSES }).notNull().default('pending'),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.revision] }),
    check('revisions_revision_check', sql`revision >= 1`),
    check('revisions_validation_check', inList('validation_status', VALIDATION_STATUSES)),
  ],
);

/** Uploads that could not be applied (conflicts, unexpected revisions, other owners): kept for a person. */
export const quarantine = sqliteTable(
  'quarantine',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    interviewId: text('interview_id').notNull(),
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    contentHash: text('content_hash').notNull(),
    envelope: text('envelope').notNull(),
    receivedBy: text('received_by')
      .notNull()
      .references(() => users.id),
    receivedAt: integer('received_at').notNull().default(now),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [uniqueIndex('quarantine_copy_idx').on(t.interviewId, t.revision, t.contentHash)],
);

export const flags = sqliteTable(
  'flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id),
    revision: integer('revision').notNull(),
    source: text('source').notNull(),
    code: text('code').notNull(),
    path: text('path'),
    message: text('message').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [index('flags_interview_idx').on(t.interviewId, t.revision)],
);

export const reviewEvents = sqliteTable(
  'review_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id),
    revision: integer('revision').notNull(),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    /** A question's name when the comment concerns one question. */
    question: text('question'),
    comment: text('comment'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [index('review_events_interview_idx').on(t.interviewId)],
);

/** Background work, durable so that it resumes after a restart. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    interviewId: text('interview_id').notNull(),
    revision: integer('revision').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The job's class (server/jobs/job-priority.ts JOB_PRIORITY): lower is claimed first. */
    priority: integer('priority').notNull().default(2),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.id),
    index('jobs_claim_idx').on(t.status, t.priority, t.id),
    uniqueIndex('jobs_unit_idx').on(t.kind, t.interviewId, t.revision),
    check('jobs_status_check', inList('status', JOB_STATUSES)),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull().default(now),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    details: text('details', { mode: 'json' }),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    // an enumerator's list of assignments looks up recent reassignments away from them on each sync
    // (action = 'assignment.reassign' and at >= since): without it that is a scan of the whole log
    index('audit_action_at_idx').on(t.action, t.at),
  ],
);

/**
 * An EA's listing and screening (the survey's listing questionnaire): the counts the weighting needs (E eligible,
 * I ineligible, U unknown eligibility, vacant or not a dwelling) and how many households were selected (m).
 */
export const eaListings = sqliteTable(
  'ea_listings',
  {
    eaCode: text('ea_code')
      .primaryKey()
      .references(() => enumerationAreas.code),
    questionnaireId: text('questionnaire_id').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    eligible: integer('eligible').notNull(),
    ineligible: integer('ineligible').notNull(),
    unknown: integer('unknown').notNull(),
    outOfScope: integer('out_of_scope').notNull(),
    selected: integer('selected').notNull(),
    /** The listing answers (dwellings roster) as received, JSON text. */
    answers: text('answers').notNull(),
    listedBy: text('listed_by').references(() => users.id),
    createdAt: integer('created_at').notNull().default(now),
  },
  () => [
    check(
      'listings_counts_check',
      sql`eligible >= 0 and ineligible >= 0 and unknown >= 0 and out_of_scope >= 0`,
    ),
    check('listings_selected_check', sql`selected >= 0 and selected <= eligible`),
  ],
);

/**
 * Demo mode only: the simulated supervisors' decisions not yet applied (an interview can be reviewed
 * only once validated). A row goes when its decision is applied, so a restart resumes the rest.
 * It stays in the engine's schema although only demo/ writes it: migrations are generated from this one
 * schema and never edited after merge, so a demo-owned migration would need a second journal, and
 * dropping the table would lose the pending decisions of existing demo databases. Empty in production.
 */
export const demoReviews = sqliteTable('demo_reviews', {
  interviewId: text('interview_id')
    .primaryKey()
    .references(() => interviews.id),
  team: text('team').notNull(),
  outcome: integer('outcome').notNull(),
  /** The decision as the review API takes it (action, revision, comments), JSON text. */
  decision: text('decision').notNull(),
  createdAt: integer('created_at').notNull().default(now),
});

/**
 * The tablets' device keys: a random 256-bit key per device, bound to the enumerator who first asked
 * for it. The tablet wraps its data key with it (the server never sees the data key), so a changed or
 * forgotten password never strands unsent interviews: the key is released only to that enumerator's
 * logged-in session. A coordinator revokes a device (revoked_at): at its next contact the tablet uploads
 * what is unsent, deletes its data and keys, and says so (wiped_at); a revoked key is never released.
 */
export const deviceKeys = sqliteTable(
  'device_keys',
  {
    deviceId: text('device_id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** base64 of 32 random bytes */
    key: text('key').notNull(),
    createdAt: integer('created_at').notNull().default(now),
    lastSeenAt: integer('last_seen_at').notNull().default(now),
    revokedAt: integer('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id),
    wipedAt: integer('wiped_at'),
  },
  (t) => [index('device_keys_user_idx').on(t.userId)],
);

export const WEIGHTING_RUN_STATES = RUN_STATES;

/**
 * The weighting runs, one row each (server/domain/weighting/run-states.ts moves them): who started it,
 * on which interviews (a sha256 of the sorted "interview id:revision" list and its length), the design
 * and recipe versions (sha256 of design.json and weighting.json), the state, why it failed, and its
 * summary and report (JSON). `node` and `heartbeat_at` say which API process runs it and when it last
 * said so: a run whose node went silent is marked failed ("interrupted by a restart") by any node.
 */
export const weightingRuns = sqliteTable(
  'weighting_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survey: text('survey').notNull(),
    startedBy: text('started_by').references(() => users.id),
    startedAt: integer('started_at').notNull().default(now),
    finishedAt: integer('finished_at'),
    state: text('state', { enum: WEIGHTING_RUN_STATES }).notNull().default('queued'),
    failureCode: text('failure_code'),
    failureReason: text('failure_reason'),
    inputHash: text('input_hash'),
    inputCount: integer('input_count'),
    designVersion: text('design_version'),
    recipeVersion: text('recipe_version'),
    node: text('node').notNull(),
    heartbeatAt: integer('heartbeat_at').notNull().default(now),
    summary: text('summary'),
    report: text('report'),
    reportMarkdown: text('report_markdown'),
  },
  (t) => [
    index('weighting_runs_survey_idx').on(t.survey, t.id),
    check('weighting_runs_state_check', inList('state', WEIGHTING_RUN_STATES)),
  ],
);

/**
 * The weighted data of a finished run, one row per unit kind (households, persons): the column names
 * and kinds and the string columns as JSON, every numeric column (final and replicate weights, design
 * columns, numeric answers) packed one after another as little-endian Float64 in `numbers`
 * (server/storage/weighted-columns.ts). `meta` is the WeightedMeta of the run on the households row;
 * on the persons row it is the run's secret public-use key, set on the first public-use export
 * (server/storage/public-use-key.ts).
 */
export const weightedFrames = sqliteTable(
  'weighted_frames',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => weightingRuns.id),
    unit: text('unit', { enum: ['households', 'persons'] }).notNull(),
    rows: integer('rows').notNull(),
    meta: text('meta'),
    columns: text('columns').notNull(),
    numbers: blob('numbers', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.unit] })],
);

/**
 * Releases: a finished run published under a name, a date and a note. A release points at its run and
 * never changes; it is readable until someone retires it (retired_at).
 */
export const releases = sqliteTable(
  'releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survey: text('survey').notNull(),
    runId: integer('run_id')
      .notNull()
      .references(() => weightingRuns.id),
    name: text('name').notNull(),
    date: text('date').notNull(),
    note: text('note').notNull().default(''),
    publishedBy: text('published_by').references(() => users.id),
    publishedAt: integer('published_at').notNull().default(now),
    retiredBy: text('retired_by').references(() => users.id),
    retiredAt: integer('retired_at'),
  },
  (t) => [uniqueIndex('releases_survey_name_idx').on(t.survey, t.name)],
);

/**
 * Computed tables of a release, stored once and reused by downloads and the all-tables view: one row
 * per (table id or 'all', language, format). A release never changes, so neither do these.
 */
export const releaseTables = sqliteTable(
  'release_tables',
  {
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id),
    tableId: text('table_id').notNull(),
    lang: text('lang').notNull(),
    format: text('format').notNull(),
    type: text('type').notNull(),
    filename: text('filename').notNull(),
    body: blob('body', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.tableId, t.lang, t.format] })],
);

/**
 * Office codes (server/domain/office-coding.ts): a coder's code for one normalised free text of one
 * pair (the text question's variable) of a survey, applying to every answer with that text. Rows are
 * never changed: a later code for the same text is a new row and the latest (greatest id) is in force,
 * so the history stays here as well as in the audit log. A cleared code is a row with the empty code
 * (no code in force; never an office code, which has 1 to 10 characters).
 */
export const officeCodes = sqliteTable(
  'office_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survey: text('survey').notNull(),
    pair: text('pair').notNull(),
    textKey: text('text_key').notNull(),
    code: text('code').notNull(),
    codedBy: text('coded_by')
      .notNull()
      .references(() => users.id),
    codedAt: integer('coded_at').notNull().default(now),
  },
  (t) => [index('office_codes_text_idx').on(t.survey, t.pair, t.textKey, t.id)],
);
