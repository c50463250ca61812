/**
 * Inputs and outputs of the weighting pipeline. A unit is what the last stage samples (a household, a
 * visit), in its cluster (the PSU: an EA, a desk) and stratum; persons are the roster of a responding
 * unit (surveys without a roster have none). Survey-specific variables travel in `values` and are
 * named by the recipe (questionnaires/<id>/weighting.json).
 */

export type UnitStatus = 'respondent' | 'nonrespondent' | 'ineligible';

/** A value of a weighting variable: a category (string), a number, or missing. */
export type Value = string | number | null;

/** One selected unit of the last stage, respondent or not. */
export interface UnitInput {
  id: string;
  /** The cluster (PSU of a two-stage design; the certainty cluster = stratum of a one-stage one). */
  cluster: string;
  stratum: string;
  /** Inclusion probability of the cluster (1 for a certainty cluster) and of the unit within it. */
  pi1: number;
  pi2: number;
  /** Listing counts of the cluster: eligible, ineligible, unknown eligibility; null without a listing. */
  E: number | null;
  I: number | null;
  U: number | null;
  /** The cluster was taken with certainty: a variance stratum of its own with units as PSUs. */
  certainty: boolean;
  status: UnitStatus;
  /** Variables known for respondents and nonrespondents (e.g. a class recorded at the listing). */
  values: Record<string, Value>;
}

/** One roster member of a responding unit. */
export interface PersonInput {
  id: string;
  /** The unit (household) the person belongs to. */
  householdId: string;
  /** In the survey population (the profile's roster.eligible). */
  eligible: boolean;
  sex: 'male' | 'female' | null;
  age: number | null;
  /** Needs an individual interview (eligible, at least the profile's individualMinAge). */
  individual: boolean;
  /** Individual interview obtained (the profile's personResult.respondent codes). */
  respondent: boolean;
  /** The roster's answers and derived values the recipe's variables use. */
  values: Record<string, Value>;
}

export interface CellFactor {
  cell: string;
  /** The original cells merged into this one. */
  members: string[];
  respondents: number;
  eligible: number;
  factor: number;
}
