import { describe, expect, it } from 'vitest';
import { clusterTerm, placeName } from '../../client/interview/place-names.ts';
import { TEST_PROFILE } from './fixtures.ts';

const json = {
  pages: [
    {
      name: 'cover',
      elements: [
        {
          type: 'panel',
          name: 'where',
          elements: [
            {
              type: 'dropdown',
              name: 'q_muni',
              choices: [
                { value: 'CV-PR', text: 'Praia' },
                { value: 'CV-RG', text: { default: 'Ribeira Grande', en: 'Ribeira Grande (Santo Antão)' } },
              ],
            },
          ],
        },
      ],
    },
  ],
};
const profile = {
  ...TEST_PROFILE,
  preload: [{ item: 'q_muni', from: 'municipality' as const }],
  unit: { label: { pt: 'Agregado' }, cluster: { pt: 'Distrito de recenseamento', en: 'Enumeration area' } },
};

describe('names instead of codes on the tablet', () => {
  it('names a municipality code by the choices of the question the profile preloads it into', () => {
    expect(placeName(json, profile, 'municipality', 'CV-PR', 'pt')).toBe('Praia');
    expect(placeName(json, profile, 'municipality', 'CV-RG', 'en')).toBe('Ribeira Grande (Santo Antão)');
    expect(placeName(json, profile, 'municipality', 'CV-RG', 'fr')).toBe('Ribeira Grande');
    // a code the questionnaire does not name, or no such preload, stays a code
    expect(placeName(json, profile, 'municipality', 'CV-XX', 'pt')).toBe('CV-XX');
    expect(placeName(json, { ...profile, preload: [] }, 'municipality', 'CV-PR', 'pt')).toBe('CV-PR');
  });

  it("calls the enumeration area by the survey's own term", () => {
    expect(clusterTerm(profile, 'pt', 'AE')).toBe('Distrito de recenseamento');
    expect(clusterTerm(profile, 'en', 'EA')).toBe('Enumeration area');
    expect(clusterTerm(profile, 'fr', 'ZD')).toBe('ZD');
  });
});
