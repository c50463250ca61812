/**
 * POST /api/listings/:ea with ipei/listing.v2, which lists households, not dwellings (the profile's
 * `listing.households`): a foreign lodger household in a Cabo Verdean family's dwelling is a unit of its own,
 * selectable with pi2 = m / E over households, stored as household 2 of its dwelling with the foreign
 * nationality group the listing recorded (l14a_nat_class) as its class, which reaches the weighting's inputs (hh_class, the nonresponse
 * cells' variable) with pi2 and the EA's household counts E, I, U; "don't know" is unknown eligibility; a malformed household roster
 * is refused naming the field, and so is a profile whose `listing.households` does not fit. The v1 path (dwellings) is tests/server/listing.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWeighting, weightingRecipeSchema } from '../../../../analysis/weighting/index.ts';
import { surveyProfileSchema } from '../../../../server/contract/survey-profile.ts';
import { enumerationAreas, households } from '../../../../server/db/schema.ts';
import { checkProfileAgainstQuestionnaires } from '../../../../server/domain/surveys.ts';
import { loadWeightingInputs } from '../../../../server/domain/weighting/inputs.ts';
import { loadWeightingSurvey } from '../../../../server/domain/weighting/survey-files.ts';
import { createTestContext, type TestContext } from '../../../helpers/server.ts';

const questionnaires = fileURLToPath(new URL('../../../../questionnaires', import.meta.url));
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({}, { surveyDirs: [questionnaires] });
  await ctx.database.db.insert(enumerationAreas).values({
    code: 'CV-SL-0009',
    stratum: 'SL',
    island: 'Sal',
    municipality: 'CV-SL',
    teamId: 'team-a',
    pi1: 0.4,
  });
});
afterEach(async () => ctx.close());

/** A household row; a foreign one (group 2) records its foreign nationality group, the weighting's class. */
const hh = (n: number, disposition: number, group: number | null, cls = 'ECOWAS') => ({
  l10_household: n,
  l11_head_name: `H${n}`,
  l16_hh_disposition: disposition,
  ...(group === null ? {} : { l14_nat_group: group }),
  ...(group === 2 ? { l14a_nat_class: cls } : {}),
});
/**
 * Dwelling 1: a Cabo Verdean family (I) and a foreign lodger household (E); dwelling 2: one foreign household
 * (E); dwelling 3: a household of unknown nationality (U, 8) and a refusal (U, 4); dwelling 4: no contact
 * (U); dwelling 5: vacant; dwellings 6 and 7: one foreign household each (E). E = 4, I = 1, U = 3.
 */
const dwellings = [
  { l01_dwelling: 1, l05_disposition: 7, households: [hh(1, 2, 1), hh(2, 1, 2, 'Europe')] },
  { l01_dwelling: 2, l05_disposition: 7, households: [hh(1, 1, 2)] },
  { l01_dwelling: 3, l05_disposition: 7, households: [hh(1, 8, 98), hh(2, 4, null)] },
  { l01_dwelling: 4, l05_disposition: 3 },
  { l01_dwelling: 5, l05_disposition: 5 },
  { l01_dwelling: 6, l05_disposition: 7, households: [hh(1, 1, 2)] },
  { l01_dwelling: 7, l05_disposition: 7, households: [hh(1, 1, 2)] },
];
const post = (rows: unknown[], take = 2, extra: Record<string, unknown> = {}) =>
  ctx.request('POST', '/api/listings/CV-SL-0009', {
    as: 'sup_a',
    body: {
      questionnaireId: 'ipei-listing',
      questionnaireVersion: 2,
      answers: { a04_ea: 'CV-SL-0009', dwellings: rows },
      take,
      ...extra,
    },
  });

describe('a listing of households (ipei/listing.v2)', () => {
  it('counts households: E = 4, I = 1, U = 3, and draws m = 2 of them with pi2 = 2 / 4', async () => {
    const res = await post(dwellings);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      eligible: 4,
      ineligible: 1,
      unknown: 3,
      outOfScope: 1,
      selected: 2,
      pi2: 0.5,
    });
    const stored = await ctx.database.db.select().from(households).where(eq(households.eaCode, 'CV-SL-0009'));
    expect(stored.map((h) => h.pi2)).toEqual([0.5, 0.5]);
    // the eligible list is the lodger (line 1), then dwellings 2, 6 and 7
    for (const h of stored)
      expect(['CV-SL-0009-001-2', 'CV-SL-0009-002-1', 'CV-SL-0009-006-1', 'CV-SL-0009-007-1']).toContain(
        h.id,
      );
  });

  it("selects the foreign lodger household of a Cabo Verdean family's dwelling, with its own id and class", async () => {
    const res = await post(dwellings, 4);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.pi2).toBe(1);
    expect(body.households[0]).toMatchObject({
      householdId: 'CV-SL-0009-001-2',
      dwelling: 1,
      household: 2,
      eligibleLine: 1,
    });
    const [lodger] = await ctx.database.db
      .select()
      .from(households)
      .where(eq(households.id, 'CV-SL-0009-001-2'));
    expect(lodger).toMatchObject({ dwelling: 1, household: 2, pi2: 1, hhClass: 'Europe' });
    const ids = body.households.map((h: { householdId: string }) => h.householdId);
    expect(ids).not.toContain('CV-SL-0009-001-1');
  });

  it("gives the weighting each drawn household's pi2, the EA's household counts and the listed class", async () => {
    expect((await post(dwellings)).status).toBe(201);
    const inputs = await loadWeightingInputs(
      ctx.database.client,
      loadWeightingSurvey(questionnaires, 'ipei'),
    );
    const units = inputs.households.filter((h) => h.cluster === 'CV-SL-0009');
    expect(units).toHaveLength(2);
    for (const u of units)
      expect(u).toMatchObject({ pi1: 0.4, pi2: 0.5, E: 4, I: 1, U: 3, status: 'nonrespondent' });
    // the class is the listed foreign nationality group (l14a_nat_class), one of the recipe's hh_class
    const classOf = new Map([
      ['CV-SL-0009-001-2', 'Europe'],
      ['CV-SL-0009-002-1', 'ECOWAS'],
      ['CV-SL-0009-006-1', 'ECOWAS'],
      ['CV-SL-0009-007-1', 'ECOWAS'],
    ]);
    for (const u of units) expect(u.values.hh_class, u.id).toBe(classOf.get(u.id));
    // one of the two drawn households responds: w1 = 1/(0.4 x 0.5) = 5, w2 = 5 x 8/5 = 8, and with both in
    // one nonresponse cell (stratum x hh_class) it doubles: 16 (R: 1/(0.4*2/4) * (4+1+3)/(4+1) * (2*8)/8)
    for (const u of units) u.values.hh_class = 'ECOWAS';
    units[0].status = 'respondent';
    const recipe = weightingRecipeSchema.parse({
      survey: 'ipei',
      base: { inclusion: ['pi1', 'pi2'] },
      eligibilityUnknown: { within: 'cluster' },
      units: { nonresponse: { by: ['hh_class'], collapse: { minRespondents: 1 } } },
    });
    const result = runWeighting(units, [], recipe, {});
    expect(result.households.map((h) => [h.w1_base, h.w2_elig, h.w_hh])).toEqual([
      [5, 8, 16],
      [5, 8, 0],
    ]);
  });

  it('takes a class the listing did not record from the submission, by dwelling.household', async () => {
    const rows = structuredClone(dwellings);
    delete (rows[1].households as Array<Record<string, unknown>>)[0].l14a_nat_class;
    const res = await post(rows, 4, { classes: { '2.1': 'Other', '1.2': 'Other' } });
    expect(res.status).toBe(201);
    const stored = await ctx.database.db.select().from(households).where(eq(households.eaCode, 'CV-SL-0009'));
    const cls = Object.fromEntries(stored.map((h) => [h.id, h.hhClass]));
    expect(cls).toMatchObject({ 'CV-SL-0009-002-1': 'Other', 'CV-SL-0009-001-2': 'Europe' });
  });

  it('refuses a malformed household roster, naming the field', async () => {
    const cases: Array<[unknown[], string, RegExp]> = [
      [[{ l01_dwelling: 1, l05_disposition: 7 }], 'answers.dwellings.0.households', /1 to 99 households/],
      [
        [{ l01_dwelling: 1, l05_disposition: 3, households: [hh(1, 1, 2)] }],
        'answers.dwellings.0.households',
        /only for a dwelling whose l05_disposition is 7/,
      ],
      [
        [{ l01_dwelling: 1, l05_disposition: 7, households: [hh(1, 9, 2)] }],
        'answers.dwellings.0.households.0.l16_hh_disposition',
        /must be one of/,
      ],
      [
        [{ l01_dwelling: 1, l05_disposition: 7, households: [{ ...hh(0, 1, 2) }] }],
        'answers.dwellings.0.households.0.l10_household',
        /1 to 99/,
      ],
      [
        [{ l01_dwelling: 1, l05_disposition: 7, households: [{ ...hh(1, 1, 2), l14a_nat_class: [2] }] }],
        'answers.dwellings.0.households.0.l14a_nat_class',
        /a code/,
      ],
      [
        [{ l01_dwelling: 1, l05_disposition: 7, households: [hh(1, 1, 2), hh(1, 2, 1)] }],
        'answers',
        /household 1 of dwelling 1 is listed twice/,
      ],
    ];
    for (const [rows, field, message] of cases) {
      const res = await post(rows);
      expect(res.status, field).toBe(422);
      const text = JSON.stringify(await res.json());
      expect(text, field).toContain(`"${field}"`);
      expect(text, field).toMatch(message);
    }
  });
});

describe("the profile's listing.households", () => {
  const read = (f: string) => JSON.parse(readFileSync(`${questionnaires}/ipei/${f}`, 'utf8'));
  const profile = read('profile.json');
  it('refuses a dwelling disposition that both lists households and is a unit class', () => {
    const bad = structuredClone(profile);
    bad.listing.households.listed = [1];
    const r = surveyProfileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'listing.households.listed',
      'a dwelling disposition that lists households cannot also be a unit class (eligible, ...)',
    ]);
  });
  it('names each household variable missing from the latest listing version', () => {
    const p = surveyProfileSchema.parse({
      ...profile,
      listing: { ...profile.listing, households: { ...profile.listing.households, unit: 'l99_household' } },
    });
    const files = [
      { name: 'household', version: 3, definition: read('household.v3.json') },
      { name: 'listing', version: 1, definition: read('listing.v1.json') },
    ];
    expect(checkProfileAgainstQuestionnaires(p, files)).toEqual([
      "listing.households.roster: 'households' is not a question of listing.v1.json in the roster 'dwellings'",
      "listing.households.unit: 'l99_household' is not a question of listing.v1.json in the roster 'households'",
      "listing.households.disposition: 'l16_hh_disposition' is not a question of listing.v1.json in the roster 'households'",
      "listing.households.class: 'l14a_nat_class' is not a question of listing.v1.json in the roster 'households'",
      "listing.households.size: 'l12_size' is not a question of listing.v1.json in the roster 'households'",
    ]);
    files[1] = { name: 'listing', version: 2, definition: read('listing.v2.json') };
    expect(checkProfileAgainstQuestionnaires(p, files)).toEqual([
      "listing.households.unit: 'l99_household' is not a question of listing.v2.json in the roster 'households'",
    ]);
  });
});
