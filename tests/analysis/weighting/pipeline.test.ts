import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  collapseCells,
  reportMarkdown,
  runWeighting,
  WeightingError,
} from '../../../analysis/weighting/index.ts';
import { recipeOf } from './legacy.ts';
import { controls, households, options, persons, recipe } from './small-example.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${repo}tests/fixtures/weighting/small-expected.json`, 'utf8'));
const result = runWeighting(households, persons, recipe, null);
const hh = new Map(result.households.map((h) => [h.id, h]));

describe('weighting pipeline on the small example (by hand)', () => {
  it('step 1: w1_base = 1 / (pi1 pi2)', () => {
    expect(hh.get('A1-1')?.w1_base).toBeCloseTo(1 / (0.5 * (4 / 8)), 12); // 4
    expect(hh.get('A3-1')?.w1_base).toBeCloseTo(6, 12);
    expect(hh.get('B1-1')?.w1_base).toBeCloseTo(6.25, 12);
  });
  it('step 2: w2_elig = w1 (E + I + U) / (E + I) per EA; a household found ineligible gets 0', () => {
    expect(hh.get('A1-1')?.w2_elig).toBeCloseTo((4 * 20) / 18, 12);
    expect(hh.get('A3-2')?.w2_elig).toBeCloseTo((6 * 24) / 18, 12);
    expect(hh.get('B1-3')?.w2_elig).toBeCloseTo((6.25 * 20) / 15, 12);
    expect(hh.get('B3-2')?.w2_elig).toBe(0);
  });
  it('step 3: class factors sum(w2, eligible) / sum(w2, respondents); nonrespondents 0; total kept', () => {
    const cell = result.report.householdCells.find((c) => c.cell === 'A|x');
    expect(cell).toMatchObject({ respondents: 8, eligible: 12 });
    expect(cell?.factor).toBeCloseTo(1.5, 12);
    expect(hh.get('A1-1')?.w3_hhnr).toBeCloseTo(((4 * 20) / 18) * 1.5, 12);
    expect(hh.get('A1-3')?.w3_hhnr).toBe(0);
    const sum = (k: 'w2_elig' | 'w3_hhnr') => result.households.reduce((s, h) => s + h[k], 0);
    expect(sum('w3_hhnr')).toBeCloseTo(sum('w2_elig'), 9);
  });
  it('steps 4-6: every control total is reproduced (households, roster persons; 15+ for individuals)', () => {
    for (const c of result.report.controls)
      expect(Math.abs(c.difference), `${c.margin} ${c.category}`).toBeLessThan(1e-6);
    const adult = result.persons.reduce((s, p) => s + p.w_person_final, 0);
    expect(adult).toBeCloseTo(400, 6);
  });
  it('keeps each step as a variable and reports CV and Kish deff = 1 + CV^2', () => {
    expect(result.report.steps.map((s) => s.variable)).toContain('w_person_final');
    for (const s of result.report.steps) expect(s.kishDeff).toBeCloseTo(1 + s.cv ** 2, 12);
  });
  it('gives one JKn replicate per EA (rscale (n_h - 1) / n_h), each re-calibrated to the controls', () => {
    expect(result.replicates.hh).toHaveLength(8);
    expect(result.report.replicates.failed).toEqual([]);
    expect(result.replicates.rscales).toEqual(new Array(8).fill(3 / 4));
    const r = result.replicates.hh[0];
    const dropped = result.households
      .filter((h) => h.cluster === 'A1')
      .map((h) => result.households.indexOf(h));
    for (const i of dropped) expect(r[i]).toBe(0);
    const total = (w: Float64Array, s: string) =>
      result.households.reduce((t, h, i) => t + (h.stratum === s ? w[i] : 0), 0);
    expect(total(r, 'A')).toBeCloseTo(150, 8);
    const rp = result.replicates.roster[3];
    expect(rp.reduce((s, v) => s + v, 0)).toBeCloseTo(460, 6);
  });
});

describe('each calibration step equals R survey (postStratify, calibrate raking with bounds, trimming) within 1e-7', () => {
  it('w_hh = postStratify', () => {
    for (const [id, w] of Object.entries(expected.w_hh as Record<string, number>))
      expect(Math.abs((hh.get(id)?.w_hh as number) - w), id).toBeLessThan(1e-7);
  });
  for (const sc of expected.scenarios) {
    it(`bounds [${sc.bounds}], trim ${sc.trim} x stratum median: roster and person weights (${sc.roster_rounds}/${sc.person_rounds} trim rounds in R)`, () => {
      const r = runWeighting(
        households,
        persons,
        recipeOf(controls, { ...options, bounds: sc.bounds, trimFactor: sc.trim, replicates: false }),
        null,
      );
      const byId = new Map(r.persons.map((p) => [p.id, p]));
      for (const [id, w] of Object.entries(sc.w_roster_final as Record<string, number>))
        expect(Math.abs((byId.get(id)?.w_roster_final as number) - w), id).toBeLessThan(1e-7);
      for (const [id, w] of Object.entries(sc.w_person_final as Record<string, number>))
        expect(Math.abs((byId.get(id)?.w_person_final as number) - w), id).toBeLessThan(1e-7);
      expect(r.report.rosterRake.trimRounds).toBe(sc.roster_rounds);
      expect(r.report.personRake.trimRounds).toBe(sc.person_rounds);
      // the report's final range is R's final weight / the step's input (w_hh for the eligible
      // roster, w4_ind for the respondents), not the first calibration's g
      const ratios = (final: Record<string, number>, input: 'w_hh' | 'w4_ind') =>
        Object.entries(final)
          .filter(([, w]) => w > 0)
          .map(([id, w]) => w / (byId.get(id)?.[input] as number));
      for (const [rake, final, input] of [
        [r.report.rosterRake, sc.w_roster_final, 'w_hh'],
        [r.report.personRake, sc.w_person_final, 'w4_ind'],
      ] as const) {
        const q = ratios(final, input);
        expect(rake.finalMin).toBeCloseTo(Math.min(...q), 6);
        expect(rake.finalMax).toBeCloseTo(Math.max(...q), 6);
        expect(rake.withinBounds).toBe(Math.min(...q) >= 0.3 - 1e-9 && Math.max(...q) <= 3 + 1e-9);
      }
    });
  }
  it('the report prints the final / input range and says when trimming left the bounds', () => {
    const run = (bounds: [number, number], trimFactor: number) =>
      runWeighting(
        households,
        persons,
        recipeOf(controls, { ...options, bounds, trimFactor, replicates: false }),
        null,
      );
    const tight = run([0.4, 1.8], 1.5); // 13 and 20 trim rounds take the final ratios outside [0.4, 1.8]
    const md = reportMarkdown(tight.report);
    expect(md).toContain('| final / input min | final / input max |');
    const p = tight.report.personRake;
    expect(p.withinBounds).toBe(false);
    expect(p.finalMin < 0.4 || p.finalMax > 1.8).toBe(true);
    expect(md).toContain(`| ${p.finalMin.toFixed(3)} | ${p.finalMax.toFixed(3)} |`);
    expect(md).toContain(
      `individuals: the final weights are ${p.finalMin.toFixed(3)} to ${p.finalMax.toFixed(3)} times their input weights, outside the bounds [0.4, 1.8]`,
    );
    const loose = run([0.3, 3], 3.5);
    expect(loose.report.personRake.withinBounds).toBe(true);
    expect(reportMarkdown(loose.report)).not.toContain('outside the bounds');
  });
});

describe('bad input gets a clear error', () => {
  it('an empty weighting class names the cell', () => {
    const bad = households.map((h) =>
      h.cluster === 'B2' || h.stratum === 'B'
        ? { ...h, status: h.values.hh_class === 'y' ? ('nonrespondent' as const) : h.status }
        : h,
    );
    const p = persons.filter((q) => bad.find((h) => h.id === q.householdId)?.status === 'respondent');
    expect(() =>
      runWeighting(bad, p, recipeOf(controls, { ...options, collapseBelow: 0, replicates: false }), null),
    ).toThrow(/weighting class B\|y has eligible units but no responding one/);
  });
  it('collapses a small class into the smallest other class of its stratum', () => {
    const map = collapseCells(
      households
        .filter((h) => h.status !== 'ineligible')
        .map((h) => ({
          stratum: h.stratum,
          cls: h.values.hh_class as string | null,
          respondent: h.status === 'respondent',
        })),
      5,
    );
    expect(map.get('A|y')).toBe('A|x+y');
    expect(map.get('A|x')).toBe('A|x+y');
  });
  it('a calibration margin whose categories do not match the data', () => {
    expect(() =>
      runWeighting(
        households,
        persons,
        recipeOf({ ...controls, natGroup: { N1: 250, N3: 210 } }, { ...options, replicates: false }),
        null,
      ),
    ).toThrow(/margin 'nat_group': category 'N2' is in the data but not in the controls/);
  });
  it('raking that cannot converge within its bounds names the categories furthest from their controls', () => {
    let error: unknown;
    try {
      runWeighting(
        households,
        persons,
        recipeOf(controls, { ...options, bounds: [0.95, 1.05], replicates: false }),
        null,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WeightingError);
    expect((error as WeightingError).code).toBe('weighting.no_convergence');
    const message = (error as Error).message;
    expect(message).toMatch(/did not converge within bounds \[0.95, 1.05\]/);
    // three categories, each with the margin, its weighted total, its control and the factor it needs
    expect(
      message.match(
        /(stratum|sex_age|nat_group)=[^ ]+ \(weighted [0-9.]+ against a control of [0-9.]+; its sample weights would need x[0-9.]+ on average\)/g,
      ),
    ).toHaveLength(3);
    expect(message).toMatch(/collapse these categories/);
  });
  it('a unit without a valid selection probability', () => {
    const bad = [{ ...households[0], pi2: 0 }, ...households.slice(1)];
    expect(() => runWeighting(bad, persons, recipe, null)).toThrow(
      /Unit A1-1 \(cluster A1\) has inclusion probabilities/,
    );
  });
});
