/** The OpenAPI 3.1 description of the API, built from the same zod contract the routes validate with. */
import { Hono } from 'hono';
import { z } from 'zod';
import { assignmentSchema, questionnaireSummarySchema } from '../contract/assignments.ts';
import { loginRequestSchema, loginResponseSchema, userSchema } from '../contract/auth.ts';
import { interviewEnvelopeSchema, interviewReceiptSchema } from '../contract/interview.ts';
import { problemBodySchema } from '../contract/problem.ts';
import { returnedInterviewSchema, reviewRequestSchema } from '../contract/review.ts';
import { problemCatalogue } from '../problems.ts';

const schemas = {
  Problem: problemBodySchema,
  LoginRequest: loginRequestSchema,
  LoginResponse: loginResponseSchema,
  User: userSchema,
  QuestionnaireSummary: questionnaireSummarySchema,
  Assignment: assignmentSchema,
  InterviewEnvelope: interviewEnvelopeSchema,
  InterviewReceipt: interviewReceiptSchema,
  ReviewRequest: reviewRequestSchema,
  ReturnedInterview: returnedInterviewSchema,
};

const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const problems = (...codes: Array<keyof typeof problemCatalogue>) =>
  Object.fromEntries(
    codes.map((code) => [
      String(problemCatalogue[code].status),
      { description: `${code}: ${problemCatalogue[code].message}`, ...json(ref('Problem')) },
    ]),
  );
const secured = { security: [{ bearer: [] }] };
const authProblems = problems('auth.required', 'auth.forbidden');

export function buildOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Morabeza API',
      version: '0.1.0',
      description: 'Survey engine: questionnaires, assignments, interviews.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [
          name,
          z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
        ]),
      ),
    },
    paths: {
      '/api/health': {
        get: { summary: 'Liveness and database check', responses: { 200: { description: '{ ok: true }' } } },
      },
      '/api/auth/login': {
        post: {
          summary: 'Log in; returns a bearer token',
          requestBody: json(ref('LoginRequest')),
          responses: {
            200: json(ref('LoginResponse')),
            ...problems('auth.failed', 'auth.throttled', 'request.invalid'),
          },
        },
      },
      '/api/auth/me': {
        get: { ...secured, summary: 'The logged-in user', responses: { 200: json({ type: 'object' }) } },
      },
      '/api/auth/logout': {
        post: { ...secured, summary: 'End this session', responses: { 204: { description: 'done' } } },
      },
      '/api/questionnaires': {
        get: {
          ...secured,
          summary: 'Questionnaires and their versions',
          responses: { 200: json({ type: 'array', items: ref('QuestionnaireSummary') }) },
        },
      },
      '/api/questionnaires/{id}/versions/{version}': {
        get: {
          ...secured,
          summary: 'The exact SurveyJS JSON of one version',
          responses: { 200: json({ type: 'object' }), ...problems('resource.not_found') },
        },
      },
      '/api/assignments': {
        get: {
          ...secured,
          summary: "Assignments in the caller's scope (own / team / all)",
          responses: { 200: json({ type: 'array', items: ref('Assignment') }), ...authProblems },
        },
      },
      '/api/interviews/{interviewId}': {
        put: {
          ...secured,
          summary: 'Upload one revision of an interview (idempotent)',
          requestBody: json(ref('InterviewEnvelope')),
          responses: {
            201: json(ref('InterviewReceipt')),
            200: { description: 'The same content again: nothing changed', ...json(ref('InterviewReceipt')) },
            ...problems(
              'request.malformed',
              'request.invalid',
              'request.too_large',
              'interview.conflict',
              'interview.not_owner',
            ),
          },
        },
        get: {
          ...secured,
          summary: 'One interview in scope',
          responses: { 200: json({ type: 'object' }), ...problems('resource.not_found') },
        },
      },
      '/api/interviews/{interviewId}/review': {
        post: {
          ...secured,
          summary: 'Approve, or return to the enumerator with comments',
          requestBody: json(ref('ReviewRequest')),
          responses: {
            200: json({ type: 'object' }),
            ...problems('interview.transition_invalid', 'resource.not_found'),
          },
        },
      },
      '/api/interviews/returned': {
        get: {
          ...secured,
          summary: "The enumerator's returned interviews",
          responses: { 200: json({ type: 'array', items: ref('ReturnedInterview') }) },
        },
      },
    },
  };
}

export function openApiRoutes() {
  const document = buildOpenApi();
  return new Hono().get('/', (c) => c.json(document));
}
