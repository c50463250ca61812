import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../questionnaires/ipei/src/design.ts';
import { generateFrame, toCsv } from '../../questionnaires/ipei/src/generate-frame.ts';

const repo = new URL('../..', import.meta.url).pathname;
const rows = generateFrame();
const sumBy = (key: 'stratum' | 'municipality_iso', f: (r: (typeof rows)[number]) => number) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r[key]] = (out[r[key]] ?? 0) + f(r);
  return out;
};

describe('synthetic IPEI frame (ipei.md 5.2-5.3)', () => {
  it('is reproducible: the committed frame.csv and design.json are what the seeded script writes', () => {
    expect(readFileSync(join(repo, 'questionnaires/ipei/frame.csv'), 'utf8')).toBe(toCsv(generateFrame()));
    const design = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/design.json'), 'utf8'));
    expect(design).toEqual(JSON.parse(JSON.stringify(buildDesign(rows))));
  });

  it('has 814 EAs with unique ids, every row labelled synthetic', () => {
    expect(rows).toHaveLength(814);
    expect(new Set(rows.map((r) => r.ea_id)).size).toBe(814);
    expect(rows.every((r) => /^CV-[A-Z]{2}-\d{4}$/.test(r.ea_id) && r.synthetic === 1)).toBe(true);
  });

  it('has the EAs per stratum of the allocation table and the foreign nationals per municipality of 5.2', () => {
    expect(sumBy('stratum', () => 1)).toEqual({
      PR: 239,
      SL: 56,
      BV: 22,
      SV: 125,
      ST: 214,
      SA: 62,
      FG: 56,
      SN: 20,
      MA: 11,
      BR: 9,
    });
    const foreign = sumBy('municipality_iso', (r) => r.foreign_persons_2021);
    expect(foreign['CV-PR']).toBe(4154);
    expect(foreign['CV-SL']).toBe(2295);
    expect(foreign['CV-BR']).toBe(60);
    expect(Object.values(foreign).reduce((a, b) => a + b, 0)).toBe(10875);
  });

  it('uses the questionnaire codes: island_code and municipality_iso are a02_island and a03_municipality choices', () => {
    const household = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/household.v1.json'), 'utf8'));
    const cover = household.pages[0].elements as {
      name: string;
      choices?: { value: unknown; text: unknown }[];
    }[];
    const choices = (name: string) => cover.find((q) => q.name === name)?.choices ?? [];
    const islands = new Map(
      choices('a02_island').map((c) => [c.value, (c.text as { default: string }).default]),
    );
    const municipalities = new Set(choices('a03_municipality').map((c) => c.value));
    for (const r of rows) {
      expect(islands.get(r.island_code)).toBe(r.island);
      expect(municipalities.has(r.municipality_iso)).toBe(true);
    }
  });

  it('is internally consistent: foreign households fit in the EA, at least one foreigner per foreign household', () => {
    for (const r of rows) {
      expect(r.foreign_hh_2021).toBeLessThanOrEqual(r.households_2021);
      expect(r.foreign_persons_2021).toBeGreaterThanOrEqual(r.foreign_hh_2021);
      expect(r.persons_2021).toBeGreaterThanOrEqual(r.foreign_persons_2021);
      expect(r.dwellings_2021).toBeGreaterThanOrEqual(r.households_2021);
    }
    const fhh = rows.reduce((a, r) => a + r.foreign_hh_2021, 0);
    expect(Math.abs(fhh - 7300)).toBeLessThan(50);
  });

  it('clusters foreigners: in Praia the top 20% of EAs hold over 60%, and most foreigners live in urban EAs', () => {
    const pr = rows
      .filter((r) => r.stratum === 'PR')
      .map((r) => r.foreign_persons_2021)
      .sort((a, b) => b - a);
    const top = pr.slice(0, Math.floor(pr.length / 5)).reduce((a, b) => a + b, 0);
    expect(top / 4154).toBeGreaterThan(0.6);
    const urban = rows
      .filter((r) => r.urban_rural === 'urban')
      .reduce((a, r) => a + r.foreign_persons_2021, 0);
    expect(urban / 10875).toBeGreaterThan(0.85);
  });

  it('gives a design with 120 sampled EAs, controls that add up and the reliability thresholds', () => {
    const d = buildDesign(rows);
    expect(d.strata.reduce((a, s) => a + s.eas_sampled, 0)).toBe(120);
    expect(d.strata.reduce((a, s) => a + s.foreign_households_control, 0)).toBe(7309);
    expect(Object.values(d.calibration_margins.stratum).reduce((a, b) => a + b, 0)).toBe(10875);
    expect(d.calibration_margins.nationality_group.reduce((a, g) => a + g.total, 0)).toBe(10875);
    const sexAge = d.calibration_margins.sex_age;
    expect(sexAge.reduce((a, g) => a + g.male + g.female, 0)).toBe(10875);
    expect(sexAge.reduce((a, g) => a + g.male, 0) / 10875).toBeCloseTo(0.683, 3);
    expect(d.reliability).toMatchObject({ cv_flag: 0.3, min_n: 30 });
    expect(d.weighting.map((w) => w.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
