/** The review queue and one interview to review: scope, filters, sort, flags at questions, history. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewDetail, ReviewQueuePage } from '../../server/contract/review.ts';
import { createTestContext, envelope, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
const id: Record<string, string> = {};

async function put(name: string, person: Person, answers: Record<string, unknown>) {
  const env = envelope(ctx, person, { answers });
  expect(
    (await ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: person, body: env })).status,
  ).toBe(201);
  id[name] = env.interviewId;
}

beforeAll(async () => {
  ctx = await createTestContext({}, { assignmentsPerEnumerator: 40 }); // one live interview per assignment
  await put('a1clean', 'enum_a1', { a04_ea: 'CV-PR-0001', b01_consent: 1, b03_size: 3 });
  await put('a1bad', 'enum_a1', { b01_consent: 1, b03_size: 99, zz_extra: 1 });
  await put('a2clean', 'enum_a2', { a04_ea: 'CV-PR-0001', b01_consent: 1, b03_size: 4 });
  await put('b1clean', 'enum_b1', { a04_ea: 'CV-SL-0001', b01_consent: 1, b03_size: 2 });
  await ctx.jobs.drain();
  const res = await ctx.request('POST', `/api/interviews/${id.a1clean}/review`, {
    as: 'sup_a',
    body: { action: 'return', revision: 1, comments: [{ question: 'b03_size', text: 'Confirme' }] },
  });
  expect(res.status).toBe(200);
}, 60_000);
afterAll(async () => ctx.close());

const page = async (as: Person, query = '') => {
  const res = await ctx.request('GET', `/api/review/queue${query}`, { as });
  expect(res.status).toBe(200);
  return (await res.json()) as ReviewQueuePage;
};
const queue = async (as: Person, query = '') => (await page(as, query)).items;

describe('review queue', () => {
  it("a supervisor sees only their team's interviews; a coordinator all", async () => {
    expect((await queue('sup_a')).map((i) => i.interviewId).sort()).toEqual(
      [id.a1clean, id.a1bad, id.a2clean].sort(),
    );
    expect((await queue('sup_b')).map((i) => i.interviewId)).toEqual([id.b1clean]);
    expect(await queue('coord')).toHaveLength(4);
    for (const who of ['enum_a1', 'analyst'] as const) {
      expect((await ctx.request('GET', '/api/review/queue', { as: who })).status).toBe(403);
    }
  });

  it('filters by status, enumerator, EA and flag; sorts by flag count', async () => {
    expect((await queue('sup_a', '?status=returned')).map((i) => i.interviewId)).toEqual([id.a1clean]);
    expect((await queue('sup_a', '?enumerator=enum_a2')).map((i) => i.interviewId)).toEqual([id.a2clean]);
    expect(await queue('sup_a', '?ea=CV-SL-0001')).toEqual([]);
    expect((await queue('sup_a', '?flag=any')).map((i) => i.interviewId)).toEqual([id.a1bad]);
    expect((await queue('sup_a', '?flag=validation.unknown-question')).map((i) => i.interviewId)).toEqual([
      id.a1bad,
    ]);
    expect((await queue('sup_a', '?flag=none')).length).toBe(2);
    const sorted = await queue('sup_a', '?sort=flags&order=desc');
    expect(sorted[0].interviewId).toBe(id.a1bad);
    expect(sorted[0].flagCount).toBeGreaterThanOrEqual(2);
    expect(sorted[0]).toMatchObject({ enumerator: 'enum_a1', eaCode: 'CV-PR-0001', stratum: 'PR' });
    expect(sorted[0].actions).toEqual(['approve', 'return', 'comment']);
    expect((await ctx.request('GET', '/api/review/queue?sort=nonsense', { as: 'sup_a' })).status).toBe(422);
  });

  it('pages: the total and the counts per status come with every page, and pages do not overlap', async () => {
    const all = await page('coord', '?sort=ea&order=asc');
    expect(all.total).toBe(4);
    // one returned, three validated; the counts keep the other filters but not the status
    expect(all.byStatus).toEqual({ returned: 1, validated: 3 });
    const validated = await page('coord', '?status=validated&sort=ea&order=asc&limit=2');
    expect(validated).toMatchObject({
      total: 3,
      offset: 0,
      limit: 2,
      byStatus: { returned: 1, validated: 3 },
    });
    expect(validated.items).toHaveLength(2);
    const rest = await page('coord', '?status=validated&sort=ea&order=asc&limit=2&offset=2');
    expect(rest.items).toHaveLength(1);
    const seen = [...validated.items, ...rest.items].map((i) => i.interviewId);
    expect(new Set(seen).size).toBe(3);
    expect(seen).not.toContain(id.a1clean);
    // a supervisor's counts are their team's
    expect((await page('sup_b')).byStatus).toEqual({ validated: 1 });
    expect((await page('sup_a', '?flag=any')).byStatus).toEqual({ validated: 1 });
    expect((await ctx.request('GET', '/api/review/queue?offset=-1', { as: 'sup_a' })).status).toBe(422);
  });

  it('names the household, its EA, the outcome in words and the enumerator', async () => {
    const [a2] = await queue('sup_a', '?enumerator=enum_a2');
    expect(a2).toMatchObject({
      eaCode: 'CV-PR-0001',
      island: 'Santiago',
      municipality: 'CV-PR',
      dwelling: 2,
      household: 1,
      outcome: 11,
      outcomeLabel: { pt: 'Completa', en: 'Complete' },
      enumerator: 'enum_a2',
      enumeratorName: 'enum_a2',
    });
    const d = (await (
      await ctx.request('GET', `/api/review/interviews/${id.a2clean}`, { as: 'sup_a' })
    ).json()) as ReviewDetail;
    expect(d.interview).toMatchObject({ dwelling: 2, household: 1, outcomeLabel: { pt: 'Completa' } });
  });

  it('one interview: its questionnaire version, answers, flags at their questions and its history', async () => {
    const res = await ctx.request('GET', `/api/review/interviews/${id.a1bad}`, { as: 'sup_a' });
    const d = (await res.json()) as ReviewDetail;
    expect(d.interview.revision).toBe(1);
    expect((d.definition.pages as unknown[]).length).toBe(1);
    expect((d.envelope.answers as Record<string, unknown>).b03_size).toBe(99);
    expect(d.flags.map((f) => f.path)).toEqual(expect.arrayContaining(['b03_size', 'zz_extra']));
    const back = (await (
      await ctx.request('GET', `/api/review/interviews/${id.a1clean}`, { as: 'sup_a' })
    ).json()) as ReviewDetail;
    expect(back.history.map((h) => [h.kind, h.action, h.actor, h.question, h.comment])).toEqual([
      ['revision', 'received', 'enum_a1', null, null],
      ['review', 'return', 'sup_a', 'b03_size', 'Confirme'],
    ]);
    expect((await ctx.request('GET', `/api/review/interviews/${id.b1clean}`, { as: 'sup_a' })).status).toBe(
      404,
    );
  });

  it('the OpenAPI document lists the review and dashboard paths', async () => {
    const doc = await (await ctx.request('GET', '/api/openapi.json')).json();
    for (const path of [
      '/api/review/queue',
      '/api/review/interviews/{interviewId}',
      '/api/review/bulk-approve',
      '/api/dashboard',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.Dashboard).toBeDefined();
    expect(doc.components.schemas.ReviewRequest.required).toEqual(
      expect.arrayContaining(['action', 'revision']),
    );
  });
});
