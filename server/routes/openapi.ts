/** The OpenAPI 3.1 description of the API, built from the same zod contract the routes validate with. */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  analysisCatalogueSchema,
  analysisProblemSchema,
  analysisRefusalSchema,
  tableRequestSchema,
  tableResponseSchema,
} from '../contract/analysis.ts';
import { modelRequestSchema, modelResponseSchema } from '../contract/analysis-models.ts';
import {
  assignableEnumeratorSchema,
  assignmentHistoryEntrySchema,
  assignmentSchema,
  cancelRequestSchema,
  cancelResultSchema,
  createAssignmentRequestSchema,
  questionnaireSummarySchema,
  reassignRequestSchema,
  reassignResultSchema,
} from '../contract/assignments.ts';
import { loginRequestSchema, loginResponseSchema, userSchema } from '../contract/auth.ts';
import { dashboardSchema } from '../contract/dashboard.ts';
import { deviceKeyResponseSchema, deviceSchema } from '../contract/devices.ts';
import { draftDiscardResultSchema, draftDiscardSchema } from '../contract/draft-discard.ts';
import { surveyDetailSchema } from '../contract/geography.ts';
import { interviewEnvelopeSchema, interviewReceiptSchema } from '../contract/interview.ts';
import { listingResultSchema, listingSubmissionSchema } from '../contract/listing.ts';
import {
  assignOfficeCodeResultSchema,
  assignOfficeCodeSchema,
  clearOfficeCodeSchema,
  officeCodingViewSchema,
} from '../contract/office-coding.ts';
import { problemBodySchema } from '../contract/problem.ts';
import { publishRequestSchema, releaseSchema } from '../contract/releases.ts';
import {
  bulkApproveRequestSchema,
  bulkApproveResultSchema,
  returnedInterviewSchema,
  reviewDetailSchema,
  reviewQueueItemSchema,
  reviewRequestSchema,
  reviewResultSchema,
} from '../contract/review.ts';
import { sealedEnvelopeSchema } from '../contract/sealed-envelope.ts';
import { surveyListSchema } from '../contract/survey-profile.ts';
import { weightingRunSchema, weightingStatusSchema } from '../contract/weighting.ts';
import { problemCatalogue } from '../problems.ts';

const schemas = {
  Problem: problemBodySchema,
  LoginRequest: loginRequestSchema,
  LoginResponse: loginResponseSchema,
  User: userSchema,
  SurveyList: surveyListSchema,
  SurveyDetail: surveyDetailSchema,
  QuestionnaireSummary: questionnaireSummarySchema,
  Assignment: assignmentSchema,
  CreateAssignmentRequest: createAssignmentRequestSchema,
  ReassignRequest: reassignRequestSchema,
  ReassignResult: reassignResultSchema,
  CancelRequest: cancelRequestSchema,
  CancelResult: cancelResultSchema,
  DraftDiscard: draftDiscardSchema,
  DraftDiscardResult: draftDiscardResultSchema,
  AssignableEnumerator: assignableEnumeratorSchema,
  AssignmentHistoryEntry: assignmentHistoryEntrySchema,
  InterviewEnvelope: interviewEnvelopeSchema,
  SealedInterviewEnvelope: sealedEnvelopeSchema,
  InterviewReceipt: interviewReceiptSchema,
  ReviewRequest: reviewRequestSchema,
  ReturnedInterview: returnedInterviewSchema,
  ReviewResult: reviewResultSchema,
  ReviewQueueItem: reviewQueueItemSchema,
  ReviewDetail: reviewDetailSchema,
  BulkApproveRequest: bulkApproveRequestSchema,
  BulkApproveResult: bulkApproveResultSchema,
  Dashboard: dashboardSchema,
  DeviceKey: deviceKeyResponseSchema,
  Device: deviceSchema,
  OfficeCodingView: officeCodingViewSchema,
  AssignOfficeCode: assignOfficeCodeSchema,
  AssignOfficeCodeResult: assignOfficeCodeResultSchema,
  ClearOfficeCode: clearOfficeCodeSchema,
  ListingSubmission: listingSubmissionSchema,
  ListingResult: listingResultSchema,
  AnalysisCatalogue: analysisCatalogueSchema,
  WeightingStatus: weightingStatusSchema,
  WeightingRun: weightingRunSchema,
  Release: releaseSchema,
  PublishRequest: publishRequestSchema,
  AnalysisRefusal: analysisRefusalSchema,
  AnalysisProblem: analysisProblemSchema,
  TableRequest: tableRequestSchema,
  TableResponse: tableResponseSchema,
  ModelRequest: modelRequestSchema,
  ModelResponse: modelResponseSchema,
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
/**
 * The problems of an analysis route, its 422 also a refused table or model (`code`): the problem envelope
 * whose `details` is the refusal (its reason code, the field, the variable or statistic it concerns),
 * beside the other 422s (a request that fails its schema) as plain problems.
 */
const analysisProblems = (
  refusal: 'table.invalid' | 'model.invalid',
  ...codes: Array<keyof typeof problemCatalogue>
) => {
  const others = codes.filter((c) => problemCatalogue[c].status === 422);
  const description = [...others, refusal]
    .map((c) => `${c}: ${problemCatalogue[c].message}`)
    .concat(`${refusal}: details is an AnalysisRefusal`)
    .join(' | ');
  return {
    ...problems(...codes),
    422: {
      description,
      ...json(others.length ? { oneOf: [ref('AnalysisProblem'), ref('Problem')] } : ref('AnalysisProblem')),
    },
  };
};
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
      '/api/surveys': {
        get: {
          ...secured,
          summary: 'The surveys this server runs, with their profiles (questionnaires/<id>/profile.json)',
          responses: { 200: json(ref('SurveyList')), ...problems('auth.required') },
        },
      },
      '/api/surveys/{id}': {
        get: {
          ...secured,
          summary:
            "One survey's profile, its geography (null when it has none) and its interface strings (questionnaires/<id>/interface/<lang>.json)",
          responses: { 200: json(ref('SurveyDetail')), ...problems('auth.required', 'resource.not_found') },
        },
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
          summary:
            "Assignments in the caller's scope (own / team / all), cancelled ones included (status cancelled: a tablet keeps a draft it holds for one, saying so); an enumerator's also those reassigned from them to another enumerator (status reassigned, likewise)",
          responses: { 200: json({ type: 'array', items: ref('Assignment') }), ...authProblems },
        },
        post: {
          ...secured,
          summary:
            'Create an assignment for a household of the sample (supervisor: their team; coordinator, admin), with a reason kept in the audit log',
          requestBody: json(ref('CreateAssignmentRequest')),
          responses: {
            201: json(ref('Assignment')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found', 'assignment.exists'),
          },
        },
      },
      '/api/assignments/enumerators': {
        get: {
          ...secured,
          summary: 'The active enumerators the caller may assign to (supervisor: their team)',
          responses: { 200: json({ type: 'array', items: ref('AssignableEnumerator') }), ...authProblems },
        },
      },
      '/api/assignments/{assignmentId}/history': {
        get: {
          ...secured,
          summary:
            "The assignment's creates, reassigns and cancels from the audit log (who, when, why), and the drafts of it enumerators discarded on their tablets, oldest first",
          responses: {
            200: json({ type: 'array', items: ref('AssignmentHistoryEntry') }),
            ...authProblems,
            ...problems('resource.not_found'),
          },
        },
      },
      '/api/assignments/draft-discards': {
        post: {
          ...secured,
          summary:
            "An enumerator's tablet reports a draft of a withdrawn (cancelled or reassigned) assignment it discarded; kept in the audit log and the assignment's history; idempotent by noticeId (201 first, 200 duplicate after); 409 when the reason is not what happened to the assignment",
          requestBody: json(ref('DraftDiscard')),
          responses: {
            201: json(ref('DraftDiscardResult')),
            200: json(ref('DraftDiscardResult')),
            ...authProblems,
            ...problems('request.invalid', 'assignment.unknown', 'assignment.discard_unwarranted'),
          },
        },
      },
      '/api/assignments/{assignmentId}/reassign': {
        post: {
          ...secured,
          summary:
            'Hand an assignment without an interview to another active enumerator, with a reason kept in the audit log',
          requestBody: json(ref('ReassignRequest')),
          responses: {
            200: json(ref('ReassignResult')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found', 'assignment.started'),
          },
        },
      },
      '/api/assignments/{assignmentId}/cancel': {
        post: {
          ...secured,
          summary:
            "Cancel an assignment without an uploaded interview, with a reason kept in the audit log; it leaves the enumerator's tablet at the next sync",
          requestBody: json(ref('CancelRequest')),
          responses: {
            200: json(ref('CancelResult')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found', 'assignment.interviewed'),
          },
        },
      },
      '/api/interviews/{interviewId}': {
        put: {
          ...secured,
          summary:
            'Upload one revision of an interview (idempotent); sealed for a survey with a public key in its profile. For an assignment since cancelled, or reassigned from the uploader to another enumerator, 409 assignment.cancelled / assignment.reassigned: the copy is kept in quarantine for a person to decide',
          requestBody: json({ oneOf: [ref('InterviewEnvelope'), ref('SealedInterviewEnvelope')] }),
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
          summary:
            'Review one interview: approve (supervisor, then coordinator for the final approval), return to the enumerator with comments per question, comment, or reject with a reason (coordinator). Send the revision you read.',
          requestBody: json(ref('ReviewRequest')),
          responses: {
            200: json(ref('ReviewResult')),
            ...problems(
              'interview.transition_invalid',
              'resource.not_found',
              'auth.forbidden',
              'review.unknown_question',
            ),
            409: {
              description: `interview.transition_invalid: ${problemCatalogue['interview.transition_invalid'].message} / interview.revision_stale: ${problemCatalogue['interview.revision_stale'].message}`,
              ...json(ref('Problem')),
            },
          },
        },
      },
      '/api/review/queue': {
        get: {
          ...secured,
          summary:
            "Interviews to review in the caller's scope (a supervisor: their team), filtered and sorted",
          parameters: [
            ...['status', 'enumerator', 'ea', 'flag'].map((name) => ({
              name,
              in: 'query',
              schema: { type: 'string' },
              description:
                name === 'flag' ? 'a flag code, or any / none' : `only interviews with this ${name}`,
            })),
            {
              name: 'sort',
              in: 'query',
              schema: { enum: ['updated', 'flags', 'enumerator', 'ea', 'duration'] },
            },
            { name: 'order', in: 'query', schema: { enum: ['asc', 'desc'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
          ],
          responses: {
            200: json({
              type: 'object',
              description: 'one page: items, total matching, offset, limit, byStatus (counts per status)',
              properties: {
                items: { type: 'array', items: ref('ReviewQueueItem') },
                total: { type: 'integer' },
                offset: { type: 'integer' },
                limit: { type: 'integer' },
                byStatus: { type: 'object', additionalProperties: { type: 'integer' } },
              },
            }),
            ...authProblems,
          },
        },
      },
      '/api/review/interviews/{interviewId}': {
        get: {
          ...secured,
          summary:
            'One interview to review: questionnaire version, answers, paradata, flags at their questions, history',
          responses: { 200: json(ref('ReviewDetail')), ...problems('resource.not_found', 'auth.forbidden') },
        },
      },
      '/api/review/bulk-approve': {
        post: {
          ...secured,
          summary:
            'Approve many clean interviews (validated, no flags); the others are skipped with the reason',
          requestBody: json(ref('BulkApproveRequest')),
          responses: {
            200: json(ref('BulkApproveResult')),
            ...problems('request.invalid', 'auth.forbidden'),
          },
        },
      },
      '/api/listings/{eaCode}': {
        post: {
          ...secured,
          summary:
            "Record a selected EA's listing (supervisor of its team, coordinator, admin): E, I, U, then m = min(take, E) households drawn systematically and assigned to the team's enumerators",
          requestBody: json(ref('ListingSubmission')),
          responses: {
            201: json(ref('ListingResult')),
            ...problems('request.invalid', 'resource.not_found', 'questionnaire.unknown_version'),
            ...authProblems,
          },
        },
      },
      '/api/devices': {
        get: {
          ...secured,
          summary:
            "The tablets' device keys (coordinator, admin): who holds each, last contact, revoked, wiped",
          responses: { 200: json({ type: 'array', items: ref('Device') }), ...authProblems },
        },
      },
      '/api/devices/{deviceId}/key': {
        post: {
          ...secured,
          summary:
            "The enumerator's tablet asks for its device key (minted on the first ask, bound to that enumerator); null once revoked",
          responses: {
            200: json(ref('DeviceKey')),
            ...authProblems,
            ...problems('request.invalid', 'device.not_yours'),
          },
        },
      },
      '/api/devices/{deviceId}/wiped': {
        post: {
          ...secured,
          summary: 'A revoked tablet says it uploaded everything unsent and deleted its data and keys',
          responses: {
            204: { description: 'recorded' },
            ...authProblems,
            ...problems('request.invalid', 'device.not_yours', 'resource.not_found'),
          },
        },
      },
      '/api/devices/{deviceId}/revoke': {
        post: {
          ...secured,
          summary:
            'Revoke a tablet (coordinator, admin): its key is never released again; at its next contact it uploads what is unsent, then deletes its data',
          responses: {
            200: json(ref('Device')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found'),
          },
        },
      },
      '/api/office-coding/{survey}': {
        get: {
          ...secured,
          summary:
            "The survey's office-coding pairs (coordinator, admin; supervisor: the team's interviews, `elsewhere` counting other teams' answers): each code list and the live interviews' free texts grouped by normalised text, with counts and field codes, and up to 3 suggested codes per uncoded group (codes of alike coded texts, words of the code titles in ?lang=pt (default)|en|fr|kea; another lang: 422 naming lang); ?status=uncoded (default) or all",
          responses: {
            200: json(ref('OfficeCodingView')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found'),
          },
        },
      },
      '/api/office-coding/{survey}/assign': {
        post: {
          ...secured,
          summary:
            'Give one text group an office code (coordinator, admin; supervisor: a text only their team wrote, else 403): it holds for every answer with that text; audited, earlier codes kept as history',
          requestBody: json(ref('AssignOfficeCode')),
          responses: {
            200: json(ref('AssignOfficeCodeResult')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found'),
          },
        },
      },
      '/api/office-coding/{survey}/clear': {
        post: {
          ...secured,
          summary:
            "Clear one text group's office code (coordinator, admin; supervisor as for a code): the group is uncoded again and the export gives it no code; audited with the reason, earlier codes kept as history",
          requestBody: json(ref('ClearOfficeCode')),
          responses: {
            200: json(ref('AssignOfficeCodeResult')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found'),
          },
        },
      },
      '/api/listings': {
        get: {
          ...secured,
          summary: 'Listing counts per EA',
          responses: { 200: json({ type: 'array' }), ...authProblems },
        },
      },
      '/api/dashboard': {
        get: {
          ...secured,
          summary:
            "One survey's fieldwork dashboard (coordinator: all; supervisor: their team): progress, dispositions and AAPOR RR1/RR2/RR3 from the profile's classes, completes per day, durations, flags, last sync",
          parameters: [
            {
              name: 'survey',
              in: 'query',
              required: false,
              description: 'the survey id; required when the server runs several surveys',
              schema: { type: 'string' },
            },
          ],
          responses: {
            200: json(ref('Dashboard')),
            ...authProblems,
            ...problems('request.invalid', 'resource.not_found'),
          },
        },
      },
      '/api/weighting/{survey}': {
        get: {
          ...secured,
          summary:
            'Coordinators, analysts, admins: the state of the last or current weighting run, with the summary of the last finished one',
          responses: {
            200: json(ref('WeightingStatus')),
            ...problems('auth.required', 'auth.forbidden', 'resource.not_found'),
          },
        },
        post: {
          ...secured,
          summary:
            'Start a weighting run on the approved interviews (design.json pipeline with JKn replicates); poll GET for its end',
          responses: {
            202: json(ref('WeightingStatus')),
            ...problems('auth.required', 'auth.forbidden', 'resource.not_found', 'weighting.running'),
          },
        },
      },
      '/api/weighting/{survey}/runs': {
        get: {
          ...secured,
          summary:
            'Every weighting run of the survey, newest first: who started it, the interviews it read (sha256, count), the design and recipe versions, state and failure reason',
          responses: {
            200: json({ type: 'array', items: ref('WeightingRun') }),
            ...problems('auth.required', 'auth.forbidden', 'resource.not_found'),
          },
        },
      },
      '/api/weighting/{survey}/runs/{id}': {
        get: {
          ...secured,
          summary: 'One weighting run',
          responses: {
            200: json(ref('WeightingRun')),
            ...problems('auth.required', 'auth.forbidden', 'resource.not_found', 'weighting.unknown_run'),
          },
        },
      },
      '/api/releases/{survey}': {
        get: {
          ...secured,
          summary:
            'Coordinators, analysts, admins: the releases of the survey, newest first, retired ones too',
          responses: {
            200: json({ type: 'array', items: ref('Release') }),
            ...problems('auth.required', 'auth.forbidden', 'resource.not_found'),
          },
        },
        post: {
          ...secured,
          summary:
            'Publish a finished weighting run as a release (name, date, note); its tables never change after',
          requestBody: json(ref('PublishRequest')),
          responses: {
            201: json(ref('Release')),
            ...problems(
              'auth.required',
              'auth.forbidden',
              'request.invalid',
              'weighting.unknown_run',
              'release.run_not_done',
              'release.name_taken',
            ),
          },
        },
      },
      '/api/releases/{survey}/{id}/retire': {
        post: {
          ...secured,
          summary: 'Retire a release: its tables, models and microdata are no longer served (410)',
          responses: {
            200: json(ref('Release')),
            ...problems('auth.required', 'auth.forbidden', 'release.not_found', 'release.retired'),
          },
        },
      },
      '/api/weighting/{survey}/report': {
        get: {
          ...secured,
          summary:
            'The weighting report of the last finished run: Markdown as the run wrote it; ?lang=pt|en|fr|kea in that language; &format=json as blocks (headings, text, tables)',
          responses: {
            200: { description: 'text/markdown, or application/json { blocks } with format=json' },
            ...problems(
              'auth.required',
              'auth.forbidden',
              'resource.not_found',
              'request.invalid',
              'weighting.no_report',
            ),
          },
        },
      },
      '/api/analysis/{survey}': {
        get: {
          ...secured,
          summary:
            "Analysts (and coordinators, admins): the table builder's catalogue: standard tables, variables with labels, reliability rules",
          responses: {
            200: json(ref('AnalysisCatalogue')),
            ...problems('auth.required', 'auth.forbidden', 'resource.not_found'),
          },
        },
      },
      '/api/analysis/{survey}/tables/{id}': {
        get: {
          ...secured,
          summary:
            'A standard table of tables.json (id "all": every table); ?lang=pt|en|fr|kea&format=json|csv|xlsx&release=<id> (default: the latest published release, else the latest finished run); a release\'s tables are computed once and stored',
          responses: {
            200: json(ref('TableResponse')),
            ...analysisProblems(
              'table.invalid',
              'auth.required',
              'auth.forbidden',
              'resource.not_found',
              'analysis.no_data',
              'release.not_found',
              'release.retired',
            ),
          },
        },
      },
      '/api/analysis/{survey}/tables': {
        post: {
          ...secured,
          summary: 'A custom table (variable, domains, universe); ?lang=pt|en|fr|kea&format=json|csv|xlsx',
          requestBody: json(ref('TableRequest')),
          responses: {
            200: json(ref('TableResponse')),
            ...analysisProblems(
              'table.invalid',
              'auth.required',
              'auth.forbidden',
              'request.invalid',
              'analysis.no_data',
            ),
          },
        },
      },
      '/api/analysis/{survey}/models': {
        post: {
          ...secured,
          summary:
            'A survey-weighted regression (R svyglm: linear, logistic, counts) on the replicate weights; ?lang=pt|en|fr|kea&format=json|csv|xlsx (the unit: household, roster, individual or member)',
          requestBody: json(ref('ModelRequest')),
          responses: {
            200: json(ref('ModelResponse')),
            ...analysisProblems(
              'model.invalid',
              'auth.required',
              'auth.forbidden',
              'request.invalid',
              'analysis.no_data',
            ),
          },
        },
      },
      '/api/analysis/{survey}/microdata/{format}': {
        get: {
          ...secured,
          summary:
            'The files of a microdata format (csv, xlsx, dta, parquet) with the codebook; ?kind=internal|public (public: microdata.zip only)',
          responses: {
            200: json({
              type: 'object',
              properties: { files: { type: 'array', items: { type: 'string' } } },
            }),
            ...problems('request.invalid', 'export.no_public_use', 'export.profile_invalid'),
          },
        },
      },
      '/api/analysis/{survey}/microdata/{format}/{file}': {
        get: {
          ...secured,
          summary:
            'One de-identified microdata file (households/persons with weights, or the codebook), or microdata.zip with all of them; ?lang=pt|en|fr|kea for labels and codebook.md (a label the questionnaire lacks: the source language; another lang: 422 naming lang); ?kind=internal (default, for the office) or public (ids, strata, PSUs and unit numbers as random codes, geography coarsened; only as microdata.zip, so that its files join)',
          responses: {
            200: { description: 'the file', content: { 'application/octet-stream': {} } },
            ...problems(
              'auth.required',
              'auth.forbidden',
              'resource.not_found',
              'analysis.no_data',
              'request.invalid',
              'export.no_public_use',
              'export.profile_invalid',
            ),
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
