/**
 * svyCiprop's likelihood interval on a domain where a replicate share of the level is 0 (tables
 * fixture, stratum PR, c11_cv_ancestry level 98: one answer): the logit's replicate variance is not
 * finite, R stops with an error (scripts/r/ciprop-likelihood-degenerate.R), and the engine returned
 * nothing at all: it aborted the Node process ("Fatal JavaScript invalid size error") in approx's
 * tie loop on a NaN grid. Now NaN limits with a warning; approx drops NaN pairs as R does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svyCipropLevels } from '../../analysis/estimators/ciprop.ts';
import { subsetAny } from '../../analysis/estimators/core.ts';
import { svyCiprop } from '../../analysis/index.ts';
import { approx } from '../../analysis/spline.ts';
import { individualDesign, individualFrame } from '../helpers/individual-fixture.ts';

const dir = 'tests/fixtures/tables';
const golden = JSON.parse(readFileSync(`${dir}/ciprop-likelihood-degenerate.json`, 'utf8'));
const frame = individualFrame(['stratum', 'c11_cv_ancestry']);
const design = individualDesign(frame);
const pr = subsetAny(
  design,
  Float64Array.from(frame.stratum as string[], (x) => (x === 'PR' ? 1 : 0)),
);

describe('likelihood interval with a replicate share of 0', () => {
  it('R stops on this domain (its replicate share of 0 recorded)', () => {
    expect(golden['98'].minReplicate).toBe(0);
    expect(golden['98'].error).toMatch(/finite/);
  });

  it('gives R estimate, NaN limits and a warning instead of aborting the process', () => {
    const r = svyCiprop('c11_cv_ancestry', pr, { method: 'likelihood', df: 7 }, '98');
    expect(r.estimate[0]).toBeCloseTo(golden['98'].p, 12);
    expect(r.ci[0][0]).toBeNaN();
    expect(r.ci[0][1]).toBeNaN();
    expect(r.warnings?.join(' ')).toMatch(/no likelihood interval/);
    // the tables' path (every level at once) gives the same
    const all = svyCipropLevels('c11_cv_ancestry', pr, { method: 'likelihood', df: 7 }, ['98']);
    expect(all[0]).toEqual(r);
  });

  it('approx drops NaN pairs (R) and gives NaN when none is left', () => {
    expect(approx([Number.NaN, 0, 1], [5, 0, 2], 0.5)).toBe(1);
    expect(approx([Number.NaN], [Number.NaN], 0)).toBeNaN();
  });
});
