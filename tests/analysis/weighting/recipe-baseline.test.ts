/**
 * The recipe's pipeline reproduces the weights of the fixed pipeline it replaced, at 1e-10 relative:
 * the replicate example (tests/analysis/weighting/replicates-example.ts, as a recipe with inline
 * totals) in the full sample, every step, and in all 27 JKn replicates. The IPEI recipe itself
 * (questionnaires/ipei/weighting.json) is compared on the simulated demo in tests/simulate/weights.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runWeighting } from '../../../analysis/weighting/index.ts';
import { expectFullSample, maxRelative, readBaseline, TOL } from './baseline.ts';
import { households, persons, recipe } from './replicates-example.ts';

const baseline = readBaseline('example.json.gz');
const result = runWeighting(households, persons, recipe, null);

describe('the recipe pipeline against the weights before the recipe (replicate example)', () => {
  it('full sample: w1_base, w2_elig, w3_hhnr, w_hh, w4_ind, w_roster_final, w_person_final, cells, trim rounds', () => {
    expectFullSample(result, baseline);
  });
  it('the same 27 JKn replicates with the same rscales, and w_hh, w_roster_final, w_person_final of each', () => {
    const b = baseline.replicates;
    if (!b) throw new Error('the example baseline has replicates');
    expect(result.replicates.psus).toEqual(b.psus);
    expect(result.replicates.psus).toHaveLength(27);
    expect(maxRelative(result.replicates.rscales, b.rscales, 'rscales')).toBeLessThan(1e-14);
    let max = 0;
    b.psus.forEach((label, j) => {
      max = Math.max(
        max,
        maxRelative(result.replicates.hh[j], b.hh[j], `${label} w_hh`),
        maxRelative(result.replicates.roster[j], b.roster[j], `${label} w_roster_final`),
        maxRelative(result.replicates.person[j], b.person[j], `${label} w_person_final`),
      );
    });
    expect(max).toBeLessThan(TOL);
  });
});
