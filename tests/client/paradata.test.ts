import { describe, expect, it } from 'vitest';
import { buildEnvelope, outcomeOf } from '../../client/interview/envelope.ts';
import { emptyParadata, ParadataRecorder } from '../../client/interview/paradata.ts';
import { draft, TEST_PROFILE } from './fixtures.ts';

function clock(start = Date.parse('2026-11-30T09:00:00.000Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('paradata', () => {
  it('times pages and questions, counts visits, and records language switches', () => {
    const c = clock();
    const rec = new ParadataRecorder(emptyParadata('tablet-1', c.now()), c.now);
    rec.beginVisit('cover');
    c.advance(4_000);
    rec.answered('b01_consent');
    c.advance(1_000);
    rec.languageSwitched('pt', 'fr');
    rec.pageChanged('household');
    c.advance(6_000);
    rec.answered('b03_size');
    c.advance(2_000);
    rec.answered('b03_size');
    const snap = rec.snapshot();
    expect(snap.pageTimesMs).toEqual({ cover: 5_000, household: 8_000 });
    expect(snap.questionTimesMs).toEqual({ b01_consent: 4_000, b03_size: 8_000 });
    expect(snap.languageSwitches).toEqual([{ at: '2026-11-30T09:00:05.000Z', from: 'pt', to: 'fr' }]);
    expect(snap.visits).toEqual([{ start: '2026-11-30T09:00:00.000Z', end: '2026-11-30T09:00:13.000Z' }]);
    expect(snap.deviceId).toBe('tablet-1');
  });

  it('a snapshot does not count time twice, and a second visit (after a reload) adds to the totals', () => {
    const c = clock();
    const rec = new ParadataRecorder(emptyParadata('t', c.now()), c.now);
    rec.beginVisit('cover');
    c.advance(3_000);
    const first = rec.snapshot();
    rec.snapshot();
    expect(rec.snapshot().pageTimesMs.cover).toBe(3_000);
    c.advance(60_000); // the tablet was off
    const again = new ParadataRecorder(first, c.now);
    again.beginVisit('cover');
    c.advance(2_000);
    const done = again.complete();
    expect(done.pageTimesMs.cover).toBe(5_000);
    expect(done.visits).toHaveLength(2);
    expect(done.endedAt).toBe('2026-11-30T09:01:05.000Z');
  });

  it('GPS is missing with a reason until the device grants it', () => {
    const c = clock();
    const rec = new ParadataRecorder(emptyParadata('t', c.now()), c.now);
    expect(rec.snapshot().gps).toEqual({ status: 'missing', reason: 'pending' });
    rec.setGps({ status: 'missing', reason: 'denied' });
    expect(rec.snapshot().gps).toEqual({ status: 'missing', reason: 'denied' });
  });

  it('ignores a "switch" to the same language', () => {
    const rec = new ParadataRecorder(emptyParadata('t', 0), () => 0);
    rec.languageSwitched('fr', 'fr');
    expect(rec.snapshot().languageSwitches).toEqual([]);
  });
});

describe('envelope', () => {
  it("takes the result code from the profile's outcome variable, else the survey's complete code", () => {
    expect(TEST_PROFILE.outcome.variable).toBe('z05_result');
    expect(outcomeOf({ z05_result: 13 }, TEST_PROFILE)).toBe(13);
    expect(outcomeOf({ z05_result: '12' }, TEST_PROFILE)).toBe(12);
    // not a code of the profile, or another variable: the complete code (AAPOR I: 11 in this profile)
    expect(outcomeOf({ z05_result: 99 }, TEST_PROFILE)).toBe(11);
    expect(outcomeOf({ outcome: 14 }, TEST_PROFILE)).toBe(11);
    expect(outcomeOf({}, TEST_PROFILE)).toBe(11);
  });

  it("keeps the draft's language when the profile has it, else the profile's first language", () => {
    const fr = buildEnvelope(
      draft(crypto.randomUUID(), { locale: 'fr' }),
      {},
      {},
      't',
      new Date(),
      TEST_PROFILE,
    );
    expect(fr.locale).toBe('fr');
    const profile = { ...TEST_PROFILE, languages: [{ code: 'en', name: 'English' }] };
    const en = buildEnvelope(draft(crypto.randomUUID(), { locale: 'fr' }), {}, {}, 't', new Date(), profile);
    expect(en.locale).toBe('en');
  });

  it('builds an envelope the shared contract accepts, with the draft id and revision', () => {
    const d = draft(crypto.randomUUID(), { revision: 2, locale: 'zh-Hans' });
    const env = buildEnvelope(
      d,
      { z05_result: 11 },
      { visits: [] },
      'tablet-9',
      new Date('2026-11-30T10:00:00Z'),
      TEST_PROFILE,
    );
    expect(env).toMatchObject({
      interviewId: d.interviewId,
      revision: 2,
      outcome: 11,
      locale: 'zh-Hans',
      deviceId: 'tablet-9',
      completedAt: '2026-11-30T10:00:00.000Z',
    });
  });

  it('refuses a draft the contract would reject (it never reaches the outbox)', () => {
    const d = draft('not-a-uuid');
    expect(() => buildEnvelope(d, {}, {}, 'tablet-9', new Date(), TEST_PROFILE)).toThrow();
  });
});
