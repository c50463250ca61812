/**
 * Randomised cross-check against R survey (scripts/r/random-designs.R): six random surveys with
 * strata, one or two stages, FPC at one or both stages, a lonely stratum under adjust / average /
 * certainty / remove, and missing values; means with deff, factor totals, svyBy, ratios,
 * Rao-Scott F and Wald, quantiles, design df and JKn conversions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LonelyPsu } from '../../analysis/index.ts';
import {
  asSvrepDesign,
  degf,
  svyBy,
  svyChisq,
  svyDesign,
  svyMean,
  svyQuantile,
  svyRatio,
  svyTotal,
} from '../../analysis/index.ts';
import { readCsv } from '../../analysis/io/csv.ts';
import { FIXTURES } from './oracle-runner.ts';

const DIR = join(FIXTURES, 'extra');
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const cases: any[] = JSON.parse(readFileSync(join(DIR, 'random.json'), 'utf8'));
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
const num = (x: any): number[] => (Array.isArray(x) ? x.flat(3).map(Number) : [Number(x)]);

function close(got: number[], want: number[], what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (Number.isNaN(w)) {
      expect(Number.isNaN(got[i]), what).toBe(true);
      continue;
    }
    const ok = Math.abs(got[i] - w) <= 1e-9 * Math.max(Math.abs(w), Math.abs(got[i])) + 1e-12;
    expect(ok, `${what}[${i}]: R ${w}, TS ${got[i]}`).toBe(true);
  }
}

describe('random designs vs R survey', () => {
  for (const c of cases) {
    it(`seed ${c.seed}: ${c.stages} stage(s), fpc ${c.fpc}, lonelyPsu ${c.lonely}`, () => {
      const data = readCsv(join(DIR, c.file));
      const twoStage = Number(c.stages) === 2;
      const d = svyDesign(
        {
          ids: twoStage ? ['psu', 'ssu'] : ['psu'],
          strata: 'st',
          weights: c.fpc && twoStage ? null : 'w',
          fpc: c.fpc ? (twoStage ? ['N1', 'N2'] : ['N1']) : null,
          nest: true,
          lonelyPsu: c.lonely as LonelyPsu,
        },
        data,
      );
      const r = c.results;
      const m = svyMean('y', d, { naRm: true, deff: true });
      close(m.estimate, num(r.mean_y.estimate), 'mean est');
      close(m.se, num(r.mean_y.se), 'mean se');
      close(m.deff ?? [], num(r.mean_y.deff), 'mean deff');
      const t = svyTotal('g', d, { deff: true });
      close(t.estimate, num(r.total_g.estimate), 'total est');
      close(t.se, num(r.total_g.se), 'total se');
      close(t.deff ?? [], num(r.total_g.deff), 'total deff');
      const b = svyBy('y', 'g', d, 'mean', { naRm: true });
      close(b.estimate, num(r.by_g_mean_y.estimate), 'by est');
      close(b.se, num(r.by_g_mean_y.se), 'by se');
      const ra = svyRatio('y', 'x', d, { naRm: true });
      close(ra.estimate, num(r.ratio_y_x.estimate), 'ratio');
      close(ra.se, num(r.ratio_y_x.se), 'ratio se');
      for (const s of ['F', 'Wald'] as const) {
        if (!r[`chisq_${s}`]) continue; // R: singular covariance (recorded as no result)
        const ch = svyChisq(['g', 'h'], d, s);
        close([ch.statistic], num(r[`chisq_${s}`].statistic), `chisq ${s}`);
        close(ch.parameter, num(r[`chisq_${s}`].parameter), `chisq ${s} df`);
        close([ch.pValue], num(r[`chisq_${s}`].p_value), `chisq ${s} p`);
      }
      const q = svyQuantile('x', d, [0.5]);
      close(q.estimate, num(r.quantile_x.estimate), 'quantile');
      close(q.ci[0], num(r.quantile_x.ci), 'quantile ci');
      close([degf(d)], num(r.degf.value), 'degf');
      if (r.jkn_mean) {
        const rm = svyMean(['x', 'g'], asSvrepDesign(d, { type: 'JKn' }));
        close(rm.estimate, num(r.jkn_mean.estimate), 'jkn est');
        close(rm.se, num(r.jkn_mean.se), 'jkn se');
      }
    });
  }
});
