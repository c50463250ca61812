/** Quality flags (source 'quality'): each raised on an interview crafted for it, none on clean ones. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewEnvelope } from '../../server/contract/interview.ts';
import { enumerationAreas, flags } from '../../server/db/schema.ts';
import { VALIDATION_JOB } from '../../server/domain/interviews.ts';
import { whipple } from '../../server/domain/quality/enumerator-rules.ts';
import { haversineKm } from '../../server/domain/quality/stats.ts';
import { QUALITY_JOB, qualityFlagsJob, thenQualityFlags } from '../../server/jobs/quality-flags.ts';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { validationJob } from '../../server/jobs/validate-answers.ts';
import { createValidationThread } from '../../server/jobs/validation-thread.ts';
import { createLogger } from '../../server/log.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
let thread: ReturnType<typeof createValidationThread>;
const PRAIA = { lat: 14.9177, lon: -23.5092 };
const ids: Record<string, string> = {};
const clean: string[] = [];
const a1Batch: string[] = [];

const at = (minutes: number) => {
  const d = new Date(Date.UTC(2026, 8, 3, 10, 0) + minutes * 60_000);
  return `${d.toISOString().slice(0, 19)}.000-01:00`; // 10:00 local on day 0, plus minutes
};

/** A clean complete interview: varied answers, a GPS fix at the EA, a daytime start, a plausible length. */
function make(person: Person, i: number, over: Partial<InterviewEnvelope> = {}): InterviewEnvelope {
  const answers: Record<string, unknown> = { a04_ea: 'CV-PR-0001' };
  for (let k = 1; k <= 12; k++) answers[`q${String(k).padStart(2, '0')}`] = ((i + 3) * 7 * k + k) % 97;
  answers.members = [23, 31, 44, 57].map((a) => ({ c05_age: a + (i % 3) }));
  answers.members_p = [1, 1, 1, 1].map((z) => ({ z01_respondent: z }));
  const minutes = 30 + 6 * (i % 6);
  return envelope(ctx, person, {
    answers,
    startedAt: at(i * 1440),
    completedAt: at(i * 1440 + minutes),
    paradata: {
      gps: { status: 'ok', latitude: PRAIA.lat + 0.001, longitude: PRAIA.lon, accuracyM: 8 },
      pageTimesMs: { cover: 60_000 + 5_000 * (i % 4), roster: 600_000 },
      visits: [{ start: at(i * 1440), end: at(i * 1440 + minutes) }],
    },
    ...over,
  });
}

async function put(person: Person, env: InterviewEnvelope) {
  const res = await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: person, body: env });
  expect(res.status, await res.clone().text()).toBe(201);
  return env.interviewId;
}

async function qualityCodes(id: string) {
  const rows = await ctx.database.db.select().from(flags).where(eq(flags.interviewId, id));
  return rows.filter((f) => f.source === 'quality');
}

async function build(kind: 'single' | 'enumerator') {
  ctx = await createTestContext({}, { assignmentsPerEnumerator: 40 }); // one live interview per assignment
  clean.length = 0;
  await ctx.database.db
    .update(enumerationAreas)
    .set({ centroidLat: PRAIA.lat, centroidLon: PRAIA.lon })
    .where(eq(enumerationAreas.code, 'CV-PR-0001'));
  for (let i = 0; i < 6; i++) clean.push(await put('enum_a2', make('enum_a2', i)));
  for (let i = 0; i < 6; i++) clean.push(await put('enum_b1', make('enum_b1', i + 10)));
  const base = (i: number) => make('enum_a1', 100 + i);
  if (kind === 'enumerator') {
    // enum_a1: many don't know/refused, all proxies, heaped ages, short and uniform interviews
    for (let i = 0; i < 6; i++) {
      const e = base(20 + i);
      const answers: Record<string, unknown> = { ...e.answers, q01: 98, q02: 99, q03: 98, q04: 99, q05: 98 };
      answers.members = [25, 30, 35, 40, 45].map((a) => ({ c05_age: a + 5 * (i % 2) }));
      answers.members_p = [2, 2, 2, 2, 2].map((z) => ({ z01_respondent: z }));
      a1Batch.push(await put('enum_a1', { ...e, answers, completedAt: at((120 + i) * 1440 + 12) }));
    }
    return drainAll();
  }
  const short = base(1);
  ids.short = await put('enum_a1', {
    ...short,
    completedAt: at((100 + 1) * 1440 + 5),
    paradata: { ...short.paradata, pageTimesMs: { cover: 2_000, roster: 600_000 } },
  });
  const noGps = base(2);
  ids.gpsMissing = await put('enum_a1', { ...noGps, paradata: { ...noGps.paradata, gps: undefined } });
  const far = base(3);
  ids.gpsFar = await put('enum_a1', {
    ...far,
    paradata: { ...far.paradata, gps: { status: 'ok', latitude: PRAIA.lat + 0.1, longitude: PRAIA.lon } },
  });
  ids.night = await put('enum_a1', {
    ...base(4),
    startedAt: '2026-09-04T23:10:00.000-01:00',
    completedAt: '2026-09-05T00:00:00.000-01:00',
  });
  ids.backwards = await put('enum_a1', {
    ...base(5),
    startedAt: '2026-09-04T11:00:00.000-01:00',
    completedAt: '2026-09-04T10:20:00.000-01:00',
  });
  ids.future = await put('enum_a1', {
    ...base(6),
    startedAt: '2030-01-01T10:00:00.000-01:00',
    completedAt: '2030-01-01T10:45:00.000-01:00',
  });
  const original = make('enum_a2', 50);
  ids.original = await put('enum_a2', original);
  ids.copy = await put('enum_a1', { ...base(7), answers: { ...original.answers, q01: 'changed' } });
  return drainAll();
}

async function drainAll() {
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
}

async function teardown() {
  await thread.close();
  await ctx.close();
}

describe('quality flags on single interviews', () => {
  beforeAll(() => build('single'), 120_000);
  afterAll(teardown);

  it('raises none on clean interviews of two enumerators', async () => {
    for (const id of clean) expect(await qualityCodes(id), id).toEqual([]);
  });

  it.each([
    ['short', 'quality.short_duration', null],
    ['short', 'quality.short_module', 'cover'],
    ['gpsMissing', 'quality.gps_missing', null],
    ['gpsFar', 'quality.gps_far', null],
    ['night', 'quality.odd_hours', null],
    ['backwards', 'quality.clock_order', null],
    ['future', 'quality.clock_ahead', null],
    ['copy', 'quality.near_duplicate', null],
    ['original', 'quality.near_duplicate', null],
  ])('the %s interview gets %s, with an explanation', async (name, code, path) => {
    const found = (await qualityCodes(ids[name])).filter((f) => f.code === code);
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe(path);
    expect(found[0].message.length).toBeGreaterThan(30);
  });

  it('names the distance and the duplicate in plain words', async () => {
    const far = (await qualityCodes(ids.gpsFar)).find((f) => f.code === 'quality.gps_far');
    const km = haversineKm(PRAIA.lat + 0.1, PRAIA.lon, PRAIA.lat, PRAIA.lon);
    expect(far?.message).toContain(`${Math.round(km * 10) / 10} km`);
    const copy = (await qualityCodes(ids.copy)).find((f) => f.code === 'quality.near_duplicate');
    expect(copy?.message).toContain(ids.original);
  });
});

describe('quality flags on an enumerator', () => {
  beforeAll(() => build('enumerator'), 120_000);
  afterAll(teardown);

  it('raises none on the clean enumerators', async () => {
    for (const id of clean) expect(await qualityCodes(id), id).toEqual([]);
  });

  it('flags the enumerator with many DK/refused, proxies, heaped ages, short and uniform interviews', async () => {
    const codes = new Set((await qualityCodes(a1Batch[5])).map((f) => f.code));
    for (const code of [
      'quality.enumerator_dk_rf',
      'quality.enumerator_proxies',
      'quality.enumerator_age_heaping',
      'quality.enumerator_short',
      'quality.enumerator_uniform',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it("Whipple's index: 100 with no heaping, 500 with every age on a multiple of five", () => {
    expect(whipple([25, 30, 35, 40]).index).toBe(500);
    expect(whipple([23, 24, 25, 26, 27, 28, 29, 30, 31, 32]).index).toBe(100);
  });
});
