import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingSubmissionSchema } from '../../../../server/contract/listing.ts';
import { countListing, recordListing } from '../../../../server/domain/listing.ts';
import { surveysOf } from '../../../../server/domain/surveys.ts';
import type { Started } from '../../../../server/startup.ts';
import { startDemo } from '../../../helpers/simulated-demo.ts';

let dir: string;
let started: Started;
const q = async (sql: string) => (await started.database.client.execute(sql)).rows;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-listing-'));
  started = await startDemo(dir);
  // a fresh selected EA for these tests: un-list one EA of the seed (no interviews exist yet)
  await started.database.client.batch([
    "delete from assignments where household_id in (select id from households where ea_code = 'CV-SL-0001')",
    "delete from households where ea_code = 'CV-SL-0001'",
    "delete from ea_listings where ea_code = 'CV-SL-0001'",
    "update enumeration_areas set pi1 = 0.5, team_id = 'team-sal' where code = 'CV-SL-0001'",
  ]);
}, 120_000);
afterAll(async () => {
  await started?.close();
  rmSync(dir, { recursive: true, force: true });
});

const user = async (username: string) => {
  const [u] = await q(
    `select id, username, display_name, role, team_id from users where username = '${username}'`,
  );
  return {
    id: String(u.id),
    username,
    displayName: String(u.display_name),
    role: u.role as 'coordinator',
    teamId: (u.team_id as string) ?? null,
  };
};
const dwellings = (dispositions: number[]) =>
  dispositions.map((d, i) => ({ l01_dwelling: i + 1, l05_disposition: d }));
const body = (ea: string, dispositions: number[], extra: Record<string, unknown> = {}) =>
  listingSubmissionSchema.parse({
    questionnaireVersion: 1,
    answers: { a04_ea: ea, dwellings: dwellings(dispositions) },
    ...extra,
  });

describe('recording an EA listing', () => {
  it('counts E (1), I (2), U (3, 4) and vacant / not a dwelling (5, 6)', () => {
    const listing = surveysOf(started.database).get('ipei')?.listing;
    if (!listing) throw new Error('the survey has a listing');
    const units = dwellings([1, 1, 2, 3, 4, 5, 6, 2, 1]).map((d) => ({
      unit: d.l01_dwelling,
      disposition: d.l05_disposition,
    }));
    expect(countListing(units, listing)).toMatchObject({
      eligible: 3,
      ineligible: 2,
      unknown: 2,
      outOfScope: 2,
      eligibleDwellings: [1, 2, 9],
    });
  });
  it('refuses a supervisor of another team, an EA code that differs from the answers, an unselected EA', async () => {
    const other = await user('supervisor1');
    await expect(
      recordListing(started.database, other, 'CV-SL-0001', body('CV-SL-0001', [1])),
    ).rejects.toMatchObject({ code: 'resource.not_found' });
    const coord = await user('coordinator');
    await expect(
      recordListing(started.database, coord, 'CV-SL-0001', body('CV-SL-0002', [1])),
    ).rejects.toMatchObject({ code: 'request.invalid' });
    const [unselected] = await q('select code from enumeration_areas where pi1 is null limit 1');
    await expect(
      recordListing(started.database, coord, String(unselected.code), body(String(unselected.code), [1])),
    ).rejects.toMatchObject({ code: 'resource.not_found' });
  });
  it("selects m = min(15, E) households systematically (pi2 = m / E) and assigns them to the named enumerators, the team's supervisor allowed", async () => {
    const sup = await user('supervisor3');
    const dispositions = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : i % 7 === 0 ? 3 : 2));
    const r = await recordListing(
      started.database,
      sup,
      'CV-SL-0001',
      body('CV-SL-0001', dispositions, {
        classes: { '1': 'ECOWAS' },
        enumerators: ['enumerator14', 'enumerator15'],
      }),
    );
    expect(r).toMatchObject({ eligible: 20, selected: 15, pi2: 0.75 });
    expect(new Set(r.households.map((h) => h.enumerator))).toEqual(new Set(['enumerator14', 'enumerator15']));
    const rows = await q(
      "select count(*) n, min(pi2) lo, max(pi2) hi from households where ea_code = 'CV-SL-0001'",
    );
    expect(rows[0]).toMatchObject({ n: 15, lo: 0.75, hi: 0.75 });
    const [listing] = await q(
      "select eligible, ineligible, unknown, selected from ea_listings where ea_code = 'CV-SL-0001'",
    );
    expect(listing).toMatchObject({ eligible: 20, selected: 15 });
    await expect(
      recordListing(started.database, sup, 'CV-SL-0001', body('CV-SL-0001', dispositions)),
    ).rejects.toMatchObject({ code: 'request.invalid' });
  });
});
