/** The reviewers' and coordinators' API calls, checked against the shared contract. */

import { z } from 'zod/mini';
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
import { failure } from '../error-note.tsx';
import { api } from '../services.ts';
import { approveInChunks, readAllPages } from './queue-selection.ts';

export interface QueueFilters {
  status: string;
  enumerator: string;
  ea: string;
  flag: string;
  sort: string;
}

/** Interviews the queue shows at once. */
export const QUEUE_PAGE_SIZE = 100;

export function fetchQueue(f: QueueFilters, offset = 0, limit = QUEUE_PAGE_SIZE) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  q.set('order', f.sort === 'enumerator' || f.sort === 'ea' ? 'asc' : 'desc');
  q.set('limit', String(limit));
  q.set('offset', String(offset));
  return api.request('GET', `/api/review/queue?${q}`, reviewQueuePageSchema);
}

/**
 * Every interview matching the filters that has no flag, on every page (the caller keeps the clean
 * ones it may approve). A filter on flags leaves none.
 */
export function fetchAllUnflagged(f: QueueFilters) {
  if (f.flag && f.flag !== 'none') return Promise.resolve({ kind: 'ok' as const, items: [] });
  return readAllPages((offset, limit) => fetchQueue({ ...f, flag: 'none' }, offset, limit));
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
  approveInChunks(items, (chunk) =>
    api.request('POST', '/api/review/bulk-approve', bulkApproveResultSchema, { items: chunk }),
  );

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

/**
 * A failed call for a banner: kept as it is, and told in the app language when shown (client/error-note.tsx
 * with client/error-sentence.ts), so a language switch re-tells it.
 */
export const problemText = failure;
