import { describe, expect, it } from 'vitest';
import { surveyContextFrom } from '../../analysis/tables/context.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import { buildCodebook } from '../../server/domain/codebook.ts';
import { exit, read, weightedData } from './desks-weighted-data.ts';

/**
 * The desks tables.json computed by the engine's tables on the simulated interviews (week 1, stand-in
 * weights: desks-weighted-data.ts), with the profile's special codes.
 */
describe('desks tables.json on the simulated interviews', () => {
  const data = weightedData();
  const context = surveyContextFrom(
    'desks',
    read('tables.json'),
    read('design.json'),
    buildCodebook(exit).map((e) => ({ ...e, level: 'household' })),
  );
  const specialCodes = read('profile.json').specialCodes;
  const run = computeTables(
    context.file,
    data,
    context.labels,
    context.rules,
    undefined,
    undefined,
    specialCodes,
  );
  const table = (id: string) => run.tables.find((t) => t.id === id);

  it('computes all seven tables without an issue', () => {
    expect(run.issues).toEqual([]);
    expect(run.tables.map((t) => t.id)).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07']);
  });

  it('gives the weighted share of each purpose as computed by hand from the weights', () => {
    const w = data.households.w_visit as Float64Array;
    const purpose = data.households.q01_purpose as Float64Array;
    const total = w.reduce((s, v) => s + v, 0);
    const byHand = w.reduce((s, v, i) => s + (purpose[i] === 1 ? v : 0), 0) / total;
    const cell = table('D04')?.cells.find((c) => String(c.level?.code) === '1');
    expect(cell?.estimate).toBeCloseTo(byHand, 12);
  });

  it('has every island and every desk as a domain, and plausible waiting times', () => {
    const domains = (id: string) =>
      new Set(
        table(id)
          ?.cells.filter((c) => c.domain.length)
          .map((c) => String(c.domain[0].code)),
      );
    expect(domains('D01').size).toBe(9);
    expect(domains('D02').size).toBe(18);
    expect(domains('D03').size).toBe(18);
    for (const c of table('D02')?.cells ?? []) {
      expect(c.estimate).toBeGreaterThan(0);
      expect(c.estimate).toBeLessThan(480);
    }
  });
});
