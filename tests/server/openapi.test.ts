import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/server.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

describe('API description and basics', () => {
  it('GET /api/health answers ok', async () => {
    const res = await ctx.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect((await res.json()).ok).toBe(true);
  });

  it('GET /api/openapi.json describes every route with the envelope schema and its required fields', async () => {
    const doc = await (await ctx.request('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/surveys',
      '/api/surveys/{id}',
      '/api/questionnaires',
      '/api/questionnaires/{id}/versions/{version}',
      '/api/assignments',
      '/api/interviews/{interviewId}',
      '/api/office-coding/{survey}',
      '/api/office-coding/{survey}/assign',
      '/api/office-coding/{survey}/clear',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.InterviewEnvelope.required).toEqual(
      expect.arrayContaining([
        'interviewId',
        'revision',
        'questionnaireId',
        'questionnaireVersion',
        'assignmentId',
        'answers',
        'paradata',
        'outcome',
        'locale',
        'startedAt',
        'completedAt',
        'deviceId',
      ]),
    );
    expect(doc.paths['/api/interviews/{interviewId}'].put.responses['409']).toBeDefined();
    // the sealed form (end-to-end encrypted survey): ciphertext in place of answers and paradata
    const sealed = doc.components.schemas.SealedInterviewEnvelope;
    expect(sealed.required).toEqual(expect.arrayContaining(['interviewId', 'revision', 'sealed']));
    expect(sealed.required).not.toContain('answers');
    expect(sealed.properties.sealed.required).toEqual(
      expect.arrayContaining(['alg', 'keyId', 'wrappedKey', 'iv', 'ciphertext']),
    );
  });

  it('answers an unknown API route with a 404 problem, not HTML', async () => {
    const res = await ctx.request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('route.not_found');
  });
});
