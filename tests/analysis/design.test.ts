/**
 * The design value refuses the impossible with messages that name the fix, warns on the
 * suspicious, and keeps R's conventions (degrees of freedom, weights from fpc, BRR balance).
 */
import { describe, expect, it } from 'vitest';
import { asSvrepDesign, degf, svyDesign, svyMean } from '../../analysis/index.ts';
import { data } from './oracle-runner.ts';

const apiclus1 = data('apiclus1');
const nhanes = data('nhanes');

describe('svyDesign validation', () => {
  it('refuses PSUs that cross strata unless nest is set', () => {
    expect(() => svyDesign({ ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR' }, nhanes)).toThrow(
      /nest: true/,
    );
    expect(
      degf(svyDesign({ ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true }, nhanes)),
    ).toBe(16);
  });
  it('refuses negative and missing weights, naming the row', () => {
    const w = Float64Array.from(apiclus1.pw as Float64Array);
    w[4] = -1;
    expect(() => svyDesign({ ids: ['dnum'], weights: 'w' }, { ...apiclus1, w })).toThrow(
      /Negative weight -1 .* row 5/,
    );
    w[4] = Number.NaN;
    expect(() => svyDesign({ ids: ['dnum'], weights: 'w' }, { ...apiclus1, w })).toThrow(
      /Missing value in weights .* row 5/,
    );
  });
  it('refuses an unknown column and lists the available ones', () => {
    expect(() => svyDesign({ ids: ['district'], weights: 'pw' }, apiclus1)).toThrow(
      /Unknown ids column 'district'. Use one of: cds/,
    );
  });
  it('refuses a single PSU and mixed fpc conventions', () => {
    const one = new Float64Array(apiclus1.pw.length).fill(1);
    expect(() => svyDesign({ ids: ['one'], weights: 'pw' }, { ...apiclus1, one })).toThrow(
      /only one primary sampling unit/,
    );
    const f = Float64Array.from({ length: one.length }, (_, i) => (i === 0 ? 0.5 : 757));
    expect(() => svyDesign({ ids: ['dnum'], fpc: 'f' }, { ...apiclus1, f })).toThrow(/all fpc >= 1/);
  });
  it('warns about lonely PSUs at design time and fails at variance time under lonelyPsu fail', () => {
    const d = svyDesign({ ids: [], strata: 'dnum', weights: 'pw' }, apiclus1);
    expect(d.warnings.join(' ')).toMatch(/single PSU .*lonelyPsu/);
    expect(() => svyMean('api00', d)).toThrow(/Stratum \(413\) has only one PSU at stage 1.*lonelyPsu/);
  });
  it('derives weights from population sizes at every stage (dsrs: 6194/200)', () => {
    const d = svyDesign({ ids: [], fpc: ['fpc'] }, data('apisrs'));
    expect(d.weights[0]).toBeCloseTo(30.97, 12);
  });
});

describe('BRR half-samples', () => {
  it('every PSU is in exactly half of the replicates (no stratum on the all-ones column)', () => {
    // nhanes minus stratum 86 (which has 3 PSUs) gives 2 PSUs per stratum.
    const keep = Array.from({ length: nhanes.SDMVSTRA.length }, (_, i) => nhanes.SDMVSTRA[i] !== 86);
    const sub: Record<string, unknown[]> = {};
    for (const [k, col] of Object.entries(nhanes)) sub[k] = Array.from(col).filter((_, i) => keep[i]);
    const d = svyDesign(
      { ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true },
      sub as never,
    );
    const r = asSvrepDesign(d, { type: 'BRR' });
    const m = r.multipliers;
    expect(m).toBeDefined();
    if (!m) return;
    for (let c = 0; c < m.nPsu; c++) {
      let active = 0;
      for (let k = 0; k < r.nReplicates; k++) if (m.values[c * r.nReplicates + k] > 0) active++;
      expect(active).toBe(r.nReplicates / 2);
    }
  });
});
