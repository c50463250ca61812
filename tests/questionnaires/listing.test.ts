import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';

const repo = new URL('../..', import.meta.url).pathname;
const listing = JSON.parse(readFileSync(join(repo, 'questionnaires/ipei/listing.v1.json'), 'utf8'));
const model = createValidationModel(listing);

const ea = { a02_island: 4, a03_municipality: 'CV-SL', a04_ea: 'CV-SL-0007' };
const eligible = {
  l01_dwelling: 1,
  l02_address: 'Rua 1, Espargos',
  l03_visits: 1,
  l05_disposition: 1,
  l06_households: 1,
  l07_head_name: 'Aminata',
  l08_residents: 3,
  b02_foreign_nat: 1,
  b03_stateless: 2,
  b04_foreign_born: 1,
};
const ineligible = {
  l01_dwelling: 2,
  l02_address: 'Rua 1, Espargos',
  l03_visits: 1,
  l05_disposition: 2,
  l06_households: 1,
  l07_head_name: 'João',
  l08_residents: 4,
  b02_foreign_nat: 2,
  b03_stateless: 2,
  b04_foreign_born: 2,
};
const noContact = { l01_dwelling: 3, l02_address: 'Rua 2, Espargos', l03_visits: 3, l05_disposition: 3 };

describe('ipei/listing.v1 (dwelling listing and screener)', () => {
  it('accepts an EA with an eligible, an ineligible and an unreached dwelling, and counts E', () => {
    const r = validateAnswers(model, { ...ea, dwellings: [eligible, ineligible, noContact] });
    expect(r).toMatchObject({ ok: true, errors: [], flagged: [] });
    expect(r.cleaned.ea_n_eligible).toBe(1);
  });

  it('refuses a disposition that contradicts the screener, and "no contact" before the third visit', () => {
    const r = validateAnswers(model, {
      ...ea,
      dwellings: [
        { ...eligible, b02_foreign_nat: 2 },
        { ...noContact, l03_visits: 2 },
      ],
    });
    expect(r.errors.map((e) => e.path)).toEqual([
      'dwellings[0].l05_disposition',
      'dwellings[1].l05_disposition',
    ]);
  });

  it('flags screener answers recorded for a dwelling that was never contacted', () => {
    const r = validateAnswers(model, { ...ea, dwellings: [{ ...noContact, b02_foreign_nat: 1 }] });
    expect(r.flagged).toEqual([{ path: 'dwellings[0].b02_foreign_nat', reason: 'answered-but-hidden' }]);
  });
});
