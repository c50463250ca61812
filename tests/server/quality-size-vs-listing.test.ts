/**
 * The household's size tied to its listing: IPEI's profile declares the listing item (l12_size, per
 * listed household) and the registry checks it is a question of the listing's household roster;
 * listedSize finds the household's row in a cluster's listing answers; the quality rule
 * (`quality.size_vs_listing`, rules.ts) warns when the roster is more than max(1, a quarter of the listed
 * size) away from it, and says nothing without a roster or a recorded count; the supervisor reads it
 * as a sentence in pt, en, fr and kea with its numbers.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagSentence } from '../../client/review/flag-text.ts';
import { assignments, eaListings, flags, households, users } from '../../server/db/schema.ts';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import type { Facts } from '../../server/domain/quality/facts.ts';
import { listedSize } from '../../server/domain/quality/listed-size.ts';
import { interviewFlags, sizeFlags, THRESHOLDS } from '../../server/domain/quality/rules.ts';
import { loadSurveys } from '../../server/domain/surveys.ts';
import { QUALITY_JOB, qualityFlagsJob, thenQualityFlags } from '../../server/jobs/quality-flags.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { validationJob } from '../../server/jobs/validate-answers.ts';
import { createValidationThread } from '../../server/jobs/validation-thread.ts';
import { createLogger } from '../../server/log.ts';
import { createTestContext, envelope, TEST_QUESTIONNAIRES, type TestContext } from '../helpers/server.ts';

// the registry as the server loads it (a size that is not a listing question would stop it)
const listing = loadSurveys('questionnaires').get('ipei')?.listing;
if (!listing) throw new Error('ipei has a listing');

/** A cluster's listing as IPEI's listing.v2 records it: dwellings, and households in the multi-household ones. */
const answers = {
  a04_ea: 'CV-PR-0001',
  dwellings: [
    { l01_dwelling: 1, l05_disposition: 2 },
    {
      l01_dwelling: 2,
      l05_disposition: 7,
      households: [
        { l10_household: 1, l12_size: 3, l16_hh_disposition: 1 },
        { l10_household: 2, l12_size: 8, l16_hh_disposition: 1 },
        { l10_household: 3, l12_size: -98, l16_hh_disposition: 1 },
      ],
    },
  ],
};

const facts = (rosterSize: number | null): Facts => ({
  interviewId: 'i1',
  revision: 1,
  enumeratorId: 'e1',
  eaCode: 'CV-PR-0001',
  outcome: 11,
  complete: true,
  startedAt: '2026-09-03T10:00:00.000-01:00',
  completedAt: '2026-09-03T10:40:00.000-01:00',
  durationMin: 40,
  pageTimesMs: {},
  gps: { status: 'ok', latitude: 14.9, longitude: -23.5, accuracyM: 5 },
  visits: [],
  leaves: new Map(),
  dkRf: 0,
  persons: 0,
  proxies: 0,
  ages: [],
  rosterSize,
});

describe('the household size of the listing', () => {
  it("IPEI declares it: the listing's l12_size, in the household roster", () => {
    expect(listing.households?.size).toBe('l12_size');
    expect(listing.size).toBeNull();
  });

  it("finds the household's row of its dwelling; a special code or an unlisted unit is no size", () => {
    expect(listedSize(listing, answers, { dwelling: 2, household: 1 })).toBe(3);
    expect(listedSize(listing, answers, { dwelling: 2, household: 2 })).toBe(8);
    expect(listedSize(listing, answers, { dwelling: 2, household: 3 })).toBeNull();
    expect(listedSize(listing, answers, { dwelling: 2, household: 4 })).toBeNull();
    expect(listedSize(listing, answers, { dwelling: 1, household: 1 })).toBeNull();
    expect(listedSize(listing, answers, { dwelling: 9, household: 1 })).toBeNull();
    expect(listedSize({ ...listing, households: null }, answers, { dwelling: 2, household: 1 })).toBeNull();
  });
});

describe('quality.size_vs_listing', () => {
  const flagged = (roster: number | null, listed: number | null) =>
    sizeFlags(facts(roster), listed).length > 0;
  it('one member either way is ordinary; a quarter of a large household too', () => {
    expect(THRESHOLDS.sizeSlackMembers).toBe(1);
    expect(THRESHOLDS.sizeSlackShare).toBe(0.25);
    expect([flagged(3, 3), flagged(2, 3), flagged(4, 3), flagged(5, 3), flagged(1, 3)]).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect([flagged(10, 8), flagged(6, 8), flagged(11, 8), flagged(5, 8)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('no roster (a refusal), no recorded size, no survey roster: nothing to compare', () => {
    expect([flagged(0, 3), flagged(5, null), flagged(null, 3)]).toEqual([false, false, false]);
  });

  it('among the interview flags, with the numbers the sentence takes, in four languages', () => {
    const found = interviewFlags({
      self: facts(7),
      peers: [],
      centroid: null,
      receivedAt: Date.parse('2026-09-03T12:00:00.000-01:00'),
      listedSize: 3,
    });
    const f = found.find((x) => x.code === 'quality.size_vs_listing');
    expect(f?.message).toBe(
      'The roster lists 7 members; the listing recorded 3 for this household (more than 1 apart): check that the right household was interviewed and that no member was left out or added.',
    );
    const flag = f as { code: string; message: string };
    expect(flagSentence(flag, 'pt')).toBe(
      'A lista de membros tem 7 pessoas; a listagem registou 3 para este agregado (diferença maior que 1): confirme que foi entrevistado o agregado certo e que nenhum membro foi esquecido ou acrescentado.',
    );
    expect(flagSentence(flag, 'en')).toBe(f?.message);
    for (const lang of ['fr', 'kea'] as const) {
      const s = flagSentence(flag, lang);
      expect([s.includes('7'), s.includes('3'), s.includes('{')], lang).toEqual([true, true, false]);
    }
    // a large household: the slack is a quarter of the listed size
    const big = sizeFlags(facts(14), 10)[0];
    expect(flagSentence(big, 'en')).toContain('more than 2.5 apart');
  });
});

/**
 * Through the quality job: a copy of the test survey (`lst`) whose profile names a listing with a
 * size per dwelling; its cluster listed, two of its households interviewed with 4 members each, one
 * listed with 2 members (flagged), one with 4 (not).
 */
describe('through the quality job', () => {
  let ctx: TestContext;
  let thread: ReturnType<typeof createValidationThread>;
  let root: string;
  const interviewIds: Record<string, string> = {};
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'morabeza-size-listing-'));
    const dir = join(root, 'lst');
    mkdirSync(dir);
    cpSync(join(TEST_QUESTIONNAIRES, 'test', 'household.v1.json'), join(dir, 'household.v1.json'));
    const profile = JSON.parse(readFileSync(join(TEST_QUESTIONNAIRES, 'test', 'profile.json'), 'utf8'));
    profile.id = 'lst';
    profile.questionnaires.listing = 'listing';
    profile.listing = {
      units: 'dwellings',
      unit: 'l01_dwelling',
      disposition: 'l05_disposition',
      eligible: [1],
      ineligible: [2],
      size: 'l12_size',
    };
    writeFileSync(join(dir, 'profile.json'), JSON.stringify(profile));
    const item = (name: string) => ({ type: 'text', inputType: 'number', name, title: name });
    const listingFile = {
      pages: [
        {
          name: 'dwellings_page',
          elements: [
            {
              type: 'paneldynamic',
              name: 'dwellings',
              templateElements: [item('l01_dwelling'), item('l05_disposition'), item('l12_size')],
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'listing.v1.json'), JSON.stringify(listingFile));
    ctx = await createTestContext({}, { surveyDirs: [root] });
    const { db } = ctx.database;
    const [enumerator] = await db.select().from(users).where(eq(users.username, 'enum_a1'));
    for (const dwelling of [7, 8]) {
      await db
        .insert(households)
        .values({ id: `CV-PR-0001-${dwelling}`, eaCode: 'CV-PR-0001', dwelling, household: 1, pi2: 0.5 });
      await db.insert(assignments).values({
        id: `A-lst-${dwelling}`,
        householdId: `CV-PR-0001-${dwelling}`,
        questionnaireId: 'lst-household',
        questionnaireVersion: 1,
        enumeratorId: enumerator.id,
      });
    }
    await db.insert(eaListings).values({
      eaCode: 'CV-PR-0001',
      questionnaireId: 'lst-listing',
      questionnaireVersion: 1,
      eligible: 2,
      ineligible: 0,
      unknown: 0,
      outOfScope: 0,
      selected: 2,
      answers: JSON.stringify({
        dwellings: [
          { l01_dwelling: 7, l05_disposition: 1, l12_size: 2 },
          { l01_dwelling: 8, l05_disposition: 1, l12_size: 4 },
        ],
      }),
    });
    for (const dwelling of [7, 8]) {
      const env = envelope(ctx, 'enum_a1', {
        questionnaireId: 'lst-household',
        assignmentId: `A-lst-${dwelling}`,
        answers: {
          a04_ea: 'CV-PR-0001',
          members: [23, 31, 44, 57].map((a) => ({ c05_age: a })),
          members_p: [1, 1, 1, 1].map((z) => ({ z01_respondent: z })),
        },
      });
      const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, {
        as: 'enum_a1',
        body: env,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      interviewIds[dwelling] = env.interviewId;
    }
    thread = createValidationThread();
    const runner = createJobRunner(
      ctx.database,
      {
        [VALIDATION_JOB]: thenQualityFlags(validationJob(ctx.database, thread), ctx.database),
        [QUALITY_JOB]: qualityFlagsJob(ctx.database),
      },
      createLogger('warn'),
    );
    await runner.drain();
  }, 120_000);
  afterAll(async () => {
    await thread?.close();
    await ctx?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const sizeFlagsOf = async (id: string) =>
    (await ctx.database.db.select().from(flags).where(eq(flags.interviewId, id))).filter(
      (f) => f.code === 'quality.size_vs_listing',
    );

  it('flags the household listed with 2 members and rostered with 4, not the one listed with 4', async () => {
    const far = await sizeFlagsOf(interviewIds[7]);
    expect(far.map((f) => [f.source, f.message])).toEqual([
      [
        'quality',
        'The roster lists 4 members; the listing recorded 2 for this household (more than 1 apart): check that the right household was interviewed and that no member was left out or added.',
      ],
    ]);
    expect(await sizeFlagsOf(interviewIds[8])).toEqual([]);
  });
});
