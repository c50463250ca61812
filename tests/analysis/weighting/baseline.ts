/**
 * The weights the pipeline gave before the weighting recipe (tests/fixtures/weighting/baseline/, written
 * at commit 0caa9c6 by its write-baseline.ts) and a comparison of a run to them at 1e-10 relative.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { CellFactor, WeightingResult } from '../../../analysis/weighting/index.ts';

export interface Baseline {
  households: string[];
  status: string[];
  persons: string[];
  w1_base: number[];
  w2_elig: number[];
  w3_hhnr: number[];
  w_hh: number[];
  person_w_hh: number[];
  w4_ind: number[];
  w_roster_final: number[];
  w_person_final: number[];
  varStratum: string[];
  psu: string[];
  replicates: {
    psus: string[];
    rscales: number[];
    hh: number[][];
    roster: number[][];
    person: number[][];
  } | null;
  report: {
    householdCells: CellFactor[];
    personCells: CellFactor[];
    rosterTrimRounds: number;
    personTrimRounds: number;
  };
}

export const readBaseline = (name: string): Baseline =>
  JSON.parse(
    gunzipSync(readFileSync(new URL(`../../fixtures/weighting/baseline/${name}`, import.meta.url))).toString(
      'utf8',
    ),
  );

/** Largest relative difference (0 must stay exactly 0); the baseline keeps 15 significant digits. */
export function maxRelative(got: ArrayLike<number>, want: readonly number[], what: string): number {
  expect(got.length, what).toBe(want.length);
  let max = 0;
  for (let i = 0; i < want.length; i++) {
    if (want[i] === 0 || got[i] === 0) {
      expect(got[i], `${what}[${i}]`).toBe(want[i]);
      continue;
    }
    max = Math.max(max, Math.abs(got[i] - want[i]) / Math.abs(want[i]));
  }
  return max;
}

export const TOL = 1e-10;

/** Every full-sample step, the cells and the trim rounds equal the baseline's. */
export function expectFullSample(result: WeightingResult, b: Baseline): void {
  expect(result.households.map((h) => h.id)).toEqual(b.households);
  expect(result.households.map((h) => h.status)).toEqual(b.status);
  expect(result.persons.map((p) => p.id)).toEqual(b.persons);
  expect(result.households.map((h) => h.varStratum)).toEqual(b.varStratum);
  expect(result.households.map((h) => h.psu)).toEqual(b.psu);
  const hh = (k: 'w1_base' | 'w2_elig' | 'w3_hhnr' | 'w_hh') => result.households.map((h) => h[k]);
  const ps = (k: 'w_hh' | 'w4_ind' | 'w_roster_final' | 'w_person_final') => result.persons.map((p) => p[k]);
  for (const k of ['w1_base', 'w2_elig', 'w3_hhnr', 'w_hh'] as const)
    expect(maxRelative(hh(k), b[k], k), k).toBeLessThan(TOL);
  expect(maxRelative(ps('w_hh'), b.person_w_hh, 'person w_hh')).toBeLessThan(TOL);
  for (const k of ['w4_ind', 'w_roster_final', 'w_person_final'] as const)
    expect(maxRelative(ps(k), b[k], k), k).toBeLessThan(TOL);
  const cells = (list: Baseline['report']['householdCells']) =>
    list.map((c) => ({ ...c, factor: Number(c.factor.toPrecision(12)) }));
  expect(cells(result.report.householdCells)).toEqual(cells(b.report.householdCells));
  expect(cells(result.report.personCells)).toEqual(cells(b.report.personCells));
  expect(result.report.rosterRake.trimRounds).toBe(b.report.rosterTrimRounds);
  expect(result.report.personRake.trimRounds).toBe(b.report.personTrimRounds);
}
