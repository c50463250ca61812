/**
 * The recipe weights a one-stage stratified sample without a roster (each desk a certainty cluster and
 * its own stratum, visits sampled systematically per desk-week, pi2 = sampled / tallied): base weights,
 * nonresponse within the desk, post-stratification of the respondents and ineligible visits to the
 * desks' service counts (the ineligible then leave), JKn replicates with the visits as PSUs. Every
 * weight and replicate weight equals R survey's (scripts/r/weighting-one-stage.R: svydesign(ids = ~1,
 * strata = ~desk), as.svrepdesign(type = 'JKn'), postStratify) within 1e-10 relative.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe, runWeighting, type UnitInput } from '../../../analysis/weighting/index.ts';
import { maxRelative } from './baseline.ts';

const dir = new URL('../../fixtures/weighting/one-stage/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  ids: string[];
  w1_base: number[];
  w3_hhnr: number[];
  w_hh: number[];
  rscales: Record<string, number>;
  replicates: Record<string, number[]>;
};
const lines = readFileSync(new URL('units.csv', dir), 'utf8').trim().split('\n').slice(1);
const units: UnitInput[] = lines.map((line) => {
  const [id, desk, , tallied, sampled, status] = line.split(',');
  return {
    id,
    cluster: desk,
    stratum: desk,
    pi1: 1,
    pi2: Number(sampled) / Number(tallied),
    E: null,
    I: null,
    U: null,
    certainty: true,
    status: status as UnitInput['status'],
    values: {},
  };
});
const parsed = parseRecipe({
  survey: 'desks',
  base: { inclusion: ['pi1', 'pi2'] },
  units: {
    nonresponse: { by: [], collapse: { minRespondents: 1 } },
    ineligibleInCalibration: true,
    calibration: {
      method: 'postStratify',
      margins: [{ variable: 'stratum', controls: { design: 'post_stratification.totals' } }],
    },
  },
  replicates: { method: 'JKn' },
});
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const design = {
  post_stratification: { totals: JSON.parse(readFileSync(new URL('controls.json', dir), 'utf8')) },
};
const result = runWeighting(units, [], parsed.recipe, design);
const TOL = 1e-10;

describe('a one-stage stratified survey without a roster, against R survey', () => {
  it('has what the check needs: nonrespondents and ineligible visits in several desks', () => {
    expect(result.households.map((h) => h.id)).toEqual(expected.ids);
    expect(units.filter((u) => u.status === 'nonrespondent').length).toBeGreaterThan(2);
    expect(new Set(units.filter((u) => u.status === 'ineligible').map((u) => u.stratum)).size).toBe(2);
  });
  it('w1_base = tallied / sampled, w3 within the desk, w_hh post-stratified with the ineligible then dropped', () => {
    expect(
      maxRelative(
        result.households.map((h) => h.w1_base),
        expected.w1_base,
        'w1',
      ),
    ).toBeLessThan(TOL);
    expect(
      maxRelative(
        result.households.map((h) => h.w3_hhnr),
        expected.w3_hhnr,
        'w3',
      ),
    ).toBeLessThan(TOL);
    expect(
      maxRelative(
        result.households.map((h) => h.w_hh),
        expected.w_hh,
        'w_hh',
      ),
    ).toBeLessThan(TOL);
    // the controls count every visit: respondents plus the ineligible ones before they leave
    for (const c of result.report.controls) expect(Math.abs(c.difference)).toBeLessThan(1e-9);
    expect(result.persons).toEqual([]);
  });
  it('one JKn replicate per visit (desk/visit), the rscales of R, and every replicate weight', () => {
    expect([...result.replicates.psus].sort()).toEqual(Object.keys(expected.replicates).sort());
    expect(result.replicates.psus).toHaveLength(41);
    let worst = 0;
    result.replicates.psus.forEach((label, j) => {
      expect(Math.abs(result.replicates.rscales[j] - expected.rscales[label])).toBeLessThan(1e-14);
      worst = Math.max(worst, maxRelative(result.replicates.hh[j], expected.replicates[label], label));
    });
    expect(worst).toBeLessThan(TOL);
    expect(result.report.replicates.failed).toEqual([]);
  });
});
