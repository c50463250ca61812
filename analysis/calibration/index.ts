/**
 * Calibration (R survey's postStratify, rake, calibrate, trimWeights). Each returns a new design
 * whose variance accounts for the calibration; replicate designs are recalibrated per replicate.
 */
export type { CalFun, CalibrateOptions } from './calibrate.ts';
export { calibrate, calibrationMatrix, calibrationWeights } from './calibrate.ts';
export type { PopulationTable, RakeMargin } from './post-stratify.ts';
export { postStratify, rake } from './post-stratify.ts';
export { trimWeights } from './trim.ts';
