/**
 * ipei/listing.v2 (households, not dwellings) through the server's answer validation: a dwelling's
 * households are listed one by one, each with its own screening result, so a foreign lodger household in a
 * Cabo Verdean family's dwelling is eligible on its own; "don't know" nationality is unknown eligibility
 * (8); the new checks (no contact before the third visit, a household number used twice, a contacted
 * dwelling without households) each refuse the answers, with their messages in all six languages; a
 * reused validation model does not keep a previous listing's household panels. A foreign household's
 * nationality group (l14a) is required and its codes are the weighting recipe's household classes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire } from '../../scripts/questionnaires/lib/checks.ts';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';

const repo = new URL('../..', import.meta.url).pathname;
const json = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/listing.v2.json'), 'utf8'));
const model = createValidationModel(json);

const ea = { a02_island: 4, a03_municipality: 'CV-SL', a04_ea: 'CV-SL-0007' };
const family = {
  l10_household: 1,
  l11_head_name: 'Maria',
  l13_hh_contact: 1,
  l12_size: 5,
  l14_nat_group: 1,
  l15_foreign_born: 2,
};
const lodger = {
  l10_household: 2,
  l11_head_name: 'Aminata',
  l13_hh_contact: 1,
  l12_size: 1,
  l14_nat_group: 2,
  l14a_nat_class: 'ECOWAS',
  l15_foreign_born: 1,
};
const shared = {
  l01_dwelling: 1,
  l02_address: 'Rua 1, Espargos',
  l03_visits: 1,
  l05_disposition: 7,
  households: [family, lodger],
};

describe('ipei/listing.v2 (households listed per dwelling)', () => {
  it('makes the foreign lodger household of a Cabo Verdean family dwelling eligible on its own', () => {
    const r = validateAnswers(model, { ...ea, dwellings: [shared] });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const hh = (r.cleaned.dwellings as Array<{ households: Array<Record<string, unknown>> }>)[0].households;
    expect(hh.map((h) => h.l16_hh_disposition)).toEqual([2, 1]);
    expect((r.cleaned.dwellings as Array<Record<string, unknown>>)[0].l09_eligible).toBe(1);
    expect(r.cleaned.ea_n_eligible).toBe(1);
  });

  it('records "don\'t know" nationality as unknown eligibility (8), a refusal as 4', () => {
    const r = validateAnswers(model, {
      ...ea,
      dwellings: [
        {
          ...shared,
          households: [
            { ...lodger, l14_nat_group: 98 },
            { l10_household: 3, l11_head_name: '?', l13_hh_contact: 4 },
          ],
        },
      ],
    });
    expect(r.errors).toEqual([]);
    const hh = (r.cleaned.dwellings as Array<{ households: Array<Record<string, unknown>> }>)[0].households;
    expect(hh.map((h) => h.l16_hh_disposition)).toEqual([8, 4]);
  });

  it('refuses a household "no contact" before the dwelling\'s third visit', () => {
    const r = validateAnswers(model, {
      ...ea,
      dwellings: [
        { ...shared, households: [family, { l10_household: 2, l11_head_name: 'X', l13_hh_contact: 3 }] },
      ],
    });
    expect(r.errors.map((e) => e.path)).toEqual(['dwellings[0].households[1].l13_hh_contact']);
    expect(r.errors[0].text).toContain('3 visitas');
  });

  it('refuses a household number used twice in a dwelling, and a contacted dwelling without households', () => {
    const twice = validateAnswers(model, {
      ...ea,
      dwellings: [{ ...shared, households: [family, { ...lodger, l10_household: 1 }] }],
    });
    expect(twice.ok).toBe(false);
    expect(JSON.stringify(twice.errors)).toContain('Este número de agregado já foi usado');
    const none = validateAnswers(model, { ...ea, dwellings: [{ ...shared, households: [] }] });
    expect(none.ok).toBe(false);
    expect(none.errors.map((e) => e.path)).toContain('dwellings[0].households');
  });

  it('has every new check message and the household roster in all six languages', () => {
    const nodes = walkQuestions(json);
    const contact = nodes.find((q) => q.name === 'l13_hh_contact')?.json as {
      validators: Array<{ text: Record<string, string> }>;
    };
    const households = nodes.find((q) => q.name === 'households')?.json as Record<
      string,
      Record<string, string>
    >;
    for (const text of [contact.validators[0].text, households.keyDuplicationError, households.title])
      expect(Object.keys(text).sort()).toEqual(['default', 'en', 'fr', 'kea', 'wo', 'zh-Hans']);
  });

  it("asks a foreign household's nationality group, with the weighting's household classes as its codes", () => {
    const r = validateAnswers(model, {
      ...ea,
      dwellings: [{ ...shared, households: [family, { ...lodger, l14a_nat_class: undefined }] }],
    });
    expect(r.errors.map((e) => e.path)).toEqual(['dwellings[0].households[1].l14a_nat_class']);
    // not asked of a Cabo Verdean household
    const cv = validateAnswers(model, { ...ea, dwellings: [{ ...shared, households: [family] }] });
    expect(cv.ok).toBe(true);
    const item = walkQuestions(json).find((q) => q.name === 'l14a_nat_class')?.json as {
      choices: Array<{ value: string }>;
    };
    const recipe = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/weighting.json'), 'utf8'));
    const hhClass = recipe.variables.hh_class as { groups: Record<string, string[]>; otherwise: string };
    expect(item.choices.map((c) => c.value).sort()).toEqual(
      [...Object.keys(hhClass.groups), hhClass.otherwise].sort(),
    );
    const profile = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/profile.json'), 'utf8'));
    expect(profile.listing.households.class).toBe('l14a_nat_class');
  });

  it('passes questionnaires:check, which refuses a {parentPanel.x} naming no question of the enclosing row', () => {
    const text = JSON.stringify(json);
    expect(checkQuestionnaire('ipei/listing.v2.json', text)).toEqual([]);
    const broken = text.replace('{parentPanel.l03_visits}', '{parentPanel.l99_visits}');
    expect(checkQuestionnaire('ipei/listing.v2.json', broken).map((p) => p.reason)).toContain(
      'expression names a missing question "parentPanel.l99_visits": {panel.l13_hh_contact} <> 3 or {parentPanel.l99_visits} = 3',
    );
  });
});
