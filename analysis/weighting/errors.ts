/**
 * The weighting refuses to produce silently wrong weights: each error names the cell, margin or EA and the
 * fix. An error of the pipeline also carries its `detail`, a key and the values it names (no words), so a
 * report or a screen says it whole in its own language (failure-text.ts); `message` is the English.
 */
export class WeightingError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly detail: WeightingDetail | null = null,
  ) {
    super(message);
    this.name = 'WeightingError';
  }
}

/**
 * The codes the weighting pipeline raises: the one list, which the error catalogue's weighting failures
 * extend with the run's own (server/problems.ts WEIGHTING_FAILURES, each with its catalogue sentence) and
 * whose sentences in the report's languages are report-messages.ts `failure`.
 */
export const WEIGHTING_ERROR_CODES = [
  'weighting.input',
  'weighting.recipe',
  'weighting.margin',
  'weighting.listing',
  'weighting.cell',
  'weighting.empty_cell',
  'weighting.no_convergence',
] as const;
export type WeightingErrorCode = (typeof WEIGHTING_ERROR_CODES)[number];

/**
 * The codes of a run's failures around the pipeline (the server's checks, threads and restarts): the one
 * list, which the error catalogue's weighting failures begin with (server/problems.ts WEIGHTING_FAILURES).
 */
export const RUN_ERROR_CODES = [
  'weighting.failed',
  'weighting.interrupted',
  'weighting.stopped',
  'weighting.replicates',
] as const;
export type RunErrorCode = (typeof RUN_ERROR_CODES)[number];

/** The error's code when it is one of the pipeline's, else null (an unexpected error). */
export const weightingErrorCode = (error: unknown): WeightingErrorCode | null =>
  error instanceof WeightingError && (WEIGHTING_ERROR_CODES as readonly string[]).includes(error.code)
    ? (error.code as WeightingErrorCode)
    : null;

/** Whether a record is a unit (household, visit) or a roster person. */
export type RecordLevel = 'unit' | 'person';

/** A category far from its control after a calibration that did not converge. */
export interface FarCategory {
  margin: string;
  category: string;
  weighted: number;
  control: number;
  /** The factor its sample weights would need on average. */
  factor: number;
}

/** Each structured error of the pipeline: its key and the values its sentence names. */
export interface WeightingDetailParams {
  'input.no_units': Record<string, never>;
  'input.probabilities': { unit: string; cluster: string; pi1: number; pi2: number };
  /** Units the sample drew (a listing's draw) whose stage-two probability is missing. */
  'input.pi2_lost': { units: string[]; clusters: string[] };
  /** The survey has no selected unit at all (in the database the run read: `source`). */
  'input.no_sample': { survey: string; source: string };
  'input.no_respondents': Record<string, never>;
  'input.person_outside': { person: string; unit: string };
  'input.person_nonrespondent': { person: string; unit: string };
  'recipe.no_persons': { persons: number };
  'recipe.omit_unknown': { where: string; category: string; categories: string[] };
  'recipe.controls_path': { where: string; path: string; part: string };
  /** `value`: the total as design.json has it (JSON). */
  'recipe.controls_total': { where: string; category: string; value: string };
  'recipe.controls_table': { where: string; design: string };
  'recipe.controls_key': { where: string; design: string };
  'recipe.controls_row': { where: string; design: string; row: number; key: string };
  'recipe.controls_value': { where: string; design: string };
  'recipe.group_twice': { variable: string; code: string; first: string; second: string };
  'margin.missing_value': { level: RecordLevel; id: string; variable: string };
  'margin.unknown_category': { margin: string; category: string; controls: string[] };
  'margin.empty_category': { margin: string; category: string; total: number };
  'margin.sum_mismatch': { margin: string; sum: number; first: string; total: number };
  'calibration.no_convergence': {
    method: 'raking' | 'linear';
    margins: string[];
    bounds: number[];
    /** The solver's own (technical, English) words. */
    solver: string;
    /** The categories furthest from their controls, or null when not examined. */
    far: FarCategory[] | null;
  };
  'listing.none_screened': { cluster: string; screened: number };
  'cell.unknown': { level: RecordLevel; cell: string };
  'cell.empty': { level: RecordLevel; cell: string };
  // the server's checks of the survey's folder (server/domain/weighting/survey-files.ts)
  'files.survey_id': { survey: string };
  'files.no_folder': { folder: string };
  'files.missing': { path: string; file: 'profile' | 'recipe' | 'design' };
  /** `error`: the JSON parser's own (technical, English) words. */
  'files.not_json': { path: string; error: string };
  /** `problems`: the checker's own words, each naming its field (zod's, the recipe parser's). */
  'files.invalid': { path: string; problems: string[] };
  'files.survey_mismatch': { path: string; survey: string; folder: string };
  'files.persons_no_roster': { path: string };
  /** The database has none of the app's tables; `error`: the database's own words. */
  'input.no_tables': { error: string };
  // the run itself (server/jobs, server/domain/weighting/runs.ts)
  'run.stopped': Record<string, never>;
  'run.interrupted': Record<string, never>;
  /** The run's worker thread ended without an answer; `exit`: its exit code. */
  'run.worker_exit': { exit: number };
  /** A replicate thread: ended (`exit` code), failed (`error`: its words) or found another replicate count. */
  'thread.exit': { exit: number };
  'thread.error': { error: string };
  'thread.count': { found: number; expected: number };
}
export type WeightingDetailKey = keyof WeightingDetailParams;
export type WeightingDetail = {
  [K in WeightingDetailKey]: { key: K; params: WeightingDetailParams[K] };
}[WeightingDetailKey];

/** The catalogue code of each structured error. */
export const DETAIL_CODES: Record<WeightingDetailKey, WeightingErrorCode | RunErrorCode> = {
  'input.no_units': 'weighting.input',
  'input.probabilities': 'weighting.input',
  'input.pi2_lost': 'weighting.input',
  'input.no_sample': 'weighting.input',
  'input.no_respondents': 'weighting.input',
  'input.person_outside': 'weighting.input',
  'input.person_nonrespondent': 'weighting.input',
  'recipe.no_persons': 'weighting.recipe',
  'recipe.omit_unknown': 'weighting.recipe',
  'recipe.controls_path': 'weighting.recipe',
  'recipe.controls_total': 'weighting.recipe',
  'recipe.controls_table': 'weighting.recipe',
  'recipe.controls_key': 'weighting.recipe',
  'recipe.controls_row': 'weighting.recipe',
  'recipe.controls_value': 'weighting.recipe',
  'recipe.group_twice': 'weighting.recipe',
  'margin.missing_value': 'weighting.margin',
  'margin.unknown_category': 'weighting.margin',
  'margin.empty_category': 'weighting.margin',
  'margin.sum_mismatch': 'weighting.margin',
  'calibration.no_convergence': 'weighting.no_convergence',
  'listing.none_screened': 'weighting.listing',
  'cell.unknown': 'weighting.cell',
  'cell.empty': 'weighting.empty_cell',
  'files.survey_id': 'weighting.input',
  'files.no_folder': 'weighting.input',
  'files.missing': 'weighting.recipe',
  'files.not_json': 'weighting.recipe',
  'files.invalid': 'weighting.recipe',
  'files.survey_mismatch': 'weighting.recipe',
  'files.persons_no_roster': 'weighting.recipe',
  'input.no_tables': 'weighting.input',
  'run.stopped': 'weighting.stopped',
  'run.interrupted': 'weighting.interrupted',
  'run.worker_exit': 'weighting.failed',
  'thread.exit': 'weighting.replicates',
  'thread.error': 'weighting.replicates',
  'thread.count': 'weighting.replicates',
};

export const WEIGHTING_DETAIL_KEYS = Object.keys(DETAIL_CODES) as WeightingDetailKey[];

/** The error's detail when it is a structured one of the pipeline's, else null. */
export const weightingErrorDetail = (error: unknown): WeightingDetail | null =>
  error instanceof WeightingError ? error.detail : null;
