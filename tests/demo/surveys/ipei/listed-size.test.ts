/**
 * The demo's listed household size and its interview describe the same household (issue 18): the
 * simulator lists each drawn household with the number of residents its interview will record, off by one
 * for about 6% and by two or three for about 4% (demo/surveys/ipei/listed-sizes.ts). On the seeded demo,
 * `quality.size_vs_listing` (the rule and the listing lookup the quality job uses) then warns on a few
 * percent of the rostered interviews, not on half of them, and still warns; the interviews themselves are
 * those of before the change (every roster and every answer hashes to tests/fixtures/demo/simulated-answers.json,
 * written at 78cd5d5 by tests/fixtures/demo/roster-hash.ts); and every listed size the change does not
 * set (households not drawn, refusals, no contact) is still the listing's own draw.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUniform, seedFrom } from '../../../../analysis/sampling/rng.ts';
import { listedSizeOf, OFF_BY_MORE, OFF_BY_ONE } from '../../../../demo/surveys/ipei/listed-sizes.ts';
import { type ListedHousehold, syntheticListing } from '../../../../demo/surveys/ipei/listing.ts';
import { DEMO_SEED, loadIpeiFrame } from '../../../../demo/surveys/ipei/seed.ts';
import type { ListingProfile } from '../../../../server/contract/survey-profile.ts';
import type { Facts } from '../../../../server/domain/quality/facts.ts';
import { listedSize } from '../../../../server/domain/quality/listed-size.ts';
import { sizeFlags } from '../../../../server/domain/quality/rules.ts';
import type { Started } from '../../../../server/startup.ts';
import { simulatedAnswersDigest } from '../../../fixtures/demo/simulated-answers-digest.ts';
import { playFieldwork, startDemo } from '../../../helpers/simulated-demo.ts';

const root = new URL('../../../..', import.meta.url).pathname;
const profile = JSON.parse(readFileSync(join(root, 'questionnaires/ipei/profile.json'), 'utf8'));
const listingProfile = profile.listing as ListingProfile;
const before = JSON.parse(readFileSync(join(root, 'tests/fixtures/demo/simulated-answers.json'), 'utf8'));

let dir: string;
let started: Started;
let digest: Awaited<ReturnType<typeof simulatedAnswersDigest>>;
const listings = new Map<string, Record<string, unknown>>();
/** Per interview: its unit, the roster's size (null without a roster) and the residents it recorded. */
const interviews: Array<{
  ea: string;
  dwelling: number;
  household: number;
  roster: number | null;
  b01: unknown;
}> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-listed-size-'));
  started = await startDemo(dir);
  await playFieldwork(started);
  digest = await simulatedAnswersDigest(started.database.client);
  for (const row of (await started.database.client.execute('select ea_code, answers from ea_listings')).rows)
    listings.set(String(row.ea_code), JSON.parse(String(row.answers)));
  const rows = await started.database.client.execute(
    'select h.ea_code, h.dwelling, h.household, r.envelope from interviews i join interview_revisions r on r.interview_id = i.id and r.revision = i.current_revision join assignments a on a.id = i.assignment_id join households h on h.id = a.household_id',
  );
  for (const row of rows.rows) {
    const answers = JSON.parse(String(row.envelope)).answers as Record<string, unknown>;
    interviews.push({
      ea: String(row.ea_code),
      dwelling: Number(row.dwelling),
      household: Number(row.household),
      roster: Array.isArray(answers.members) ? answers.members.length : null,
      b01: answers.b01_residents,
    });
  }
}, 900_000);
afterAll(async () => {
  await started?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sizeOf = (x: (typeof interviews)[number]) =>
  listedSize(listingProfile, listings.get(x.ea) ?? {}, { dwelling: x.dwelling, household: x.household });

describe("the demo's listed sizes and rosters (seeded demo, all 120 EAs)", () => {
  it('the interviews are those of before: every roster and every answer as at 78cd5d5', () => {
    expect(digest).toEqual({
      interviews: before.interviews,
      rostered: before.rostered,
      rosters: before.rosters,
      answers: before.answers,
    });
  });

  it('quality.size_vs_listing warns on more than none and fewer than 10% of the rostered interviews', () => {
    const rostered = interviews.filter((x) => x.roster);
    const warned = rostered.filter(
      (x) => sizeFlags({ rosterSize: x.roster } as Facts, sizeOf(x)).length > 0,
    ).length;
    expect(rostered.length).toBe(1220);
    expect(warned).toBeGreaterThan(0);
    expect(warned / rostered.length).toBeLessThan(0.1);
  });

  it('most interviews that count their residents find the number the listing recorded', () => {
    const counted = interviews.filter((x) => typeof x.b01 === 'number');
    const equal = counted.filter((x) => sizeOf(x) === x.b01).length;
    // 90% agree by design, less the planted near-duplicate; far from the 20% of independent draws
    expect(equal / counted.length).toBeGreaterThan(1 - OFF_BY_ONE - OFF_BY_MORE - 0.03);
    expect(equal / counted.length).toBeLessThan(0.97);
  });

  it("every listed size the interviews do not set is the listing's own draw, as before", () => {
    const counted = new Set(
      interviews.filter((x) => typeof x.b01 === 'number').map((x) => `${x.ea}:${x.dwelling}.${x.household}`),
    );
    const rows = new Map(loadIpeiFrame().rows.map((r) => [r.ea_id, r]));
    let kept = 0;
    for (const [ea, answers] of listings) {
      const row = rows.get(ea);
      if (!row) throw new Error(`no frame row for ${ea}`);
      const own = syntheticListing(seededUniform(seedFrom(ea, DEMO_SEED)), row);
      const recorded = answers.dwellings as typeof own.dwellings;
      expect(recorded.length).toBe(own.dwellings.length);
      for (const [k, d] of own.dwellings.entries())
        for (const [j, h] of (d.households ?? []).entries()) {
          const got = (recorded[k].households as ListedHousehold[])[j];
          // everything but the size is the listing's own, for every household
          expect({ ...got, l12_size: 0 }).toEqual({ ...h, l12_size: 0 });
          if (counted.has(`${ea}:${d.l01_dwelling}.${h.l10_household}`)) continue;
          expect(got.l12_size).toBe(h.l12_size);
          kept++;
        }
    }
    expect(kept).toBeGreaterThan(5000);
  });
});

describe('listedSizeOf: the listing off by one member or by more, on a stream of its own', () => {
  const ids = Array.from({ length: 20_000 }, (_, k) => `EA${k % 97}-${String(k).padStart(3, '0')}-1`);
  it('keeps about 90% of sizes, moves 6% by one and 4% by two or three, never below 1', () => {
    const off = ids.map((id, k) => {
      const size = 1 + (k % 6);
      const listed = listedSizeOf(size, id);
      expect(listed).toBeGreaterThanOrEqual(1);
      return Math.abs(listed - size);
    });
    const share = (f: (d: number) => boolean) => off.filter(f).length / off.length;
    expect(share((d) => d === 0)).toBeCloseTo(1 - OFF_BY_ONE - OFF_BY_MORE, 1);
    expect(share((d) => d === 1)).toBeCloseTo(OFF_BY_ONE, 1);
    expect(share((d) => d === 2 || d === 3)).toBeCloseTo(OFF_BY_MORE, 1);
    expect(share((d) => d > 3)).toBe(0);
  });
  it('is the same for the same household, whatever else was drawn', () => {
    expect(ids.slice(0, 50).map((id) => listedSizeOf(4, id))).toEqual(
      ids.slice(0, 50).map((id) => listedSizeOf(4, id)),
    );
  });
});
