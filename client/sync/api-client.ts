/**
 * The typed API client: every call returns a result the caller can switch on, never a thrown fetch error.
 * Responses are checked against the shared zod contract.
 */
import { z } from 'zod/mini';
import {
  type Assignment,
  assignmentSchema,
  questionnaireSummarySchema,
} from '../../server/contract/assignments.ts';
import { type LoginResponse, loginResponseSchema } from '../../server/contract/auth.ts';
import { type DeviceKeyResponse, deviceKeyResponseSchema } from '../../server/contract/devices.ts';
import {
  type DraftDiscard,
  type DraftDiscardResult,
  draftDiscardResultSchema,
} from '../../server/contract/draft-discard.ts';
import { type SurveyDetail, surveyDetailSchema } from '../../server/contract/geography.ts';
import { type InterviewReceipt, interviewReceiptSchema } from '../../server/contract/interview.ts';
import { type ProblemBody, problemBodySchema } from '../../server/contract/problem.ts';
import { type ReturnedInterview, returnedInterviewSchema } from '../../server/contract/review.ts';
import type { AnyEnvelope } from '../../server/contract/sealed-envelope.ts';

const jsonObject = z.record(z.string(), z.unknown());
const assignmentListSchema = z.array(assignmentSchema);
const questionnaireListSchema = z.array(questionnaireSummarySchema);
const returnedInterviewListSchema = z.array(returnedInterviewSchema);

export type ApiResult<T> =
  | { kind: 'ok'; status: number; data: T }
  | { kind: 'unauthorized'; problem: ProblemBody | null }
  | { kind: 'conflict'; problem: ProblemBody | null }
  | { kind: 'rejected'; status: number; problem: ProblemBody | null }
  | { kind: 'transient'; status: number | null; message: string; problem?: ProblemBody | null };

export interface ApiClientOptions {
  baseUrl?: string;
  token?: () => string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

async function readProblem(res: Response): Promise<ProblemBody | null> {
  try {
    const parsed = problemBodySchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly token: () => string | null;
  private readonly fetchFn: () => typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.token = options.token ?? (() => null);
    // Looked up per call, so tests can stub the global fetch after construction.
    this.fetchFn = () => options.fetch ?? globalThis.fetch;
  }

  async request<T>(
    method: string,
    path: string,
    schema: z.ZodMiniType<T>,
    body?: unknown,
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let res: Response;
    try {
      res = await this.fetchFn()(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (err) {
      const aborted = controller.signal.aborted;
      return { kind: 'transient', status: null, message: aborted ? 'timeout' : `network: ${String(err)}` };
    } finally {
      clearTimeout(timer);
    }
    if (res.status === 204) return { kind: 'ok', status: 204, data: undefined as T };
    if (res.ok) {
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        return { kind: 'transient', status: res.status, message: 'unreadable response' };
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        return { kind: 'transient', status: res.status, message: 'unexpected response shape' };
      return { kind: 'ok', status: res.status, data: parsed.data };
    }
    if (res.status === 401) return { kind: 'unauthorized', problem: await readProblem(res) };
    if (res.status === 409) return { kind: 'conflict', problem: await readProblem(res) };
    if (res.status === 408 || res.status === 429 || res.status >= 500) {
      const problem = await readProblem(res);
      return {
        kind: 'transient',
        status: res.status,
        message: problem?.message ?? `HTTP ${res.status}`,
        problem,
      };
    }
    return { kind: 'rejected', status: res.status, problem: await readProblem(res) };
  }

  login(username: string, password: string): Promise<ApiResult<LoginResponse>> {
    return this.request('POST', '/api/auth/login', loginResponseSchema, { username, password });
  }

  /** Ends the server session of the current token (204); false when the server could not be told. */
  async logout(): Promise<boolean> {
    const token = this.token();
    if (!token) return false;
    try {
      const res = await this.fetchFn()(`${this.baseUrl}/api/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      return res.ok || res.status === 401;
    } catch {
      return false;
    }
  }

  assignments(): Promise<ApiResult<Assignment[]>> {
    return this.request('GET', '/api/assignments', assignmentListSchema);
  }

  questionnaires() {
    return this.request('GET', '/api/questionnaires', questionnaireListSchema);
  }

  questionnaire(id: string, version: number) {
    const path = `/api/questionnaires/${encodeURIComponent(id)}/versions/${version}`;
    return this.request('GET', path, jsonObject);
  }

  /** A survey's profile and geography (the tablet caches it with the questionnaires). */
  survey(id: string): Promise<ApiResult<SurveyDetail>> {
    return this.request('GET', `/api/surveys/${encodeURIComponent(id)}`, surveyDetailSchema);
  }

  returned(): Promise<ApiResult<ReturnedInterview[]>> {
    return this.request('GET', '/api/interviews/returned', returnedInterviewListSchema);
  }

  /** This tablet's server-held device key (enumerators; see offline/device-key.ts). */
  deviceKey(deviceId: string): Promise<ApiResult<DeviceKeyResponse>> {
    return this.request(
      'POST',
      `/api/devices/${encodeURIComponent(deviceId)}/key`,
      deviceKeyResponseSchema,
      {},
    );
  }

  /** A revoked tablet says it deleted its data and keys. */
  deviceWiped(deviceId: string): Promise<ApiResult<unknown>> {
    return this.request('POST', `/api/devices/${encodeURIComponent(deviceId)}/wiped`, z.unknown(), {});
  }

  /** Tells the office a draft of a withdrawn assignment was discarded (idempotent by noticeId). */
  postDraftDiscard(notice: DraftDiscard): Promise<ApiResult<DraftDiscardResult>> {
    return this.request('POST', '/api/assignments/draft-discards', draftDiscardResultSchema, notice);
  }

  putInterview(envelope: AnyEnvelope): Promise<ApiResult<InterviewReceipt>> {
    const path = `/api/interviews/${encodeURIComponent(envelope.interviewId)}`;
    return this.request('PUT', path, interviewReceiptSchema, envelope);
  }
}
