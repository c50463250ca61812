/**
 * The variance functions' warnings a model or a table meets are coded, never `other`: each sentence
 * svrVar (dropped replicates) and svyRecVar (a domain's lonely PSU) writes is made here by running
 * the function, and varianceWarning gives its code and detail; a sentence from no known producer
 * stays `other` with its English as the detail.
 */
import { describe, expect, it } from 'vitest';
import { subsetAny, svyDesign, svyMean } from '../../../analysis/index.ts';
import { svrVar } from '../../../analysis/variance/replicate.ts';
import { varianceWarning } from '../../../analysis/variance/variance-warnings.ts';

describe('varianceWarning', () => {
  it("codes svrVar's dropped replicates with their count", () => {
    const warnings: string[] = [];
    const thetas = [1, Number.NaN, 2, Number.NaN, 3].map((x) => new Float64Array([x]));
    svrVar(thetas, 1, [1, 1, 1, 1, 1], false, [2], warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings.map(varianceWarning)).toEqual([{ code: 'replicates_discarded', detail: '2' }]);
  });

  it("codes svyRecVar's lonely PSU of a domain with its stratum", () => {
    const frame = {
      h: Float64Array.from([1, 1, 1, 1, 2, 2, 2, 2]),
      psu: Float64Array.from([1, 1, 2, 2, 3, 3, 4, 4]),
      w: new Float64Array(8).fill(2),
      y: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
    };
    const d = svyDesign(
      { ids: ['psu'], strata: 'h', weights: 'w', lonelyPsu: 'adjust', adjustDomainLonely: true },
      frame,
    );
    // the domain keeps one PSU of stratum 1 (rows 1-2) and both of stratum 2
    const est = svyMean('y', subsetAny(d, Uint8Array.from([1, 1, 0, 0, 1, 1, 1, 1])));
    expect(est.warnings.length).toBeGreaterThan(0);
    const codes = est.warnings.map(varianceWarning);
    expect(codes).toContainEqual({ code: 'lonely_psu', detail: '1' });
    expect(codes.map((c) => c.code)).not.toContain('other');
  });

  it('keeps an unknown sentence as `other`, its English the detail', () => {
    expect(varianceWarning('Something new happened.')).toEqual({
      code: 'other',
      detail: 'Something new happened.',
    });
  });
});
