/** Inputs, controls and outputs of the weighting pipeline (ipei.md 5.9; questionnaires/ipei/design.json). */

export type HouseholdStatus = 'respondent' | 'nonrespondent' | 'ineligible';

/** One selected household (a sample unit of stage 2), respondent or not. */
export interface HouseholdInput {
  id: string;
  /** The PSU (EA code). */
  ea: string;
  stratum: string;
  pi1: number;
  pi2: number;
  /** Listing counts of the EA: eligible, ineligible, unknown eligibility. */
  E: number;
  I: number;
  U: number;
  certainty: boolean;
  status: HouseholdStatus;
  /** Weighting-class variable known for respondents and nonrespondents (e.g. nationality group of the screener respondent); null = unknown. */
  hhClass: string | null;
}

/** One roster member of a responding household. */
export interface PersonInput {
  id: string;
  householdId: string;
  /** Member of the target population (foreign national / stateless: c13_eligible = 1). */
  eligible: boolean;
  sex: 'male' | 'female';
  age: number;
  /** Nationality group of the calibration margin. */
  natGroup: string;
  /** Needs an individual interview (c14_individual = 1). */
  individual: boolean;
  /** Individual interview obtained (person result 21 or 22). */
  respondent: boolean;
}

export interface WeightingControls {
  /** Household post-stratification totals by stratum. */
  householdsByStratum: Record<string, number>;
  /** Person margins: stratum, sex x age group ('male:25-34'), nationality group. */
  stratum: Record<string, number>;
  sexAge: Record<string, number>;
  natGroup: Record<string, number>;
}

export interface WeightingOptions {
  /** Collapse weighting cells with fewer respondents than this (design.json: 20). */
  collapseBelow: number;
  /** Bounds on the raking g-weights (design.json: [0.3, 3]). */
  bounds: readonly [number, number];
  /** Trim final person weights above this multiple of their stratum median, then re-rake (3.5). */
  trimFactor: number;
  /** Convergence of the raking (max change). */
  epsilon: number;
  /** Newton steps allowed per raking (R calibrate's maxit). */
  maxit?: number;
  /** Age groups of the sex x age margin: lower bounds, e.g. [0, 15, 25, 35, 45, 65]. */
  ageBreaks: readonly number[];
  /** JKn replicates (true) or none. */
  replicates: boolean;
}

export interface CellFactor {
  cell: string;
  /** The original cells merged into this one. */
  members: string[];
  respondents: number;
  eligible: number;
  factor: number;
}
