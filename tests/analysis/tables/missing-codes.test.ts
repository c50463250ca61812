/**
 * One home for special codes: a table's missing codes come from the survey profile's `specialCodes`
 * where the variable declares them (as the export decides), and on the ipei fixture every table is
 * identical to the one made with the deprecated tables.json list (-98, -99) it replaces; without
 * the profile's codes the means differ, so the equality is not vacuous. The fixture's remittance
 * amounts (T14 mean, T15 median) get some don't know (-98) and refused (-99) answers first.
 */
import { describe, expect, it } from 'vitest';
import { NO_SPECIAL_CODES } from '../../../analysis/export/special-codes.ts';
import { missingCodesFor } from '../../../analysis/tables/missing-codes.ts';
import { computeTables } from '../../../analysis/tables/run.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from './helpers.ts';

const ctx = loadSurveyContext('ipei');
const base = data();
const amount = Float64Array.from(base.persons.j04_remit_amount as Float64Array);
let put = 0;
for (let i = 0; i < amount.length && put < 40; i++) if (amount[i] > 0) amount[i] = put++ % 2 ? -98 : -99;
const d = { ...base, persons: { ...base.persons, j04_remit_amount: amount } };
const file = { ...ctx.file, missingCodes: undefined };
const fromProfile = computeTables(file, d, ctx.labels, ctx.rules, undefined, undefined, ctx.specialCodes);

describe('missing codes from the profile', () => {
  it('the ipei tables equal those made with the old list [-98, -99]', () => {
    const old = computeTables({ ...file, missingCodes: [-98, -99] }, d, ctx.labels, ctx.rules);
    expect(fromProfile.issues).toEqual([]);
    expect(put).toBe(40);
    expect(fromProfile.tables).toEqual(old.tables);
  });
  it('without the profile the special codes count as numbers, and some mean changes', () => {
    const none = computeTables(file, d, ctx.labels, ctx.rules, undefined, undefined, NO_SPECIAL_CODES);
    expect(none.tables).not.toEqual(fromProfile.tables);
  });
  it('a code is missing only where the variable declares it; a given list replaces it', () => {
    const labels = {
      amount: { label: { pt: 'a', en: 'a' }, type: 'integer', values: [], special: [-98] },
      age: { label: { pt: 'b', en: 'b' }, type: 'integer', values: [] },
    } as unknown as typeof ctx.labels;
    const specialCodes = { dontKnow: [98, -98], refused: [-99], notApplicable: [] };
    expect([...missingCodesFor('amount', labels, { specialCodes })]).toEqual([-98]);
    expect([...missingCodesFor('age', labels, { specialCodes })]).toEqual([]);
    expect([...missingCodesFor('age', labels, { specialCodes, missingCodes: [98] })]).toEqual([98]);
    expect([...missingCodesFor('age', labels, { specialCodes, missingCodes: [98] }, [-1])]).toEqual([-1]);
  });
});
