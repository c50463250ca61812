/**
 * IPEI's office code lists as files: each is a valid code-list file (server/contract/office-coding.ts);
 * the sub-major groups (43) and divisions (88) title every code in Portuguese and English; the ISCO-08
 * unit-group list has the classification's 436 unit groups, each under a sub-major group of the 2-digit
 * list and the same major group (its field code), and it can replace the 2-digit list in the profile
 * (readOfficePairs finds no fault with IPEI's latest interview questionnaire).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CodeListFile, codeListFileSchema } from '../../server/contract/office-coding.ts';
import { readOfficePairs } from '../../server/domain/office-coding-pairs.ts';
import { loadSurveys } from '../../server/domain/surveys.ts';

const IPEI = fileURLToPath(new URL('../../questionnaires/ipei', import.meta.url));
const list = (name: string): CodeListFile =>
  codeListFileSchema.parse(JSON.parse(readFileSync(`${IPEI}/codes/${name}`, 'utf8')));

describe('IPEI office code lists', () => {
  it('titles every sub-major group and division in Portuguese and English', () => {
    for (const [name, count] of [
      ['isco08-sub-major-groups.json', 43],
      ['isic4-divisions.json', 88],
    ] as const) {
      const codes = list(name).codes;
      expect(codes, name).toHaveLength(count);
      for (const c of codes) {
        expect(typeof c.label, `${name} ${c.code}`).toBe('object');
        const label = c.label as { pt: string; en: string };
        expect(label.pt, `${name} ${c.code}`).not.toBe(label.en);
      }
    }
  });

  it('has the 436 ISCO-08 unit groups, each under its sub-major and major group', () => {
    const units = list('isco08-unit-groups.json');
    expect(units.level).toBe('unit groups (4 digits)');
    expect(units.codes).toHaveLength(436);
    const subMajor = new Map(list('isco08-sub-major-groups.json').codes.map((c) => [c.code, c.field]));
    for (const u of units.codes) {
      expect(u.code).toMatch(/^\d{4}$/);
      expect(subMajor.has(u.code.slice(0, 2)), u.code).toBe(true);
      expect(u.field, u.code).toBe(subMajor.get(u.code.slice(0, 2)));
    }
    // every sub-major group has unit groups
    expect(new Set(units.codes.map((u) => u.code.slice(0, 2))).size).toBe(43);
    expect(units.codes.find((u) => u.code === '5211')?.label).toBe('Stall and Market Salespersons');
  });

  it('can replace the sub-major groups in the profile without a fault', () => {
    const profile = loadSurveys(fileURLToPath(new URL('../../questionnaires', import.meta.url))).require(
      'ipei',
    );
    // the latest interview questionnaire, which the start checks the pairs against
    const interview = JSON.parse(readFileSync(`${IPEI}/household.v3.json`, 'utf8'));
    const swapped = {
      ...profile,
      officeCoding: profile.officeCoding.map((p) =>
        p.codes === 'codes/isco08-sub-major-groups.json'
          ? { ...p, codes: 'codes/isco08-unit-groups.json' }
          : p,
      ),
    };
    const { pairs, errors } = readOfficePairs(IPEI, swapped, interview);
    expect(errors).toEqual([]);
    expect(pairs.find((p) => p.text === 'g08_occupation')?.codes).toHaveLength(436);
  });
});
