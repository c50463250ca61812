/**
 * The JKn replicate weights of the pipeline against R survey: tests/fixtures/weighting/replicates.R
 * builds the replicates with svydesign + as.svrepdesign(type = "JKn") from the raw inputs of
 * replicates-example.ts and redoes steps 2-6 (NR cells, postStratify, bounded raking with the trimming
 * loop) per replicate in R. Weights agree within 1e-7 relative (|ts - r| <= 1e-7 |r|), and a weight is 0
 * in TypeScript exactly where it is 0 in R.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runWeighting } from '../../../analysis/weighting/index.ts';
import { fixtureFiles, households, persons, recipe } from './replicates-example.ts';

interface Weights {
  w_hh: number[];
  w_roster_final: number[];
  w_person_final: number[];
}
interface Expected {
  households: string[];
  persons: string[];
  full: Weights & {
    w1: number[];
    w2: number[];
    w3: number[];
    w4_ind: number[];
    roster_trim_rounds: number;
    person_trim_rounds: number;
  };
  rscales: Record<string, number>;
  replicates: Record<
    string,
    Weights & { roster_trim_rounds: number; person_trim_rounds: number; rakings_at_bound: number }
  >;
}

const repo = new URL('../../..', import.meta.url).pathname;
const dir = `${repo}tests/fixtures/weighting/`;
const expected: Expected = JSON.parse(readFileSync(`${dir}replicates-expected.json`, 'utf8'));
const result = runWeighting(households, persons, recipe, null);
const TOL = 1e-7;

/** Largest relative difference, and the positions where one side is 0 and the other is not. */
function compare(ts: ArrayLike<number>, r: readonly number[]) {
  expect(ts.length).toBe(r.length);
  let max = 0;
  const zeros: number[] = [];
  for (let i = 0; i < r.length; i++) {
    if (r[i] === 0 || ts[i] === 0) {
      if (r[i] !== ts[i]) zeros.push(i);
      continue;
    }
    max = Math.max(max, Math.abs(ts[i] - r[i]) / Math.abs(r[i]));
  }
  return { max, zeros };
}

function expectClose(what: string, ts: ArrayLike<number>, r: readonly number[], ids: readonly string[]) {
  const { max, zeros } = compare(ts, r);
  expect(
    zeros.map((i) => `${ids[i]}: ${ts[i]} vs R ${r[i]}`),
    `${what}: zero in one and not the other`,
  ).toEqual([]);
  expect(max, `${what}: largest relative difference`).toBeLessThan(TOL);
}

describe('the replicate fixture', () => {
  it('the raw inputs R reads equal the TypeScript data (tests/fixtures/weighting/replicates/)', () => {
    for (const [name, content] of Object.entries(fixtureFiles()))
      expect(
        readFileSync(`${dir}replicates/${name}`, 'utf8'),
        `${name}: run write-inputs.ts and replicates.R`,
      ).toBe(content);
    expect(expected.households).toEqual(households.map((h) => h.id));
    expect(expected.persons).toEqual(persons.map((p) => p.id));
  });
  it('has what the check needs: certainty EAs, ineligible and unknown-class households, children, individual nonrespondents, trimming and binding bounds', () => {
    expect(households.filter((h) => h.certainty).length).toBeGreaterThanOrEqual(2);
    expect(households.filter((h) => h.status === 'ineligible')).toHaveLength(2);
    expect(
      households.filter((h) => h.values.hh_class === null && h.status !== 'ineligible').length,
    ).toBeGreaterThan(3);
    expect(persons.filter((p) => !p.eligible).length).toBeGreaterThan(5);
    expect(persons.filter((p) => (p.age as number) < 15).length).toBeGreaterThan(10);
    expect(persons.filter((p) => p.individual && !p.respondent).length).toBeGreaterThan(10);
    // Trimming is exercised in the full sample and in replicates (R's own counts of trim rounds).
    expect(expected.full.roster_trim_rounds).toBeGreaterThan(0);
    const trimmed = Object.values(expected.replicates).filter(
      (r) => r.roster_trim_rounds > 0 && r.person_trim_rounds > 0,
    );
    expect(trimmed.length).toBeGreaterThan(2);
    // Some replicate rakings end with g-weights at the bounds (so the bounds matter, not only the trimming).
    expect(Object.values(expected.replicates).filter((r) => r.rakings_at_bound > 0).length).toBeGreaterThan(
      0,
    );
  });
  it('converges bounded in the full sample and in every replicate: no fallback, no dropped category, no lonely stratum', () => {
    expect(result.report.replicates.failed).toEqual([]);
    expect(result.report.replicates.lonelyStrata).toEqual([]);
    expect(result.report.replicates.unboundedFallback).toBe(0);
    expect(result.report.replicates.droppedCategories).toBe(0);
    expect(result.report.rosterRake.converged && result.report.personRake.converged).toBe(true);
  });
});

describe('JKn replicates equal R survey (as.svrepdesign JKn, steps 2-6 redone per replicate in R)', () => {
  it('the same replicates (one per PSU, named var_stratum/psu) with the same rscales', () => {
    expect([...result.replicates.psus].sort()).toEqual(Object.keys(expected.replicates).sort());
    expect(result.replicates.psus).toHaveLength(27);
    result.replicates.psus.forEach((label, j) => {
      expect(Math.abs(result.replicates.rscales[j] - expected.rscales[label]), label).toBeLessThan(1e-12);
    });
  });
  it('full sample: w1, w2, w3, w_hh, w4_ind, w_roster_final, w_person_final and the trim rounds', () => {
    const hIds = expected.households;
    const pIds = expected.persons;
    const f = expected.full;
    expectClose(
      'w1_base',
      result.households.map((h) => h.w1_base),
      f.w1,
      hIds,
    );
    expectClose(
      'w2_elig',
      result.households.map((h) => h.w2_elig),
      f.w2,
      hIds,
    );
    expectClose(
      'w3_hhnr',
      result.households.map((h) => h.w3_hhnr),
      f.w3,
      hIds,
    );
    expectClose(
      'w_hh',
      result.households.map((h) => h.w_hh),
      f.w_hh,
      hIds,
    );
    expectClose(
      'w4_ind',
      result.persons.map((p) => p.w4_ind),
      f.w4_ind,
      pIds,
    );
    expectClose(
      'w_roster_final',
      result.persons.map((p) => p.w_roster_final),
      f.w_roster_final,
      pIds,
    );
    expectClose(
      'w_person_final',
      result.persons.map((p) => p.w_person_final),
      f.w_person_final,
      pIds,
    );
    expect(result.report.rosterRake.trimRounds).toBe(f.roster_trim_rounds);
    expect(result.report.personRake.trimRounds).toBe(f.person_trim_rounds);
  });
  it.each(Object.keys(expected.replicates).sort())(
    'replicate %s: w_hh, w_roster_final, w_person_final',
    (label) => {
      const j = result.replicates.psus.indexOf(label);
      expect(j, label).toBeGreaterThanOrEqual(0);
      const r = expected.replicates[label];
      expectClose(`${label} w_hh`, result.replicates.hh[j], r.w_hh, expected.households);
      expectClose(`${label} w_roster_final`, result.replicates.roster[j], r.w_roster_final, expected.persons);
      expectClose(`${label} w_person_final`, result.replicates.person[j], r.w_person_final, expected.persons);
    },
  );
});
