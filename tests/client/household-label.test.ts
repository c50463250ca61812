import { describe, expect, it } from 'vitest';
import { headName } from '../../client/interview/household-label.ts';
import { TEST_PROFILE } from './fixtures.ts';

const json = {
  pages: [
    { name: 'cover', elements: [{ type: 'text', name: 'a01_address' }] },
    {
      name: 'roster',
      elements: [
        {
          type: 'panel',
          name: 'box',
          elements: [
            {
              type: 'paneldynamic',
              name: 'persons',
              templateElements: [
                { type: 'text', inputType: 'number', name: 'p_line' },
                { type: 'text', name: 'p_given_name' },
                { type: 'text', name: 'p_nickname' },
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
  roster: { ...(TEST_PROFILE.roster ?? {}), variable: 'persons' },
} as typeof TEST_PROFILE;

describe("the household's head on the tablet's cards", () => {
  it("is the first row's first free-text answer of the profile's roster", () => {
    const answers = {
      a01_address: 'Rua 1',
      persons: [{ p_line: 1, p_given_name: ' Maria Tavares ', p_nickname: 'Mimi' }, { p_given_name: 'Rui' }],
    };
    expect(headName(json, profile, answers)).toBe('Maria Tavares');
  });

  it('is unknown without a roster, a first row or a name', () => {
    expect(headName(json, profile, {})).toBeNull();
    expect(headName(json, profile, { persons: [{ p_line: 1 }] })).toBeNull();
    expect(headName(json, { ...profile, roster: null }, { persons: [{ p_given_name: 'X' }] })).toBeNull();
  });
});
