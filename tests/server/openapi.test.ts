import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFUSAL_REASONS } from '../../analysis/tables/refusals.ts';
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

  it("describes a refused table's or model's details: the reason code, the field, the variable and statistic", async () => {
    const doc = await (await ctx.request('GET', '/api/openapi.json')).json();
    const refusal = doc.components.schemas.AnalysisRefusal;
    expect(refusal.required).toEqual(expect.arrayContaining(['table', 'field', 'message']));
    expect(refusal.properties.reason.enum).toEqual([...REFUSAL_REASONS]);
    for (const name of ['variable', 'statistic', 'column', 'field'])
      expect(refusal.properties[name], name).toMatchObject({
        type: 'string',
        description: expect.any(String),
      });
    const problem = doc.components.schemas.AnalysisProblem;
    // the envelope's details are the refusal itself (inlined by zod's JSON Schema)
    expect(problem.properties.details.properties).toEqual(refusal.properties);
    expect(problem.required).toEqual(expect.arrayContaining(['code', 'message', 'details']));
    expect(problem.properties.code.enum).toEqual(['table.invalid', 'model.invalid']);
    const routes: [string, 'get' | 'post', string][] = [
      ['/api/analysis/{survey}/tables/{id}', 'get', 'table.invalid'],
      ['/api/analysis/{survey}/tables', 'post', 'table.invalid'],
      ['/api/analysis/{survey}/models', 'post', 'model.invalid'],
    ];
    for (const [path, method, code] of routes) {
      const unprocessable = doc.paths[path][method].responses['422'];
      expect(JSON.stringify(unprocessable.content), path).toContain('#/components/schemas/AnalysisProblem');
      expect(unprocessable.description, path).toContain(code);
    }
    // the custom table's 422 is also a request failing its schema, a plain problem
    const custom = doc.paths['/api/analysis/{survey}/tables'].post.responses['422'];
    expect(custom.description).toContain('request.invalid');
    expect(JSON.stringify(custom.content)).toContain('#/components/schemas/Problem"');
  });

  it('answers an unknown API route with a 404 problem, not HTML', async () => {
    const res = await ctx.request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('route.not_found');
  });
});
