import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  allocationOf,
  checkSelection,
  parseFrameCsv,
  ppsProbabilities,
  ruleAllocation,
  SamplingError,
  seededUniform,
  selectFirstStage,
  selectHouseholds,
  selectSample,
  systematicPps,
} from '../../../analysis/sampling/index.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const frame = parseFrameCsv(readFileSync(`${repo}questionnaires/ipei/frame.csv`, 'utf8'));
const design = JSON.parse(readFileSync(`${repo}questionnaires/ipei/design.json`, 'utf8'));

describe('allocation (ipei.md 5.4)', () => {
  it("design.json's allocation rule (sqrt of the foreign population, minimum 3, 120 EAs) gives its per-stratum sample sizes, the table of 5.4", () => {
    expect(ruleAllocation(design)).toEqual(allocationOf(design));
    expect(ruleAllocation(design)).toEqual({
      PR: 27,
      SL: 20,
      BV: 15,
      SV: 15,
      ST: 10,
      SA: 9,
      FG: 8,
      SN: 7,
      MA: 6,
      BR: 3,
    });
  });
  it('raises a small stratum to the minimum and caps a stratum at its frame size', () => {
    const a = allocate(
      [
        { stratum: 'A', size: 10000, units: 4 },
        { stratum: 'B', size: 1, units: 50 },
        { stratum: 'C', size: 2500, units: 50 },
      ],
      { total: 20, power: 1, minimum: 3 },
    );
    expect(a).toEqual({ A: 4, B: 3, C: 13 });
  });
  it('refuses a total larger than the frame', () => {
    expect(() => allocate([{ stratum: 'A', size: 5, units: 4 }], { total: 5 })).toThrow(
      /exceeds the 4 units/,
    );
  });
});

describe('first stage: systematic PPS with certainty units', () => {
  const sample = selectSample(frame, design);
  it('selects the allocated number of EAs per stratum, and the probabilities sum to n_h', () => {
    const count: Record<string, number> = {};
    const sum: Record<string, number> = {};
    for (const u of sample.selected) count[u.stratum] = (count[u.stratum] ?? 0) + 1;
    for (const r of frame)
      sum[String(r.stratum)] = (sum[String(r.stratum)] ?? 0) + (sample.pi.get(String(r.ea_id)) as number);
    for (const s of design.strata) {
      expect(count[s.code], s.code).toBe(s.eas_sampled);
      expect(sum[s.code], s.code).toBeCloseTo(s.eas_sampled, 9);
    }
    expect(sample.selected).toHaveLength(120);
  });
  it('gives pi = 1 to certainty EAs and 0 < pi < 1 to the others; every EA has pi > 0 (MOS floor 0.5)', () => {
    for (const u of sample.selected) expect(u.certainty ? u.pi1 === 1 : u.pi1 < 1).toBe(true);
    for (const r of frame) expect(sample.pi.get(String(r.ea_id)) as number).toBeGreaterThan(0);
    expect(sample.certaintyCount.BV).toBeGreaterThanOrEqual(5);
  });
  it('re-allocates n among the rest once a unit is certain', () => {
    const { pi, certainty } = ppsProbabilities([100, 10, 10, 10, 10], 3);
    expect(certainty).toEqual([true, false, false, false, false]);
    expect(pi).toEqual([1, 0.5, 0.5, 0.5, 0.5]);
  });
  it('is reproducible from its seed and changes with it', () => {
    const ids = (seed: number) => selectSample(frame, design, seed).selected.map((u) => u.id);
    expect(ids(20221215)).toEqual(sample.selected.map((u) => u.id));
    expect(ids(7)).not.toEqual(ids(20221215));
  });
  it('selects each unit with frequency equal to its probability (Monte Carlo, 4000 draws, |f - pi| < 4.5 SE)', () => {
    const mos = [40, 1, 3, 8, 0.5, 12, 2, 6, 25, 5, 9, 0.5, 15, 4, 7, 30, 2, 11, 3, 6];
    const units = mos.map((m, i) => ({ id: `u${i}`, mos: m }));
    const n = 6;
    const { pi } = ppsProbabilities(mos, n);
    const hits = new Array(mos.length).fill(0);
    const draws = 4000;
    const uniform = seededUniform(99);
    for (let d = 0; d < draws; d++) {
      const r = systematicPps(units, n, 'T', uniform);
      expect(r.selected).toHaveLength(n);
      for (const i of r.selected) hits[i]++;
    }
    hits.forEach((h, i) => {
      const se = Math.sqrt((pi[i] * (1 - pi[i])) / draws);
      expect(Math.abs(h / draws - pi[i]), `unit ${i} pi ${pi[i]}`).toBeLessThanOrEqual(4.5 * se + 1e-12);
    });
  });
});

describe('bad frames and allocations get errors naming the EA or stratum', () => {
  const units = (sizes: Array<number | null>) =>
    sizes.map((s, i) => ({ id: `CV-XX-${i}`, stratum: 'XX', size: s }));
  it('missing measure of size', () => {
    expect(() => selectFirstStage(units([3, null, 2]), { allocation: { XX: 1 }, seed: 1 })).toThrow(
      /EA CV-XX-1 \(stratum XX\) has a missing or negative measure of size/,
    );
  });
  it('negative measure of size', () => {
    expect(() => selectFirstStage(units([3, -2, 2]), { allocation: { XX: 1 }, seed: 1 })).toThrow(
      SamplingError,
    );
  });
  it('a stratum allocated more units than it has', () => {
    expect(() => selectFirstStage(units([3, 1, 2]), { allocation: { XX: 4 }, seed: 1 })).toThrow(
      /Stratum XX is allocated 4 units but has only 3 in the frame: lower its allocation to at most 3/,
    );
  });
});

describe('second stage: households from the listing', () => {
  it('takes m = 15 systematically when E > 15, pi2 = m / E, distinct positions inside the list', () => {
    const s = selectHouseholds(40, 15, seededUniform(3));
    expect(s.m).toBe(15);
    expect(s.pi2).toBeCloseTo(15 / 40, 12);
    expect(new Set(s.positions).size).toBe(15);
    expect(Math.max(...s.positions)).toBeLessThan(40);
  });
  it('takes all when E <= 15 (pi2 = 1)', () => {
    expect(selectHouseholds(9, 15, seededUniform(3))).toMatchObject({
      m: 9,
      pi2: 1,
      takeAll: true,
      positions: [0, 1, 2, 3, 4, 5, 6, 7, 8],
    });
  });
  it('selects each household with probability m / E (Monte Carlo, 3000 draws)', () => {
    const hits = new Array(23).fill(0);
    const u = seededUniform(11);
    for (let d = 0; d < 3000; d++) for (const p of selectHouseholds(23, 15, u).positions) hits[p]++;
    const pi = 15 / 23;
    const se = Math.sqrt((pi * (1 - pi)) / 3000);
    for (const h of hits) expect(Math.abs(h / 3000 - pi)).toBeLessThanOrEqual(4.5 * se);
  });
  it('refuses a listing with more selected households than eligible ones', () => {
    expect(() => checkSelection('CV-PR-0012', 9, 12)).toThrow(
      /EA CV-PR-0012: 12 households selected but the listing has only 9 eligible/,
    );
    expect(checkSelection('CV-PR-0012', 30, 15)).toBe(0.5);
  });
});
