/** The reliability rule: suppress below min_n respondents (the domain base of a proportion), flag CV above cv_flag. */
import { describe, expect, it } from 'vitest';
import type { TableResult } from '../../../analysis/tables/compute.ts';
import { legend, reliabilityOf, rulesFromDesign } from '../../../analysis/tables/reliability.ts';
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
    expect(legend(rules, 'en')).toMatch(/fewer than 30 respondents: cell suppressed/);
  });
  it('applies to the cells of a table: base = respondents of the domain', () => {
    const run = computeTables(
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
      rules,
    );
    const t = run.tables[0] as TableResult;
    const all = t.cells.filter((c) => c.domain.length === 0);
    expect(all.map((c) => c.base)).toEqual([136, 136]);
    expect(all.map((c) => c.n)).toEqual([86, 50]);
    expect(all.every((c) => c.reliability === 'ok')).toBe(true);
    const strata = t.cells.filter((c) => c.domain.length === 1);
    for (const c of strata) {
      const levels = strata.filter((x) => x.domain[0].code === c.domain[0].code);
      expect(c.base).toBe(levels[0].n + levels[1].n);
      expect(c.reliability).toBe(reliabilityOf(c.base, c.cv, rules));
    }
    // Stratum SL: 33 respondents, yet the CV of 'No' is 0.287 and of 'Yes' 0.207: both kept.
    expect(strata.filter((c) => c.domain[0].code === 'SL').map((c) => c.reliability)).toEqual(['ok', 'ok']);
    // BV 'No': CV 0.304 with 37 respondents: flagged, not suppressed.
    expect(strata.find((c) => c.domain[0].code === 'BV' && c.level?.code === 2)?.reliability).toBe('flag');
    // A 33-respondent floor suppresses SV (32) only, both its levels.
    const strict = computeTables(
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
      { cvFlag: 0.3, minN: 33 },
    ).tables[0];
    const suppressed = strict.cells.filter((c) => c.reliability === 'suppress').map((c) => c.domain[0].code);
    expect(suppressed).toEqual(['SV', 'SV']);
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
    const c = run.tables[0].cells.find((x) => x.domain[0]?.code === 2 && x.level?.code === 2);
    expect(c?.base).toBe(62);
    expect(c?.cv).toBeGreaterThan(0.15);
    expect(c?.reliability).toBe('flag');
  });
});
