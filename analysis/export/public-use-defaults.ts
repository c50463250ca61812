/**
 * The public-use file's defaults, in one home: the k of the disclosure risk (records in cells of fewer
 * than k on the key variables are at risk), the household risk threshold (sdcMicro's print flags
 * individual risks above 0.1) and what local suppression does with a variable that gives a suppressed
 * value back (its code list and default). The profile schema (server/contract/survey-profile.ts) defaults
 * profile.json's `publicUse` with these, and analysis/export/ falls back on them when called without a
 * profile (tests, the command line). Constants only, so the contract (and the client) can import it.
 */

/** Records in cells of fewer than k on the key variables are counted as at risk. */
export const PUBLIC_USE_K = 3;

/** A household's risk above this is reported (household-risk.ts) and acted on (household-risk-control.ts). */
export const HOUSEHOLD_RISK_THRESHOLD = 0.1;

/**
 * What the file does with a variable that gives back a suppressed key value (recoverable-values.ts), and
 * with households above the risk threshold (household-risk-control.ts) or below k when the person file
 * gives their size (linked-households.ts): `blank` suppresses, `refuse` stops the export naming the setting.
 */
export const RECOVERABLE_ACTIONS = ['blank', 'refuse'] as const;
export type RecoverableAction = (typeof RECOVERABLE_ACTIONS)[number];

/** Unless the survey says `blank`, the export is refused naming the variable (or the households' count). */
export const RECOVERABLE_DEFAULT: RecoverableAction = 'refuse';
