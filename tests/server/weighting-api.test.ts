/**
 * The weighting runs over HTTP: who may start and read them, one run at a time, and a run that cannot
 * weight (no listed sample here) ends 'failed' with a code of the error catalogue, its sentence and the
 * pipeline's message, leaving nothing half written.
 * The successful run on the simulated IPEI fieldwork is in tests/demo/surveys/ipei/weights.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightingRunSchema, weightingStatusSchema } from '../../server/contract/weighting.ts';
import { problemCatalogue } from '../../server/problems.ts';
import { createTestContext, type Person, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('GET/POST /api/weighting/:survey', () => {
  const may: Person[] = ['admin', 'coord', 'analyst'];
  const mayNot: Person[] = ['sup_a', 'enum_a1'];

  it.each(mayNot)('refuses %s (403)', async (person) => {
    for (const [method, path] of [
      ['GET', '/api/weighting/ipei'],
      ['POST', '/api/weighting/ipei'],
      ['GET', '/api/weighting/ipei/report'],
      ['GET', '/api/weighting/ipei/runs'],
      ['GET', '/api/releases/ipei'],
      ['POST', '/api/releases/ipei'],
    ] as const) {
      const res = await ctx.request(method, path, { as: person });
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe('auth.forbidden');
    }
  });

  it('requires a login (401)', async () => {
    expect((await ctx.request('GET', '/api/weighting/ipei')).status).toBe(401);
  });

  it.each(may)('shows %s a survey never weighted, and no report yet (409 naming the fix)', async (person) => {
    const res = await ctx.request('GET', '/api/weighting/ipei', { as: person });
    expect(res.status).toBe(200);
    const status = await res.json();
    expect(weightingStatusSchema.parse(status)).toMatchObject({
      survey: 'ipei',
      state: 'none',
      last: null,
      error: null,
    });
    const report = await ctx.request('GET', '/api/weighting/ipei/report', { as: person });
    expect(report.status).toBe(409);
    const body = await report.json();
    expect(body.code).toBe('weighting.no_report');
    expect(body.message).toMatch(/POST \/api\/weighting/);
  });

  it('answers 404 for a survey without a design', async () => {
    for (const survey of ['nosuch', '..%2F..%2Fetc']) {
      const res = await ctx.request('POST', `/api/weighting/${survey}`, { as: 'coord' });
      expect(res.status).toBe(404);
    }
  });

  it('runs one weighting at a time, and a run without a listed sample fails with the reason', async () => {
    const first = await ctx.request('POST', '/api/weighting/ipei', { as: 'coord' });
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ state: 'running', error: null });
    const second = await ctx.request('POST', '/api/weighting/ipei', { as: 'analyst' });
    expect(second.status).toBe(409);
    expect((await second.json()).code).toBe('weighting.running');
    let status: {
      state: string;
      error: { code: string; message: string; details: string } | null;
      finishedAt: string | null;
    };
    for (;;) {
      status = await (await ctx.request('GET', '/api/weighting/ipei', { as: 'coord' })).json();
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('weighting.input');
    // the catalogue's sentence for the code (the staff screens translate it), the pipeline's words apart
    expect(status.error?.message).toBe(problemCatalogue['weighting.input'].message);
    expect(status.error?.details).toMatch(/No selected unit of survey .ipei./);
    expect(weightingStatusSchema.parse(status).error?.code).toBe('weighting.input');
    expect(status.finishedAt).not.toBeNull();
    // nothing was written: still no report and no weighted data for the tables
    expect((await ctx.request('GET', '/api/weighting/ipei/report', { as: 'coord' })).status).toBe(409);
    expect((await ctx.request('GET', '/api/analysis/ipei/tables/T01', { as: 'analyst' })).status).toBe(409);
    // the run is a row: who started it, what it read, why it failed
    const runs = await (await ctx.request('GET', '/api/weighting/ipei/runs', { as: 'analyst' })).json();
    expect(runs).toHaveLength(1);
    expect(weightingRunSchema.parse(runs[0])).toMatchObject({
      state: 'failed',
      startedBy: ctx.userIds.coord,
      error: { code: 'weighting.input' },
    });
    const unknown = await ctx.request('GET', '/api/weighting/ipei/runs/999', { as: 'analyst' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('weighting.unknown_run');
    // and it can be started again
    expect((await ctx.request('POST', '/api/weighting/ipei', { as: 'admin' })).status).toBe(202);
  });
});
