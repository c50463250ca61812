import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewRevisions, interviews, quarantine } from '../../server/db/schema.ts';
import { createTestContext, envelope, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const put = (body: unknown, as: 'enum_a1' | 'enum_a2' | 'enum_b1' = 'enum_a1', id?: string) =>
  ctx.request('PUT', `/api/interviews/${id ?? (body as { interviewId: string }).interviewId}`, { as, body });

async function count(table: typeof interviews | typeof interviewRevisions | typeof quarantine) {
  const rows = await ctx.database.db.select({ n: sql<number>`count(*)` }).from(table);
  return rows[0].n;
}

describe('PUT /api/interviews/:id', () => {
  it('stores a first upload (201), and the same content again is 200 with nothing changed', async () => {
    const env = envelope(ctx, 'enum_a1');
    const first = await put(env);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      interviewId: env.interviewId,
      revision: 1,
      status: 'received',
      duplicate: false,
    });
    const again = await put(env);
    expect(again.status).toBe(200);
    expect((await again.json()).duplicate).toBe(true);
    // the same content with keys in another order is still the same upload
    const reordered = Object.fromEntries(Object.entries(env).reverse());
    expect((await put(reordered)).status).toBe(200);
    expect(await count(interviews)).toBe(1);
    expect(await count(interviewRevisions)).toBe(1);
    expect(await count(quarantine)).toBe(0);
    // the revision row is the intake's audit trail: who sent it, when, and the exact bytes
    const [revision] = await ctx.database.db.select().from(interviewRevisions);
    expect(revision.receivedBy).toBe(ctx.userIds.enum_a1);
    expect(revision.envelope).toBe(JSON.stringify(env));
  });

  it('answers 409 interview.conflict to the same revision with other content, and keeps that copy in quarantine', async () => {
    const env = envelope(ctx, 'enum_a1');
    await put(env);
    const changed = { ...env, answers: { ...env.answers, b03_size: 4 } };
    const res = await put(changed);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('interview.conflict');
    const kept = await ctx.database.db.select().from(quarantine);
    expect(kept).toHaveLength(1);
    expect(kept[0].reason).toBe('conflict');
    expect(JSON.parse(kept[0].envelope).answers.b03_size).toBe(4);
    // a retry of the conflicting copy is answered the same and kept once
    expect((await put(changed)).status).toBe(409);
    expect(await count(quarantine)).toBe(1);
    // what was stored first is unchanged
    const stored = await ctx.database.db.select().from(interviewRevisions);
    expect(JSON.parse(stored[0].envelope).answers.b03_size).toBe(3);
  });

  it('accepts revision 2 only while the interview is returned to its enumerator', async () => {
    const env = envelope(ctx, 'enum_a1');
    await put(env);
    const rev2 = { ...env, revision: 2, answers: { ...env.answers, b03_size: 5 } };
    const early = await put(rev2);
    expect(early.status).toBe(409);
    expect((await early.json()).code).toBe('interview.revision_rejected');
    expect((await ctx.database.db.select().from(quarantine))[0].reason).toBe('revision_unexpected');

    await ctx.jobs.drain(); // reviews act on validated interviews
    const back = await ctx.request('POST', `/api/interviews/${env.interviewId}/review`, {
      as: 'sup_a',
      body: {
        action: 'return',
        revision: 1,
        comments: [{ question: 'b03_size', text: 'Confirme o número de membros.' }],
      },
    });
    expect(back.status).toBe(200);
    const returned = await ctx.request('GET', '/api/interviews/returned', { as: 'enum_a1' });
    const list = await returned.json();
    expect(list).toHaveLength(1);
    expect(list[0].comments[0]).toMatchObject({
      question: 'b03_size',
      text: 'Confirme o número de membros.',
      author: ctx.userIds.sup_a,
      authorName: 'sup_a', // the reviewer's display name, for the tablet to show
    });

    const skip = await put({ ...rev2, revision: 3 });
    expect(skip.status).toBe(409);
    const ok = await put(rev2);
    expect(ok.status).toBe(201);
    const row = await ctx.database.db.query.interviews.findFirst({
      where: eq(interviews.id, env.interviewId),
    });
    expect(row).toMatchObject({ currentRevision: 2, status: 'received' });
    expect(await count(interviewRevisions)).toBe(2);
    // revision 1 is still there, unchanged
    const first = await ctx.database.db.query.interviewRevisions.findFirst({
      where: eq(interviewRevisions.revision, 1),
    });
    expect(JSON.parse(first?.envelope ?? '{}').answers.b03_size).toBe(3);
  });

  it('refuses a first upload numbered 2 and keeps it', async () => {
    const res = await put(envelope(ctx, 'enum_a1', { revision: 2 }));
    expect(res.status).toBe(409);
    expect(await count(interviews)).toBe(0);
    expect(await count(quarantine)).toBe(1);
  });

  it("refuses (and keeps) an upload for another enumerator's interview", async () => {
    const env = envelope(ctx, 'enum_a1');
    await put(env);
    const res = await put({ ...env, assignmentId: ctx.assignmentOf('enum_b1') }, 'enum_b1');
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('interview.not_owner');
    expect(await count(quarantine)).toBe(1);
    expect(await count(interviewRevisions)).toBe(1);
  });

  it("refuses an upload against someone else's assignment", async () => {
    const res = await put(envelope(ctx, 'enum_a1', { assignmentId: ctx.assignmentOf('enum_b1') }));
    expect(res.status).toBe(422);
    expect((await res.json()).code).toBe('assignment.unknown');
    expect(await count(interviews)).toBe(0);
  });

  it('refuses an unknown questionnaire version with 422 naming it', async () => {
    const res = await put(envelope(ctx, 'enum_a1', { questionnaireVersion: 9 }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('questionnaire.unknown_version');
    expect(body.details).toEqual({ questionnaireId: 'test-household', questionnaireVersion: 9 });
    expect(await count(interviews)).toBe(0);
  });

  it('answers 400 to malformed JSON and 422 naming each bad field', async () => {
    const id = randomUUID();
    const malformed = await ctx.request('PUT', `/api/interviews/${id}`, {
      as: 'enum_a1',
      raw: '{"interviewId": ',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).code).toBe('request.malformed');

    const { outcome: _o, ...missing } = envelope(ctx, 'enum_a1', { interviewId: id });
    const res = await put({ ...missing, revision: 'one', locale: 'Deutsch', extra: true }, 'enum_a1', id);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('request.invalid');
    const fields = body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['outcome', 'revision', 'locale', '(body)']));

    const other = await put(envelope(ctx, 'enum_a1'), 'enum_a1', randomUUID());
    expect(other.status).toBe(422);
    expect((await other.json()).details[0].field).toBe('interviewId');
    expect(await count(interviews)).toBe(0);
  });

  it("refuses an outcome code and a locale that are not in the survey's profile (422 naming the field)", async () => {
    // the test survey's profile (tests/fixtures/server/questionnaires/test/profile.json) has codes 1-6, 11-16
    const seven = await put(envelope(ctx, 'enum_a1', { outcome: 7 }));
    expect(seven.status).toBe(422);
    const body = await seven.json();
    expect(body.code).toBe('request.invalid');
    expect(body.details).toEqual([
      {
        field: 'outcome',
        message: expect.stringMatching(/^7 is not a result code of survey test: one of 1, .*16$/),
      },
    ]);
    const german = await put(envelope(ctx, 'enum_a1', { locale: 'de' }));
    expect(german.status).toBe(422);
    expect((await german.json()).details.map((d: { field: string }) => d.field)).toEqual(['locale']);
    expect(await count(interviews)).toBe(0);
    expect(await count(quarantine)).toBe(0);
    // a code of the profile is taken
    expect((await put(envelope(ctx, 'enum_a1', { outcome: 14, locale: 'zh-Hans' }))).status).toBe(201);
  });

  it('answers 413 to a body over the limit and stores nothing', async () => {
    const env = envelope(ctx, 'enum_a1', { paradata: { blob: 'x'.repeat(300 * 1024) } });
    const res = await put(env);
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('request.too_large');
    expect(await count(interviews)).toBe(0);
  });

  it('stores SQL metacharacters and any Unicode text byte for byte', async () => {
    const text =
      "Robert'); DROP TABLE interviews;-- 🇨🇻 Kriolu: Nha nómi é Djõ; 中文 名字; Wolof: Ñaata? \u0000\u200d e\u0301";
    const env = envelope(ctx, 'enum_a1', {
      answers: { a04_ea: 'CV-PR-0001', b01_consent: 2, b02_reason: text },
    });
    expect((await put(env)).status).toBe(201);
    const got = await ctx.request('GET', `/api/interviews/${env.interviewId}`, { as: 'enum_a1' });
    const body = await got.json();
    expect(body.envelope.answers.b02_reason).toBe(text);
    expect(await count(interviews)).toBe(1);
  });

  it('lets only enumerators upload', async () => {
    const res = await ctx.request('PUT', `/api/interviews/${randomUUID()}`, {
      as: 'sup_a',
      body: envelope(ctx, 'enum_a1'),
    });
    expect(res.status).toBe(403);
  });
});
