/**
 * The demo's synthetic listings are ipei/listing.v2 (demo/surveys/ipei/listing.ts): over the 120 selected
 * EAs, 2-5% of contacted dwellings hold two or three households, each household row is screened on its
 * own (l16 as the form computes it from l13 and l14), and a foreign household records its nationality
 * group (l14a) as the reference person's household class; seeded, the demo's listings draw a foreign
 * lodger of a Cabo Verdean family's dwelling as a household of its own, and every drawn household's
 * weighting class (households.hh_class, the weighting inputs' hh_class) is the one its listing row
 * recorded: the seed's submissions carry no `classes` of their own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FrameRow as SamplingFrameRow, selectSample } from '../../../../analysis/sampling/index.ts';
import { seededUniform, seedFrom } from '../../../../analysis/sampling/rng.ts';
import { type SyntheticListing, syntheticListing } from '../../../../demo/surveys/ipei/listing.ts';
import { hhClassOf } from '../../../../demo/surveys/ipei/population.ts';
import { DEMO_SEED, loadIpeiFrame } from '../../../../demo/surveys/ipei/seed.ts';
import { loadWeightingInputs } from '../../../../server/domain/weighting/inputs.ts';
import { weightingSurveyOf } from '../../../../server/domain/weighting/weigh-survey.ts';
import type { Started } from '../../../../server/startup.ts';
import { startDemo } from '../../../helpers/simulated-demo.ts';

const root = new URL('../../../..', import.meta.url).pathname;
const { rows, design } = loadIpeiFrame();
const selected = selectSample(rows as unknown as SamplingFrameRow[], design, DEMO_SEED).selected;
const byId = new Map(rows.map((r) => [r.ea_id, r]));
const listings = new Map<string, SyntheticListing>(
  selected.map((u) => {
    const row = byId.get(u.id);
    if (!row) throw new Error(`no frame row for ${u.id}`);
    return [u.id, syntheticListing(seededUniform(seedFrom(u.id, DEMO_SEED)), row)];
  }),
);
const recipe = JSON.parse(readFileSync(join(root, 'questionnaires/ipei/weighting.json'), 'utf8'));
const classes = [...Object.keys(recipe.variables.hh_class.groups), recipe.variables.hh_class.otherwise];

describe("the demo's synthetic listings (listing.v2)", () => {
  it('have 2-5% of contacted dwellings with two or three households, and foreign lodgers in Cabo Verdean dwellings', () => {
    let contacted = 0;
    let multi = 0;
    let lodgers = 0;
    for (const l of listings.values())
      for (const d of l.dwellings) {
        if (d.l05_disposition !== 7) {
          expect(d.households).toBeUndefined();
          continue;
        }
        contacted++;
        const hh = d.households ?? [];
        expect(hh.length).toBeGreaterThanOrEqual(1);
        expect(hh.length).toBeLessThanOrEqual(3);
        expect(hh.map((h) => h.l10_household)).toEqual(hh.map((_, k) => k + 1));
        if (hh.length > 1) multi++;
        if (hh[0].l16_hh_disposition === 2 && hh.slice(1).some((h) => h.l16_hh_disposition === 1)) lodgers++;
      }
    expect(multi / contacted).toBeGreaterThan(0.02);
    expect(multi / contacted).toBeLessThan(0.05);
    expect(lodgers).toBeGreaterThan(20);
  });

  it("screen each household on its own, and record a foreign one's nationality group as its class", () => {
    let eligible = 0;
    for (const l of listings.values())
      for (const d of l.dwellings)
        for (const h of d.households ?? []) {
          const expected =
            h.l13_hh_contact !== 1
              ? h.l13_hh_contact
              : ({ 1: 2, 2: 1, 98: 8 } as const)[h.l14_nat_group ?? 98];
          expect(h.l16_hh_disposition).toBe(expected);
          if (h.l13_hh_contact === 3) expect(d.l03_visits).toBe(3);
          const nationality = l.nationality[`${d.l01_dwelling}.${h.l10_household}`];
          if (h.l16_hh_disposition !== 1) {
            expect(h.l14a_nat_class).toBeUndefined();
            expect(nationality).toBeUndefined();
            continue;
          }
          eligible++;
          expect(classes).toContain(h.l14a_nat_class);
          expect(h.l14a_nat_class).toBe(hhClassOf(nationality));
        }
    expect(eligible).toBeGreaterThan(3000);
  });
});

describe('the seeded demo (listings only)', () => {
  let dir: string;
  let started: Started;
  const q = async (sql: string) => (await started.database.client.execute(sql)).rows;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'morabeza-demo-listing-'));
    started = await startDemo(dir);
  }, 300_000);
  afterAll(async () => {
    await started?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("draws foreign lodgers of Cabo Verdean families' dwellings as households of their own", async () => {
    const drawn = await q('select id, ea_code, dwelling, household from households where pi2 is not null');
    const lodgers = drawn.filter((h) => {
      const d = listings.get(String(h.ea_code))?.dwellings.find((x) => x.l01_dwelling === Number(h.dwelling));
      return Number(h.household) > 1 && d?.households?.[0].l16_hh_disposition === 2;
    });
    expect(lodgers.length).toBeGreaterThan(0);
    for (const h of lodgers)
      expect(String(h.id)).toBe(`${h.ea_code}-${String(h.dwelling).padStart(3, '0')}-${h.household}`);
    // each has its own assignment, with the household number preloaded
    const [a] = await q(
      `select count(*) n from assignments where household_id in (${lodgers.map((h) => `'${h.id}'`).join(', ')})`,
    );
    expect(Number(a.n)).toBe(lodgers.length);
  });

  it("gives every drawn household the class its listing row recorded, which the weighting's cells use", async () => {
    const fromListing = new Map<string, string>();
    for (const r of await q('select ea_code, answers from ea_listings')) {
      const answers = JSON.parse(String(r.answers));
      expect(answers).not.toHaveProperty('classes');
      for (const d of answers.dwellings)
        for (const h of d.households ?? [])
          if (h.l14a_nat_class)
            fromListing.set(
              `${r.ea_code}-${String(d.l01_dwelling).padStart(3, '0')}-${h.l10_household}`,
              h.l14a_nat_class,
            );
    }
    const survey = weightingSurveyOf({ root, survey: 'ipei' });
    const inputs = await loadWeightingInputs(started.database.client, survey);
    expect(inputs.households.length).toBeGreaterThan(1000);
    for (const u of inputs.households) {
      expect(u.values.hh_class, u.id).toBe(fromListing.get(u.id));
      expect(classes).toContain(u.values.hh_class);
    }
    expect(new Set(inputs.households.map((u) => u.values.hh_class)).size).toBe(classes.length);
  });
});
