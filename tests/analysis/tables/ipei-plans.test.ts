/**
 * The real plan file (questionnaires/ipei/tables.json) against the real codebook: every standard
 * table is valid and computes on the WeightedData fixture, with titles in both languages and every
 * cell's statistics; a multiple-choice variable is refused with the fix.
 */
import { describe, expect, it } from 'vitest';
import { computeTables } from '../../../analysis/tables/run.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data, table } from './helpers.ts';

const ctx = loadSurveyContext('ipei');
const run = computeTables(ctx.file, data(), ctx.labels, ctx.rules);

describe('questionnaires/ipei/tables.json', () => {
  it('declares the standard tables of the thematic studies, each valid and made', () => {
    expect(ctx.rules).toEqual({ cvFlag: 0.3, minN: 30 });
    expect(run.issues).toEqual([]);
    expect(run.tables.length).toBe(ctx.file.tables.length);
    expect(run.tables.length).toBeGreaterThanOrEqual(25);
  });
  it('covers the standard tabulation domains of ipei.md 5.11', () => {
    const domains = new Set(run.tables.flatMap((t) => t.domains.map((d) => d.name)));
    for (const d of ['stratum', 'c03_sex', 'age_group', 'nat_group', 'ecowas', 'years_in_cv'])
      expect(domains, d).toContain(d);
  });
  it('every cell carries estimate, SE, CI, CV, deff (but for medians), n, base and a reliability rule', () => {
    for (const t of run.tables) {
      expect(t.title.pt.length).toBeGreaterThan(0);
      expect(t.title.en.length).toBeGreaterThan(0);
      for (const c of t.cells) {
        expect(Number.isFinite(c.estimate), `${t.id}`).toBe(true);
        expect(c.ciLower).toBeLessThanOrEqual(c.estimate);
        if (t.statistic !== 'median') expect(c.deff).not.toBeNull();
        expect(c.n).toBeGreaterThanOrEqual(0);
        expect(c.base).toBeGreaterThan(0);
        expect(['ok', 'flag', 'suppress', 'empty']).toContain(c.reliability);
      }
    }
  });
  it('labels domains and categories from the codebook and the derived variables', () => {
    const t = run.tables.find((x) => x.id === 'T03');
    expect(t?.cells[0].level).toMatchObject({ code: 1, pt: 'Guiné-Bissau' });
    expect(t?.cells.find((c) => c.domain[0]?.code === 'SV')?.domain[0]).toMatchObject({ pt: 'São Vicente' });
  });
  it('refuses a multiple-choice variable, naming the field and the fix', () => {
    const bad = computeTables(
      {
        ...ctx.file,
        tables: [table('M', { unit: 'individual', statistic: 'proportion', variable: 'k03_grounds' })],
      },
      data(),
      ctx.labels,
      ctx.rules,
    );
    expect(bad.issues[0]).toMatchObject({
      table: 'M',
      field: 'variable',
      message: expect.stringContaining('multiple-choice'),
    });
  });
});
