/**
 * The dashboard's two-stage AAPOR rates for a survey that interviews households, then the eligible persons
 * within them: eight constructed households (completes, a partial, refusals, a non-contact, an unknown and
 * an ineligible one) whose rosters hold persons of every class, and the household, person and overall rates
 * by total, team, island and EA equal the fractions worked out by hand in the comments below. The survey is
 * the test survey with a roster that names eligible persons (not 'CV', aged 15 or more) and classes its
 * person result codes in the profile, as a survey folder does; nothing in the engine names them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/contract/dashboard.ts';
import { surveyProfileSchema } from '../../server/contract/survey-profile.ts';
import {
  createTestContext,
  envelope,
  type Person,
  TEST_QUESTIONNAIRES,
  type TestContext,
} from '../helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'two-stage-survey-'));
const PERSON_CODES = [
  { code: 31, aapor: 'I', label: { pt: 'Completa', en: 'Complete' } },
  { code: 32, aapor: 'I', label: { pt: 'Proxy', en: 'Proxy' } },
  { code: 36, aapor: 'P', label: { pt: 'Parcial', en: 'Partial' } },
  { code: 33, aapor: 'R', label: { pt: 'Recusa', en: 'Refused' } },
  { code: 34, aapor: 'NC', label: { pt: 'Ausente', en: 'Absent' } },
  { code: 35, aapor: 'O', label: { pt: 'Incapaz', en: 'Unable' } },
];
let profile: Record<string, unknown>;

/** A roster member: nationality, age and (for the individual interview) its result code. */
type Member = [nat: string, age: number, result?: number];
interface Household {
  who: Person;
  outcome: number;
  members?: Member[];
}
/**
 * Per enumerator, in assignment order. Persons needing the individual interview: not 'CV' and 15+.
 *   a1-1 complete: SN 30 I, CN 20 R (CV 40 and SN 10 are not individual)      persons I R
 *   a1-2 partial: SN 50 P, SN 17 with no result (X)                            persons P X
 *   a1-3 refusal;  a2-1 complete: SN 25 I (proxy), SN 60 NC, SN 33 O           persons I NC O
 *   a2-2 non-contact; a2-3 unknown eligibility (3); b1-1 complete: SN 22 I; b1-2 not eligible (2)
 *   b1-3 not visited.
 */
const HOUSEHOLDS: Household[] = [
  {
    who: 'enum_a1',
    outcome: 11,
    members: [
      ['CV', 40],
      ['SN', 30, 31],
      ['SN', 10],
      ['CN', 20, 33],
    ],
  },
  {
    who: 'enum_a1',
    outcome: 12,
    members: [
      ['SN', 50, 36],
      ['SN', 17],
    ],
  },
  { who: 'enum_a1', outcome: 13 },
  {
    who: 'enum_a2',
    outcome: 11,
    members: [
      ['SN', 25, 32],
      ['SN', 60, 34],
      ['SN', 33, 35],
    ],
  },
  { who: 'enum_a2', outcome: 14 },
  { who: 'enum_a2', outcome: 3 },
  { who: 'enum_b1', outcome: 11, members: [['SN', 22, 31]] },
  { who: 'enum_b1', outcome: 2 },
];

let ctx: TestContext;
let dash: Dashboard;
/** The interview id of each household of HOUSEHOLDS, in order. */
const interviewIds: string[] = [];
beforeAll(async () => {
  cpSync(join(TEST_QUESTIONNAIRES, 'test'), join(dir, 'test'), { recursive: true });
  // version 3 of the test questionnaire: the roster records nationality, the persons' panel a result
  const v2 = JSON.parse(readFileSync(join(dir, 'test', 'household.v2.json'), 'utf8'));
  const cover = v2.pages[0].elements as Array<{ name: string; templateElements: unknown[] }>;
  cover
    .find((e) => e.name === 'members')
    ?.templateElements.push({ type: 'text', name: 'c07_nat', title: 'Nacionalidade' });
  cover
    .find((e) => e.name === 'members_p')
    ?.templateElements.push({
      type: 'radiogroup',
      name: 'z05p_result',
      title: 'Resultado individual',
      choices: PERSON_CODES.map((c) => c.code),
    });
  writeFileSync(join(dir, 'test', 'household.v3.json'), JSON.stringify(v2));
  const file = join(dir, 'test', 'profile.json');
  const base = JSON.parse(readFileSync(file, 'utf8'));
  profile = {
    ...base,
    roster: {
      ...base.roster,
      eligible: "{c07_nat} notempty and {c07_nat} <> 'CV'",
      individualMinAge: 15,
      personResult: {
        roster: 'members_p',
        variable: 'z05p_result',
        respondent: [31, 32],
        codes: PERSON_CODES,
      },
    },
  };
  writeFileSync(file, JSON.stringify(profile));

  ctx = await createTestContext({}, { surveyDirs: [dir], assignmentsPerEnumerator: 3 });
  for (const h of HOUSEHOLDS) {
    const members = h.members ?? [];
    const env = envelope(ctx, h.who, {
      questionnaireVersion: 3,
      outcome: h.outcome,
      answers: members.length
        ? {
            b01_consent: 1,
            b03_size: members.length,
            members: members.map(([nat, age]) => ({ c07_nat: nat, c05_age: age, c03_sex: 1 })),
            members_p: members.map(([, , result]) => (result === undefined ? {} : { z05p_result: result })),
          }
        : { b01_consent: 2 },
    });
    const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: h.who, body: env });
    expect(res.status).toBe(201);
    interviewIds.push(env.interviewId);
  }
  await ctx.jobs.drain();
  const res = await ctx.request('GET', '/api/dashboard?survey=test', { as: 'coord' });
  expect(res.status).toBe(200);
  dash = await res.json();
}, 120_000);
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two-stage response rates on the dashboard', () => {
  it('total: household, person and overall rates equal the hand-worked fractions', () => {
    const total = dash.dispositions.total;
    // households: I 3, P 1, R 1, NC 1, UH 1, NE 1 (8 visited); eligible 6, e = 6/7
    expect(total).toMatchObject({ cases: 8, I: 3, P: 1, R: 1, NC: 1, O: 0, UH: 1, NE: 1 });
    expect(total.rr1).toBeCloseTo(3 / 7, 12);
    expect(total.rr2).toBeCloseTo(4 / 7, 12);
    expect(total.rr3).toBeCloseTo(3 / (6 + (6 / 7) * 1), 12); // 7/16
    // persons of the four responding households: I 3, P 1, R 1, NC 1, O 1, X 1
    expect(total.person).toMatchObject({ households: 4, persons: 8, I: 3, P: 1, R: 1, NC: 1, O: 1, X: 1 });
    expect(total.person?.rr1).toBeCloseTo(3 / 8, 12);
    expect(total.person?.rr2).toBeCloseTo(4 / 8, 12);
    expect(total.overall?.rr1).toBeCloseTo(9 / 56, 12);
    expect(total.overall?.rr2).toBeCloseTo(2 / 7, 12);
    expect(total.overall?.rr3).toBeCloseTo(21 / 128, 12);
  });

  it('by team and island: each group its own two stages', () => {
    const a = dash.dispositions.team.find((r) => r.key === 'A')!;
    // team A: households I 2, P 1, R 1, NC 1, UH 1, no NE (e = 1); persons I 2, P 1, R 1, NC 1, O 1, X 1
    expect(a.rr1).toBeCloseTo(2 / 6, 12);
    expect(a.rr2).toBeCloseTo(3 / 6, 12);
    expect(a.rr3).toBeCloseTo(2 / 6, 12);
    expect(a.person?.persons).toBe(7);
    expect(a.person?.rr1).toBeCloseTo(2 / 7, 12);
    expect(a.person?.rr2).toBeCloseTo(3 / 7, 12);
    expect(a.overall?.rr1).toBeCloseTo(2 / 21, 12);
    expect(a.overall?.rr2).toBeCloseTo(3 / 14, 12);
    expect(a.overall?.rr3).toBeCloseTo(2 / 21, 12);
    // team B: one complete (its one person interviewed) and one ineligible household
    const b = dash.dispositions.team.find((r) => r.key === 'B')!;
    expect(b).toMatchObject({ cases: 2, I: 1, NE: 1, rr1: 1, e: 0.5 });
    expect(b.person).toMatchObject({ households: 1, persons: 1, I: 1, rr1: 1 });
    // one household: its base weight changes nothing
    expect(b.overall).toEqual({ rr1: 1, rr2: 1, rr3: 1, weighted: { rr1: 1, rr2: 1, rr3: 1 } });
    // the islands are the teams' EAs here: the same figures
    const santiago = dash.dispositions.island.find((r) => r.key === 'Santiago')!;
    expect(santiago.overall?.rr2).toBeCloseTo(3 / 14, 12);
    expect(dash.dispositions.ea.find((r) => r.key === 'CV-SL-0001')?.person?.persons).toBe(1);
  });

  it("a supervisor's person stage holds their team's persons only", async () => {
    const mine = (await (
      await ctx.request('GET', '/api/dashboard?survey=test', { as: 'sup_b' })
    ).json()) as Dashboard;
    expect(mine.dispositions.total.person).toMatchObject({ households: 1, persons: 1, I: 1 });
    expect(mine.dispositions.team.map((r) => r.key)).toEqual(['B']);
  });

  it('a profile whose respondent code is not classed complete is refused, naming the field', () => {
    const roster = profile.roster as Record<string, unknown>;
    const bad = {
      ...profile,
      roster: {
        ...roster,
        personResult: { ...(roster.personResult as object), respondent: [31, 36] },
      },
    };
    const parsed = surveyProfileSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('roster.personResult.respondent.1');
  });

  // last: it changes a stored envelope
  it('a complete whose stored envelope SQLite cannot read is left out of the person stage, not a 500', async () => {
    const b1 = interviewIds[6];
    await ctx.database.db.run(
      sql`update interview_revisions set envelope = ${'{"answers": {"members": [}'} where interview_id = ${b1}`,
    );
    const res = await ctx.request('GET', '/api/dashboard?survey=test', { as: 'coord' });
    expect(res.status).toBe(200);
    const total = ((await res.json()) as Dashboard).dispositions.total;
    // the household is still a complete; its one person (I) is no longer read: 2 of 7 persons
    expect(total).toMatchObject({ I: 3, cases: 8 });
    expect(total.person).toMatchObject({ households: 3, persons: 7, I: 2 });
    expect(total.person?.rr1).toBeCloseTo(2 / 7, 12);
  });
});
