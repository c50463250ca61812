/** The reviewers' and coordinators' API calls, checked against the shared contract. */

import { z } from 'zod';
import { dashboardSchema } from '../../server/contract/dashboard.ts';
import { deviceSchema } from '../../server/contract/devices.ts';
import { surveyDetailSchema } from '../../server/contract/geography.ts';
import {
  bulkApproveResultSchema,
  reviewDetailSchema,
  reviewQueuePageSchema,
  reviewResultSchema,
} from '../../server/contract/review.ts';
import { surveyListSchema } from '../../server/contract/survey-profile.ts';
import { api } from '../services.ts';

export interface QueueFilters {
  status: string;
  enumerator: string;
  ea: string;
  flag: string;
  sort: string;
}

/** Interviews the queue shows at once. */
export const QUEUE_PAGE_SIZE = 100;

export function fetchQueue(f: QueueFilters, offset = 0) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  q.set('order', f.sort === 'enumerator' || f.sort === 'ea' ? 'asc' : 'desc');
  q.set('limit', String(QUEUE_PAGE_SIZE));
  q.set('offset', String(offset));
  return api.request('GET', `/api/review/queue?${q}`, reviewQueuePageSchema);
}

export const fetchDetail = (id: string) =>
  api.request('GET', `/api/review/interviews/${encodeURIComponent(id)}`, reviewDetailSchema);

export const sendReview = (
  id: string,
  body: {
    action: 'approve' | 'return' | 'reject' | 'comment';
    revision: number;
    comments: Array<{ question: string | null; text: string }>;
    reason?: string;
  },
) => api.request('POST', `/api/interviews/${encodeURIComponent(id)}/review`, reviewResultSchema, body);

export const bulkApprove = (items: Array<{ interviewId: string; revision: number }>) =>
  api.request('POST', '/api/review/bulk-approve', bulkApproveResultSchema, { items });

export const fetchDashboard = (survey?: string) =>
  api.request(
    'GET',
    survey ? `/api/dashboard?survey=${encodeURIComponent(survey)}` : '/api/dashboard',
    dashboardSchema,
  );
/** One survey's profile and geography (the dashboard's map). */
export const fetchSurvey = (id: string) =>
  api.request('GET', `/api/surveys/${encodeURIComponent(id)}`, surveyDetailSchema);
/** The tablets known to the server (coordinators revoke a lost one). */
export const fetchDevices = () => api.request('GET', '/api/devices', z.array(deviceSchema));
export const revokeDevice = (deviceId: string) =>
  api.request('POST', `/api/devices/${encodeURIComponent(deviceId)}/revoke`, deviceSchema, {});

/** The surveys this server runs (for the survey selectors). */
export const fetchSurveys = () => api.request('GET', '/api/surveys', surveyListSchema);

/** A problem's message for the screen. */
export function problemText(r: {
  kind: string;
  problem?: { message: string; details?: unknown } | null;
  message?: string;
}) {
  const p = 'problem' in r ? r.problem : null;
  if (p) return p.details ? `${p.message} ${JSON.stringify(p.details)}` : p.message;
  return r.message ?? r.kind;
}
