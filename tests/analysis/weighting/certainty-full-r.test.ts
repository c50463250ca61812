/**
 * A certainty EA whose every household was interviewed (pi2 = 1) adds no replicate variance: its
 * variance stratum gets no JKn replicate, as R survey's as.svrepdesign(type = 'JKn') with an FPC of
 * sampling fraction 1 there (scripts/r/certainty-full.R). The other replicates, their rscales and
 * the replicate SE of a total equal R's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svrVar } from '../../../analysis/variance/replicate.ts';
import { jknReplicates, type UnitInput } from '../../../analysis/weighting/index.ts';

const dir = new URL('../../fixtures/weighting/certainty-full/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  rscales: Record<string, number>;
  total: number;
  se: number;
};
const rows = readFileSync(new URL('units.csv', dir), 'utf8').trim().split('\n').slice(1);
const unq = (s: string) => s.replace(/^"|"$/g, '');
const units: UnitInput[] = rows.map((line) => {
  const [id, cluster, stratum, pi1, pi2, certainty] = line.split(',').map(unq);
  return {
    id,
    cluster,
    stratum,
    pi1: Number(pi1),
    pi2: Number(pi2),
    E: null,
    I: null,
    U: null,
    certainty: certainty === 'TRUE',
    status: 'respondent',
    values: {},
  };
});
const y = rows.map((line) => Number(line.split(',')[6]));
const w1 = Float64Array.from(units, (u) => 1 / (u.pi1 * u.pi2));
const { replicates, complete } = jknReplicates(units, w1);

describe('a certainty EA taken in full, against R with an FPC', () => {
  it('gets no replicate; the others and their rscales are R’s', () => {
    expect(complete).toEqual(['A:A0']);
    const ours = Object.fromEntries(replicates.map((r) => [`${r.varStratum}/${r.psu}`, r.rscale]));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(expected.rscales).sort());
    for (const [label, s] of Object.entries(expected.rscales)) expect(ours[label]).toBeCloseTo(s, 12);
  });
  it('the replicate SE of a total is R’s', () => {
    const total = (w: Float64Array) => w.reduce((s, v, i) => s + v * y[i], 0);
    expect(total(w1)).toBeCloseTo(expected.total, 9);
    const v = svrVar(
      replicates.map((r) => Float64Array.of(total(r.w1))),
      1,
      replicates.map((r) => r.rscale),
      false,
      [total(w1)],
    );
    expect(Math.abs(Math.sqrt(v[0]) - expected.se) / expected.se).toBeLessThan(1e-12);
  });
});
