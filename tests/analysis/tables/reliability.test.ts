/** The reliability rule on each cell's own n and CV: empty at n = 0, suppress below min_n, flag CV above cv_flag. */
import { describe, expect, it } from 'vitest';
import { published } from '../../../analysis/export/tables-csv.ts';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { legend, MARK, reliabilityOf, rulesFromDesign } from '../../../analysis/tables/reliability.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { data, labels, plans, rules, table } from './helpers.ts';

describe('reliability rules', () => {
  it('reads the thresholds of design.json', () => {
    expect(rulesFromDesign({ reliability: { cv_flag: 0.3, min_n: 30 } })).toEqual({ cvFlag: 0.3, minN: 30 });
  });
  it('suppresses below min_n, flags above the CV threshold, keeps the rest', () => {
    expect(reliabilityOf(29, 0.01, rules)).toBe('suppress');
    expect(reliabilityOf(30, 0.3, rules)).toBe('ok');
    expect(reliabilityOf(30, 0.3001, rules)).toBe('flag');
    expect(reliabilityOf(100, Number.NaN, rules)).toBe('flag');
  });
  it('says so in the legend, in both languages', () => {
    expect(legend(rules, 'pt')).toContain('30%');
    expect(legend(rules, 'en')).toMatch(/fewer than 30 respondents in the cell itself: cell suppressed/);
    expect(legend(rules, 'en')).toMatch(/- no respondent in the sample: no estimate/);
  });
  it("counts each cell's own respondents, not its domain's base", () => {
    const t = computeTables(
      plans([
        table('T3', { unit: 'roster', statistic: 'proportion', variable: 'c03_sex', domains: ['age_group'] }),
      ]),
      data(),
      labels(),
      rules,
    ).tables[0] as TableResult;
    for (const c of t.cells) {
      const levels = t.cells.filter((x) => String(x.domain[0]?.code) === String(c.domain[0]?.code));
      expect(c.base).toBe(levels.reduce((s, x) => s + x.n, 0));
      expect(c.reliability).toBe(reliabilityOf(c.n, c.cv, rules));
    }
    // Age 15-34: a base of 62 respondents, but only 24 women: the women's share is suppressed,
    // the men's (38) is published (the old rule, on the base, published both).
    const young = t.cells.filter((c) => c.domain[0]?.code === 2);
    expect(young.map((c) => [c.level?.code, c.n, c.base, c.reliability])).toEqual([
      [1, 38, 62, 'ok'],
      [2, 24, 62, 'suppress'],
    ]);
    expect(published(young[1]).estimate).toBeNull();
  });
  it('applies the thresholds of the rules to the cells of a table', () => {
    const t = computeTables(
      plans([
        table('T1', {
          unit: 'individual',
          statistic: 'proportion',
          variable: 'j01_remit',
          domains: ['stratum'],
        }),
      ]),
      data(),
      labels(),
      { cvFlag: 0.3, minN: 11 },
    ).tables[0] as TableResult;
    const all = t.cells.filter((c) => c.domain.length === 0);
    expect(all.map((c) => c.base)).toEqual([136, 136]);
    expect(all.map((c) => c.n)).toEqual([86, 50]);
    expect(all.every((c) => c.reliability === 'ok')).toBe(true);
    // BV 'No': CV 0.304 with 12 respondents: flagged, not suppressed; SV 'No' (10) suppressed.
    const at = (s: string, level: number) =>
      t.cells.find((c) => c.domain[0]?.code === s && c.level?.code === level);
    expect(at('BV', 2)?.reliability).toBe('flag');
    expect(at('SV', 2)?.reliability).toBe('suppress');
    expect(at('SV', 1)?.reliability).toBe('ok');
  });
  it('never publishes a cell with no respondent as an estimate, whatever min_n says', () => {
    const d = data();
    // nobody under 15 is a woman: the cell (0-14, female) has n = 0 inside a domain of 16
    const age = d.persons.c05_age as Float64Array;
    const sex = d.persons.c03_sex as Float64Array;
    d.persons.c03_sex = sex.map((x, i) => (age[i] < 15 ? 1 : x));
    for (const minN of [0, 1, 30]) {
      const t = computeTables(
        plans([
          table('T3', {
            unit: 'roster',
            statistic: 'proportion',
            variable: 'c03_sex',
            domains: ['age_group'],
          }),
        ]),
        d,
        labels(),
        { cvFlag: 0.3, minN },
      ).tables[0] as TableResult;
      const c = t.cells.find((x) => x.domain[0]?.code === 1 && x.level?.code === 2);
      expect(c?.n).toBe(0);
      expect(c?.base).toBe(16);
      expect(c?.reliability).toBe('empty');
      expect(MARK.empty).toBe('-');
      expect(published(c as TableResult['cells'][number])).toEqual({
        estimate: null,
        se: null,
        ciLower: null,
        ciUpper: null,
        cv: null,
        deff: null,
      });
    }
    expect(reliabilityOf(0, Number.NaN, { cvFlag: 0.3, minN: 0 })).toBe('empty');
  });
  it('flags a cell with a large CV and enough respondents', () => {
    const run = computeTables(
      plans([
        table('T3', { unit: 'roster', statistic: 'proportion', variable: 'c03_sex', domains: ['age_group'] }),
      ]),
      data(),
      labels(),
      { cvFlag: 0.15, minN: 30 },
    );
    const c = run.tables[0].cells.find((x) => x.domain[0]?.code === 3 && x.level?.code === 2);
    expect(c?.n).toBe(33);
    expect(c?.cv).toBeGreaterThan(0.15);
    expect(c?.reliability).toBe('flag');
  });
});
